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

    public var message: String {
        switch self {
        case .fileMissing(let p): "font file not found: \(p)"
        case .notAFont(let p): "not a font file (expected TrueType, OpenType or a .ttc collection): \(p)"
        case .folderMissing(let p): "font folder not found: \(p)"
        case .roleUnresolved(let role, let tried):
            "no font found for \(role) (tried \(tried.joined(separator: ", "))); install fonts-noto-cjk or name a font folder with --font-dir"
        case .fontconfigFailed: "fontconfig could not be initialised"
        }
    }
}
