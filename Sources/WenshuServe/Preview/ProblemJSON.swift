import Foundation
import WenshuCore
import WenshuData

/// A `Problem` as the page shows it, beside its field: the same words as `wenshu check`
/// (`message` is `Problem.description` without the document folder's path), with `field`, the key
/// path of the form field it is about (`title`, `attachments[1]`, `photos[0].caption`) when known:
/// by the line the data file holds the value on, else by the path a missing field's gloss names.
enum ProblemJSON {
    /// The form field each line of the data file holds (`data.json` is written one value a line).
    static func fieldLines(of dataPath: String) -> [Int: String] {
        guard let data = try? DataLoader.load(dataPath) else { return [:] }
        var lines: [Int: (depth: Int, path: String)] = [:]
        for (path, place) in data.locations {
            guard let line = place.line, !path.isEmpty else { continue }
            if let seen = lines[line], seen.depth >= path.count { continue }
            lines[line] = (path.count, SchemaChecker.describe(path))
        }
        return lines.mapValues(\.path)
    }

    static func make(_ p: Problem, folder: String, lines: [Int: String]) -> [String: Any] {
        var out: [String: Any] = ["severity": p.severity.rawValue, "chinese": p.chinese, "english": p.english]
        if let hint = p.hint { out["hint"] = hint }
        var shown = p
        if var place = p.location {
            if place.file.hasPrefix(folder + "/") { place.file = String(place.file.dropFirst(folder.count + 1)) }
            shown.location = place
            out["place"] = place.description
        }
        out["message"] = shown.description
        if let field = field(of: p, folder: folder, lines: lines) { out["field"] = field }
        return out
    }

    static func field(of p: Problem, folder: String, lines: [Int: String]) -> String? {
        let missing = "missing field "
        if p.english.hasPrefix(missing) { return String(p.english.dropFirst(missing.count)) }
        guard let place = p.location, place.file == folder + "/data.json", let line = place.line, line > 1 else { return nil }
        return lines[line]
    }
}
