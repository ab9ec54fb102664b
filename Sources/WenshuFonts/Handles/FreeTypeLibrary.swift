internal import CFreeType

/// Owns one FreeType library instance (`FT_Library`): made only after `FT_Init_FreeType`
/// succeeded, done once in `deinit`. Each `SubsetFont` has its own (FreeType libraries are not
/// thread-safe), so one is only ever used by the object that made it.
final class FreeTypeLibrary: @unchecked Sendable {
    let raw: FT_Library

    init?() {
        var lib: FT_Library?
        guard FT_Init_FreeType(&lib) == 0, let lib else { return nil }
        raw = lib
    }

    deinit { FT_Done_FreeType(raw) }
}
