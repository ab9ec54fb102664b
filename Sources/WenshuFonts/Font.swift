internal import CHarfBuzz
import Foundation
import WenshuCore

/// One font face loaded once and shared: HarfBuzz's blob, face and font for shaping and metrics,
/// each held by its owner (`HarfBuzzBlob`, `HarfBuzzFace`, `HarfBuzzFont`), which frees it once.
/// Every property is a `let` set before the font is shared, and the HarfBuzz objects are made
/// immutable, so it may be used from several threads at once (HarfBuzz fonts are thread-safe for
/// shaping when not modified): that is why the unchecked `Sendable` is safe.
public final class Font: @unchecked Sendable, CustomStringConvertible {
    /// The face as frames name it.
    public let id: FaceID
    /// Units per em of the face.
    public let unitsPerEm: Int
    /// Ascender and descender in em (descender negative), from the horizontal header.
    public let ascender: Double
    public let descender: Double
    /// The face's own style is bold (so no synthetic emboldening is needed).
    public let isBold: Bool
    /// The face draws full-width punctuation GB style (see `FontCandidate.gbPunctuation`).
    public let gbPunctuation: Bool

    let hbFont: HarfBuzzFont
    var face: OpaquePointer { hbFont.face.raw }
    var font: OpaquePointer { hbFont.raw }

    /// Loads face `index` of the font file at `path` (a regular file: a FIFO or device is refused).
    /// - Throws: `FontError.fileMissing`, `FontError.unreadable` or `FontError.notAFont`.
    public init(path: String, index: Int = 0, family: String? = nil, isBold: Bool = false, gbPunctuation: Bool = true) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw FontError.fileMissing(path)
        }
        let blob = try HarfBuzzBlob.mapping(path)
        guard let face = HarfBuzzFace(blob: blob, index: index), let font = HarfBuzzFont(face: face) else {
            throw FontError.notAFont(path)
        }
        self.hbFont = font
        let upem = max(1, Int(hb_face_get_upem(face.raw)))
        self.unitsPerEm = upem
        var extents = hb_font_extents_t()
        if hb_font_get_h_extents(font.raw, &extents) != 0 {
            ascender = Double(extents.ascender) / Double(upem)
            descender = Double(extents.descender) / Double(upem)
        } else {
            ascender = 0.88; descender = -0.12
        }
        self.isBold = isBold
        self.gbPunctuation = gbPunctuation
        self.id = FaceID(path: path, index: index, family: family ?? Font.familyName(face.raw) ?? path)
    }

    public var description: String { "\(id.family) (\(id.path)#\(id.index))" }

    /// True when the face maps `scalar` to a glyph of its own.
    public func hasGlyph(_ scalar: Unicode.Scalar) -> Bool {
        var glyph: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(font, scalar.value, &glyph) != 0
    }

    /// The horizontal advance of the glyph for `scalar` in em, or nil when the face lacks it.
    public func advance(of scalar: Unicode.Scalar) -> Double? {
        var glyph: hb_codepoint_t = 0
        guard hb_font_get_nominal_glyph(font, scalar.value, &glyph) != 0 else { return nil }
        return Double(hb_font_get_glyph_h_advance(font, glyph)) / Double(unitsPerEm)
    }

    /// The number of glyphs in the face.
    public var glyphCount: Int { Int(hb_face_get_glyph_count(face)) }

    static func familyName(_ face: OpaquePointer) -> String? {
        var size: UInt32 = 256
        var buffer = [CChar](repeating: 0, count: 256)
        let lang = hb_language_from_string("en", -1)
        let n = hb_ot_name_get_utf8(face, hb_ot_name_id_t(HB_OT_NAME_ID_FONT_FAMILY), lang, &size, &buffer)
        guard n > 0 else { return nil }
        return String(cString: buffer)
    }
}
