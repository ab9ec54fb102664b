internal import CHarfBuzz

/// Owns one HarfBuzz font (`hb_font_t`) and keeps its face alive; destroyed once in `deinit`.
/// Scaled to the face's units per em and made immutable at creation: HarfBuzz fonts that are not
/// modified may shape from several threads at once.
final class HarfBuzzFont: @unchecked Sendable {
    let raw: OpaquePointer
    let face: HarfBuzzFace

    init?(face: HarfBuzzFace) {
        guard let raw = hb_font_create(face.raw) else { return nil }
        let upem = Int32(clamping: hb_face_get_upem(face.raw))
        hb_font_set_scale(raw, upem, upem)
        hb_font_make_immutable(raw)
        self.raw = raw
        self.face = face
    }

    deinit { hb_font_destroy(raw) }
}
