/// A font face as frames name it: a file and the face index inside it (a .ttc holds several).
/// Renderers load the face from here; layout never hands C pointers across.
public struct FaceID: Hashable, Sendable, CustomStringConvertible {
    /// The font file's path.
    public var path: String
    /// The face index inside the file (0 for a single-face file).
    public var index: Int
    /// The family name, for debugging output and messages.
    public var family: String

    public init(path: String, index: Int, family: String) {
        self.path = path; self.index = index; self.family = family
    }
    public static func == (a: FaceID, b: FaceID) -> Bool { a.path == b.path && a.index == b.index }
    public func hash(into hasher: inout Hasher) { hasher.combine(path); hasher.combine(index) }
    public var description: String { family }
}

/// One glyph placed relative to its run's origin.
public struct PlacedGlyph: Hashable, Sendable {
    /// The glyph id in the face.
    public var id: UInt32
    /// The glyph origin relative to the run origin (x to the right, y downwards).
    public var x: Length
    public var y: Length
    public init(id: UInt32, x: Length, y: Length = .zero) { self.id = id; self.x = x; self.y = y }
}

/// A run of glyphs of one face at one size and colour, with the text they stand for, so that
/// renderers can write copyable text (cairo_show_text_glyphs) and the debug trace can print it.
public struct GlyphRun: Sendable {
    public var face: FaceID
    public var size: Length
    public var color: Color
    /// Thicken the outlines (synthetic bold) for faces that have no bold of their own.
    public var emboldened: Bool
    public var glyphs: [PlacedGlyph]
    /// The text the glyphs stand for.
    public var text: String
    /// Text-to-glyph clusters in order: UTF-8 bytes of text, number of glyphs.
    public var clusters: [Cluster]
    /// The run's advance (the distance from its origin to where the next text would start).
    public var width: Length
    /// Page furniture (page numbers, running heads): drawn, but not part of the document's text,
    /// so copying a paragraph that crosses a page does not pick up the page number.
    public var isArtifact: Bool = false
    /// The glyphs' width over their height: 1, or less for condensed type (长体) that keeps its
    /// height and narrows to fit (an issuer mark longer than the type area). Positions are already
    /// condensed; renderers narrow the outlines.
    public var horizontalScale: Double = 1
    /// Where the text came from (a data cell or line, or the template; nil for text Wenshu made
    /// itself), so an overflow or a missing glyph can name the data the user must change.
    public var place: SourceLocation? = nil

    public struct Cluster: Hashable, Sendable {
        public var bytes: Int
        public var glyphs: Int
        public init(bytes: Int, glyphs: Int) { self.bytes = bytes; self.glyphs = glyphs }
    }

    public init(face: FaceID, size: Length, color: Color = .black, emboldened: Bool = false,
                glyphs: [PlacedGlyph], text: String, clusters: [Cluster], width: Length) {
        self.face = face; self.size = size; self.color = color; self.emboldened = emboldened
        self.glyphs = glyphs; self.text = text; self.clusters = clusters; self.width = width
    }
}
