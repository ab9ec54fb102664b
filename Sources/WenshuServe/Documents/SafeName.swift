import Foundation

/// An uploaded file's name made safe to store in a document's folder: no folder part is honoured
/// (`../../etc/passwd` and `C:\\a\\b.png` keep only their last part), control characters and
/// characters Windows forbids are dropped, a leading dot is removed (no hidden files), and the name
/// is cut to 80 characters keeping its extension. Chinese names stay as they are.
enum SafeName {
    static let maxCharacters = 80

    /// The safe base name of `name`, or nil when nothing usable is left.
    static func base(_ name: String) -> String? {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let forbidden = Set<Character>(["<", ">", ":", "\"", "|", "?", "*", "\0"])
        var kept = String(last.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint && $0.value >= 0x20 && $0.value != 0x7F }
            .map(Character.init).filter { !forbidden.contains($0) })
        kept = kept.trimmingCharacters(in: .whitespaces)
        while kept.hasPrefix(".") { kept.removeFirst() }
        kept = kept.trimmingCharacters(in: .whitespaces)
        guard !kept.isEmpty else { return nil }
        if kept.count > maxCharacters {
            let ext = (kept as NSString).pathExtension
            let keep = ext.isEmpty || ext.count > 10 ? "" : "." + ext
            kept = String(kept.prefix(maxCharacters - keep.count)) + keep
        }
        return kept
    }
}
