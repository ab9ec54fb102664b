/// One laid-out page: its size and the items placed on it. Layout's only output, and the only thing
/// every renderer (PDF, PNG, debug text) reads.
public struct Frame: Sendable {
    /// The page size.
    public var size: Size
    /// The items, in painting order.
    public var items: [FrameElement]
    /// The page's label as a reader would cite it ("1", "iii"), when numbering has one.
    public var label: String?
    /// 套打: where the printer puts the page (its measured offset, scale and rotation); renderers
    /// draw every item through it. Nil: as laid out.
    public var printerProfile: PrinterProfile?

    public init(size: Size, items: [FrameElement] = [], label: String? = nil) {
        self.size = size; self.items = items; self.label = label
    }

    /// Places `item` with its origin at `position`.
    public mutating func place(_ item: FrameItem, at position: Point, layer: FrameLayer = .content) {
        items.append(FrameElement(position: position, item: item, layer: layer))
    }

    /// Places every item of `other` shifted by `offset`.
    public mutating func append(_ other: Frame, at offset: Point) {
        for element in other.items {
            var item = element.item
            // A rule's end is in the frame's coordinates too.
            if case .line(let to, let stroke) = item { item = .line(to: to + offset, stroke: stroke) }
            items.append(FrameElement(position: element.position + offset, item: item, layer: element.layer))
        }
    }
}

/// An item and where it stands on the page.
public struct FrameElement: Sendable {
    /// For glyphs, the baseline origin of the run; for rules, the start; for boxes, the top-left corner.
    public var position: Point
    public var item: FrameItem
    /// Printed always, or part of the pre-printed stock, or the stock's scan (see `FrameLayer`).
    public var layer: FrameLayer
    public init(position: Point, item: FrameItem, layer: FrameLayer = .content) {
        self.position = position; self.item = item; self.layer = layer
    }
}

/// What a page can hold.
public enum FrameItem: Sendable {
    /// Shaped glyphs of one font at one size, with the text they came from.
    case glyphs(GlyphRun)
    /// A straight rule from the element's position to `to` (page coordinates).
    case line(to: Point, stroke: Stroke)
    /// A rectangle of the given size, filled and/or stroked.
    case rectangle(Size, fill: Color?, stroke: Stroke?)
    /// A raster image scaled into the given size.
    case image(ImageItem, size: Size)
    /// A clickable area of the given size that leads somewhere.
    case link(Size, LinkTarget)
    /// A bookmark (PDF outline entry) at this position.
    case bookmark(title: String, level: Int)
}

/// How a line is drawn.
public struct Stroke: Hashable, Sendable {
    public var width: Length
    public var color: Color
    public init(width: Length, color: Color = .black) { self.width = width; self.color = color }
}

/// Where a link leads.
public enum LinkTarget: Hashable, Sendable {
    case url(String)
    /// A page (0-based index) and a position on it.
    case page(Int, Point)
}

/// An image file placed on a page.
public struct ImageItem: Hashable, Sendable {
    /// The file's path; renderers load it (and embed it once however often it is used).
    public var path: String
    /// How the image combines with what is under it.
    public var blend: ImageBlend
    public init(path: String, blend: ImageBlend = .normal) { self.path = path; self.blend = blend }
}

/// How an image combines with the page under it.
public enum ImageBlend: Hashable, Sendable {
    /// Painted over what is under it.
    case normal
    /// Multiplied with it, as ink on ink: a seal's red over the issuer's name lets the black print
    /// show through, as a real stamp does.
    case multiply
}
