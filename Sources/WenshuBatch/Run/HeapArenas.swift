import Foundation

/// glibc's malloc gives each thread that allocates an arena of its own, up to eight per core, and
/// keeps what each arena once held: a long batch, whose typesetting and rendering threads allocate
/// and free a chunk's pages again and again, saw its peak memory climb with the rows (132 MB at
/// 100,000 rows; 117 MB with MALLOC_ARENA_MAX=2). A run uses one arena per core, and gives the
/// heap's free pages back once a part is joined. glibc's `mallopt` and `malloc_trim` are looked up
/// by name (Swift's Glibc module leaves out malloc.h); on another C library both do nothing.
enum HeapArenas {
    private typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    private typealias MallocTrim = @convention(c) (Int) -> Int32
    /// glibc's M_ARENA_MAX.
    private static let arenaMax: Int32 = -8

    private static func symbol<T>(_ name: String, as type: T.Type) -> T? {
        guard let handle = dlopen(nil, RTLD_NOW), let f = dlsym(handle, name) else { return nil }
        return unsafeBitCast(f, to: type)
    }

    private static let once: Void = {
        _ = symbol("mallopt", as: Mallopt.self)?(arenaMax, Int32(clamping: max(1, ProcessInfo.processInfo.activeProcessorCount)))
    }()
    nonisolated(unsafe) private static let mallocTrim = symbol("malloc_trim", as: MallocTrim.self)

    /// Caps the arenas at the number of cores (the first call; later ones do nothing).
    static func limit() { once }

    /// Returns the free pages of the heaps to the system.
    static func trim() { _ = mallocTrim?(0) }
}
