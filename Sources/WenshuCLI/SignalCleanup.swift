import Dispatch
import Foundation
import WenshuCore

/// Ctrl-C, `kill` and a closed terminal (SIGINT, SIGTERM, SIGHUP) stop a run without leaving its
/// temporary files: the signals are taken by dispatch sources (their handlers run on a queue of
/// their own, not inside the signal, so they may take locks and free memory), which remove every
/// temporary `AtomicFile` has registered and exit with 128 + the signal (130, 143, 129). A signal
/// ignored when wenshu started (SIGHUP under `nohup`) stays ignored.
enum SignalCleanup {
    private static let queue = DispatchQueue(label: "wenshu.signals")
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Installs the handlers (once, before any file is written).
    static func install() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            let previous = signal(sig, SIG_IGN)
            if let previous, unsafeBitCast(previous, to: Int.self) == 1 { continue }  // was SIG_IGN: stays so
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler {
                AtomicFile.removeRegistered()
                let name = sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "SIGHUP"
                let text = Array("\nwenshu: 已中断（\(name)），未写完的文件已删除 (stopped by \(name): unfinished files removed)\n".utf8)
                _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
                _exit(128 + sig)
            }
            source.resume()
            sources.append(source)
        }
    }
}
