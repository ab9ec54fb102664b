import Foundation
import WenshuCore
import WenshuFonts

/// The fonts of an OFD document: each face the frames use, cut with HarfBuzz's subsetter to the
/// glyphs drawn and to the characters written (so the subset's cmap still maps the text, for
/// readers that draw by character), one file each. The glyphs are renumbered (a CJK font keeping
/// its ids would carry tens of thousands of empty slots: 500 KB instead of 20 KB), and CGTransform
/// names the new ids.
struct OFDFonts {
    struct Entry {
        var id: Int
        var face: FaceID
        /// The file name under the resource folder, `font_<id>.ttf` or `.otf`.
        var file: String
        var data: Data
        /// New glyph ids by the shaped ones; empty when the font is embedded whole (ids unchanged).
        var glyphs: [UInt32: UInt32]
    }

    private(set) var entries: [Entry] = []
    private var ids: [FaceID: Int] = [:]
    private var index: [FaceID: Int] = [:]

    init(frames: [Frame], fonts: FontBook, ids unitIDs: inout OFDIDs) throws {
        var glyphs: [FaceID: Set<UInt32>] = [:]
        var characters: [FaceID: Set<UInt32>] = [:]
        for frame in frames {
            for element in frame.items {
                guard case .glyphs(let run) = element.item else { continue }
                glyphs[run.face, default: []].formUnion(run.glyphs.map(\.id))
                characters[run.face, default: []].formUnion(run.text.unicodeScalars.map(\.value))
            }
        }
        // A stable order, so that the same frames give the same package.
        let faces = glyphs.keys.sorted { ($0.path, $0.index) < ($1.path, $1.index) }
        for face in faces {
            let font = try fonts.font(path: face.path, index: face.index, family: face.family)
            let cut = FontSubsetter.compact(font, glyphs: glyphs[face] ?? [], unicodes: characters[face] ?? [])
                ?? (face.index == 0 ? FontSubsetter.whole(font).map { ($0, [:]) } : nil)
            guard let (subset, map) = cut else { throw OFDError.font(path: face.path) }
            let data = subset.data
            guard data.count >= 4 else { throw OFDError.font(path: face.path) }
            let id = unitIDs.next()
            let isCFF = data.prefix(4) == Data("OTTO".utf8)
            index[face] = entries.count
            entries.append(Entry(id: id, face: face, file: "font_\(id)" + (isCFF ? ".otf" : ".ttf"), data: data, glyphs: map))
            ids[face] = id
        }
    }

    /// The resource ID of `face`.
    func id(of face: FaceID) -> Int? { ids[face] }

    /// The glyph id in the embedded font of glyph `glyph` of `face` as shaping produced it.
    func glyph(_ glyph: UInt32, of face: FaceID) -> UInt32 {
        guard let i = index[face], !entries[i].glyphs.isEmpty else { return glyph }
        return entries[i].glyphs[glyph] ?? 0
    }

    /// The `Fonts` element of PublicRes.xml.
    func write(to xml: inout OFDXML) {
        guard !entries.isEmpty else { return }
        xml.start("Fonts")
        for e in entries {
            xml.start("Font", ["ID": String(e.id), "FontName": e.face.family, "FamilyName": e.face.family])
            xml.element("FontFile", text: e.file)
            xml.end()
        }
        xml.end()
    }
}
