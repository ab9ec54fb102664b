import Foundation
import WenshuCore

/// One entry of a fallback list: a family name and the weight wanted from it.
public struct FontCandidate: Hashable, Sendable, CustomStringConvertible {
    public var family: String
    public var bold: Bool
    /// True for the free fonts Wenshu installs itself; false for office fonts the user may have.
    public var free: Bool
    /// The face's full-width punctuation is drawn GB style (，。 in the lower left, quotes full width).
    /// Faces made for Traditional Chinese centre their marks; their marks are taken from the next face.
    public var gbPunctuation: Bool

    public init(_ family: String, bold: Bool = false, free: Bool = false, gbPunctuation: Bool = true) {
        self.family = family; self.bold = bold; self.free = free; self.gbPunctuation = gbPunctuation
    }
    public var description: String { bold ? "\(family) Bold" : family }
}

/// The fallback lists, read from the role table `fonts/roles.tsv` (data, not code): for every role,
/// the families offices use (found when installed or placed in a font folder the user names), then
/// the free faces Wenshu fetches itself (the Fandol family in `fonts/free/`, Noto Serif CJK SC Bold
/// for 小标宋).
///
/// A character missing from every font of its role's list is looked up in `lastResort` (the table's
/// 后备 rows: Noto CJK, then Hanazono for CJK Extensions B–F), then in any installed font that has it
/// (fontconfig's charset index); only then is it reported missing.
public struct FontFallbacks: Sendable {
    /// Each role's candidates, in the order they are tried.
    public var lists: [FontRole: [FontCandidate]]
    /// Tried for any character the role's own list lacks.
    public var lastResort: [FontCandidate]
    /// The folder the table was read from (it holds `free/` with the fetched faces), when read from a file.
    public var folder: String?

    /// The name of the last-resort rows in the table.
    public static let lastResortName = "后备"

    /// The table from `fonts/roles.tsv`, found as the templates are (see `FontResources`).
    public static let standard: Result<FontFallbacks, FontError> = {
        guard let folder = FontResources.folder() else {
            return .failure(.roleTableMissing(looked: FontResources.searchPaths()))
        }
        do { return .success(try FontFallbacks(contentsOf: folder + "/roles.tsv")) } catch let e as FontError {
            return .failure(e)
        } catch {
            return .failure(.roleTableInvalid(folder + "/roles.tsv", line: 0, "\(error)"))
        }
    }()

    /// The standard table's lists (empty when the table could not be read; `FontBook` reports why).
    public static var lists: [FontRole: [FontCandidate]] { (try? standard.get())?.lists ?? [:] }
    /// The standard table's last-resort list.
    public static var lastResort: [FontCandidate] { (try? standard.get())?.lastResort ?? [] }

    public init(lists: [FontRole: [FontCandidate]], lastResort: [FontCandidate], folder: String? = nil) {
        self.lists = lists; self.lastResort = lastResort; self.folder = folder
    }

    /// Reads a role table file.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw FontError.roleTableMissing(looked: [path])
        }
        try self.init(parsing: text, file: path)
        folder = (path as NSString).deletingLastPathComponent
    }

    /// Parses the table's text: a header row, then `role  family  weight  source  marks` rows;
    /// `#` starts a comment line.
    public init(parsing text: String, file: String = "roles.tsv") throws {
        var lists: [FontRole: [FontCandidate]] = [:]
        var lastResort: [FontCandidate] = []
        var sawHeader = false
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = raw.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if !sawHeader { sawHeader = true; if cols.first == "role" { continue } }
            func bad(_ why: String) -> FontError { .roleTableInvalid(file, line: n + 1, why) }
            guard cols.count == 5 else { throw bad("每行应有 5 列（role family weight source marks），这里有 \(cols.count) 列") }
            let bold: Bool
            switch cols[2] {
            case "regular": bold = false
            case "bold": bold = true
            default: throw bad("字重应为 regular 或 bold，这里是“\(cols[2])”")
            }
            let free: Bool
            switch cols[3] {
            case "office": free = false
            case "free": free = true
            default: throw bad("来源应为 office 或 free，这里是“\(cols[3])”")
            }
            let gb: Bool
            switch cols[4] {
            case "gb": gb = true
            case "centred": gb = false
            default: throw bad("标点应为 gb 或 centred，这里是“\(cols[4])”")
            }
            guard !cols[1].isEmpty else { throw bad("字体族名为空") }
            let candidate = FontCandidate(cols[1], bold: bold, free: free, gbPunctuation: gb)
            if cols[0] == Self.lastResortName {
                lastResort.append(candidate)
            } else if let role = FontRole(rawValue: cols[0]) {
                lists[role, default: []].append(candidate)
            } else {
                throw bad("未知的字体角色“\(cols[0])”，应为 宋体、黑体、楷体、仿宋、小标宋 或 后备")
            }
        }
        for role in FontRole.allCases where lists[role] == nil {
            throw FontError.roleTableInvalid(file, line: 0, "没有“\(role.rawValue)”的字体")
        }
        self.init(lists: lists, lastResort: lastResort)
    }
}

/// Where Wenshu's own font resources are: the folder holding `roles.tsv` and `free/` (the fetched
/// faces), looked for as the templates are (`ResourceFolders`, with `$WENSHU_FONTS`).
public enum FontResources {
    public static func searchPaths(binary: String = CommandLine.arguments.first ?? "") -> [String] {
        ResourceFolders.searchPaths("fonts", environment: "WENSHU_FONTS", binary: binary)
    }

    /// The first search path that has a role table.
    public static func folder() -> String? {
        searchPaths().first { FileManager.default.fileExists(atPath: $0 + "/roles.tsv") }
    }

    /// The folder of the fetched free faces, when it exists.
    public static func freeFaces(in folder: String?) -> String? {
        guard let folder else { return nil }
        var isDir: ObjCBool = false
        let free = folder + "/free"
        return FileManager.default.fileExists(atPath: free, isDirectory: &isDir) && isDir.boolValue ? free : nil
    }
}
