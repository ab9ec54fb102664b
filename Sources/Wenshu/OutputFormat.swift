/// The kinds of file `wenshu build` and `wenshu batch` write: given by `--format`, or else by the
/// output's extension.
public enum OutputFormat: String, CaseIterable, Sendable {
    case pdf, docx, ofd

    /// The format an output path's extension names (`.pdf`, `.docx`, `.ofd`), nil for any other.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }
}
