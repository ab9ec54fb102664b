/// Which sheet of a 套打 (overprint) job an item belongs to. Pre-printed certificate stock already
/// carries the border, the title and the seal: printing onto it, only the `content` layer goes to
/// the printer; previews show the stock (or a scan of it) under the content.
public enum FrameLayer: String, Hashable, Sendable, CaseIterable {
    /// The variable fields: always printed.
    case content
    /// What the pre-printed stock already carries (`<stock>` in a template, `border-stock` on a
    /// page, `seal-stock` on a signature): drawn on plain paper and in previews, left out in 套打.
    case stock
    /// A scan of the blank stock under the page: in previews only, never printed.
    case scan
}

extension Frame {
    /// The frame with only the items of `layers`.
    public func keeping(_ layers: Set<FrameLayer>) -> Frame {
        var out = self
        out.items = items.filter { layers.contains($0.layer) }
        return out
    }
}
