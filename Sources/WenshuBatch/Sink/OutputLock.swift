import Foundation
import WenshuCore

/// An exclusive lock on a batch's output, held for the whole run: `flock` on a hidden lock file
/// beside the report (`.OUT.report.csv.lock`), so that two runs into the same folder or PDF
/// cannot mix their documents while each report claims all of them. A second run is refused at
/// once with a message naming the output; shards (each with its own report) do not block each
/// other. The lock file is removed when the run ends or is stopped by a signal (and the lock goes
/// with the process if it is killed outright).
final class OutputLock {
    let path: String
    private var fd: Int32

    /// Takes the lock for the output whose report is `report`.
    /// - Throws: `BatchError.locked` when another run holds it; a write error when the lock file
    ///   cannot be created (with the system's reason).
    init(report: String, output: String) throws {
        let folder = (report as NSString).deletingLastPathComponent
        path = (folder.isEmpty ? "." : folder) + "/." + (report as NSString).lastPathComponent + ".lock"
        var acquired: Int32 = -1
        while acquired < 0 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
            guard fd >= 0 else { throw AtomicFile.WriteError(path: path, errno: errno) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                close(fd)
                if code == EWOULDBLOCK { throw BatchError.locked(output: output, lock: path) }
                throw AtomicFile.WriteError(path: path, errno: code)
            }
            // The run before may have removed the file between our open and flock: lock the file
            // that is there now, not a removed one.
            var held = stat(), there = stat()
            if fstat(fd, &held) == 0, stat(path, &there) == 0, held.st_dev == there.st_dev, held.st_ino == there.st_ino {
                acquired = fd
            } else {
                close(fd)
            }
        }
        fd = acquired
        AtomicFile.register(path)  // removed with the temporaries if the run is stopped by a signal
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    deinit {
        // Removed while still held, so a run waiting on this file retries on a new one.
        if AtomicFile.unregister(path) { unlink(path) }
        close(fd)
    }
}
