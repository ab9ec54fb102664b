import Foundation
import Wenshu
import WenshuCore

/// The checkout's root, found from this file.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// One compiler (fonts opened once) for the module's tests.
let sharedCompiler: Compiler = try! Compiler()

/// A new empty folder under the temporary folder.
func temporaryFolder(_ name: String) throws -> String {
    let dir = NSTemporaryDirectory() + "wenshu-\(name)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}
