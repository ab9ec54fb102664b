import WenshuCore

/// One entry of a fallback list: a family name and the weight wanted from it.
public struct FontCandidate: Hashable, Sendable, CustomStringConvertible {
    public var family: String
    public var bold: Bool
    /// True for the free fonts Wenshu installs itself (Debian's); false for office fonts the user may have.
    public var free: Bool
    /// The face's full-width punctuation is drawn GB style (，。 in the lower left, quotes full width).
    /// Faces made for Traditional Chinese centre their marks; their marks are taken from the next face.
    public var gbPunctuation: Bool

    public init(_ family: String, bold: Bool = false, free: Bool = false, gbPunctuation: Bool = true) {
        self.family = family; self.bold = bold; self.free = free; self.gbPunctuation = gbPunctuation
    }
    public var description: String { bold ? "\(family) Bold" : family }
}

/// The fallback lists, as data: for every role, the families offices use (found when installed or
/// placed in a font folder the user names), then the free families from Debian
/// (fonts-noto-cjk, fonts-arphic-gkai00mp, fonts-arphic-gbsn00lp, fonts-cwtex-fs).
///
/// A character missing from every font of its role's list is looked up in `lastResort`, then in any
/// installed font that has it (fontconfig's charset index); only then is it reported missing.
public enum FontFallbacks {
    public static let lists: [FontRole: [FontCandidate]] = [
        .song: [
            FontCandidate("SimSun"), FontCandidate("宋体"), FontCandidate("NSimSun"), FontCandidate("STSong"),
            FontCandidate("华文宋体"), FontCandidate("Songti SC"),
            FontCandidate("Noto Serif CJK SC", free: true), FontCandidate("AR PL SungtiL GB", free: true),
        ],
        .hei: [
            FontCandidate("SimHei"), FontCandidate("黑体"), FontCandidate("STHeiti"), FontCandidate("华文黑体"),
            FontCandidate("Heiti SC"), FontCandidate("Microsoft YaHei"),
            FontCandidate("Noto Sans CJK SC", free: true),
        ],
        .kai: [
            FontCandidate("楷体_GB2312"), FontCandidate("KaiTi_GB2312"), FontCandidate("楷体"), FontCandidate("KaiTi"),
            FontCandidate("STKaiti"), FontCandidate("华文楷体"), FontCandidate("Kaiti SC"),
            FontCandidate("AR PL KaitiM GB", free: true),
        ],
        .fangsong: [
            FontCandidate("仿宋_GB2312"), FontCandidate("FangSong_GB2312"), FontCandidate("仿宋"), FontCandidate("FangSong"),
            FontCandidate("STFangsong"), FontCandidate("华文仿宋"),
            // cwTeX's 仿宋 is made for Traditional Chinese: it centres its punctuation and lacks many
            // simplified forms. Those come from the next free face, AR PL KaitiM GB (GB style), whose
            // thin even strokes sit closest to 仿宋.
            FontCandidate("cwTeXFangSong", free: true, gbPunctuation: false), FontCandidate("AR PL KaitiM GB", free: true),
        ],
        .xiaobiaosong: [
            FontCandidate("方正小标宋简体"), FontCandidate("方正小标宋_GBK"), FontCandidate("FZXiaoBiaoSong-B05S"),
            FontCandidate("FZXiaoBiaoSong-B05"), FontCandidate("华文中宋"), FontCandidate("STZhongsong"),
            FontCandidate("Noto Serif CJK SC", bold: true, free: true),
        ],
    ]

    /// Tried for any character the role's own list lacks (CJK Extension B names, rare marks, Latin).
    public static let lastResort: [FontCandidate] = [
        FontCandidate("Noto Serif CJK SC", free: true), FontCandidate("Noto Sans CJK SC", free: true),
        FontCandidate("AR PL SungtiL GB", free: true), FontCandidate("DejaVu Serif", free: true),
        FontCandidate("DejaVu Sans", free: true),
    ]
}
