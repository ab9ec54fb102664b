internal import CHarfBuzz
import WenshuCore

/// One font face loaded once and shared: HarfBuzz's blob, face and font for shaping and metrics.
/// Immutable after creation, so it may be used from several threads at once (HarfBuzz fonts are
/// thread-safe for shaping when not modified). The C objects are freed in `deinit`.
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
    public internal(set) var gbPunctuation = true

    let blob: OpaquePointer
    let face: OpaquePointer
    let font: OpaquePointer

    /// Loads face `index` of the font file at `path`.
    /// - Throws: `FontError.fileMissing` or `FontError.notAFont`.
    public init(path: String, index: Int = 0, family: String? = nil, isBold: Bool = false) throws {
        guard FileManager_fileExists(path) else { throw FontError.fileMissing(path) }
        guard let blob = hb_blob_create_from_file_or_fail(path) else { throw FontError.notAFont(path) }
        let count = hb_face_count(blob)
        guard count > 0, index >= 0, UInt32(index) < count, let face = hb_face_create(blob, UInt32(index)),
              hb_face_get_glyph_count(face) > 0 else {
            hb_blob_destroy(blob)
            throw FontError.notAFont(path)
        }
        self.blob = blob
        self.face = face
        self.font = hb_font_create(face)
        let upem = Int(hb_face_get_upem(face))
        self.unitsPerEm = upem
        hb_font_set_scale(font, Int32(upem), Int32(upem))
        var extents = hb_font_extents_t()
        if hb_font_get_h_extents(font, &extents) != 0 {
            ascender = Double(extents.ascender) / Double(upem)
            descender = Double(extents.descender) / Double(upem)
        } else {
            ascender = 0.88; descender = -0.12
        }
        self.isBold = isBold
        self.id = FaceID(path: path, index: index, family: family ?? Font.familyName(face) ?? path)
        hb_font_make_immutable(font)
    }

    deinit {
        hb_font_destroy(font)
        hb_face_destroy(face)
        hb_blob_destroy(blob)
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

// Foundation-free file check, so the module's C edge stays small.
import Foundation
func FileManager_fileExists(_ path: String) -> Bool {
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
}

/// hb_blob_create_from_file returns the empty blob on failure; this returns nil instead.
func hb_blob_create_from_file_or_fail(_ path: String) -> OpaquePointer? {
    guard let blob = hb_blob_create_from_file(path) else { return nil }
    if hb_blob_get_length(blob) == 0 {
        hb_blob_destroy(blob)
        return nil
    }
    return blob
}
