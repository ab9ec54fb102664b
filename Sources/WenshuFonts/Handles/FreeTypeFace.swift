internal import CFreeType
internal import CHarfBuzz

/// Owns one FreeType face (`FT_Face`) read from the bytes of a HarfBuzz blob: made only after
/// `FT_New_Memory_Face` succeeded, done once in `deinit`. It keeps its library and the blob holding
/// its bytes alive, so they outlive the face whatever order Swift releases things in. Not modified
/// after creation; Cairo, which draws with it, takes its own lock around FreeType calls.
final class FreeTypeFace: @unchecked Sendable {
    let raw: FT_Face
    let library: FreeTypeLibrary
    let blob: HarfBuzzBlob

    /// Face `index` of the font in `blob`, or nil when FreeType cannot read it.
    init?(library: FreeTypeLibrary, blob: HarfBuzzBlob, index: Int) {
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob.raw, &length), length > 0 else { return nil }
        var face: FT_Face?
        let err = data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { bytes in
            FT_New_Memory_Face(library.raw, bytes, FT_Long(length), FT_Long(index), &face)
        }
        guard err == 0, let face else { return nil }
        self.raw = face
        self.library = library
        self.blob = blob
    }

    deinit { FT_Done_Face(raw) }
}
