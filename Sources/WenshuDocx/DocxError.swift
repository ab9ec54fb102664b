import WenshuCore

/// Why a Word document could not be made: an image it needs cannot be read, or the package
/// cannot be written.
public struct DocxError: WenshuError {
    public var path: String?
    public var reason: String
    public init(path: String?, reason: String) { self.path = path; self.reason = reason }
    public var location: SourceLocation? { path.map { SourceLocation(file: $0) } }
    public var message: String { "无法生成 Word 文档（cannot make the Word document）：\(reason)" }
}
