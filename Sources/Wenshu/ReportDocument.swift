import Foundation
import WenshuCore
import WenshuData
import WenshuFonts
import WenshuLayout
import WenshuText

/// A plain-text report or plan set as GB/T 9704-2012 pages: the title centred in 2号 小标宋, then
/// the paragraphs in 3号 仿宋 indented two characters, headings of level 1 in 黑体, level 2 in 楷体,
/// levels 3 and 4 in 仿宋 (GB/T 9704-2012 §7.3.3).
public struct ReportDocument: Sendable {
    public var title: String?
    public var text: ReportText
    /// Put the body on the 28 × 22 grid (official documents) or justify freely.
    public var grid: Bool

    public init(title: String?, text: ReportText, grid: Bool = true) {
        self.title = title; self.text = text; self.grid = grid
    }

    /// Reads a text whose first paragraph is the title (when `titleFirst`).
    public init(source: String, titleFirst: Bool = true, grid: Bool = true) {
        var text = ReportText(source)
        var title: String? = nil
        if titleFirst, let first = text.paragraphs.first, first.level == nil {
            title = first.text
            text.paragraphs.removeFirst()
        }
        self.init(title: title, text: text, grid: grid)
    }

    /// The styles of GB/T 9704-2012.
    public static let bodyStyle = TextStyle(role: .fangsong, size: .pt(16))
    public static let titleStyle = TextStyle(role: .xiaobiaosong, size: .pt(22))
    public static func headingStyle(_ level: Int) -> TextStyle {
        switch level {
        case 1: TextStyle(role: .hei, size: .pt(16))
        case 2: TextStyle(role: .kai, size: .pt(16))
        default: bodyStyle
        }
    }

    /// The blocks to flow.
    public var blocks: [Block] {
        var blocks: [Block] = []
        if let title {
            var p = ParagraphBlock(
                runs: [InlineRun(title, style: Self.titleStyle)],
                style: ParagraphStyle(firstLineIndent: 0, alignment: .center),
                keepWithNext: true, linesAfter: 1, bookmarkLevel: 1)
            p.styleName = "标题"
            blocks.append(.paragraph(p))
        }
        for p in text.paragraphs {
            var runs: [InlineRun] = []
            if let heading = p.heading, let level = p.level {
                runs.append(InlineRun(heading, style: Self.headingStyle(level)))
            }
            if !p.body.isEmpty { runs.append(InlineRun(p.body, style: Self.bodyStyle)) }
            let isHeadingOnly = p.level != nil && p.body.isEmpty
            var block = ParagraphBlock(
                runs: runs, style: ParagraphStyle(firstLineIndent: 2, alignment: .justified),
                keepWithNext: isHeadingOnly,
                bookmarkLevel: isHeadingOnly && (p.level ?? 9) <= 2 ? (p.level! + (title == nil ? 0 : 1)) : nil)
            block.styleName = isHeadingOnly ? p.level.map { ["一级标题", "二级标题", "三级标题", "四级标题"][min(max($0, 1), 4) - 1] } : "正文"
            blocks.append(.paragraph(block))
        }
        return blocks
    }

    /// The page master: GB/T 9704 with or without the character grid.
    public var master: PageMaster { .officialDocument(grid: grid) }
}

extension ReportDocument {
    /// The most text `wenshu typeset` reads: 16 MB (some five million characters, thousands of pages).
    public static let maxSourceBytes = 16 << 20

    /// The text of a file to typeset: a regular file (a folder, FIFO or device is refused rather
    /// than read, which could block for ever), at most `maxSourceBytes`, UTF-8 (a byte-order mark
    /// dropped). A byte that is not UTF-8 is reported with its line.
    public static func source(ofFile path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            let zh = code == ENOENT ? "文件不存在" : code == EACCES ? "没有读取权限" : "系统错误 \(code)"
            throw DataError("无法读取文件：\(zh) (cannot read the file: \(String(cString: strerror(code))))", at: SourceLocation(file: path))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw DataError("不是普通文件（是文件夹、管道或设备），请给出文本文件 (not a regular file but a folder, FIFO or device: give a text file)",
                            at: SourceLocation(file: path))
        }
        guard info.st_size <= maxSourceBytes else {
            throw DataError("文件有 \(info.st_size) 字节，上限 \(maxSourceBytes) (the file has \(info.st_size) bytes; at most \(maxSourceBytes) are typeset: split it)",
                            at: SourceLocation(file: path))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError("无法读取文件 (cannot read the file: \(String(cString: strerror(errno))))", at: SourceLocation(file: path))
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        switch DataLoader.utf8Text(bytes) {
        case .success(let text): return text
        case .failure(let bad):
            throw DataError("第 \(bad.line) 行不是 UTF-8 文字，请把文件另存为 UTF-8 (line \(bad.line) is not UTF-8 text: save the file as UTF-8)",
                            at: SourceLocation(file: path, line: bad.line))
        }
    }
}
