import Foundation

/// A message written as one string cut into the parts of a `Problem`: the Chinese, the English
/// gloss and the hint. The messages of Wenshu's errors put the English in brackets after the
/// Chinese — "找不到字体文件（font file not found）：/x.ttf；请检查 --font 的路径" — and the hint after
/// the first "；". A bracket (half- or full-width) whose text starts with a Latin letter is gloss;
/// the rest is the Chinese. A message with no Chinese at all is kept whole as the message, with no
/// gloss (it is printed once, not twice).
public struct Gloss: Sendable, Equatable {
    public var chinese: String
    public var english: String
    public var hint: String?

    public init(_ message: String) {
        let (head, tail) = Gloss.cutHint(message)
        guard message.unicodeScalars.contains(where: Gloss.isHan) else {
            chinese = message; english = ""; hint = nil
            return
        }
        let (zh, en) = Gloss.separate(head)
        // The hint's own English joins the gloss, so the hint reads in Chinese.
        let (hintZh, hintEn) = tail.map(Gloss.separate) ?? ("", [])
        chinese = zh
        english = (en + hintEn).joined(separator: "; ")
        hint = hintZh.isEmpty ? nil : hintZh
    }

    /// Splits at the first "；" outside brackets: the message, then the hint (nil when none).
    static func cutHint(_ s: String) -> (String, String?) {
        var depth = 0
        for i in s.indices {
            switch s[i] {
            case "(", "（": depth += 1
            case ")", "）": depth = max(0, depth - 1)
            case "；" where depth == 0:
                let rest = s[s.index(after: i)...].trimmingCharacters(in: .whitespaces)
                return (String(s[..<i]), rest.isEmpty ? nil : rest)
            default: break
            }
        }
        return (s, nil)
    }

    /// The text outside the English brackets, and the brackets' contents in order.
    static func separate(_ s: String) -> (String, [String]) {
        var chinese = ""
        var english: [String] = []
        var group = ""
        var depth = 0
        for c in s {
            if depth == 0 {
                if c == "(" || c == "（" { depth = 1; group = String(c) } else { chinese.append(c) }
                continue
            }
            group.append(c)
            if c == "(" || c == "（" { depth += 1 }
            if c == ")" || c == "）" {
                depth -= 1
                if depth == 0 {
                    let inner = String(group.dropFirst().dropLast())
                    if let first = inner.unicodeScalars.first(where: { $0 != " " }), first.isASCII, first.properties.isAlphabetic,
                       !inner.unicodeScalars.contains(where: Gloss.isHan) {
                        english.append(inner.trimmingCharacters(in: .whitespaces))
                    } else {
                        chinese += group
                    }
                    group = ""
                }
            }
        }
        chinese += group  // an unclosed bracket stays as written
        var zh = chinese.trimmingCharacters(in: .whitespaces)
        while zh.contains("  ") { zh = zh.replacingOccurrences(of: "  ", with: " ") }
        zh = zh.replacingOccurrences(of: " ：", with: "：").replacingOccurrences(of: " :", with: ":")
        return (zh, english)
    }

    /// A Han character (CJK Unified Ideographs and their extensions, the compatibility block).
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: true
        default: false
        }
    }
}
