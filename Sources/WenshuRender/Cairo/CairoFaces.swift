internal import CCairo
import Foundation
import WenshuCore
import WenshuFonts

/// Cairo font faces made from the document's fonts, one per face, each holding its FreeType face
/// (usually a HarfBuzz subset) alive for as long as Cairo keeps the face: the `SubsetFont` is retained
/// by the Cairo face's user data and released by Cairo's destroy callback, so a face Cairo caches
/// past our own release can never point at freed memory. Owns one reference to each Cairo face,
/// made only after Cairo returned a face without error and destroyed once in `deinit`. Unchecked
/// `Sendable` is safe: `faces`, `fontBytes` and `failure` change only under `lock` (or in `init`,
/// before the object is shared), and Cairo faces are reference-counted thread-safely by Cairo.
final class CairoFaces: @unchecked Sendable {
    private let lock = NSLock()
    private var faces: [FaceID: OpaquePointer] = [:]
    /// Bytes of font data handed to Cairo (for size reports).
    private(set) var fontBytes = 0
    /// Faces not prepared up front are made on first use, whole (a streamed PDF meets a fallback
    /// face only on row 9000); nil: only the prepared faces exist.
    private let onDemand: FontBook?
    /// The first face that could not be made on demand (the renderer reports it).
    private(set) var failure: Error?
    /// Faces cut compact (glyphs renumbered from 1): each glyph's new id by the id shaping gave it.
    /// Set by `init` only, so read without the lock.
    private var remaps: [FaceID: [UInt32: UInt32]] = [:]

    /// Prepares a face for every face the frames use. With `subset`, each face is first cut to the
    /// glyphs the frames use.
    convenience init(frames: [Frame], fonts: FontBook, subset: Bool) throws {
        try self.init(glyphs: CairoFaces.glyphs(of: frames), fonts: fonts, subset: subset)
    }

    /// Prepares a face for every face in `glyphs`, cut (with `subset`) to its glyph set; the set may
    /// be larger than what one document uses (the glyphs of a batch of certificates): Cairo cuts
    /// each face again to what each PDF uses, so the faces can be shared by many documents.
    init(glyphs used: [FaceID: Set<UInt32>], fonts: FontBook, subset: Bool) throws {
        onDemand = nil
        for (id, glyphs) in used {
            faces[id] = try CairoFaces.make(id, glyphs: subset ? glyphs : nil, fonts: fonts, bytes: &fontBytes)
        }
    }

    /// Faces prepared up front from the characters they will draw (and any glyphs already known),
    /// each cut to what those characters can become; any other face is made whole on first use.
    init(characters: [FaceID: Set<UInt32>], glyphs: [FaceID: Set<UInt32>], fonts: FontBook) throws {
        onDemand = fonts
        for (id, chars) in characters {
            let font = try fonts.font(path: id.path, index: id.index, family: id.family)
            guard let data = FontSubsetter.subset(font, glyphs: glyphs[id] ?? [], unicodes: chars) else { continue }
            faces[id] = try CairoFaces.face(from: data, id: id)
            fontBytes += data.byteCount
        }
    }

    /// Faces cut compact, for many small PDFs (one per row): each face's glyphs renumbered from 1
    /// (`FontSubsetter.compact`), so that Cairo, which reads every glyph slot of a face each time it
    /// embeds it, reads a few hundred instead of the 65,535 slots a retained-id subset of a CJK face
    /// keeps. Each face holds the glyphs `glyphs` names and those its `characters` can become; the
    /// painter draws through the renumbering (`remap`). Any other face is made whole on first use.
    init(compact characters: [FaceID: Set<UInt32>], glyphs: [FaceID: Set<UInt32>], fonts: FontBook) throws {
        onDemand = fonts
        for id in Set(characters.keys).union(glyphs.keys) {
            let font = try fonts.font(path: id.path, index: id.index, family: id.family)
            guard let (data, ids) = FontSubsetter.compact(font, glyphs: glyphs[id] ?? [], unicodes: characters[id] ?? []) else { continue }
            faces[id] = try CairoFaces.face(from: data, id: id)
            remaps[id] = ids
            fontBytes += data.byteCount
        }
    }

    /// The new ids of a face cut compact (nil: the face keeps the ids shaping gave).
    func remap(_ id: FaceID) -> [UInt32: UInt32]? { remaps[id] }

    /// Whether the faces cut compact hold every glyph of `used` (a face not among them would be
    /// made whole on first use: not held either).
    func covers(_ used: [FaceID: Set<UInt32>]) -> Bool {
        used.allSatisfy { id, glyphs in remaps[id].map { m in glyphs.allSatisfy { m[$0] != nil } } ?? false }
    }

    /// No faces up front: each is made whole on first use and Cairo subsets it when the PDF is
    /// finished (for a PDF written page by page, whose glyphs are not known in advance).
    init(onDemand fonts: FontBook) {
        onDemand = fonts
    }

    /// The glyphs of each face the frames use.
    static func glyphs(of frames: [Frame]) -> [FaceID: Set<UInt32>] {
        var used: [FaceID: Set<UInt32>] = [:]
        for frame in frames {
            for element in frame.items {
                if case .glyphs(let run) = element.item {
                    used[run.face, default: []].formUnion(run.glyphs.map(\.id))
                }
            }
        }
        return used
    }

    /// A Cairo face for `id`, cut to `glyphs` (nil: the whole face).
    private static func make(_ id: FaceID, glyphs: Set<UInt32>?, fonts: FontBook, bytes: inout Int) throws -> OpaquePointer {
        let font = try fonts.font(path: id.path, index: id.index, family: id.family)
        guard let data = (glyphs.flatMap { FontSubsetter.subset(font, glyphs: $0) }) ?? FontSubsetter.whole(font) else {
            throw FontError.notAFont(id.path)
        }
        bytes += data.byteCount
        return try face(from: data, id: id)
    }

    /// A Cairo face over `data`, which it keeps alive.
    private static func face(from data: SubsetFont, id: FaceID) throws -> OpaquePointer {
        let ftFace = data.freetypeFace.assumingMemoryBound(to: FT_FaceRec_.self)
        guard let face = cairo_ft_font_face_create_for_ft_face(ftFace, 0) else { throw FontError.notAFont(id.path) }
        guard cairo_font_face_status(face) == CAIRO_STATUS_SUCCESS else {
            cairo_font_face_destroy(face)
            throw FontError.notAFont(id.path)
        }
        let retained = Unmanaged.passRetained(data).toOpaque()
        let status = cairo_font_face_set_user_data(face, cairoFaceKey, retained) { pointer in
            if let pointer { Unmanaged<SubsetFont>.fromOpaque(pointer).release() }
        }
        if status != CAIRO_STATUS_SUCCESS {
            Unmanaged<SubsetFont>.fromOpaque(retained).release()
            cairo_font_face_destroy(face)
            throw FontError.notAFont(id.path)
        }
        return face
    }

    deinit {
        for (_, face) in faces { cairo_font_face_destroy(face) }
    }

    func face(_ id: FaceID) -> OpaquePointer? {
        lock.lock(); defer { lock.unlock() }
        if let f = faces[id] { return f }
        guard let fonts = onDemand else { return nil }
        do {
            let f = try CairoFaces.make(id, glyphs: nil, fonts: fonts, bytes: &fontBytes)
            faces[id] = f
            return f
        } catch {
            if failure == nil { failure = error }
            return nil
        }
    }
}

/// The key under which a Cairo face keeps its font data.
nonisolated(unsafe) let cairoFaceKey: UnsafeMutablePointer<cairo_user_data_key_t> = {
    let key = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)
    key.initialize(to: cairo_user_data_key_t())
    return key
}()
