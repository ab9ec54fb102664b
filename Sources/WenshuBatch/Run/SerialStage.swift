import Foundation
import WenshuCore

/// Work done in order on one background queue, at most `depth` pieces waiting: the producer
/// blocks rather than run ahead (which is what keeps memory flat).
// @unchecked: its fields are a serial queue, a semaphore and `FirstError` (locked), each safe
// from any thread.
final class SerialStage: @unchecked Sendable {
    private let queue = DispatchQueue(label: "wenshu.batch.writer")
    private let slots: DispatchSemaphore
    private let failure = FirstError()

    init(depth: Int) { slots = DispatchSemaphore(value: depth) }

    var failed: Bool { failure.isSet }

    func submit(_ work: @escaping @Sendable () throws -> Void) {
        slots.wait()
        queue.async { [self] in
            if !failure.isSet {
                do { try work() } catch { failure.record(error) }
            }
            slots.signal()
        }
    }

    /// Waits for the work submitted and throws its first error.
    func finish() throws {
        queue.sync {}
        if let e = failure.error { throw e }
    }
}
