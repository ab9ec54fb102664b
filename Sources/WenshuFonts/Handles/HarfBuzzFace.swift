internal import CHarfBuzz

/// Owns one HarfBuzz face (`hb_face_t`) and keeps the blob it reads alive; destroyed once in
/// `deinit`. Made immutable at creation, so sharing it between threads is safe.
final class HarfBuzzFace: @unchecked Sendable {
    let raw: OpaquePointer
    let blob: HarfBuzzBlob

    /// Face `index` of `blob`, or nil when the blob holds no such face or it has no glyphs.
    init?(blob: HarfBuzzBlob, index: Int) {
        let count = hb_face_count(blob.raw)
        guard index >= 0, UInt32(clamping: index) < count, let raw = hb_face_create(blob.raw, UInt32(index)) else { return nil }
        guard hb_face_get_glyph_count(raw) > 0 else { hb_face_destroy(raw); return nil }
        hb_face_make_immutable(raw)
        self.raw = raw
        self.blob = blob
    }

    /// Takes ownership of a face a C call returned (a subsetter's result).
    init?(taking raw: OpaquePointer?, blob: HarfBuzzBlob) {
        guard let raw else { return nil }
        self.raw = raw
        self.blob = blob
    }

    deinit { hb_face_destroy(raw) }
}
