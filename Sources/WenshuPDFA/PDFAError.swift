import WenshuCore

/// Why a PDF could not be made PDF/A-2b. The place is the file and, where one is known, the byte
/// offset or the object (`obj 12`), so a report can be checked against the file.
public enum PDFAError: WenshuError {
    /// The file is not PDF as the pass reads it (broken syntax, a cross-reference that does not
    /// point at its objects).
    case syntax(file: String, offset: Int, String)
    /// The file uses something the pass does not rewrite (cross-reference streams, object streams).
    case unsupported(file: String, String)
    /// The file holds something PDF/A forbids that the pass does not remove (encryption,
    /// JavaScript, LZW compression, external streams).
    case forbidden(file: String, object: Int?, String)
    /// The file could not be read or written.
    case io(path: String, String)

    public var location: SourceLocation? {
        switch self {
        case .syntax(let file, let offset, _): SourceLocation(file: file, place: "byte \(offset)")
        case .unsupported(let file, _): SourceLocation(file: file)
        case .forbidden(let file, let object, _): SourceLocation(file: file, place: object.map { "obj \($0)" })
        case .io(let path, _): SourceLocation(file: path)
        }
    }

    public var message: String {
        switch self {
        case .syntax(_, _, let what):
            "无法读取该 PDF，不能转为 PDF/A (cannot read the PDF to make it PDF/A): \(what)；请重新生成该文件 (make the file again)"
        case .unsupported(_, let what):
            "PDF/A 转换不支持此 PDF 结构 (the PDF/A pass does not handle this PDF): \(what)；请用 Wenshu 自己生成的 PDF (use a PDF Wenshu wrote)"
        case .forbidden(_, _, let what):
            "该 PDF 含有 PDF/A 禁止的内容 (the PDF holds what PDF/A forbids): \(what)；请去掉后再转换 (remove it and convert again)"
        case .io(_, let why):
            "无法读写文件 (cannot read or write the file): \(why)；请检查路径和权限 (check the path and permissions)"
        }
    }
}
