import Foundation
import WenshuCore

/// Pictures: the image bytes stored once in word/media, shown inline in a paragraph of their own
/// or anchored to float over the text (the seal).
extension DocumentWriter {
    struct LoadedImage {
        var info: ImageInfo
        var relationship: String
    }

    func loadImage(_ path: String) throws -> LoadedImage {
        let info: ImageInfo
        do { info = try ImageInfo.read(path, in: world) } catch {
            throw DocxError(path: path, reason: "图片无法读取，请换用 PNG 或 JPEG 文件（the image cannot be read; use a PNG or JPEG file）")
        }
        let data: Data
        do { data = try world.read(path, limit: ImageInfo.maxFileBytes) } catch {
            throw DocxError(path: path, reason: "图片无法读取（the image cannot be read）：\(error.reason)")
        }
        return LoadedImage(info: info, relationship: parts.image(path: path, data: data, jpeg: info.kind == .jpeg))
    }

    /// The picture itself (a:graphic), shared by inline and anchored drawings.
    func graphic(_ image: LoadedImage, size: Size, id: Int, name: String) -> String {
        let cx = OOXML.emu(size.width), cy = OOXML.emu(size.height)
        return #"<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>"#
            + #"<pic:nvPicPr><pic:cNvPr id="\#(id)" name="\#(OOXML.escape(name))"/><pic:cNvPicPr/></pic:nvPicPr>"#
            + #"<pic:blipFill><a:blip r:embed="\#(image.relationship)"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#
            + #"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\#(cx)" cy="\#(cy)"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>"#
            + "</pic:pic></a:graphicData></a:graphic>"
    }

    func inlinePicture(_ image: LoadedImage, size: Size, name: String) -> String {
        let id = nextDrawing
        nextDrawing += 1
        return #"<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="\#(OOXML.emu(size.width))" cy="\#(OOXML.emu(size.height))"/>"#
            + #"<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="\#(id)" name="\#(OOXML.escape(name))"/>"#
            + #"<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>"#
            + graphic(image, size: size, id: id, name: name) + "</wp:inline></w:drawing>"
    }

    /// A picture floating in front of the text, placed from the type area's left edge and from
    /// the top of its paragraph.
    func anchoredPicture(_ image: LoadedImage, size: Size, x: Length, y: Length, name: String) -> String {
        let id = nextDrawing
        nextDrawing += 1
        return #"<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="\#(251_659_264 + id)" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">"#
            + #"<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:posOffset>\#(OOXML.emu(x))</wp:posOffset></wp:positionH>"#
            + #"<wp:positionV relativeFrom="paragraph"><wp:posOffset>\#(OOXML.emu(y))</wp:posOffset></wp:positionV>"#
            + #"<wp:extent cx="\#(OOXML.emu(size.width))" cy="\#(OOXML.emu(size.height))"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>"#
            + #"<wp:docPr id="\#(id)" name="\#(OOXML.escape(name))"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>"#
            + graphic(image, size: size, id: id, name: name) + "</wp:anchor></w:drawing>"
    }

    /// An image block: the picture in its own paragraph (fitted as Wenshu fits it: the box given,
    /// or the type area's width, never taller than the type area), then its caption.
    func image(_ i: ImageBlock, width: Length) throws -> String {
        let image = try loadImage(i.path)
        var size = image.info.fitted(width: i.width ?? (i.height == nil ? width : nil), height: i.height)
        if size.width > width { size = image.info.fitted(width: width, height: nil) }
        let tallest = master.body.height * 0.9
        if size.height > tallest { size = image.info.fitted(width: nil, height: tallest) }
        var x = "<w:p><w:pPr>"
        let style = styles.style("正文", text: TextStyle(), paragraph: ParagraphStyle(), keepNext: false)
        x += #"<w:pStyle w:val="\#(style.id)"/>"#
        if !i.caption.isEmpty { x += "<w:keepNext/>" }
        if pendingBreak { x += "<w:pageBreakBefore/>"; pendingBreak = false }
        x += #"<w:snapToGrid w:val="0"/>"# + spacing(before: .zero, after: .zero, line: nil)
        x += #"<w:ind w:firstLine="0"/><w:jc w:val="\#(StyleSheet.jc(i.alignment))"/></w:pPr>"#
        x += "<w:r>" + inlinePicture(image, size: size, name: (i.path as NSString).lastPathComponent) + "</w:r></w:p>"
        if let first = i.caption.first {
            var p = ParagraphBlock(runs: i.caption, style: ParagraphStyle(firstLineIndent: 0, alignment: .center))
            p.styleName = "图注"
            p.lineHeight = max(pitch, first.style.size * 1.5)
            x += paragraph(p, inTable: false, width: width)
        }
        return x
    }
}
