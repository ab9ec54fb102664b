/// "您是不是要用 certificate？": the known name closest to one mistyped, by edit distance, for the
/// hints of unknown template names, filters, elements and attribute values.
public enum Suggestion {
    /// The name of `known` closest to `name` (edit distance, case folded), when it is close
    /// enough to be a slip: at most a third of the longer name's length, and at least one edit.
    public static func closest(to name: String, among known: [String]) -> String? {
        let a = Array(name.lowercased())
        guard !a.isEmpty, a.count <= 64 else { return nil }
        var best: (name: String, distance: Int)? = nil
        for candidate in known {
            let b = Array(candidate.lowercased())
            guard b.count <= 64 else { continue }
            let d = distance(a, b)
            let limit = max(1, max(a.count, b.count) / 3)
            if d <= limit, best.map({ d < $0.distance }) ?? true { best = (candidate, d) }
        }
        return best?.name
    }

    /// The hint for an unknown `name`: "您是不是要用 X？（did you mean X?）" then the names allowed.
    public static func hint(for name: String, among known: [String]) -> String {
        let list = "可用：\(known.joined(separator: "、"))（expected one of: \(known.joined(separator: ", "))）"
        guard let guess = closest(to: name, among: known) else { return list }
        return "您是不是要用 \(guess)？（did you mean \(guess)?）\(list)"
    }

    /// The edit distance between two strings of characters, a swap of two neighbours counting as
    /// one edit ("tabel" → "table"), as people mistype (optimal string alignment; three rows).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { row[j] = min(row[j], before[j - 2] + 1) }
            }
            (before, previous, row) = (previous, row, before)
        }
        return previous[b.count]
    }
}
