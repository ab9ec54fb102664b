internal import CCairo
import WenshuCore
import WenshuFonts

/// Cairo font faces made from the document's fonts, one per face, each holding its FreeType face
/// (usually a HarfBuzz subset) alive for as long as Cairo keeps the face: the `SubsetFont` is retained
/// by the Cairo face's user data and released by Cairo's destroy callback, so a face Cairo caches
/// past our own release can never point at freed memory.
final class CairoFaces {
    private var faces: [FaceID: OpaquePointer] = [:]
    /// Bytes of font data handed to Cairo (for size reports).
    private(set) var fontBytes = 0

    /// Prepares a face for every face the frames use. With `subset`, each face is first cut to the
    /// glyphs the frames use.
    init(frames: [Frame], fonts: FontBook, subset: Bool) throws {
        var used: [FaceID: Set<UInt32>] = [:]
        for frame in frames {
            for element in frame.items {
                if case .glyphs(let run) = element.item {
                    used[run.face, default: []].formUnion(run.glyphs.map(\.id))
                }
            }
        }
        for (id, glyphs) in used {
            let font = try fonts.font(path: id.path, index: id.index, family: id.family)
            guard let data = (subset ? FontSubsetter.subset(font, glyphs: glyphs) : nil) ?? FontSubsetter.whole(font) else {
                throw FontError.notAFont(id.path)
            }
            fontBytes += data.byteCount
            let ftFace = data.freetypeFace.assumingMemoryBound(to: FT_FaceRec_.self)
            guard let face = cairo_ft_font_face_create_for_ft_face(ftFace, 0) else { throw FontError.notAFont(id.path) }
            let retained = Unmanaged.passRetained(data).toOpaque()
            let status = cairo_font_face_set_user_data(face, cairoFaceKey, retained) { pointer in
                if let pointer { Unmanaged<SubsetFont>.fromOpaque(pointer).release() }
            }
            if status != CAIRO_STATUS_SUCCESS {
                Unmanaged<SubsetFont>.fromOpaque(retained).release()
                cairo_font_face_destroy(face)
                throw FontError.notAFont(id.path)
            }
            faces[id] = face
        }
    }

    deinit {
        for (_, face) in faces { cairo_font_face_destroy(face) }
    }

    func face(_ id: FaceID) -> OpaquePointer? { faces[id] }
}

/// The key under which a Cairo face keeps its font data.
nonisolated(unsafe) let cairoFaceKey: UnsafeMutablePointer<cairo_user_data_key_t> = {
    let key = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)
    key.initialize(to: cairo_user_data_key_t())
    return key
}()
