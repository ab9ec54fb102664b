import Foundation
import Wenshu
import WenshuData

/// File names for one document per row: a pattern such as `{no}-{name}.pdf` filled from the row,
/// then made safe to use as one file name on Linux, macOS and Windows, and inside a zip.
public struct FileNamePattern: Sendable, Equatable {
    /// The pattern as given.
    public let pattern: String
    /// The column keys the pattern names (normalised: {姓名} and {name} are the same).
    public let keys: [String]

    /// The longest name, in UTF-8 bytes, extension included. File systems allow 255; the rest is
    /// room for a collision suffix and the temporary name `.NAME.PID.RANDOM.tmp`.
    public static let maxBytes = 200

    /// Placeholders that are not columns: {row} the row's line (CSV) or row number (sheet);
    /// {n} the row's number among the data rows, from 1.
    public static let builtIns: Set<String> = ["row", "n"]

    /// Column labels → keys (a schema's `columnKeys`): {姓名} fills from `name`.
    public let columnKeys: [String: String]

    public init(_ pattern: String, columnKeys: [String: String] = [:]) throws {
        self.pattern = pattern
        self.columnKeys = columnKeys
        var keys: [String] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw BatchError.usage("文件名模式 ‘\(pattern)’ 中的 ‘{’ 没有配对的 ‘}’ (the name pattern has a ‘{’ without its ‘}’)")
            }
            let name = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw BatchError.usage("文件名模式 ‘\(pattern)’ 中有空的 {} (the name pattern has an empty {})") }
            keys.append(FileNamePattern.builtIns.contains(name) ? name : BatchList.key(for: name, in: columnKeys))
            rest = rest[rest.index(after: close)...]
        }
        self.keys = keys
    }

    /// The pattern filled from a row. With `safe`, each value is first made safe for a file name
    /// (call `FileNamePattern.safe` on the whole result too); without, values go in as they are
    /// (for titles).
    public func fill(_ record: Record, row: Int, n: Int, safe: Bool = true) -> String {
        var out = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            switch name {
            case "row": out += String(row)
            case "n": out += String(n)
            default:
                // Each value is made safe on its own first, so a "/" in a name cannot make a folder.
                let value = record[BatchList.key(for: name, in: columnKeys)]?.description ?? ""
                out += safe ? FileNamePattern.safeText(value) : value
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// Characters no file name may hold on some system: path separators, Windows' reserved
    /// characters. They become "_".
    static let reserved: Set<Unicode.Scalar> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]

    /// `text` with control and invisible formatting characters removed, reserved characters
    /// replaced by "_" and runs of white space made one space.
    static func safeText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        for s in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch s.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
                // Line breaks and tabs read as a space; other controls and invisible marks
                // (zero-width, bidirectional overrides) are dropped.
                if s == "\n" || s == "\r" || s == "\t" || s.properties.generalCategory == .lineSeparator
                    || s.properties.generalCategory == .paragraphSeparator {
                    if !lastWasSpace { out.append(" "); lastWasSpace = true }
                }
                continue
            case .privateUse:
                // Kept: rare characters typed in a private-use font (造字) are part of names.
                out.append(s); lastWasSpace = false
            default:
                if s.properties.isWhitespace {
                    if !lastWasSpace { out.append(" "); lastWasSpace = true }
                } else if reserved.contains(s) {
                    out.append("_"); lastWasSpace = false
                } else {
                    out.append(s); lastWasSpace = false
                }
            }
        }
        return String(out)
    }

    /// Windows' reserved device names, refused with any extension.
    static let deviceNames: Set<String> = {
        var s: Set<String> = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
        for i in 1...9 { s.insert("COM\(i)"); s.insert("LPT\(i)") }
        return s
    }()

    /// The output extension `name` ends with (.pdf, .docx, .ofd), or .pdf.
    static func outputExtension(_ name: String) -> String {
        OutputFormat.allCases.map { "." + $0.rawValue }.first { name.lowercased().hasSuffix($0) } ?? ".pdf"
    }

    /// A safe single file name ending in `.pdf` (or the output extension it has: .docx, .ofd): no
    /// separators or control characters, no leading dot (no hidden files, no `..`), no trailing dot
    /// or space, not a Windows device name, at most `maxBytes` bytes of UTF-8 (cut at a character
    /// boundary), never empty.
    public static func safe(_ name: String, maxBytes: Int = FileNamePattern.maxBytes) -> String {
        var stem = safeText(name)
        let ext = outputExtension(stem)
        if stem.lowercased().hasSuffix(ext) { stem.removeLast(ext.count) }
        stem = trimmed(stem)
        if stem.isEmpty { stem = "_" }
        let base = stem.split(separator: ".", maxSplits: 1).first.map(String.init)?.uppercased() ?? ""
        if deviceNames.contains(base.trimmingCharacters(in: .whitespaces)) { stem = "_" + stem }
        let limit = maxBytes - ext.utf8.count
        if stem.utf8.count > limit {
            var cut = ""
            for c in stem {
                if cut.utf8.count + String(c).utf8.count > limit { break }
                cut.append(c)
            }
            stem = trimmed(cut)
            if stem.isEmpty { stem = "_" }
        }
        return stem + ext
    }

    /// Without leading dots and spaces, and without trailing dots and spaces.
    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f == "." || f == " " { t.removeFirst() }
        while let l = t.last, l == "." || l == " " { t.removeLast() }
        return String(t)
    }

    /// `name` with " (k)" before its extension: the k-th row whose name is already taken.
    public static func numbered(_ name: String, _ k: Int) -> String {
        let ext = outputExtension(name)
        let stem = name.lowercased().hasSuffix(ext) ? String(name.dropLast(ext.count)) : name
        return stem + " (\(k))" + ext
    }
}
