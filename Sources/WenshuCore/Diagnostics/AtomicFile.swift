import Foundation

/// Writes a file whole or not at all: the content goes to a temporary file beside the target
/// (`.NAME.PID.RANDOM.tmp`), every write checked to the last byte, flushed to the disk (`fsync`)
/// and closed with its status checked; the temporary is renamed over the target only then. A
/// failed write leaves no file that looks finished, and no temporary either:
///
/// - a write that fails (a full disk, a quota, a removed USB stick) removes the temporary and
///   says why, with the system's reason, in Chinese and English;
/// - a run stopped by Ctrl-C, `kill` or a closed terminal (SIGINT, SIGTERM, SIGHUP) removes the
///   temporaries still open (they are registered here; the command line calls `removeRegistered`
///   from its signal handlers);
/// - a run killed outright (SIGKILL, a power cut) leaves its temporary, which the next run that
///   writes the same file removes: the process named in it is gone (`removeStaleTemporaries`).
public enum AtomicFile {
    /// An error writing an output file: which file, what the system said, what to do.
    public struct WriteError: WenshuError {
        public var path: String
        /// What went wrong, in Chinese and in English.
        public var chinese: String
        public var english: String
        /// What to do, in Chinese and in English.
        public var hint: (chinese: String, english: String)?

        public init(path: String, chinese: String, english: String, hint: (chinese: String, english: String)? = nil) {
            self.path = path; self.chinese = chinese; self.english = english; self.hint = hint
        }

        /// An error whose reason is known only in English (kept for callers written before the
        /// Chinese messages; prefer the other initialisers).
        public init(path: String, reason: String) {
            self.init(path: path, chinese: "写入失败", english: reason)
        }

        /// An error from a system call's `errno`, with its reason and a hint in both languages.
        public init(path: String, errno code: Int32) {
            let e = AtomicFile.explain(code)
            self.init(path: path, chinese: e.chinese, english: e.english, hint: e.hint)
        }

        /// The folder the file would go in does not exist.
        public static func noFolder(_ path: String, folder: String) -> WriteError {
            WriteError(path: path, chinese: "文件夹 \(folder) 不存在", english: "the folder \(folder) does not exist",
                       hint: ("请先建立该文件夹或换一个输出位置", "create it first or choose another output"))
        }

        public var message: String {
            var zh = "无法写入 \(path)：\(chinese)"
            var en = "cannot write \(path): \(english)"
            if let hint { zh += "；\(hint.chinese)"; en += "; \(hint.english)" }
            return "\(zh) (\(en))"
        }
    }

    /// What `errno` means for a file being written, and what to do about it.
    public static func explain(_ code: Int32) -> (chinese: String, english: String, hint: (chinese: String, english: String)?) {
        let english = String(cString: strerror(code))
        switch code {
        case ENOSPC:
            return ("磁盘已满", english, ("请腾出磁盘空间或换一个输出位置后重试", "free some disk space or choose another output, then run again"))
        case EDQUOT:
            return ("超出磁盘配额", english, ("请腾出空间或换一个输出位置后重试", "free some space or choose another output, then run again"))
        case EACCES, EPERM:
            return ("没有写入权限", english, ("请换一个可写的输出位置", "choose an output folder you can write to"))
        case EROFS:
            return ("文件系统只读", english, ("请换一个可写的输出位置", "choose an output folder you can write to"))
        case ENOENT, ENOTDIR:
            return ("文件夹不存在", english, ("请先建立该文件夹或换一个输出位置", "create the folder first or choose another output"))
        case EISDIR:
            return ("同名的文件夹已存在", english, ("请换一个输出文件名", "choose another output name"))
        case ENAMETOOLONG:
            return ("文件名太长", english, ("请用短一些的文件名", "use a shorter name"))
        case EIO:
            return ("磁盘读写出错", english, ("请检查磁盘或换一个输出位置", "check the disk or choose another output"))
        case EFBIG:
            return ("文件超出大小上限", english, ("请分批输出（--shard）或换一个文件系统", "split the output (--shard) or use another file system"))
        default:
            return ("系统错误 \(code)", english, nil)
        }
    }

    // MARK: Writing

    /// Creates the file at `path` through `body`, which writes its bytes to the `Output` given; the
    /// file appears (renamed from its temporary) only when `body` returns and every byte is on the
    /// disk. If `body` throws or a write fails, nothing is left. Temporaries of this name that a
    /// stopped run left behind (their process is gone) are removed first.
    public static func write<T>(to path: String, _ body: (Output) throws -> T) throws -> T {
        let folder = folderOf(path)
        removeStaleTemporaries(in: folder, of: [(path as NSString).lastPathComponent])
        let output = try Output(path: path)
        do {
            let result = try body(output)
            try output.commit()
            return result
        } catch {
            output.discard()
            throw error
        }
    }

    /// Writes `data` to `path` atomically.
    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { try $0.write(data) }
    }

    /// The folder a path's file is in ("." for a bare name).
    static func folderOf(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Writes the bytes of one file: `write(2)` to a temporary file, every call's result checked
    /// (short writes continued, EINTR retried), then `fsync` and `close` checked and the rename
    /// done by `commit()`. The first failure is kept (`failure`) for writers that can only say
    /// "failed", such as Cairo's stream callback. Dropped without `commit()`, the temporary is removed.
    public final class Output: @unchecked Sendable {
        /// The file this becomes.
        public let path: String
        /// Where it is written until it is whole.
        public let temporaryPath: String
        /// Bytes written to the file so far (not counting those still gathered).
        public private(set) var count = 0
        /// The first write error, if any.
        public private(set) var failure: WriteError?
        private var fd: Int32
        private let writer: Writer
        private let sync: Bool

        /// How bytes reach the file descriptor: `write(2)` except in tests (a disk that fills up).
        public typealias Writer = @Sendable (_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int

        /// A writer that behaves as a disk with `bytes` free: `write(2)` until they are used, then
        /// ENOSPC. For checking that a caller handles a full disk (tests, the hostile-input harness).
        public static func diskThatFills(after bytes: Int) -> Writer {
            final class Space: @unchecked Sendable {
                let lock = NSLock()
                var left: Int
                init(_ left: Int) { self.left = left }
            }
            let space = Space(bytes)
            return { fd, buffer in
                space.lock.lock(); defer { space.lock.unlock() }
                guard space.left > 0 else { errno = ENOSPC; return -1 }
                let n = Glibc.write(fd, buffer.baseAddress, min(space.left, buffer.count))
                if n > 0 { space.left -= n }
                return n
            }
        }

        /// Opens a new temporary file for `path` (the folder must exist).
        /// - Parameter sync: flush the file to the disk (`fsync`) before it is renamed. Thousands of
        ///   small files written together (a batch, one PDF per row) pass false and flush their file
        ///   system once at the end instead (`AtomicFile.syncFileSystem`): an fsync per file costs
        ///   more than writing it.
        public init(path: String, sync: Bool = true,
                    writer: @escaping Writer = { fd, bytes in Glibc.write(fd, bytes.baseAddress, bytes.count) }) throws {
            self.path = path
            self.writer = writer
            self.sync = sync
            let folder = AtomicFile.folderOf(path)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
                throw WriteError.noFolder(path, folder: folder)
            }
            var isTargetDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isTargetDir), isTargetDir.boolValue {
                throw WriteError(path: path, errno: EISDIR)
            }
            let temp = AtomicFile.temporaryPath(for: path)
            let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard fd >= 0 else {
                let code = errno
                AtomicFile.unregister(temp)
                throw WriteError(path: path, errno: code)
            }
            self.fd = fd
            self.temporaryPath = temp
        }

        deinit { discard() }

        /// Appends `bytes`; throws (and keeps) the first error.
        /// Appends `bytes`; throws (and keeps) the first error. Small writes (Cairo writes a PDF a
        /// few bytes at a time) are gathered into blocks of `blockSize` first.
        public func write(_ bytes: UnsafeRawBufferPointer) throws {
            if let failure { throw failure }
            guard fd >= 0 else { throw WriteError(path: path, chinese: "文件已关闭", english: "the file is already closed") }
            if buffer.count + bytes.count <= Output.blockSize {
                buffer.append(contentsOf: bytes)
                return
            }
            try flush()
            if bytes.count < Output.blockSize { buffer.append(contentsOf: bytes) } else { try put(bytes) }
        }

        /// Bytes gathered before they are written.
        private var buffer: [UInt8] = []
        static let blockSize = 1 << 16

        /// Writes the gathered bytes.
        private func flush() throws {
            guard !buffer.isEmpty else { return }
            try buffer.withUnsafeBytes { try put($0) }
            buffer.removeAll(keepingCapacity: true)
        }

        /// Writes `bytes` to the file, every call checked.
        private func put(_ bytes: UnsafeRawBufferPointer) throws {
            var rest = bytes
            while !rest.isEmpty {
                let n = writer(fd, rest)
                if n < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    return try fail(WriteError(path: path, errno: code))
                }
                if n == 0 { return try fail(WriteError(path: path, errno: ENOSPC)) }
                count += n
                rest = UnsafeRawBufferPointer(rebasing: rest[n...])
            }
        }

        public func write(_ data: Data) throws {
            try data.withUnsafeBytes { try write($0) }
        }

        private func fail(_ error: WriteError) throws {
            failure = error
            throw error
        }

        /// Flushes the file to the disk, closes it and renames it to `path`, each step checked;
        /// on any failure the temporary is removed and the error thrown. `transform`, when given,
        /// runs over the closed temporary file (at its path) before the rename: a pass such as
        /// PDF/A that rewrites the whole file; if it throws, nothing is left.
        public func commit(transform: ((_ temporaryPath: String) throws -> Void)? = nil) throws {
            if let failure { discard(); throw failure }
            guard fd >= 0 else { throw WriteError(path: path, chinese: "文件已关闭", english: "the file is already closed") }
            do { try flush() } catch { discard(); throw error }
            // fsync reports the errors of delayed writes (NFS, a full disk with write-back).
            if sync, fsync(fd) != 0 {
                let code = errno
                if code != EINVAL && code != EROFS {  // a file system that cannot sync (a pipe, /dev/…)
                    discard()
                    throw WriteError(path: path, errno: code)
                }
            }
            let closed = close(fd)
            let code = errno
            fd = -1
            guard closed == 0 else {
                discard()
                throw WriteError(path: path, errno: code)
            }
            if let transform {
                do { try transform(temporaryPath) } catch { discard(); throw error }
            }
            guard rename(temporaryPath, path) == 0 else {
                let code = errno
                discard()
                throw WriteError(path: path, errno: code)
            }
            AtomicFile.unregister(temporaryPath)
        }

        /// Stops without a file: the temporary is closed and removed.
        public func discard() {
            if fd >= 0 { close(fd); fd = -1 }
            if AtomicFile.unregister(temporaryPath) { unlink(temporaryPath) }
        }
    }

    /// Flushes the file system that holds `folder` to the disk and reports a delayed write error
    /// (`syncfs`): the check of many files written without `sync`.
    public static func syncFileSystem(of folder: String) throws {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw WriteError(path: folder, errno: errno) }
        defer { close(fd) }
        // syncfs(2) is a GNU extension the Glibc module does not declare: looked up by name.
        typealias SyncFS = @convention(c) (Int32) -> Int32
        guard let symbol = dlsym(nil, "syncfs") else { sync(); return }
        guard unsafeBitCast(symbol, to: SyncFS.self)(fd) == 0 else { throw WriteError(path: folder, errno: errno) }
    }

    // MARK: Temporaries

    /// The temporary name `path` is written under: `.NAME.PID.RANDOM.tmp` in the same folder (a
    /// leading dot and a trailing `.tmp`, so it neither looks finished nor lists as a PDF). The
    /// name is registered: `removeRegistered` deletes it if the run is stopped by a signal.
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().path + "/." + url.lastPathComponent
            + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        register(temp)
        return temp
    }

    /// Whether `name` (a file name, not a path) is a temporary file of `target` (a file name).
    public static func isTemporary(_ name: String, of target: String) -> Bool {
        name.hasPrefix("." + target + ".") && name.hasSuffix(".tmp")
    }

    private final class Registry: @unchecked Sendable {
        let lock = NSLock()
        var paths: Set<String> = []
    }
    private static let registry = Registry()

    /// Notes a temporary file of this process, to be removed if the run is stopped.
    public static func register(_ temp: String) {
        registry.lock.lock(); defer { registry.lock.unlock() }
        registry.paths.insert(temp)
    }

    /// Forgets a temporary (renamed into place or removed); returns whether it was registered.
    @discardableResult
    public static func unregister(_ temp: String) -> Bool {
        registry.lock.lock(); defer { registry.lock.unlock() }
        return registry.paths.remove(temp) != nil
    }

    /// The temporaries of this process not yet renamed or removed.
    public static var registered: Set<String> {
        registry.lock.lock(); defer { registry.lock.unlock() }
        return registry.paths
    }

    /// Removes every registered temporary (a run stopped by a signal). Called from a dispatch
    /// queue, not from a signal handler, so taking the lock is safe; it is not released again, so
    /// no new temporary is registered while the process exits.
    public static func removeRegistered() {
        registry.lock.lock()
        for p in registry.paths { unlink(p) }
        registry.paths.removeAll()
    }

    /// Removes temporary files of the targets `names` (file names) in `folder` that runs which
    /// have stopped left behind: `.NAME.PID.RANDOM.tmp` whose process PID is gone. Temporaries of
    /// live processes (another run writing the same file) and of other names are left alone.
    public static func removeStaleTemporaries(in folder: String, of names: Set<String>) {
        guard !names.isEmpty, let all = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let own = registered
        for file in all where file.hasPrefix(".") && file.hasSuffix(".tmp") {
            let parts = file.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count >= 4, let pid = Int32(parts[parts.count - 3]), pid > 0,
                  UInt32(parts[parts.count - 2]) != nil else { continue }
            let target = parts[0..<(parts.count - 3)].joined(separator: ".")
            guard names.contains(target) else { continue }
            let path = folder + "/" + file
            if own.contains(path) { continue }
            if pid != getpid() && isAlive(pid) { continue }
            unlink(path)
        }
    }

    /// Whether process `pid` exists (it may belong to another user: EPERM still means it is there).
    static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}

extension AtomicFile.WriteError {
    /// The file, the reason in both languages and the hint, kept apart.
    public var problem: Problem {
        Problem(severity: .error, location: SourceLocation(file: path), chinese: "无法写入：\(chinese)", english: "cannot write: \(english)",
                hint: hint.map { "\($0.chinese)（\($0.english)）" })
    }
}
