/// The kinds of file `wenshu build` writes: chosen by `--format`, or else by the output's extension.
public enum OutputFormat: String, CaseIterable, Sendable {
    case pdf, docx, ofd

    /// The format an output path's extension names (`.pdf`, `.docx`, `.ofd`), or nil.
    public init?(path: String) {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        self.init(rawValue: ext)
    }
}
