internal import CHarfBuzz
internal import CFreeType
import Foundation
import WenshuCore

/// Cuts a face down to the glyphs a document uses, with HarfBuzz's subsetter, before the PDF
/// writer embeds it. Cairo's own CFF subsetter keeps every subroutine of a CJK font (about 58 KB for
/// a one-line PDF); cutting first gives a few KB. Glyph ids are retained
/// (`HB_SUBSET_FLAGS_RETAIN_GIDS`) so the ids shaping produced stay valid.
public enum FontSubsetter {
    /// The bytes of a single-face font holding only `glyphs` of `font` (plus .notdef), and every
    /// glyph the characters `unicodes` can become through shaping (HarfBuzz closes that set over
    /// the layout tables: ligatures, the Simplified forms of `locl`) — for a PDF written page by page
    /// whose text is known in advance only as characters. Nil when HarfBuzz cannot subset the face
    /// (the caller then embeds the face as it is).
    public static func subset(_ font: Font, glyphs: Set<UInt32>, unicodes: Set<UInt32> = []) -> SubsetFont? {
        guard let input = input(glyphs: glyphs, unicodes: unicodes, retainGIDs: true) else { return nil }
        defer { hb_subset_input_destroy(input) }
        guard let result = hb_subset_or_fail(font.face, input) else { return nil }
        defer { hb_face_destroy(result) }
        return finished(result, source: font.id)
    }

    /// Like `subset`, but with the glyphs renumbered from 1 in order (the glyph ids are not kept),
    /// so that a font of 65,000 glyphs cut to 300 carries no empty slots: for formats that embed
    /// the font file itself and name glyphs by id (OFD's CGTransform), or whose writer's cost grows
    /// with the glyph count (Cairo writing one small PDF per row). Returns the font and each kept
    /// glyph's new id by its old one (with `unicodes`, also the glyphs they became).
    public static func compact(_ font: Font, glyphs: Set<UInt32>, unicodes: Set<UInt32> = []) -> (font: SubsetFont, ids: [UInt32: UInt32])? {
        guard let input = input(glyphs: glyphs, unicodes: unicodes, retainGIDs: false) else { return nil }
        defer { hb_subset_input_destroy(input) }
        guard let plan = hb_subset_plan_create_or_fail(font.face, input) else { return nil }
        defer { hb_subset_plan_destroy(plan) }
        var ids: [UInt32: UInt32] = [:]
        if let map = hb_subset_plan_old_to_new_glyph_mapping(plan) {
            // With characters, the kept glyphs include those HarfBuzz found for them: every old id
            // is asked (HarfBuzz 6 has no iteration over a map).
            let olds: [UInt32] = unicodes.isEmpty ? Array(glyphs.union([0])) : Array(0..<hb_face_get_glyph_count(font.face))
            for old in olds {
                let new = hb_map_get(map, old)
                if new != UInt32.max { ids[old] = new }  // HB_MAP_VALUE_INVALID: not kept
            }
        }
        guard let result = hb_subset_plan_execute_or_fail(plan) else { return nil }
        defer { hb_face_destroy(result) }
        return finished(result, source: font.id).map { ($0, ids) }
    }

    /// The subsetter's input: the glyphs (and .notdef), the characters, no hinting, CFF
    /// desubroutinized, and no layout tables (the text is shaped already).
    private static func input(glyphs: Set<UInt32>, unicodes: Set<UInt32>, retainGIDs: Bool) -> OpaquePointer? {
        guard let input = hb_subset_input_create_or_fail() else { return nil }
        let set = hb_subset_input_glyph_set(input)
        hb_set_add(set, 0)
        for g in glyphs { hb_set_add(set, g) }
        let chars = hb_subset_input_unicode_set(input)
        for u in unicodes { hb_set_add(chars, u) }
        var flags = HB_SUBSET_FLAGS_DESUBROUTINIZE.rawValue | HB_SUBSET_FLAGS_NO_HINTING.rawValue
        if retainGIDs { flags |= HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue }
        hb_subset_input_set_flags(input, flags)
        let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for tag in ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "DSIG"] {
            hb_set_add(drop, hbTag(tag))
        }
        return input
    }

    /// The subset face's bytes, with the em box as its metrics, owned by a `SubsetFont`.
    private static func finished(_ result: OpaquePointer, source: FaceID) -> SubsetFont? {
        guard let subsetBlob = hb_face_reference_blob(result) else { return nil }
        defer { hb_blob_destroy(subsetBlob) }
        guard let blob = HarfBuzzBlob(taking: withEmBoxMetrics(subsetBlob)) else { return nil }
        return SubsetFont(blob: blob, source: source)
    }

    /// The ideographic em box: 0.88 em above the baseline and 0.12 em below (the box CJK faces are
    /// designed in). Every embedded face declares it as its ascent and descent.
    public static let emBoxAscent = 0.88, emBoxDescent = -0.12

    /// A copy of the font data whose `hhea` ascender and descender are the ideographic em box.
    /// The PDF writer takes a font's /Ascent and /Descent from `hhea`, and readers (text selection,
    /// pdfplumber, pdftotext) take a glyph's box from them: faces with different metrics on one
    /// line would otherwise look to them like text on different lines. Drawing is unaffected:
    /// every glyph is positioned explicitly.
    static func withEmBoxMetrics(_ blob: OpaquePointer) -> OpaquePointer? {
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length >= 12 else { return nil }
        guard let copy = malloc(Int(length)) else { return nil }
        memcpy(copy, data, Int(length))
        let bytes = copy.assumingMemoryBound(to: UInt8.self)
        func u16(_ o: Int) -> Int { Int(bytes[o]) << 8 | Int(bytes[o + 1]) }
        func u32(_ o: Int) -> Int { u16(o) << 16 | u16(o + 2) }
        func put16(_ o: Int, _ v: Int) { let u = UInt16(bitPattern: Int16(v)); bytes[o] = UInt8(u >> 8); bytes[o + 1] = UInt8(u & 0xFF) }
        let tables = u16(4)
        var upem = 1000
        var hhea: Int? = nil
        var hmtx: (offset: Int, size: Int)? = nil
        var cff = false
        for t in 0..<tables {
            let record = 12 + 16 * t
            guard record + 16 <= Int(length) else { break }
            let tag = u32(record), offset = u32(record + 8), size = u32(record + 12)
            guard offset + size <= Int(length) else { continue }
            if tag == Int(hbTag("head")) && size >= 20 { upem = min(16384, max(16, u16(offset + 18))) }  // OpenType: 16…16384
            if tag == Int(hbTag("hhea")) && size >= 36 { hhea = offset }
            if tag == Int(hbTag("hmtx")) { hmtx = (offset, size) }
            if tag == Int(hbTag("CFF ")) || tag == Int(hbTag("CFF2")) { cff = true }
        }
        if let hhea {
            put16(hhea + 4, Int((emBoxAscent * Double(upem)).rounded()))
            put16(hhea + 6, Int((emBoxDescent * Double(upem)).rounded()))
            put16(hhea + 8, 0)
            // Ideographs narrower than the em square (cwTeX's advance 0.92 em) are set centred on a
            // full em; their declared width follows, so readers see no gap (and no false space)
            // between two characters set side by side.
            // Only in TrueType outlines: a CFF font's charstrings carry widths of their own, which
            // PDF/A requires to agree with the widths the PDF declares (ISO 19005-2 §6.2.11.5).
            if let hmtx, !cff {
                let metrics = min(u16(hhea + 34), hmtx.size / 4)
                for g in 0..<metrics {
                    let o = hmtx.offset + 4 * g
                    let advance = u16(o)
                    if advance >= upem * 4 / 5 && advance < upem { put16(o, upem) }
                }
            }
        }
        return hb_blob_create(copy.assumingMemoryBound(to: CChar.self), length, HB_MEMORY_MODE_WRITABLE, copy) { free($0) }
    }

    /// The whole face as loaded (for faces HarfBuzz cannot subset).
    public static func whole(_ font: Font) -> SubsetFont? {
        guard let blob = HarfBuzzBlob(taking: hb_face_reference_blob(font.face)) else { return nil }
        return SubsetFont(blob: blob, source: font.id, index: font.id.index)
    }

    static func hbTag(_ s: String) -> UInt32 {
        s.utf8.reduce(0) { ($0 << 8) | UInt32($1) }
    }
}

/// A font's bytes (usually a subset) opened with FreeType for the renderer. Holds the owners of
/// the HarfBuzz blob with the bytes and of the FreeType library and face (`FreeTypeFace` keeps the
/// other two alive and each frees its handle once). The renderer must keep this object alive until
/// its output is finished. Nothing in it changes after creation, so the unchecked `Sendable` is safe.
public final class SubsetFont: @unchecked Sendable {
    /// The face this was cut from.
    public let source: FaceID
    private let face: FreeTypeFace

    /// Face `index` of the font in `blob`, or nil when FreeType cannot read it (a damaged font).
    init?(blob: HarfBuzzBlob, source: FaceID, index: Int = 0) {
        guard let library = FreeTypeLibrary(), let face = FreeTypeFace(library: library, blob: blob, index: index) else { return nil }
        self.face = face
        self.source = source
    }

    /// The size in bytes of the font data.
    public var byteCount: Int { face.blob.count }

    /// The font data itself, for writers that embed the font file as it is (OFD).
    public var data: Data {
        var length: UInt32 = 0
        guard let bytes = hb_blob_get_data(face.blob.raw, &length), length > 0 else { return Data() }
        return Data(bytes: bytes, count: Int(length))
    }

    /// The FreeType face (an `FT_Face`) for a renderer that hands it to Cairo. Valid while `self` lives.
    public var freetypeFace: UnsafeMutableRawPointer { UnsafeMutableRawPointer(face.raw) }
}
