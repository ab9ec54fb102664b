import Foundation
import WenshuCore
import WenshuData

/// Turns a template and data into a document's content: walks the body, fills expressions,
/// unrolls `each`, chooses `if` branches, reads `include`d fragments, and builds blocks with the
/// template's styles.
public struct Realizer {
    public let loader: TemplateLoader
    /// Folders of the data files: images named in data are looked up there first.
    public var dataFolders: [String]

    /// How deeply elements may nest while realised, through includes (the shipped templates: 9).
    static let maxDepth = 48
    /// How deeply includes may nest.
    static let maxIncludeDepth = 16
    /// Fragments one document may include, all levels together.
    static let maxIncludes = 1_000
    /// Blocks and table rows one document may realise.
    static let maxBlocks = 250_000
    /// Pixels the distinct images of one document may have in all (400 million, as the renderer's budget).
    static let maxImagePixels = 400_000_000

    public init(loader: TemplateLoader, dataFolders: [String] = []) {
        self.loader = loader; self.dataFolders = dataFolders
    }

    /// The content of `template` filled from `data`. The data's `params` (or 参数) object
    /// overrides the template's parameters.
    public func realize(_ template: Template, data: DataSet) throws -> DocumentContent {
        var parameters = Record()
        var evaluator = Evaluator(scope: Scope(data: data.root, parameters: Record(), aliases: [:]),
                                  dataLocations: data.locations)
        let overrides = data.root["params"] ?? data.root["参数"]
        for p in template.parameters {
            // The data overrides a parameter's default: in its params object, or as a field of
            // the same name (a notice's data names its own issuer).
            if let o = overrides?[p.name] ?? data.root[p.name] {
                parameters[p.name] = o
                evaluator.scope.parameters = parameters
                continue
            }
            let pieces = try evaluator.interpolate(p.value, source: p.source, line: p.line)
            parameters[p.name] = pieces.count == 1 ? pieces[0] : .string(pieces.map(\.description).joined())
            evaluator.scope.parameters = parameters
        }
        var state = State(template: template, evaluator: evaluator, realizer: self)
        var content = DocumentContent()
        let infoSource = SourceFile(path: template.path, text: "")
        func info(_ key: String) throws -> String? {
            try template.info[key].map { try evaluator.string($0, source: infoSource, line: 0) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        content.info.title = try info("title")
        content.info.author = try info("author")
        content.info.subject = try info("subject") ?? "一校一品"
        content.info.keywords = try info("keywords")
        // Masters.
        for name in template.pageOrder {
            let (e, source) = template.pages[name]!
            state.masters[name] = try PageSpec.master(try state.evaluated(e, source: source, lengthsOnly: true), source: source,
                                                      evaluator: state.evaluator)
        }
        guard let (body, source) = template.body else {
            throw TemplateError("the template has no <body>", at: SourceLocation(file: template.path))
        }
        let first = body.attributes["page"] ?? template.pageOrder.first ?? "gbt9704"
        content.master = try state.master(first, source: source, line: body.line)
        state.currentPitch = content.master.linePitch
        content.blocks = try state.blocks(body.children, source: source, style: try state.style(named: "正文", source: source, line: body.line))
        return content
    }

    /// The state of one realisation.
    struct State {
        let template: Template
        var evaluator: Evaluator
        let realizer: Realizer
        var masters: [String: PageMaster] = [:]
        var includeDepth = 0
        /// Fragments included so far, all levels together.
        var includeCount = 0
        /// Blocks and table rows made so far.
        var realised = 0
        /// Elements open around the one being realised, includes' included.
        var depth = 0
        /// Pixels of the distinct images named so far (see `ImageInfo.maxPixels` for one image).
        var imagePixels: [String: Int] = [:]
        /// The line pitch of the master in force (to turn heights into lines).
        var currentPitch = Length.mm(225) / 22

        func master(_ name: String, source: SourceFile, line: Int) throws -> PageMaster {
            if let m = masters[name] { return m }
            if let p = PageSpec.preset(name) { return p }
            throw TemplateError("no page master named ‘\(name)’ (define it with <page name=\"\(name)\">, or use a preset: gbt9704, gbt9704-free, a4, a4-landscape, book)",
                                at: source.locate("page=", from: line))
        }

        /// `e` with the expressions in its attributes filled in (styles may use parameters: color="{{ red }}").
        /// With `lengthsOnly`, only its length and number attributes (see `AttributeRules`), leaving
        /// expressions such as `in=` and `src=` to be read as expressions.
        func evaluated(_ e: XMLElement, source: SourceFile, lengthsOnly: Bool = false) throws -> XMLElement {
            var out = e
            for (k, v) in e.attributes where v.contains("{{") && (!lengthsOnly || AttributeRules.rule(e.name, k) != nil) {
                let filled = try evaluator.string(v, source: source, line: e.line)
                try AttributeRules.check(e.name, k, filled, at: source.locate("\(k)=", from: e.line))
                out.attributes[k] = filled
            }
            return out
        }

        func style(named name: String, source: SourceFile, line: Int) throws -> StyleSpec {
            if let (e, s) = template.styles[name] {
                var spec = try StyleSpec(try evaluated(e, source: s), source: s)
                spec.role = spec.role ?? StyleSpec.builtIn[name]?.role
                spec.name = name
                return spec.over(StyleSpec.builtIn[name] ?? StyleSpec.builtIn["正文"]!)
            }
            if var b = StyleSpec.builtIn[name] { b.name = name; return b }
            throw TemplateError("no style named ‘\(name)’ (define it with <style name=\"\(name)\">; built in: \(StyleSpec.builtIn.keys.sorted().joined(separator: ", ")))",
                                at: source.locate("style=\"\(name)", from: line))
        }

        /// The style of element `e`: its `style=` over `base`, then its own attributes over that.
        func style(of e: XMLElement, source: SourceFile, base: StyleSpec) throws -> StyleSpec {
            var s = base
            if let name = e.attributes["style"] { s = try style(named: name, source: source, line: e.line) }
            return try StyleSpec(try evaluated(e, source: source), source: source).over(s)
        }

        // MARK: Blocks

        mutating func blocks(_ nodes: [XMLNode], source: SourceFile, style: StyleSpec) throws -> [Block] {
            var out: [Block] = []
            for node in nodes {
                guard case .element(let e) = node else {
                    if case .text(let t) = node, !t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        // Loose text in a block context is a paragraph.
                        out.append(.paragraph(try paragraph(runs: inline([node], source: source, style: style, line: 0), spec: style)))
                    }
                    continue
                }
                out += try block(e, source: source, style: style)
            }
            return out
        }

        mutating func block(_ element: XMLElement, source: SourceFile, style: StyleSpec) throws -> [Block] {
            let e = try evaluated(element, source: source, lengthsOnly: true)
            try countRealised(e, source: source)
            try enter(e, source: source)
            defer { depth -= 1 }
            switch e.name {
            case "p":
                let spec = try self.style(of: e, source: source, base: style)
                let runs = try inline(e.children, source: source, style: spec, line: e.line)
                if runs.allSatisfy({ $0.text.isEmpty }) { return [] }
                var p = try paragraph(runs: runs, spec: spec)
                if let fit = e.attributes["fit"] {
                    // fit="1 14pt": at most one line, shrinking down to 14 pt before wrapping.
                    let parts = fit.split(separator: " ")
                    guard parts.count == 2, let n = Int(parts[0]), n > 0, let min = Length.parse(String(parts[1])) else {
                        throw TemplateError("‘fit’: expected a number of lines and a smallest size, e.g. fit=\"1 14pt\"",
                                            at: source.locate("fit=", from: e.line))
                    }
                    p.fit = ShrinkFit(maxLines: n, minimumSize: min)
                }
                return [.paragraph(p)]
            case "h":
                let level = Int(e.attributes["level"] ?? "1") ?? 1
                guard (1...4).contains(level) else {
                    throw TemplateError("<h level=…> must be 1 to 4", at: source.locate("level=", from: e.line))
                }
                let base = try self.style(named: ["一级标题", "二级标题", "三级标题", "四级标题"][level - 1], source: source, line: e.line)
                let spec = try self.style(of: e, source: source, base: base)
                var p = try paragraph(runs: inline(e.children, source: source, style: spec, line: e.line), spec: spec)
                p.keepWithNext = true
                if e.attributes["bookmark"] != "false" { p.bookmarkLevel = level }
                return [.paragraph(p)]
            case "text":
                let spec = try self.style(of: e, source: source, base: style)
                let value = try evaluator.textValue(e.attributes["value"]!, source: source, line: e.line)
                return try reportText(value.description, spec: spec, source: source, line: e.line)
            case "table":
                return [.table(try table(e, source: source, style: style))]
            case "image":
                return [.image(try image(e, source: source, style: style))]
            case "page-break":
                return [.pageBreak(toOdd: e.attributes["odd"] == "true")]
            case "space":
                if e.attributes["fill"] == "true" { return [.fill] }
                if let h = e.attributes["height"] {
                    guard let l = Length.parse(h) else {
                        throw TemplateError("‘height’: expected a length such as 35mm", at: source.locate("height=", from: e.line))
                    }
                    return [.space(lines: l / currentPitch)]
                }
                return [.space(lines: Double(e.attributes["lines"] ?? "1") ?? 1)]
            case "masthead":
                let mark = try evaluator.string(e.attributes["mark"]!, source: source, line: e.line)
                let number = try e.attributes["number"].map { try evaluator.string($0, source: source, line: e.line) }
                var m = MastheadBlock(mark: mark, number: number?.isEmpty == true ? nil : number)
                if let c = e.attributes["color"] {
                    let v = try evaluator.string(c, source: source, line: e.line)
                    guard let color = StyleSpec.color(v) else {
                        throw TemplateError("‘color’: expected a colour such as #E60012", at: source.locate("color=", from: e.line))
                    }
                    m.markStyle.color = color
                    m.rule.color = color
                }
                if let sz = e.attributes["size"], let l = Length.parse(sz) { m.markStyle.size = l }
                if let r = e.attributes["rule"], let l = Length.parse(r) { m.rule.width = l }
                if let t = e.attributes["top"], let l = Length.parse(t) { m.markTop = l }
                return [.masthead(m)]
            case "imprint":
                let copies = try e.attributes["copies"].map { try evaluator.string($0, source: source, line: e.line) }
                var i = ImprintBlock(copies: copies?.isEmpty == true ? nil : copies,
                                     printer: try evaluator.string(e.attributes["printer"]!, source: source, line: e.line),
                                     printed: try evaluator.string(e.attributes["printed"]!, source: source, line: e.line))
                if let sz = e.attributes["size"], let l = Length.parse(sz) { i.style.size = l }
                return [.imprint(i)]
            case "rule":
                let color = e.attributes["color"].flatMap(StyleSpec.color) ?? .black
                let width = e.attributes["width"].flatMap(Length.parse) ?? .pt(1)
                let above = e.attributes["space-before"].flatMap(Length.parse) ?? .zero
                let below = e.attributes["space-after"].flatMap(Length.parse) ?? .zero
                return [.rule(RuleBlock(stroke: Stroke(width: width, color: color), above: above, below: below))]
            case "signature":
                let spec = try self.style(of: e, source: source, base: try self.style(named: "落款", source: source, line: e.line))
                let issuer = try evaluator.string(e.attributes["issuer"]!, source: source, line: e.line)
                let date = try evaluator.string(e.attributes["date"]!, source: source, line: e.line)
                var seal: String? = nil
                if let s = e.attributes["seal"] {
                    let v = try evaluator.value(s, source: source, line: e.line, lenient: true)
                    if v.isTruthy {
                        let path = try realizer.resolveFile(v.description, template: template, source: source, line: e.line)
                        try checkImage(path, source: source, line: e.line, name: "seal=")
                        seal = path
                    }
                }
                return [.signature(SignatureBlock(issuer: issuer, date: date, seal: seal, style: spec.textStyle))]
            case "contents":
                let spec = try self.style(of: e, source: source, base: try self.style(named: "表格", source: source, line: e.line))
                let title = try e.attributes["title"].map { try evaluator.string($0, source: source, line: e.line) } ?? "目　录"
                return [.contents(ContentsBlock(title: title.isEmpty ? nil : title, levels: Int(e.attributes["levels"] ?? "2") ?? 2,
                                                style: spec.textStyle))]
            case "section":
                let m = try master(e.attributes["page"]!, source: source, line: e.line)
                currentPitch = m.linePitch
                return [.section(SectionBreak(master: m, restartNumbering: e.attributes["restart-numbering"] == "true",
                                              oddPage: e.attributes["odd"] == "true"))]
            case "each":
                var out: [Block] = []
                try each(e, source: source) { state in out += try state.blocks(e.children, source: source, style: style) }
                return out
            case "if":
                let (yes, no) = split(e)
                let test = try evaluator.value(e.attributes["test"]!, source: source, line: e.line, lenient: true)
                return try blocks(test.isTruthy ? yes : no, source: source, style: style)
            case "include":
                guard includeDepth < Realizer.maxIncludeDepth else {
                    throw TemplateError("include 嵌套超过 \(Realizer.maxIncludeDepth) 层（includes nest more than \(Realizer.maxIncludeDepth) deep: a loop?）；请检查片段是否互相包含",
                                        at: source.locate("<include", from: e.line))
                }
                includeCount += 1
                guard includeCount <= Realizer.maxIncludes else {
                    throw TemplateError("一份文档里 include 展开超过 \(Realizer.maxIncludes) 次（includes expand more than \(Realizer.maxIncludes) times in one document）；请减少片段之间的重复包含",
                                        at: source.locate("<include", from: e.line))
                }
                let path = try realizer.resolveFile(try evaluator.string(e.attributes["src"]!, source: source, line: e.line),
                                                    template: template, source: source, line: e.line, preferTemplate: true)
                let (root, included) = try realizer.loader.read(path)
                guard root.name == "fragment" else {
                    throw TemplateError("an included file must have <fragment> as its root, found <\(root.name)>", at: included.at(root.line))
                }
                includeDepth += 1
                defer { includeDepth -= 1 }
                return try blocks(root.children, source: included, style: style)
            case "else":
                return []
            default:
                throw TemplateError("<\(e.name)> cannot stand here (expected a block: p, h, text, table, image, page-break, space, rule, signature, contents, section, each, if, include)",
                                    at: source.locate("<\(e.name)", from: e.line))
            }
        }

        /// Goes one element deeper, refusing nesting beyond `Realizer.maxDepth` (each level is a few
        /// frames of the stack).
        mutating func enter(_ e: XMLElement, source: SourceFile) throws {
            depth += 1
            guard depth <= Realizer.maxDepth else {
                throw TemplateError("元素嵌套超过 \(Realizer.maxDepth) 层（include 里的也算）（elements nest more than \(Realizer.maxDepth) deep, includes counted）；请减少嵌套",
                                    at: source.locate("<\(e.name)", from: e.line))
            }
        }

        /// Counts one more block or row, refusing a document beyond `Realizer.maxBlocks`.
        mutating func countRealised(_ e: XMLElement, source: SourceFile) throws {
            realised += 1
            guard realised <= Realizer.maxBlocks else {
                throw TemplateError("文档展开后超过 \(Realizer.maxBlocks) 个段落、表格行等内容（the document realises more than \(Realizer.maxBlocks) blocks and rows）；请检查循环和 include 是否重复展开，或把数据分成几份",
                                    at: source.locate("<\(e.name)", from: e.line))
            }
        }

        /// `path` checked as an image (a regular PNG or JPEG within the pixel budgets), or an error
        /// at the template's place.
        mutating func checkImage(_ path: String, source: SourceFile, line: Int, name: String) throws {
            let location = source.locate(name, from: line)
            let info: ImageInfo
            do { info = try ImageInfo.read(path) } catch {
                throw TemplateError("图片 \(path) 无法使用（cannot use the image）：\(error.reason)", at: location)
            }
            imagePixels[path] = info.pixels
            let total = imagePixels.values.reduce(0, +)
            guard total <= Realizer.maxImagePixels else {
                throw TemplateError("文档中的图片合计超过 \(Realizer.maxImagePixels / 1_000_000) 百万像素（the document's images exceed \(Realizer.maxImagePixels / 1_000_000) megapixels in all）；请缩小照片后再用",
                                    at: location)
            }
        }

        /// Runs `body` once for every item of an <each>, with the item under its `as` name and
        /// `loop` (or the `index` name) giving index (from 1), first and last. A missing list is
        /// empty; a single value is a list of one.
        mutating func each(_ e: XMLElement, source: SourceFile, _ body: (inout State) throws -> Void) throws {
            let (list, origin) = try evaluator.traced(e.attributes["in"]!, source: source, line: e.line)
            let items: [Value]
            let isList: Bool
            switch list {
            case .array(let a): items = a; isList = true
            case .null: items = []; isList = true
            default: items = [list]; isList = false
            }
            for (i, item) in items.enumerated() {
                evaluator.scope.push(e.attributes["as"]!, item, origin: isList ? origin.map { $0 + [.index(i)] } : origin)
                evaluator.scope.push(e.attributes["index"] ?? "loop", .object(Record([
                    ("index", .number(Double(i + 1))), ("first", .bool(i == 0)), ("last", .bool(i == items.count - 1)),
                ])))
                defer { evaluator.scope.pop(); evaluator.scope.pop() }
                try body(&self)
            }
        }

        /// The children of an <if> before and after its <else/>.
        func split(_ e: XMLElement) -> ([XMLNode], [XMLNode]) {
            guard let i = e.children.firstIndex(where: { if case .element(let x) = $0 { x.name == "else" } else { false } }) else {
                return (e.children, [])
            }
            return (Array(e.children[..<i]), Array(e.children[(i + 1)...]))
        }

        func paragraph(runs: [InlineRun], spec: StyleSpec) throws -> ParagraphBlock {
            var style = spec.paragraphStyle
            style.grid = nil
            var p = ParagraphBlock(runs: runs, style: style, keepWithNext: spec.keepWithNext ?? false,
                                   linesBefore: spec.spaceBefore ?? 0, linesAfter: spec.spaceAfter ?? 0, lineHeight: spec.lineHeight)
            p.styleName = spec.name
            return p
        }

        /// Report text as people type it: paragraphs split at blank lines, 一、（一）1.（1） headings.
        mutating func reportText(_ text: String, spec: StyleSpec, source: SourceFile, line: Int) throws -> [Block] {
            let report = ReportText(text)
            var out: [Block] = []
            for p in report.paragraphs {
                var runs: [InlineRun] = []
                if let level = p.level, let heading = p.heading {
                    let hs = try style(named: ["一级标题", "二级标题", "三级标题", "四级标题"][level - 1], source: source, line: line)
                    var ts = hs.textStyle
                    ts.size = spec.size ?? ts.size
                    runs.append(InlineRun(heading, style: ts))
                }
                if !p.body.isEmpty { runs.append(InlineRun(p.body, style: spec.textStyle)) }
                var block = try paragraph(runs: runs, spec: spec)
                if let level = p.level, p.body.isEmpty {
                    block.styleName = ["一级标题", "二级标题", "三级标题", "四级标题"][level - 1]
                    block.keepWithNext = true
                    if (p.level ?? 9) <= 2 { block.bookmarkLevel = p.level! + 1 }
                }
                out.append(.paragraph(block))
            }
            return out
        }

        // MARK: Inline

        mutating func inline(_ nodes: [XMLNode], source: SourceFile, style: StyleSpec, line: Int) throws -> [InlineRun] {
            var runs: [InlineRun] = []
            let ts = style.textStyle
            var currentLine = line
            for (n, node) in nodes.enumerated() {
                switch node {
                case .text(let raw):
                    let text = Realizer.collapse(raw, first: n == 0, last: n == nodes.count - 1)
                    let value = try evaluator.string(text, source: source, line: currentLine)
                    append(&runs, InlineRun(value, style: ts))
                    currentLine += raw.filter { $0 == "\n" }.count
                case .element(let e):
                    currentLine = e.line
                    try enter(e, source: source)
                    defer { depth -= 1 }
                    switch e.name {
                    case "b":
                        var s = style; s.bold = true
                        for r in try inline(e.children, source: source, style: s, line: e.line) { append(&runs, r) }
                    case "span":
                        let s = try self.style(of: e, source: source, base: style)
                        for r in try inline(e.children, source: source, style: s, line: e.line) { append(&runs, r) }
                    case "br":
                        append(&runs, InlineRun("\n", style: ts))
                    case "each":
                        try each(e, source: source) { state in
                            for r in try state.inline(e.children, source: source, style: style, line: e.line) { state.append(&runs, r) }
                        }
                    case "if":
                        let (yes, no) = split(e)
                        let test = try evaluator.value(e.attributes["test"]!, source: source, line: e.line, lenient: true)
                        for r in try inline(test.isTruthy ? yes : no, source: source, style: style, line: e.line) { append(&runs, r) }
                    default:
                        throw TemplateError("<\(e.name)> cannot stand inside text (expected b, span, br, each or if)",
                                            at: source.locate("<\(e.name)", from: e.line))
                    }
                }
            }
            return runs
        }

        func append(_ runs: inout [InlineRun], _ run: InlineRun) {
            guard !run.text.isEmpty else { return }
            if let last = runs.last, last.style == run.style {
                runs[runs.count - 1].text += run.text
            } else {
                runs.append(run)
            }
        }

        // MARK: Tables and images

        mutating func table(_ e: XMLElement, source: SourceFile, style: StyleSpec) throws -> TableBlock {
            let cellBase = try self.style(named: e.attributes["style"] ?? "表格", source: source, line: e.line)
            var columns: [ColumnWidth] = []
            // Column lists may come from data ({{ … }}), as a summary table's per-group columns do.
            let columnList = try e.attributes["columns"].map { try evaluator.string($0, source: source, line: e.line) } ?? "1fr"
            for part in columnList.split(separator: " ") {
                if part.hasSuffix("fr"), let f = Double(part.dropLast(2)) { columns.append(.fraction(f)) }
                else if let l = Length.parse(String(part)) { columns.append(.fixed(l)) }
                else {
                    throw TemplateError("‘columns’: ‘\(part)’ is not a width (expected lengths such as 3cm or shares such as 2fr)",
                                        at: source.locate("columns=", from: e.line))
                }
            }
            var rows: [TableRow] = []
            var headerRows = Int(e.attributes["header-rows"] ?? "0") ?? 0
            try collectRows(e.children, into: &rows, headerRows: &headerRows, source: source, cellBase: cellBase)
            try Realizer.checkSpans(rows, columns: columns.count, at: source.locate("<table", from: e.line))
            var t = TableBlock(columns: columns, rows: rows, headerRows: headerRows)
            if let b = e.attributes["border"] { t.border = b == "none" ? nil : Length.parse(b).map { Stroke(width: $0) } }
            if let r = e.attributes["rule"] { t.innerRule = r == "none" ? nil : Length.parse(r).map { Stroke(width: $0) } }
            if let p = e.attributes["padding"] {
                let parts = p.split(separator: " ").compactMap { Length.parse(String($0)) }
                if parts.count == 1 { t.padding = Sides(all: parts[0]) }
                if parts.count == 2 { t.padding = Sides(top: parts[0], right: parts[1], bottom: parts[0], left: parts[1]) }
            }
            t.linesBefore = Double(e.attributes["space-before"] ?? "0") ?? 0
            t.linesAfter = Double(e.attributes["space-after"] ?? "0") ?? 0
            return t
        }

        mutating func collectRows(_ nodes: [XMLNode], into rows: inout [TableRow], headerRows: inout Int, source: SourceFile,
                                  cellBase: StyleSpec) throws {
            for case .element(let element) in nodes {
                let r = try evaluated(element, source: source, lengthsOnly: true)
                try enter(r, source: source)
                defer { depth -= 1 }
                switch r.name {
                case "row":
                    var cells: [TableCell] = []
                    try collectCells(r.children, into: &cells, source: source, base: cellBase)
                    let minHeight = r.attributes["min-height"].flatMap(Length.parse) ?? .zero
                    if r.attributes["header"] == "true" { headerRows = max(headerRows, rows.count + 1) }
                    try countRealised(r, source: source)
                    rows.append(TableRow(cells: cells, minHeight: minHeight, keepWhole: r.attributes["keep"] == "true"))
                case "each":
                    try each(r, source: source) { state in
                        try state.collectRows(r.children, into: &rows, headerRows: &headerRows, source: source, cellBase: cellBase)
                    }
                case "if":
                    let (yes, no) = split(r)
                    let test = try evaluator.value(r.attributes["test"]!, source: source, line: r.line, lenient: true)
                    try collectRows(test.isTruthy ? yes : no, into: &rows, headerRows: &headerRows, source: source, cellBase: cellBase)
                default:
                    throw TemplateError("<table> holds <row>s (or <each>/<if> around rows), found <\(r.name)>",
                                        at: source.locate("<\(r.name)", from: r.line))
                }
            }
        }

        /// The cells of a row: <cell>s, and <each>/<if> around cells (a group label that appears on
        /// its group's first row only).
        mutating func collectCells(_ nodes: [XMLNode], into cells: inout [TableCell], source: SourceFile, base: StyleSpec) throws {
            for case .element(let c) in nodes {
                try enter(c, source: source)
                defer { depth -= 1 }
                switch c.name {
                case "cell": cells.append(try cell(try evaluated(c, source: source), source: source, base: base))
                case "if":
                    let (yes, no) = split(c)
                    let test = try evaluator.value(c.attributes["test"]!, source: source, line: c.line, lenient: true)
                    try collectCells(test.isTruthy ? yes : no, into: &cells, source: source, base: base)
                case "each":
                    try each(c, source: source) { state in
                        try state.collectCells(c.children, into: &cells, source: source, base: base)
                    }
                default:
                    throw TemplateError("<row> holds <cell>s (or <each>/<if> around cells), found <\(c.name)>",
                                        at: source.locate("<\(c.name)", from: c.line))
                }
            }
        }

        mutating func cell(_ c: XMLElement, source: SourceFile, base: StyleSpec) throws -> TableCell {
            let spec = try self.style(of: c, source: source, base: base)
            let blockNames: Set<String> = ["p", "h", "text", "image", "space", "include", "table"]
            /// Blocks anywhere below (through each and if): then the cell holds blocks, else inline text.
            func containsBlocks(_ nodes: [XMLNode]) -> Bool {
                nodes.contains { node in
                    guard case .element(let x) = node else { return false }
                    return blockNames.contains(x.name) || ((x.name == "each" || x.name == "if") && containsBlocks(x.children))
                }
            }
            var contentNodes = c.children
            var foot: [Block] = []
            if let i = c.children.firstIndex(where: { if case .element(let x) = $0 { x.name == "foot" } else { false } }),
               case .element(let f) = c.children[i] {
                let fs = try self.style(of: f, source: source, base: spec)
                foot = [.paragraph(try paragraph(runs: inline(f.children, source: source, style: fs, line: f.line), spec: fs))]
                contentNodes.remove(at: i)
            }
            let hasBlocks = containsBlocks(contentNodes)
            var content: [Block]
            if hasBlocks {
                content = try blocks(contentNodes, source: source, style: spec)
            } else {
                let runs = try inline(contentNodes, source: source, style: spec, line: c.line)
                content = runs.isEmpty ? [] : [.paragraph(try paragraph(runs: runs, spec: spec))]
            }
            let valign = VerticalAlignment(rawValue: c.attributes["valign"] ?? "") ?? (c.attributes["valign"] == "center" ? .middle : .top)
            return TableCell(content: content, colspan: max(1, Int(c.attributes["colspan"] ?? "1") ?? 1),
                             rowspan: max(1, Int(c.attributes["rowspan"] ?? "1") ?? 1), verticalAlignment: valign,
                             foot: foot, fill: c.attributes["fill"].flatMap(StyleSpec.color))
        }

        mutating func image(_ e: XMLElement, source: SourceFile, style: StyleSpec) throws -> ImageBlock {
            let src = try evaluator.string(e.attributes["src"]!, source: source, line: e.line)
            let path = try realizer.resolveFile(src, template: template, source: source, line: e.line)
            try checkImage(path, source: source, line: e.line, name: "src=")
            let caption = try e.attributes["caption"].map { try evaluator.string($0, source: source, line: e.line) } ?? ""
            let captionStyle = try self.style(named: "图注", source: source, line: e.line)
            return ImageBlock(path: path, width: e.attributes["width"].flatMap(Length.parse),
                              height: e.attributes["height"].flatMap(Length.parse),
                              caption: caption.isEmpty ? [] : [InlineRun(caption, style: captionStyle.textStyle)],
                              alignment: e.attributes["align"].flatMap(StyleSpec.alignment) ?? .center)
        }
    }

    /// Refuses cells that span beyond their table: more columns in a row than the table has, or
    /// more rows down than follow.
    static func checkSpans(_ rows: [TableRow], columns: Int, at location: SourceLocation) throws {
        for (i, row) in rows.enumerated() {
            let span = row.cells.reduce(0) { $0 + $1.colspan }
            guard span <= columns else {
                throw TemplateError("表格第 \(i + 1) 行的格子合计跨 \(span) 列，而表格只有 \(columns) 列（row \(i + 1) spans \(span) columns; the table has \(columns)）；请检查 colspan 或 columns",
                                    at: location)
            }
            for (j, cell) in row.cells.enumerated() where cell.rowspan > rows.count - i {
                throw TemplateError("表格第 \(i + 1) 行第 \(j + 1) 格 rowspan=\(cell.rowspan) 超出了表格（the cell spans beyond the table's \(rows.count) rows）；请检查 rowspan",
                                    at: location)
            }
        }
    }

    /// XML text as Chinese text: a run of white space that holds a line break (the template's own
    /// indentation) disappears between Chinese characters and becomes one space between Latin
    /// words; the run at either end of an element's text disappears.
    static func collapse(_ raw: String, first: Bool, last: Bool) -> String {
        var out = ""
        var pending = ""
        for c in raw {
            if c.isWhitespace { pending.append(c); continue }
            if !pending.isEmpty {
                if pending.contains("\n") {
                    if !out.isEmpty, let l = out.last, l.isASCII, c.isASCII, l.isLetter || l.isNumber || l == ",", c.isLetter || c.isNumber {
                        out.append(" ")
                    } else if out.isEmpty && !first { out.append("") }
                } else if !(out.isEmpty && first) {
                    out += pending
                }
                pending = ""
            }
            out.append(c)
        }
        if !pending.isEmpty && !pending.contains("\n") && !last { out += pending }
        return out
    }

    /// A file named by the template or the data, checked to lie inside the allowed folders: the
    /// template's (and its parents') folders and the data files' folders.
    func resolveFile(_ name: String, template: Template, source: SourceFile, line: Int, preferTemplate: Bool = false) throws -> String {
        let fm = FileManager.default
        let bases = preferTemplate ? [source.folder] + template.roots + dataFolders : dataFolders + [source.folder] + template.roots
        var candidate: String? = nil
        if name.hasPrefix("/") { candidate = name } else {
            for b in bases where fm.fileExists(atPath: b + "/" + name) { candidate = b + "/" + name; break }
        }
        guard let found = candidate.map({ URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }),
              fm.fileExists(atPath: found) else {
            throw TemplateError("file not found: \(name) (looked in \(bases.joined(separator: ", ")))", at: source.locate(name, from: line))
        }
        if !loader.allowOutside {
            let roots = (template.roots + dataFolders + [source.folder]).map {
                URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path
            }
            guard roots.contains(where: { found == $0 || found.hasPrefix($0 + "/") }) else {
                throw TemplateError("‘\(name)’ lies outside the template's and the data's folders (use --allow-outside to permit it)",
                                    at: source.locate(name, from: line))
            }
        }
        return found
    }
}
