import Foundation

/// Opens files named by users (templates, fragments, images, fonts) only when they are regular
/// files. A FIFO, device, socket or folder is refused instead of blocking or trapping: the file is
/// opened with `O_NONBLOCK` (so opening a FIFO does not wait for a writer) and checked with `fstat`
/// on the open descriptor (so nothing can be swapped in between the check and the read).
public enum InputFile {
    /// Why a file cannot be used as input.
    public struct Refusal: WenshuError, Equatable {
        public var path: String
        /// What is wrong, Chinese first with an English gloss.
        public var reason: String
        public var location: SourceLocation? { SourceLocation(file: path) }
        public var message: String { reason }
    }

    /// What a path names, in words for a message: 文件夹 (a folder), 命名管道 (a FIFO)….
    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "文件夹（a folder）"
        case S_IFIFO: "命名管道（a FIFO）"
        case S_IFCHR, S_IFBLK: "设备（a device）"
        case S_IFSOCK: "套接字（a socket）"
        default: "特殊文件（not a regular file）"
        }
    }

    /// An open descriptor of the regular file at `path`, blocking mode restored; the caller closes it.
    /// - Throws: `Refusal` when the file is missing, unreadable or not a regular file.
    public static func openRegular(_ path: String) throws(Refusal) -> (fd: Int32, size: Int) {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let missing = errno == ENOENT || errno == ENOTDIR
            let reason = missing ? "找不到文件（file not found）；请检查路径"
                : "无法打开文件（cannot open the file: \(String(cString: strerror(errno)))）；请检查权限"
            throw Refusal(path: path, reason: reason)
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            close(fd)
            throw Refusal(path: path, reason: "无法读取文件信息（cannot stat the file）")
        }
        guard st.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw Refusal(path: path, reason: "这里需要一个普通文件，却是\(kindName(st.st_mode))（expected a regular file）；请指向一个文件")
        }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        return (fd, Int(st.st_size))
    }

    /// The whole regular file at `path`, refused when larger than `limit` bytes.
    public static func read(_ path: String, limit: Int) throws(Refusal) -> Data {
        let (fd, size) = try openRegular(path)
        defer { close(fd) }
        guard size <= limit else {
            throw Refusal(path: path, reason: "文件太大：\(size) 字节，上限 \(limit) 字节（the file is larger than the limit of \(limit) bytes）；请换一个较小的文件")
        }
        return try readAll(fd, path: path, limit: limit)
    }

    /// At most `count` bytes from the start of the regular file at `path`, and the file's size.
    public static func head(_ path: String, count: Int) throws(Refusal) -> (bytes: [UInt8], size: Int) {
        let (fd, size) = try openRegular(path)
        defer { close(fd) }
        return ([UInt8](try readAll(fd, path: path, limit: count, truncate: true)), size)
    }

    /// At most the last `count` bytes of the regular file at `path`.
    public static func tail(_ path: String, count: Int) throws(Refusal) -> [UInt8] {
        let (fd, size) = try openRegular(path)
        defer { close(fd) }
        let start = max(0, size - count)
        guard lseek(fd, off_t(start), SEEK_SET) >= 0 else { throw Refusal(path: path, reason: "无法读取文件（cannot seek in the file）") }
        return [UInt8](try readAll(fd, path: path, limit: count, truncate: true))
    }

    /// True when `path` names a regular file (following symbolic links), without opening it.
    public static func isRegular(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG
    }

    private static func readAll(_ fd: Int32, path: String, limit: Int, truncate: Bool = false) throws(Refusal) -> Data {
        var out = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while out.count < limit || !truncate {
            let want = truncate ? min(buffer.count, limit - out.count) : buffer.count
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, want) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Refusal(path: path, reason: "读取文件出错（read error: \(String(cString: strerror(errno)))）")
            }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
            if !truncate && out.count > limit {
                throw Refusal(path: path, reason: "文件太大，上限 \(limit) 字节（the file is larger than the limit of \(limit) bytes）；请换一个较小的文件")
            }
        }
        return out
    }
}
