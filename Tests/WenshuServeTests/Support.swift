import Foundation
@testable import WenshuServe

/// The checkout's root, found from this file.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// A new empty folder under the temporary folder, for one test's documents.
func scratchFolder(_ name: String = #function) throws -> String {
    let path = NSTemporaryDirectory() + "wenshu-serve-tests/" + name.filter { $0.isLetter || $0.isNumber } + "-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A workbench over the checkout's templates, keeping its documents in `folder`.
func makeWorkbench(_ folder: String, policy: AccessPolicy = .open) throws -> Workbench {
    var options = WorkbenchOptions()
    options.dataFolder = folder
    options.templateSearchPaths = [repositoryRoot + "/templates"]
    return try Workbench(options: options, policy: policy)
}
