import Foundation
import FoundationXML
import Testing
import WenshuCore
@testable import WenshuDocx

/// The checkout's root, found from this file.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// The parts of the .docx made from `content`.
func docxParts(_ content: DocumentContent) throws -> [String: String] {
    try DocxWriter(content: content).parts()
}

/// A paragraph of `text` in `style`, made as the template realiser makes it.
func paragraph(_ text: String, style name: String? = nil, size: Double = 16, role: FontRole = .fangsong,
               bookmark: Int? = nil) -> Block {
    var p = ParagraphBlock(runs: [InlineRun(text, style: TextStyle(role: role, size: .pt(size)))], bookmarkLevel: bookmark)
    p.styleName = name
    return .paragraph(p)
}

/// True when `xml` parses as XML.
func isWellFormed(_ xml: String) -> Bool {
    (try? XMLDocument(xmlString: xml, options: [])) != nil
}

/// How many times `needle` occurs in `haystack`.
func count(_ needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}
