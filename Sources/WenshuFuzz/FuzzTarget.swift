import Foundation
import WenshuCore
import WenshuData
import WenshuFonts
import WenshuTemplate

/// The entry functions the fuzzers call, one per input Wenshu reads: each data loader, the template
/// compiler, the expression parser, the image header reader and the font loader. They live in the
/// package (not in the fuzzers) so that `swift test` replays the committed corpus through exactly
/// the code the fuzzers ran (`Fuzz/` builds them with libFuzzer; `bench/fuzz.sh` runs them).
public enum FuzzTarget: String, CaseIterable, Sendable {
    case yaml, json, csv, xlsx, template, expression, image, font

    /// What an input did: read, or refused with an error.
    public enum Outcome: Sendable {
        case accepted
        /// Refused with one of Wenshu's own errors (a message for users, with its place).
        case refused(any WenshuError)
        /// Refused with an error that is not Wenshu's: a library's raw error reaching the user.
        case unexpected(String)
    }

    /// Runs the input through the target. A crash, a trap or a hang here is a finding; any error
    /// is an outcome.
    @discardableResult
    public func run(_ input: Data) -> Outcome {
        do {
            try body(input)
            return .accepted
        } catch let error as WenshuError {
            return .refused(error)
        } catch {
            return .unexpected(String(describing: error))
        }
    }

    private func body(_ input: Data) throws {
        switch self {
        case .yaml, .json, .csv, .xlsx:
            let data = try DataLoader.load(data: input, format: rawValue, file: "fuzz.\(rawValue)")
            // Read against a schema as `build` reads it (brand.name by its label, a list's rows).
            let checker = SchemaChecker(FuzzTarget.schema)
            _ = checker.check(checker.normalize(data))
        case .template:
            try FuzzTarget.realize(templateXML: input)
        case .expression:
            // The expression parser is reached as templates reach it: between {{ and }} in text,
            // and in a condition.
            let text = String(decoding: input, as: UTF8.self)
            let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: "\"", with: "&quot;")
            let xml = "<template><body><p>{{ \(escaped) }}</p><if test=\"\(escaped)\"><p>x</p></if></body></template>"
            try FuzzTarget.realize(templateXML: Data(xml.utf8))
        case .image:
            try FuzzTarget.withFile(input, name: "image") { _ = try ImageInfo.read($0) }
        case .font:
            try FuzzTarget.withFile(input, name: "font.ttf") { path in
                let font = try Font(path: path)
                for scalar in "文书一校一品，A1".unicodeScalars where font.hasGlyph(scalar) { _ = font.advance(of: scalar) }
            }
        }
    }

    /// Data every template can draw on: a school with a few fields and a list of rows.
    static let sampleData: DataSet = {
        let date = DateValue(year: 2022, month: 5, day: 9).map(Value.date) ?? .null
        let row = Value.object(Record([("name", .string("张三")), ("date", date)]))
        return DataSet(root: .object(Record([
            ("name", .string("青石桥小学")), ("members", .number(32)), ("brand", .string("红烛")),
            ("rows", .array([row, row])), ("empty", .null), ("flag", .bool(true)),
        ])))
    }()

    /// A schema with a nested path, a list with its own fields and each checked type, for the data targets.
    static let schema: FieldSchema = {
        func f(_ path: String, _ label: String, _ type: FieldSchema.FieldType, max: Int? = nil, about: Int? = nil,
               fields: [FieldSchema.Field] = []) -> FieldSchema.Field {
            var x = FieldSchema.Field(path: path.split(separator: ".").map(String.init), label: label)
            x.type = type; x.max = max; x.about = about; x.fields = fields; x.required = true
            return x
        }
        return FieldSchema(fields: [
            f("school", "单位名称", .text), f("members", "党员数", .wholeNumber), f("phone", "联系电话", .phone),
            f("brand.name", "品牌名称", .text, max: 16), f("report", "创建报告", .longText, about: 2000),
            f("rows", "名单", .list, fields: [f("name", "姓名", .text), f("date", "日期", .date)]),
        ])
    }()

    static func realize(templateXML: Data) throws {
        try withFile(templateXML, name: "template.xml") { path in
            let loader = TemplateLoader(searchPaths: [(path as NSString).deletingLastPathComponent])
            let template = try loader.load(path)
            _ = try Realizer(loader: loader).realize(template, data: sampleData)
        }
    }

    /// Writes `input` to a file of its own under the temporary folder, runs `body` on its path,
    /// and removes it.
    static func withFile(_ input: Data, name: String, _ body: (String) throws -> Void) throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("wenshu-fuzz-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try input.write(to: file)
        try body(file.path)
    }
}
