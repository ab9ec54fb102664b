/// The type faces a Chinese office document names by role rather than by font file.
/// Each role resolves through a fallback list (`FontFallbacks`): the fonts offices really have first,
/// then the free fonts Debian ships.
public enum FontRole: String, CaseIterable, Sendable, CustomStringConvertible {
    /// 宋体: the default book face.
    case song = "宋体"
    /// 黑体: sans-serif, first-level headings in official documents.
    case hei = "黑体"
    /// 楷体: brush-like, second-level headings.
    case kai = "楷体"
    /// 仿宋: the body face of official documents (GB/T 9704-2012).
    case fangsong = "仿宋"
    /// 小标宋: bold display Song for titles and the issuer mark.
    case xiaobiaosong = "小标宋"

    public var description: String { rawValue }

    /// The English name used in option values and templates written in ASCII.
    public var englishName: String {
        switch self {
        case .song: "song"
        case .hei: "hei"
        case .kai: "kai"
        case .fangsong: "fangsong"
        case .xiaobiaosong: "xiaobiaosong"
        }
    }

    /// A role from its Chinese or English name ("仿宋", "fangsong", "仿宋_GB2312" style names too).
    public init?(name: String) {
        let n = name.trimmingCharacters(in: .whitespaces).lowercased()
        if let role = FontRole.allCases.first(where: { $0.rawValue == n || $0.englishName == n }) {
            self = role
            return
        }
        switch n {
        case "宋", "song", "serif", "simsun": self = .song
        case "黑", "sans", "sans-serif", "simhei": self = .hei
        case "楷", "kaiti", "楷体_gb2312": self = .kai
        case "仿宋_gb2312", "fangsong_gb2312": self = .fangsong
        case "标宋", "xbs", "title": self = .xiaobiaosong
        default: return nil
        }
    }
}
