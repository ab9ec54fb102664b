import WenshuCore

/// Errors of the fonts module.
public enum FontError: WenshuError, Equatable {
    /// A font file named by the user does not exist.
    case fileMissing(String)
    /// A file was named as a font but is not one FreeType/HarfBuzz can read.
    case notAFont(String)
    /// A font folder named by the user does not exist.
    case folderMissing(String)
    /// No font at all could be found for a role.
    case roleUnresolved(FontRole, tried: [String])
    /// fontconfig could not be initialised.
    case fontconfigFailed
    /// The role table `fonts/roles.tsv` was not found.
    case roleTableMissing(looked: [String])
    /// A row of the role table is wrong.
    case roleTableInvalid(String, line: Int, String)

    public var message: String {
        switch self {
        case .fileMissing(let p): "font file not found: \(p)"
        case .notAFont(let p): "not a font file (expected TrueType, OpenType or a .ttc collection): \(p)"
        case .folderMissing(let p): "font folder not found: \(p)"
        case .roleUnresolved(let role, let tried):
            "no font found for \(role) (tried \(tried.joined(separator: ", "))); install fonts-noto-cjk or name a font folder with --font-dir"
        case .fontconfigFailed: "fontconfig could not be initialised"
        case .roleTableMissing(let looked):
            "找不到字体角色表 roles.tsv（font role table not found; looked in \(looked.joined(separator: ", "))）；请在 Wenshu 的文件夹中运行，或用 WENSHU_FONTS 指明 fonts 文件夹"
        case .roleTableInvalid(let file, let line, let why):
            "\(file):\(line): 错误：字体角色表有误：\(why)（the font role table is invalid）"
        }
    }
}
