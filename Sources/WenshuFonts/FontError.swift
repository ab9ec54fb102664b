import WenshuCore

/// Errors of the fonts module: Chinese first with an English gloss, and what to do.
public enum FontError: WenshuError, Equatable {
    /// A font file named by the user does not exist.
    case fileMissing(String)
    /// A file was named as a font but is not one FreeType/HarfBuzz can read.
    case notAFont(String)
    /// A font file named by the user cannot be opened: not a regular file, too large, unreadable.
    case unreadable(String, reason: String)
    /// A font folder named by the user does not exist.
    case folderMissing(String)
    /// A font folder holds too much to scan (more folders or files than the budget).
    case folderTooLarge(String, reason: String)
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
        case .fileMissing(let p): "找不到字体文件（font file not found）：\(p)；请检查 --font 的路径"
        case .notAFont(let p):
            "不是可用的字体文件（not a font file: expected TrueType, OpenType or a .ttc collection, undamaged）：\(p)；请换一个字体文件"
        case .unreadable(let p, let reason): "无法读取字体文件（cannot read the font file）\(p)：\(reason)"
        case .folderMissing(let p): "找不到字体文件夹（font folder not found）：\(p)；请检查 --font-dir 的路径"
        case .folderTooLarge(let p, let reason): "字体文件夹太大（the font folder is too large to scan）\(p)：\(reason)；请指向只放字体的文件夹"
        case .roleUnresolved(let role, let tried):
            "找不到\(role)的字体（no font found for \(role); tried \(tried.joined(separator: ", "))）；请运行 scripts/setup（它取来免费字体），或用 --font-dir 指定字体文件夹"
        case .fontconfigFailed: "fontconfig 无法初始化（fontconfig could not be initialised）；请检查 fontconfig 的安装"
        case .roleTableMissing(let looked):
            "找不到字体角色表 roles.tsv（font role table not found; looked in \(looked.joined(separator: ", "))）；请在 Wenshu 的文件夹中运行，或用 WENSHU_FONTS 指明 fonts 文件夹"
        case .roleTableInvalid(let file, let line, let why):
            "\(file):\(line): 错误：字体角色表有误：\(why)（the font role table is invalid）"
        }
    }
}

extension FontError {
    /// Each case's place (the file or folder named), Chinese, English and hint, kept apart.
    public var problem: Problem {
        func p(_ file: String?, _ zh: String, _ en: String, _ hint: String?, line: Int? = nil) -> Problem {
            Problem(severity: .error, location: file.map { SourceLocation(file: $0, line: line) }, chinese: zh, english: en, hint: hint)
        }
        switch self {
        case .fileMissing(let path):
            return p(path, "找不到字体文件", "font file not found", "请检查 --font 的路径")
        case .notAFont(let path):
            return p(path, "不是可用的字体文件", "not a font file: expected TrueType, OpenType or a .ttc collection, undamaged", "请换一个字体文件")
        case .unreadable(let path, let reason):
            return p(path, "无法读取字体文件：\(reason)", "cannot read the font file: \(reason)", nil)
        case .folderMissing(let path):
            return p(path, "找不到字体文件夹", "font folder not found", "请检查 --font-dir 的路径")
        case .folderTooLarge(let path, let reason):
            return p(path, "字体文件夹太大：\(reason)", "the font folder is too large to scan: \(reason)", "请指向只放字体的文件夹")
        case .roleUnresolved(let role, let tried):
            return p(nil, "找不到\(role)的字体", "no font found for \(role); tried \(tried.joined(separator: ", "))",
                     "请运行 scripts/setup（它取来免费字体），或用 --font-dir 指定字体文件夹")
        case .fontconfigFailed:
            return p(nil, "fontconfig 无法初始化", "fontconfig could not be initialised", "请检查 fontconfig 的安装")
        case .roleTableMissing(let looked):
            return p(nil, "找不到字体角色表 roles.tsv", "font role table not found; looked in \(looked.joined(separator: ", "))",
                     "请在 Wenshu 的文件夹中运行，或用 WENSHU_FONTS 指明 fonts 文件夹")
        case .roleTableInvalid(let file, let line, let why):
            return p(file, "字体角色表有误：\(why)", "the font role table is invalid", nil, line: line)
        }
    }
}
