import WenshuCore

/// Han–Latin spacing (clreq §3.2.2): a gap of up to ¼ em between a Han character and a Latin letter
/// or digit next to it, never at a line's start or end. Official documents (GB/T 9704) set none, so
/// it is a paragraph style switch (`ParagraphStyle.hanLatinSpacing`), off by default.
enum HanLatinSpacing {
    /// The gap, in em.
    static let width = 0.25

    static func applies(between a: Atom, and b: Atom) -> Bool {
        (a.kind == .cjk && b.kind == .latin) || (a.kind == .latin && b.kind == .cjk)
    }
}
