import Foundation
import WenshuCore

/// Errors writing an OFD package, in Chinese first with an English gloss.
public enum OFDError: WenshuError {
    /// A font cannot be embedded.
    case font(path: String)
    /// An image cannot be read.
    case image(path: String, reason: String)
    /// The package cannot be assembled (the zip library refused).
    case package(String)
    /// The output file cannot be written.
    case write(AtomicFile.WriteError)

    public var location: SourceLocation? {
        switch self {
        case .font(let path), .image(let path, _): SourceLocation(file: path)
        default: nil
        }
    }

    public var message: String {
        switch self {
        case .font:
            "无法嵌入此字体 (cannot embed this font in the OFD file); 请换用其他字体文件 (try another font file with --font-dir)"
        case .image(_, let reason):
            "无法读取图片 (cannot read the image): \(reason); 请检查图片是否为 PNG 或 JPEG (check that it is a PNG or JPEG)"
        case .package(let reason):
            "无法生成 OFD 文件包 (cannot assemble the OFD package): \(reason)"
        case .write(let e):
            "无法写入文件 (\(e.message)); 请检查输出目录 (check the output folder)"
        }
    }

    public var problem: Problem {
        if case .write(let e) = self { return e.problem }
        let g = Gloss(message.replacingOccurrences(of: "; ", with: "；"))
        return Problem(severity: .error, location: location, chinese: g.chinese, english: g.english, hint: g.hint)
    }
}
