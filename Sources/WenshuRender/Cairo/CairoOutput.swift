internal import CCairo
import Foundation
import WenshuCore

/// Cairo writing into an `AtomicFile.Output` instead of a file it opens itself: every byte goes
/// through `write(2)` with its result checked, and the file is flushed, closed and renamed by the
/// caller with those results checked too (Cairo's own file output ignores errors at close, so a
/// full disk could leave a truncated PDF that looked finished).
enum CairoOutput {
    /// Cairo's write callback: `closure` is the unretained `AtomicFile.Output`.
    static let callback: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, UInt32) -> cairo_status_t = { closure, data, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let output = Unmanaged<AtomicFile.Output>.fromOpaque(closure).takeUnretainedValue()
        guard length > 0 else { return CAIRO_STATUS_SUCCESS }
        guard let data else { return CAIRO_STATUS_WRITE_ERROR }
        do {
            try output.write(UnsafeRawBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        } catch {
            return CAIRO_STATUS_WRITE_ERROR
        }
    }

    /// The pointer Cairo hands back to `callback` (the output must outlive the surface).
    static func closure(_ output: AtomicFile.Output) -> UnsafeMutableRawPointer {
        Unmanaged.passUnretained(output).toOpaque()
    }

    /// The error to report after Cairo returned `status` while writing `output`: the system's
    /// reason when a write failed (a full disk), else Cairo's status.
    static func error(_ status: cairo_status_t, output: AtomicFile.Output) -> RenderError {
        if let failure = output.failure { return .write(failure) }
        return .cairo(cairoStatusText(status), path: output.path)
    }

    /// Runs `body`, turning a write error into a render error.
    static func checked<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as AtomicFile.WriteError { throw RenderError.write(e) }
    }
}
