import Foundation
import WenshuCore

/// The fonts of one role, in fallback order, as resolved on this machine.
public struct FontChain: Sendable {
    public var role: FontRole
    /// Faces in the order they are tried for each character.
    public var fonts: [Font]
    /// The text asked for bold but the first face has no bold: thicken the outlines.
    public var emboldened: Bool
    /// The first face: the one the role "is".
    public var primary: Font { fonts[0] }
}

/// Resolves font roles to faces and characters to the face that draws them. Built once per run and
/// shared: each font file is opened once and its HarfBuzz face reused by every paragraph and thread.
///
/// Resolution per role: an explicit `--font ROLE=FILE` override; else the first family of
/// `FontFallbacks.lists[role]` that fontconfig finds (the user's font folders are searched first,
/// so an office's own 仿宋_GB2312 wins over the free fallbacks). Per character: the first face of the
/// role's chain that has a glyph, then `FontFallbacks.lastResort`, then any installed face that
/// covers it. A character no face has is returned as nil and reported by the caller as a warning.
///
/// Its caches are read and written under `lock` only, and the fonts it hands out are immutable:
/// that is why the unchecked `Sendable` is safe.
public final class FontBook: @unchecked Sendable {
    public let discovery: FontDiscovery
    private let overrides: [FontRole: String]
    private let lock = NSLock()
    /// A face opened once per way of drawing marks (see `FontCandidate.gbPunctuation`).
    private struct Key: Hashable { var id: FaceID; var gbPunctuation: Bool }
    private var fonts: [Key: Font] = [:]
    private var chains: [String: FontChain] = [:]
    private var coverage: [UInt64: Font?] = [:]
    private var lastResortFonts: [Font]?
    /// The roles whose office font is not installed, with the free face set instead, as resolved.
    private var substituted: [FontRole: (free: String, office: String)] = [:]

    /// - Parameters:
    ///   - folders: font folders to search before the system's (each must exist).
    ///   - overrides: a font file per role, taking precedence over the lists.
    /// The role table in use (`fonts/roles.tsv`).
    public let table: FontFallbacks

    public init(folders: [String] = [], overrides: [FontRole: String] = [:], table: FontFallbacks? = nil) throws {
        let table = try table ?? FontFallbacks.standard.get()
        self.table = table
        // The fetched free faces (fonts/free) are searched after the user's folders.
        let free = FontResources.freeFaces(in: table.folder).map { [$0] } ?? []
        self.discovery = try FontDiscovery(folders: folders + free.filter { !folders.contains($0) })
        self.overrides = overrides
        for (_, path) in overrides { _ = try font(path: path, index: 0) }
    }

    /// The face at `path`/`index`, opened once. `gbPunctuation` nil takes the face however it was
    /// opened (the renderer wants its bytes, not its marks).
    public func font(path: String, index: Int, family: String? = nil, isBold: Bool = false, gbPunctuation: Bool? = nil) throws -> Font {
        let id = FaceID(path: path, index: index, family: family ?? "")
        let key = Key(id: id, gbPunctuation: gbPunctuation ?? true)
        lock.lock()
        if let f = fonts[key] ?? (gbPunctuation == nil ? fonts[Key(id: id, gbPunctuation: false)] : nil) { lock.unlock(); return f }
        lock.unlock()
        let f = try Font(path: path, index: index, family: family, isBold: isBold, gbPunctuation: key.gbPunctuation)
        lock.lock(); defer { lock.unlock() }
        if let existing = fonts[key] { return existing }
        fonts[key] = f
        return f
    }

    /// The face a candidate family names on this machine, or nil when it is not installed.
    public func font(for candidate: FontCandidate) -> Font? {
        let faces = discovery.faces(family: candidate.family)
        guard !faces.isEmpty else { return nil }
        let wanted = candidate.bold ? 200 : 80
        guard let best = faces.min(by: { abs(Self.weight($0) - wanted) < abs(Self.weight($1) - wanted) }) else { return nil }
        if candidate.bold && Self.weight(best) < 180 { return nil }
        return try? font(path: best.path, index: best.index, family: candidate.family, isBold: Self.weight(best) >= 180,
                         gbPunctuation: candidate.gbPunctuation)
    }

    /// The fallback chain of `role`, bold or not.
    /// - Throws: `FontError.roleUnresolved` when no face at all is installed for the role.
    public func chain(for role: FontRole, bold: Bool = false) throws -> FontChain {
        let key = "\(role.rawValue)|\(bold)"
        lock.lock()
        if let c = chains[key] { lock.unlock(); return c }
        lock.unlock()
        var list: [Font] = []
        var primary: FontCandidate? = nil
        if let path = overrides[role] { list.append(try font(path: path, index: 0)) }
        for candidate in table.lists[role] ?? [] {
            var c = candidate
            if bold {
                // Prefer a real bold face of the family; fall back to its regular face emboldened.
                c.bold = true
                if let f = font(for: c) { list.append(f); primary = primary ?? candidate; continue }
                c.bold = candidate.bold
            }
            if let f = font(for: c), !list.contains(where: { $0.id == f.id }) { list.append(f); primary = primary ?? candidate }
        }
        if overrides[role] == nil, let primary, primary.free, let office = (table.lists[role] ?? []).first(where: { !$0.free }) {
            lock.lock(); substituted[role] = (primary.family, office.family); lock.unlock()
        }
        guard !list.isEmpty else {
            throw FontError.roleUnresolved(role, tried: (table.lists[role] ?? []).map(\.description))
        }
        let chain = FontChain(role: role, fonts: list, emboldened: bold && !list[0].isBold)
        lock.lock(); chains[key] = chain; lock.unlock()
        return chain
    }

    /// One warning per role used so far whose office font is not installed, naming the free face set
    /// instead: "仿宋 用 FandolFang 代替 仿宋_GB2312". Reported once per build (not per character).
    public func substitutions() -> [Problem] {
        lock.lock(); defer { lock.unlock() }
        let roles = FontRole.allCases.compactMap { role in substituted[role].map { (role, $0) } }
        guard !roles.isEmpty else { return [] }
        // One warning for the build, naming both faces of every role that fell back.
        let zh = roles.map { "\($0.0) 用 \($0.1.free) 代替 \($0.1.office)" }.joined(separator: "，")
        let en = roles.map { "\($0.0) in \($0.1.free) for \($0.1.office)" }.joined(separator: ", ")
        let offices = roles.map(\.1.office).joined(separator: "、")
        return [Problem(severity: .warning, chinese: zh, english: "office fonts not installed: \(en)",
                        hint: "要用公文字体，请安装 \(offices)，或用 --font-dir 指向它们所在的文件夹")]
    }

    /// The face that draws `scalar` in `chain`: the chain's first face that has it, else the last
    /// resort list, else any installed face covering it; nil when no face on the machine has it.
    public func font(for scalar: Unicode.Scalar, in chain: FontChain) -> Font? {
        let mark = FontBook.isFullWidthMark(scalar)
        for f in chain.fonts where f.hasGlyph(scalar) && (f.gbPunctuation || !mark) { return f }
        let key = UInt64(scalar.value)
        lock.lock()
        if let cached = coverage[key] { lock.unlock(); return cached }
        lock.unlock()
        var found: Font? = nil
        for f in lastResort() where f.hasGlyph(scalar) { found = f; break }
        if found == nil {
            for loc in discovery.faces(covering: scalar) {
                if let f = try? font(path: loc.path, index: loc.index, family: loc.family), f.hasGlyph(scalar) {
                    found = f; break
                }
            }
        }
        lock.lock(); coverage[key] = found; lock.unlock()
        return found
    }

    /// A face's weight: fontconfig's, or bold when its style says so (the Fandol faces declare
    /// weight 80 for their Bold style).
    static func weight(_ face: FaceLocation) -> Int {
        let style = face.style.lowercased()
        if face.weight < 180 && (style.contains("bold") || style.contains("heavy") || style.contains("black")) { return 200 }
        return face.weight
    }

    /// Full-width punctuation, whose drawing differs between GB and Traditional-style faces.
    static func isFullWidthMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2014, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00B7, 0x3001...0x3003, 0x3008...0x3011,
             0x3014...0x301F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65:
            return true
        default:
            return false
        }
    }

    private func lastResort() -> [Font] {
        lock.lock()
        if let l = lastResortFonts { lock.unlock(); return l }
        lock.unlock()
        let l = table.lastResort.compactMap { font(for: $0) }
        lock.lock(); lastResortFonts = l; lock.unlock()
        return l
    }

    /// What every role resolves to on this machine, for `wenshu fonts`.
    public func report() -> [(role: FontRole, candidates: [(candidate: FontCandidate, found: FaceLocation?)], override: String?)] {
        FontRole.allCases.map { role in
            let cands = (table.lists[role] ?? []).map { c -> (FontCandidate, FaceLocation?) in
                let faces = discovery.faces(family: c.family)
                let wanted = c.bold ? 200 : 80
                return (c, faces.min { abs(Self.weight($0) - wanted) < abs(Self.weight($1) - wanted) })
            }
            return (role, cands, overrides[role])
        }
    }
}
