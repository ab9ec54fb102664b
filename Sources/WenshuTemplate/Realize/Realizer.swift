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
            let pieces = try evaluator.interpolate(p.filled).map(\.value)
            parameters[p.name] = pieces.count == 1 ? pieces[0] : .string(pieces.map(\.description).joined())
            evaluator.scope.parameters = parameters
        }
        var state = State(template: template, evaluator: evaluator, realizer: self)
        var content = DocumentContent()
        func info(_ key: String) throws -> String? {
            try template.info[key].map { try evaluator.string($0) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        content.info.title = try info("title")
        content.info.author = try info("author")
        content.info.subject = try info("subject") ?? "一校一品"
        content.info.keywords = try info("keywords")
        // Masters.
        for name in template.pageOrder {
            guard let (e, source) = template.pages[name] else { continue }
            state.masters[name] = try PageSpec.master(e, source: source, evaluator: state.evaluator)
        }
        guard let (body, source) = template.body else {
            throw TemplateError("the template has no <body>", at: SourceLocation(file: template.path))
        }
        let first = body["page"] ?? template.pageOrder.first ?? "gbt9704"
        content.master = try state.master(first, at: body.attributes["page"]?.place ?? body.place)
        state.currentPitch = content.master.linePitch
        content.blocks = try state.blocks(body.children, source: source, style: try state.style(named: "正文", at: body.place))
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
        /// The 套打 layer blocks are made in (`<stock>` makes them part of the pre-printed stock).
        var currentLayer = FrameLayer.content

        func master(_ name: String, at place: SourceLocation) throws -> PageMaster {
            if let m = masters[name] { return m }
            if let p = PageSpec.preset(name) { return p }
            let known = masters.keys.sorted() + Vocabulary.presets
            throw TemplateError("没有名为 ‘\(name)’ 的版式（no page master named ‘\(name)’: define it with <page name=\"\(name)\">, or use a preset: \(Vocabulary.presets.joined(separator: ", "))）"
                                + TemplateCompiler.hint(name, known), at: place)
        }

        /// Attribute `key` of `e`, decoded (filled in from {{ }} first when it holds expressions).
        func value(_ e: TemplateNode, _ key: String) throws -> AttributeValue? { try evaluator.value(e, key) }

        /// Text attribute `key` of `e` with its expressions filled in.
        func string(_ e: TemplateNode, _ key: String) throws -> String? { try evaluator.string(e, key) }

        func style(named name: String, at place: SourceLocation) throws -> StyleSpec {
            if let (e, _) = template.styles[name] {
                var spec = try StyleSpec(e, value: evaluator.value)
                spec.role = spec.role ?? StyleSpec.builtIn[name]?.role
                spec.name = name
                return spec.over(StyleSpec.builtIn[name] ?? StyleSpec.builtIn["正文"] ?? StyleSpec())
            }
            if var b = StyleSpec.builtIn[name] { b.name = name; return b }
            let known = template.styles.keys.sorted() + StyleSpec.builtIn.keys.sorted()
            throw TemplateError("没有名为 ‘\(name)’ 的样式（no style named ‘\(name)’: define it with <style name=\"\(name)\">; built in: \(StyleSpec.builtIn.keys.sorted().joined(separator: ", "))）"
                                + TemplateCompiler.hint(name, known), at: place)
        }

        /// The style of element `e`: its `style=` over `base`, then its own attributes over that.
        func style(of e: TemplateNode, base: StyleSpec) throws -> StyleSpec {
            var s = base
            if let a = e.attributes["style"] { s = try style(named: a.raw, at: a.place) }
            return try StyleSpec(e, value: evaluator.value).over(s)
        }

        /// A built-in or named style by name, at `e`'s place.
        func style(named name: String, for e: TemplateNode) throws -> StyleSpec { try style(named: name, at: e.place) }

        // MARK: Blocks

        mutating func blocks(_ nodes: [TemplateNode.Child], source: SourceFile, style: StyleSpec) throws -> [Block] {
            var out: [Block] = []
            for node in nodes {
                switch node {
                case .text(let t):
                    // Loose text in a block context is a paragraph.
                    if !t.raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        out.append(.paragraph(try paragraph(runs: inline([node], source: source, style: style), spec: style)))
                    }
                case .element(let e):
                    out += try block(e, source: source, style: style)
                }
            }
            return out
        }

        mutating func block(_ e: TemplateNode, source: SourceFile, style: StyleSpec) throws -> [Block] {
            try countRealised(e)
            try enter(e)
            defer { depth -= 1 }
            switch e.kind {
            case .p:
                let spec = try self.style(of: e, base: style)
                let runs = try inline(e.children, source: source, style: spec)
                if runs.allSatisfy({ $0.text.isEmpty }) { return [] }
                var p = try paragraph(runs: runs, spec: spec)
                // fit="1 14pt": at most one line, shrinking down to 14 pt before wrapping.
                if case .fit(let fit)? = try value(e, "fit") { p.fit = fit }
                return [.paragraph(p)]
            case .h:
                let level = try value(e, "level")?.integer ?? 1
                let base = try self.style(named: StyleSpec.headings[level - 1], for: e)
                let spec = try self.style(of: e, base: base)
                var p = try paragraph(runs: inline(e.children, source: source, style: spec), spec: spec)
                p.keepWithNext = true
                if try value(e, "bookmark")?.flag != false { p.bookmarkLevel = level }
                return [.paragraph(p)]
            case .text:
                let spec = try self.style(of: e, base: style)
                guard let (value, origin) = try evaluator.text(e, "value") else { return [] }
                return try reportText(value.description, spec: spec, place: evaluator.dataPlace(origin), at: e.place)
            case .table:
                return [.table(try table(e, source: source, style: style))]
            case .image:
                return [.image(try image(e, source: source))]
            case .pageBreak:
                return [.pageBreak(toOdd: try value(e, "odd")?.flag ?? false)]
            case .space:
                if try value(e, "fill")?.flag == true { return [.fill] }
                if let l = try value(e, "height")?.length { return [.space(lines: l / currentPitch)] }
                return [.space(lines: try value(e, "lines")?.number ?? 1)]
            case .masthead:
                let mark = try string(e, "mark") ?? ""
                let number = try string(e, "number")
                var m = MastheadBlock(mark: mark, number: number?.isEmpty == true ? nil : number)
                if let color = try value(e, "color")?.color {
                    m.markStyle.color = color
                    m.rule.color = color
                }
                if let l = try value(e, "size")?.length { m.markStyle.size = l }
                if let l = try value(e, "rule")?.length { m.rule.width = l }
                if let l = try value(e, "top")?.length { m.markTop = l }
                func optional(_ key: String) throws -> String? {
                    let v = try string(e, key)
                    return v?.isEmpty == false ? v : nil
                }
                m.copyNumber = try optional("copy-number")
                // §7.2.1: 份号 is Arabic numerals (usually six: 000128).
                if let n = m.copyNumber, !n.allSatisfy({ $0.isASCII && $0.isNumber }) || n.count > 12 {
                    throw TemplateError("份号“\(Evaluator.excerpt(n))”应为阿拉伯数字，一般 6 位，如 000128", "the copy number must be Arabic digits, usually six",
                                        at: e.attributes["copy-number"]?.place ?? e.place)
                }
                // 密级★保密期限 (§7.2.2): the term joined with a star when given apart.
                m.secrecy = try optional("secrecy").map { s in try optional("secrecy-term").map { "\(s)★\($0)" } ?? s }
                m.urgency = try optional("urgency")
                m.organs = try list(e, "organs")
                m.signers = try list(e, "signers")
                if let l = try value(e, "layout")?.word {
                    // The standard's own names for its formats are taken too.
                    let names = ["文件": "document", "文件格式": "document", "信函": "letter", "信函格式": "letter", "命令": "order", "令": "order"]
                    if let layout = MastheadLayout(rawValue: names[l] ?? l) {
                        m.layout = layout
                        if layout == .order && e.attributes["top"] == nil { m.markTop = .mm(20) }
                    }
                }
                if m.organs.count == 1 { m.mark = m.organs[0] + m.mark; m.organs = [] }
                return [.masthead(m)]
            case .imprint:
                let copies = try string(e, "copies")
                var i = ImprintBlock(copies: copies?.isEmpty == true ? nil : copies,
                                     printer: try string(e, "printer") ?? "", printed: try string(e, "printed") ?? "")
                if let l = try value(e, "size")?.length { i.style.size = l }
                i.evenPage = try value(e, "even")?.flag ?? false
                return [.imprint(i)]
            case .rule:
                let color = try value(e, "color")?.color ?? .black
                let width = try value(e, "width")?.length ?? .pt(1)
                let above = try value(e, "space-before")?.length ?? .zero
                let below = try value(e, "space-after")?.length ?? .zero
                return [.rule(RuleBlock(stroke: Stroke(width: width, color: color), above: above, below: below))]
            case .signature:
                let spec = try self.style(of: e, base: try self.style(named: "落款", for: e))
                let issuer = try string(e, "issuer") ?? ""
                let date = try string(e, "date") ?? ""
                var seal: String? = nil
                if let (v, _) = try evaluator.traced(e, "seal", lenient: true), v.isTruthy {
                    let place = e.attributes["seal"]?.place ?? e.place
                    let path = try realizer.resolveFile(v.description, template: template, source: source, at: place)
                    try checkImage(path, at: place)
                    seal = path
                }
                var signature = SignatureBlock(issuer: issuer, date: date, seal: seal, style: spec.textStyle)
                if try value(e, "seal-stock")?.flag == true { signature.sealLayer = .stock }
                signature.others = try list(e, "others")
                for path in try list(e, "other-seals") {
                    let place = e.attributes["other-seals"]?.place ?? e.place
                    let resolved = try realizer.resolveFile(path, template: template, source: source, at: place)
                    try checkImage(resolved, at: place)
                    signature.otherSeals.append(resolved)
                }
                if let v = try value(e, "layout")?.word {
                    let names = ["盖章": "sealed", "加盖印章": "sealed", "不盖章": "unsealed", "不加盖印章": "unsealed", "签名章": "signed"]
                    if let layout = SignatureLayoutKind(rawValue: names[v] ?? v) { signature.layout = layout }
                }
                signature.signerTitle = try string(e, "title")
                return [.signature(signature)]
            case .contents:
                let spec = try self.style(of: e, base: try self.style(named: "表格", for: e))
                let title = try string(e, "title") ?? "目　录"
                return [.contents(ContentsBlock(title: title.isEmpty ? nil : title, levels: try value(e, "levels")?.integer ?? 2,
                                                style: spec.textStyle))]
            case .section:
                let m = try master(e["page"] ?? "", at: e.attributes["page"]?.place ?? e.place)
                currentPitch = m.linePitch
                return [.section(SectionBreak(master: m, restartNumbering: try value(e, "restart-numbering")?.flag ?? false,
                                              oddPage: try value(e, "odd")?.flag ?? false))]
            case .stock:
                // 套打: what the pre-printed stock carries; laid out as always, left out of the print.
                let outer = currentLayer
                currentLayer = .stock
                defer { currentLayer = outer }
                return [.layer(.stock)] + (try blocks(e.children, source: source, style: style)) + [.layer(outer)]
            case .each:
                var out: [Block] = []
                try each(e) { state in out += try state.blocks(e.children, source: source, style: style) }
                return out
            case .if:
                return try blocks(try branch(e), source: source, style: style)
            case .include:
                guard includeDepth < Realizer.maxIncludeDepth else {
                    throw TemplateError("include 嵌套超过 \(Realizer.maxIncludeDepth) 层（includes nest more than \(Realizer.maxIncludeDepth) deep: a loop?）；请检查片段是否互相包含",
                                        at: e.place)
                }
                includeCount += 1
                guard includeCount <= Realizer.maxIncludes else {
                    throw TemplateError("一份文档里 include 展开超过 \(Realizer.maxIncludes) 次（includes expand more than \(Realizer.maxIncludes) times in one document）；请减少片段之间的重复包含",
                                        at: e.place)
                }
                let place = e.attributes["src"]?.place ?? e.place
                let path = try realizer.resolveFile(try string(e, "src") ?? "", template: template, source: source, at: place, preferTemplate: true)
                let (root, included) = try realizer.loader.read(path)
                guard root.kind == .fragment else {
                    throw TemplateError("被包含的文件应以 <fragment> 为根元素，这里是 <\(root.name)>（an included file must have <fragment> as its root, found <\(root.name)>）",
                                        at: root.place)
                }
                includeDepth += 1
                defer { includeDepth -= 1 }
                return try blocks(root.children, source: included, style: style)
            default:
                throw TemplateError("<\(e.name)> 不能放在这里（<\(e.name)> cannot stand here; expected a block: p, h, text, table, image, page-break, space, rule, signature, contents, section, each, if, include）",
                                    at: e.place)
            }
        }

        /// Goes one element deeper, refusing nesting beyond `Realizer.maxDepth` (each level is a few
        /// frames of the stack).
        mutating func enter(_ e: TemplateNode) throws {
            depth += 1
            guard depth <= Realizer.maxDepth else {
                throw TemplateError("元素嵌套超过 \(Realizer.maxDepth) 层（include 里的也算）（elements nest more than \(Realizer.maxDepth) deep, includes counted）；请减少嵌套",
                                    at: e.place)
            }
        }

        /// Counts one more block or row, refusing a document beyond `Realizer.maxBlocks`.
        mutating func countRealised(_ e: TemplateNode) throws {
            realised += 1
            guard realised <= Realizer.maxBlocks else {
                throw TemplateError("文档展开后超过 \(Realizer.maxBlocks) 个段落、表格行等内容（the document realises more than \(Realizer.maxBlocks) blocks and rows）；请检查循环和 include 是否重复展开，或把数据分成几份",
                                    at: e.place)
            }
        }

        /// The items of a list attribute (joint organs, 签发人, seals): a data list given as
        /// {{ path }}, or text with the items separated by 、; empty when absent or empty.
        func list(_ e: TemplateNode, _ key: String) throws -> [String] {
            guard let a = e.attributes[key] else { return [] }
            var items: [String]
            if case .filled(let text) = a.form, text.pieces.count == 1, case .expression(let x, let place) = text.pieces[0] {
                // One expression: a data list is the list; anything else is names separated by 、.
                switch try evaluator.traced(x, lenient: true, at: place).value {
                case .null: items = []
                case .array(let values): items = values.map(\.description)
                case let v: items = v.description.components(separatedBy: "、")
                }
            } else {
                items = try string(e, key)?.components(separatedBy: "、") ?? []
            }
            return items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        /// `path` checked as an image (a regular PNG or JPEG within the pixel budgets), or an error
        /// at the template's place.
        mutating func checkImage(_ path: String, at location: SourceLocation) throws {
            let info: ImageInfo
            do { info = try ImageInfo.read(path, in: realizer.loader.world) } catch {
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
        mutating func each(_ e: TemplateNode, _ body: (inout State) throws -> Void) throws {
            guard let (list, origin) = try evaluator.traced(e, "in", lenient: false), let name = e["as"] else { return }
            let items: [Value]
            let isList: Bool
            switch list {
            case .array(let a): items = a; isList = true
            case .null: items = []; isList = true
            default: items = [list]; isList = false
            }
            for (i, item) in items.enumerated() {
                evaluator.scope.push(name, item, origin: isList ? origin.map { $0 + [.index(i)] } : origin)
                evaluator.scope.push(e["index"] ?? "loop", .object(Record([
                    ("index", .number(Double(i + 1))), ("first", .bool(i == 0)), ("last", .bool(i == items.count - 1)),
                ])))
                defer { evaluator.scope.pop(); evaluator.scope.pop() }
                try body(&self)
            }
        }

        /// The children of an <if> its test chooses: those before its <else/>, or those after.
        func branch(_ e: TemplateNode) throws -> [TemplateNode.Child] {
            let test = try evaluator.traced(e, "test", lenient: true)?.value.isTruthy ?? false
            guard let i = e.children.firstIndex(where: { if case .element(let x) = $0 { x.kind == .else } else { false } }) else {
                return test ? e.children : []
            }
            return test ? Array(e.children[..<i]) : Array(e.children[(i + 1)...])
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
        /// `place` is where the text was written in the data, carried by its runs.
        mutating func reportText(_ text: String, spec: StyleSpec, place: SourceLocation?, at here: SourceLocation) throws -> [Block] {
            let report = ReportText(text)
            var out: [Block] = []
            for p in report.paragraphs {
                var runs: [InlineRun] = []
                if let level = p.level, let heading = p.heading {
                    let hs = try style(named: StyleSpec.headings[level - 1], at: here)
                    var ts = hs.textStyle
                    ts.size = spec.size ?? ts.size
                    runs.append(InlineRun(heading, style: ts, place: place))
                }
                for span in p.bodySpans {
                    var ts = spec.textStyle
                    if span.bold { ts.bold = true }
                    runs.append(InlineRun(span.text, style: ts, place: place))
                }
                var block = try paragraph(runs: runs, spec: spec)
                if let level = p.level, p.body.isEmpty {
                    block.styleName = StyleSpec.headings[level - 1]
                    block.keepWithNext = true
                    if level <= 2 { block.bookmarkLevel = level + 1 }
                }
                out.append(.paragraph(block))
            }
            return out
        }

        // MARK: Inline

        /// The runs of `nodes`: their text with its expressions filled in (a run from the data
        /// carries the data value's place), b, span, br, each and if.
        mutating func inline(_ nodes: [TemplateNode.Child], source: SourceFile, style: StyleSpec) throws -> [InlineRun] {
            var runs: [InlineRun] = []
            let ts = style.textStyle
            for (n, node) in nodes.enumerated() {
                switch node {
                case .text(let t):
                    let first = n == 0, last = n == nodes.count - 1
                    guard let filled = t.filled[TemplateNode.TextNode.key(first: first, last: last)] else {
                        append(&runs, InlineRun(Realizer.collapse(t.raw, first: first, last: last), style: ts))
                        continue
                    }
                    for (value, origin) in try evaluator.interpolate(filled) {
                        append(&runs, InlineRun(value.description, style: ts, place: evaluator.dataPlace(origin)))
                    }
                case .element(let e):
                    try enter(e)
                    defer { depth -= 1 }
                    switch e.kind {
                    case .b:
                        var s = style; s.bold = true
                        for r in try inline(e.children, source: source, style: s) { append(&runs, r) }
                    case .span:
                        let s = try self.style(of: e, base: style)
                        for r in try inline(e.children, source: source, style: s) { append(&runs, r) }
                    case .br:
                        append(&runs, InlineRun("\n", style: ts))
                    case .each:
                        try each(e) { state in
                            for r in try state.inline(e.children, source: source, style: style) { state.append(&runs, r) }
                        }
                    case .if:
                        for r in try inline(try branch(e), source: source, style: style) { append(&runs, r) }
                    default:
                        throw TemplateError("<\(e.name)> 不能放在文字里（<\(e.name)> cannot stand inside text; expected b, span, br, each or if）",
                                            at: e.place)
                    }
                }
            }
            return runs
        }

        /// Adds `run`, joined to the last run when they look the same and come from the same place
        /// (a value from the data stays a run of its own, so that what goes wrong with it names its cell).
        func append(_ runs: inout [InlineRun], _ run: InlineRun) {
            guard !run.text.isEmpty else { return }
            if let last = runs.last, last.style == run.style, last.place == run.place {
                runs[runs.count - 1].text += run.text
            } else {
                runs.append(run)
            }
        }

        // MARK: Tables and images

        mutating func table(_ e: TemplateNode, source: SourceFile, style: StyleSpec) throws -> TableBlock {
            let cellBase = try self.style(named: e["style"] ?? "表格", at: e.attributes["style"]?.place ?? e.place)
            // Column lists may come from data ({{ … }}), as a summary table's per-group columns do.
            var columns: [ColumnWidth] = [.fraction(1)]
            if case .columns(let c)? = try value(e, "columns") { columns = c }
            var rows: [TableRow] = []
            var headerRows = try value(e, "header-rows")?.integer ?? 0
            try collectRows(e.children, into: &rows, headerRows: &headerRows, source: source, cellBase: cellBase)
            try Realizer.checkSpans(rows, columns: columns.count, at: e.place)
            var t = TableBlock(columns: columns, rows: rows, headerRows: headerRows)
            switch try value(e, "border") {
            case .word?: t.border = nil
            case .length(let l)?: t.border = Stroke(width: l)
            default: break
            }
            switch try value(e, "rule") {
            case .word?: t.innerRule = nil
            case .length(let l)?: t.innerRule = Stroke(width: l)
            default: break
            }
            if let parts = try value(e, "padding")?.lengths {
                if parts.count == 1 { t.padding = Sides(all: parts[0]) }
                if parts.count == 2 { t.padding = Sides(top: parts[0], right: parts[1], bottom: parts[0], left: parts[1]) }
            }
            t.linesBefore = try value(e, "space-before")?.number ?? 0
            t.linesAfter = try value(e, "space-after")?.number ?? 0
            return t
        }

        mutating func collectRows(_ nodes: [TemplateNode.Child], into rows: inout [TableRow], headerRows: inout Int, source: SourceFile,
                                  cellBase: StyleSpec) throws {
            for case .element(let r) in nodes {
                try enter(r)
                defer { depth -= 1 }
                switch r.kind {
                case .row:
                    var cells: [TableCell] = []
                    try collectCells(r.children, into: &cells, source: source, base: cellBase)
                    let minHeight = rowHeight(try value(r, "min-height"), base: cellBase)
                    if try value(r, "header")?.flag == true { headerRows = max(headerRows, rows.count + 1) }
                    try countRealised(r)
                    rows.append(TableRow(cells: cells, minHeight: minHeight, keepWhole: try value(r, "keep")?.flag ?? false))
                case .each:
                    try each(r) { state in
                        try state.collectRows(r.children, into: &rows, headerRows: &headerRows, source: source, cellBase: cellBase)
                    }
                case .if:
                    try collectRows(try branch(r), into: &rows, headerRows: &headerRows, source: source, cellBase: cellBase)
                default:
                    throw TemplateError("<table> holds <row>s (or <each>/<if> around rows), found <\(r.name)>", at: r.place)
                }
            }
        }

        /// A row's `min-height`: a length, or lines of the table's text (3行 is three lines at 1.5
        /// times its size, the pitch cells set their text on, plus the cell's padding).
        func rowHeight(_ value: AttributeValue?, base: StyleSpec) -> Length {
            guard case .lines(let n)? = value else { return value?.length ?? .zero }
            let padding = TableBlock(columns: [], rows: []).padding
            return (base.lineHeight ?? (base.size ?? TextStyle().size) * 1.5) * n + padding.top + padding.bottom
        }

        /// The cells of a row: <cell>s, and <each>/<if> around cells (a group label that appears on
        /// its group's first row only).
        mutating func collectCells(_ nodes: [TemplateNode.Child], into cells: inout [TableCell], source: SourceFile, base: StyleSpec) throws {
            for case .element(let c) in nodes {
                try enter(c)
                defer { depth -= 1 }
                switch c.kind {
                case .cell: cells.append(try cell(c, source: source, base: base))
                case .if:
                    try collectCells(try branch(c), into: &cells, source: source, base: base)
                case .each:
                    try each(c) { state in
                        try state.collectCells(c.children, into: &cells, source: source, base: base)
                    }
                default:
                    throw TemplateError("<row> holds <cell>s (or <each>/<if> around cells), found <\(c.name)>", at: c.place)
                }
            }
        }

        mutating func cell(_ c: TemplateNode, source: SourceFile, base: StyleSpec) throws -> TableCell {
            let spec = try self.style(of: c, base: base)
            /// Blocks anywhere below (through each and if): then the cell holds blocks, else inline text.
            func containsBlocks(_ nodes: [TemplateNode.Child]) -> Bool {
                nodes.contains { node in
                    guard case .element(let x) = node else { return false }
                    return Vocabulary.blockElements.contains(x.kind) || ((x.kind == .each || x.kind == .if) && containsBlocks(x.children))
                }
            }
            var contentNodes = c.children
            var foot: [Block] = []
            if let i = c.children.firstIndex(where: { if case .element(let x) = $0 { x.kind == .foot } else { false } }),
               case .element(let f) = c.children[i] {
                let fs = try self.style(of: f, base: spec)
                foot = [.paragraph(try paragraph(runs: inline(f.children, source: source, style: fs), spec: fs))]
                contentNodes.remove(at: i)
            }
            var content: [Block]
            if containsBlocks(contentNodes) {
                content = try blocks(contentNodes, source: source, style: spec)
            } else {
                let runs = try inline(contentNodes, source: source, style: spec)
                content = runs.isEmpty ? [] : [.paragraph(try paragraph(runs: runs, spec: spec))]
            }
            var valign = VerticalAlignment.top
            if case .verticalAlignment(let v)? = try value(c, "valign") { valign = v }
            return TableCell(content: content, colspan: try value(c, "colspan")?.integer ?? 1,
                             rowspan: try value(c, "rowspan")?.integer ?? 1, verticalAlignment: valign,
                             foot: foot, fill: try value(c, "fill")?.color)
        }

        mutating func image(_ e: TemplateNode, source: SourceFile) throws -> ImageBlock {
            let place = e.attributes["src"]?.place ?? e.place
            let path = try realizer.resolveFile(try string(e, "src") ?? "", template: template, source: source, at: place)
            try checkImage(path, at: place)
            let caption = try string(e, "caption") ?? ""
            let captionStyle = try self.style(named: "图注", for: e)
            return ImageBlock(path: path, width: try value(e, "width")?.length, height: try value(e, "height")?.length,
                              caption: caption.isEmpty ? [] : [InlineRun(caption, style: captionStyle.textStyle)],
                              alignment: try value(e, "align")?.alignment ?? .center)
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
    func resolveFile(_ name: String, template: Template, source: SourceFile, at place: SourceLocation, preferTemplate: Bool = false) throws -> String {
        let world = loader.world
        let bases = preferTemplate ? [source.folder] + template.roots + dataFolders : dataFolders + [source.folder] + template.roots
        var candidate: String? = nil
        if name.hasPrefix("/") { candidate = name } else {
            for b in bases where world.exists(b + "/" + name) { candidate = b + "/" + name; break }
        }
        guard let found = candidate.map({ world.canonical($0) }), world.exists(found) else {
            throw TemplateError("file not found: \(name) (looked in \(bases.joined(separator: ", ")))", at: place)
        }
        if !loader.allowOutside {
            let roots = (template.roots + dataFolders + [source.folder]).map { world.canonical($0) }
            guard roots.contains(where: { found == $0 || found.hasPrefix($0 + "/") }) else {
                throw TemplateError("‘\(name)’ lies outside the template's and the data's folders (use --allow-outside to permit it)",
                                    at: place)
            }
        }
        return found
    }
}
