import Foundation
import WenshuCore
import Wenshu

/// The checkout's root, found from this file.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// One compiler (fonts opened once) for the module's tests.
let sharedCompiler: Compiler = try! Compiler()

extension Frame {
    /// The glyph runs of the page with their positions.
    var runs: [(position: Point, run: GlyphRun)] {
        items.compactMap { if case .glyphs(let r) = $0.item { ($0.position, r) } else { nil } }
    }
}
