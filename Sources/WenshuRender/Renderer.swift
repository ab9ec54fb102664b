import WenshuCore

/// Errors of the renderers.
public enum RenderError: WenshuError {
    /// Cairo reported a failure (its status text).
    case cairo(String, path: String)
    /// An image could not be read.
    case image(String, reason: String)
    /// The output file could not be written.
    case write(AtomicFile.WriteError)

    public var message: String {
        switch self {
        case .cairo(let status, let path): "无法写入 \(path)：Cairo 报告“\(status)” (cannot write \(path): cairo reports ‘\(status)’)"
        case .image(let path, let reason): "\(path): 无法使用这张图片（cannot use the image）：\(reason)"
        case .write(let e): e.message
        }
    }

    /// The file the error is about (kept out of `location`: the message names it already).
    var file: SourceLocation? {
        switch self {
        case .cairo(_, let path), .image(let path, _): SourceLocation(file: path)
        case .write(let e): SourceLocation(file: e.path)
        }
    }

    public var problem: Problem {
        switch self {
        case .cairo(let status, _):
            return Problem(severity: .error, location: file, chinese: "无法写入：Cairo 报告“\(status)”", english: "cannot write: cairo reports ‘\(status)’")
        case .image(_, let reason):
            let g = Gloss(reason)
            return Problem(severity: .error, location: file, chinese: "无法使用这张图片：\(g.chinese)",
                           english: "cannot use the image" + (g.english.isEmpty ? "" : ": \(g.english)"), hint: g.hint)
        case .write(let e): return e.problem
        }
    }
}

/// Something that turns page frames into an output file. Renderers read frames and nothing else.
public protocol Renderer {
    /// Writes `frames` to `path`, whole or not at all (a temporary file renamed when complete).
    func render(_ frames: [Frame], info: DocumentInfo, to path: String) throws
}
