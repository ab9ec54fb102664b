import WenshuCore

/// The names offices' fonts carry in Word for each role: what a clerk's machine has installed
/// (the GB/T 9704 set), written as East Asian and Latin family names.
enum OfficeFonts {
    /// (eastAsia, ascii) family names of `role`.
    static func names(_ role: FontRole) -> (eastAsia: String, latin: String) {
        switch role {
        case .song: ("宋体", "SimSun")
        case .hei: ("黑体", "SimHei")
        case .kai: ("楷体_GB2312", "楷体_GB2312")
        case .fangsong: ("仿宋_GB2312", "仿宋_GB2312")
        case .xiaobiaosong: ("方正小标宋简体", "方正小标宋简体")
        }
    }

    /// `<w:rFonts …/>` for `role`.
    static func rFonts(_ role: FontRole) -> String {
        let n = names(role)
        let latin = OOXML.escape(n.latin), east = OOXML.escape(n.eastAsia)
        return #"<w:rFonts w:ascii="\#(latin)" w:hAnsi="\#(latin)" w:eastAsia="\#(east)" w:cs="\#(latin)" w:hint="eastAsia"/>"#
    }
}
