import Foundation

/// What was made from a source file (a parsed template, a loaded data file), kept by the file's
/// path, a variant (the sheet read, say) and its bytes: the same bytes give the same result, so a
/// second compile of a slightly changed input reads every file again (cheap) but parses only those
/// whose bytes changed. Keyed by the bytes themselves, not by a hash of them, so two different
/// files can never share an entry. Bounded by `Limits.maxCacheEntries` and `maxCacheBytes`: a
/// full cache empties itself before it takes a new entry. Unchecked `Sendable` is safe: the
/// entries are read and written under `lock` only, and the values are `Sendable`.
public final class SourceCache<Value: Sendable>: @unchecked Sendable {
    struct Key: Hashable {
        var path: String
        var variant: String
        var bytes: Data
    }

    private let lock = NSLock()
    private var entries: [Key: Value] = [:]
    private var bytes = 0
    private let maxEntries: Int
    private let maxBytes: Int
    /// Lookups answered from the cache, and those that were not (for tests and the benchmark).
    private var hitCount = 0, missCount = 0
    public var hits: Int { lock.lock(); defer { lock.unlock() }; return hitCount }
    public var misses: Int { lock.lock(); defer { lock.unlock() }; return missCount }

    public init(limits: Limits = .standard) {
        maxEntries = max(1, limits.maxCacheEntries)
        maxBytes = max(0, limits.maxCacheBytes)
    }

    /// The value made from `bytes` of `path`, made by `make` when the cache does not hold it.
    /// An error of `make` is thrown and nothing is kept.
    public func value(path: String, variant: String = "", bytes: Data, make: () throws -> Value) rethrows -> Value {
        let key = Key(path: path, variant: variant, bytes: bytes)
        lock.lock()
        if let v = entries[key] {
            hitCount += 1
            lock.unlock()
            return v
        }
        missCount += 1
        lock.unlock()
        let v = try make()
        guard bytes.count <= maxBytes else { return v }
        lock.lock(); defer { lock.unlock() }
        if entries.count >= maxEntries || self.bytes + bytes.count > maxBytes {
            entries.removeAll(keepingCapacity: true)
            self.bytes = 0
        }
        if entries.updateValue(v, forKey: key) == nil { self.bytes += bytes.count }
        return v
    }

    /// Entries held now.
    public var count: Int {
        lock.lock(); defer { lock.unlock() }
        return entries.count
    }
}
