internal import CHarfBuzz
import WenshuCore

/// A glyph as HarfBuzz shaped it, in em units (multiply by the font size for points).
public struct ShapedGlyph: Hashable, Sendable {
    /// The glyph id in the face.
    public var id: UInt32
    /// The UTF-8 byte offset, in the shaped text, of the cluster the glyph belongs to.
    public var cluster: Int
    /// Advance and offsets in em.
    public var advance: Double
    public var xOffset: Double
    public var yOffset: Double
}

/// The writing system of a run, which HarfBuzz needs to pick the right shaping.
public enum ShapingScript: Sendable {
    case han, latin, common
}

extension Font {
    /// Shapes `text` left to right with HarfBuzz. Chinese is shaped with language zh-Hans, so the
    /// OpenType `locl` feature picks the Simplified Chinese glyph forms in pan-CJK fonts and the
    /// curly quotes “”‘’ come out full width.
    ///
    /// - Parameters:
    ///   - text: the run to shape, all of it covered by this font.
    ///   - script: the run's script, from itemization.
    ///   - features: OpenType feature strings such as "kern" or "-liga".
    public func shape(_ text: String, script: ShapingScript, language: String = "zh-Hans",
                      features: [String] = []) -> [ShapedGlyph] {
        guard let buffer = hb_buffer_create() else { return [] }
        defer { hb_buffer_destroy(buffer) }
        var utf8 = Array(text.utf8)
        let count = Int32(utf8.count)
        utf8.withUnsafeMutableBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { c in
                hb_buffer_add_utf8(buffer, c, count, 0, count)
            }
        }
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        switch script {
        case .han: hb_buffer_set_script(buffer, HB_SCRIPT_HAN)
        case .latin: hb_buffer_set_script(buffer, HB_SCRIPT_LATIN)
        case .common: hb_buffer_set_script(buffer, HB_SCRIPT_HAN)
        }
        hb_buffer_set_language(buffer, hb_language_from_string(language, -1))
        hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS)
        var hbFeatures: [hb_feature_t] = features.compactMap { f in
            var feature = hb_feature_t()
            return hb_feature_from_string(f, -1, &feature) != 0 ? feature : nil
        }
        hb_shape(font, buffer, &hbFeatures, UInt32(hbFeatures.count))
        var n: UInt32 = 0
        let infos = hb_buffer_get_glyph_infos(buffer, &n)
        let positions = hb_buffer_get_glyph_positions(buffer, &n)
        guard let infos, let positions else { return [] }
        let upem = Double(unitsPerEm)
        var out: [ShapedGlyph] = []
        out.reserveCapacity(Int(n))
        for i in 0..<Int(n) {
            let info = infos[i], pos = positions[i]
            out.append(ShapedGlyph(id: info.codepoint, cluster: Int(info.cluster),
                                   advance: Double(pos.x_advance) / upem,
                                   xOffset: Double(pos.x_offset) / upem,
                                   yOffset: Double(pos.y_offset) / upem))
        }
        return out
    }
}
