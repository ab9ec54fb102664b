import Foundation

/// MD5 (RFC 1321), for the document /ID only (ISO 32000-1 §14.4 suggests it): the same bytes give
/// the same identifier, so a PDF/A made twice from the same input is the same file. Fed in pieces
/// as the file is written. Not for security.
struct MD5 {
    private static let shifts: [UInt32] = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                                           5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
                                           4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                                           6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21]
    private static let table: [UInt32] = (0..<64).map { UInt32(truncatingIfNeeded: Int64(abs(sin(Double($0 + 1))) * 4_294_967_296)) }

    private var state: (UInt32, UInt32, UInt32, UInt32) = (0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476)
    private var pending: [UInt8] = []
    private var length: UInt64 = 0
    private var words = [UInt32](repeating: 0, count: 16)

    /// The 16-byte digest of `bytes`.
    static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var md5 = MD5()
        md5.update(bytes[...])
        return md5.finish()
    }

    /// Adds `bytes` to the message.
    mutating func update(_ bytes: ArraySlice<UInt8>) {
        length = length &+ UInt64(truncatingIfNeeded: bytes.count)
        var rest = bytes
        if !pending.isEmpty {
            let take = min(64 - pending.count, rest.count)
            pending += rest.prefix(take)
            rest = rest.dropFirst(take)
            guard pending.count == 64 else { return }
            block(pending[...])
            pending.removeAll(keepingCapacity: true)
        }
        while rest.count >= 64 {
            block(rest.prefix(64))
            rest = rest.dropFirst(64)
        }
        pending += rest
    }

    /// The digest of everything added.
    mutating func finish() -> [UInt8] {
        let bits = length &* 8
        var tail: [UInt8] = [0x80]
        while (pending.count + tail.count) % 64 != 56 { tail.append(0) }
        for k in 0..<8 { tail.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(k)))) }
        let saved = length
        update(tail[...])
        length = saved
        return [state.0, state.1, state.2, state.3].flatMap { w in (0..<4).map { UInt8(truncatingIfNeeded: w >> (8 * UInt32($0))) } }
    }

    private mutating func block(_ chunk: ArraySlice<UInt8>) {
        let base = chunk.startIndex
        for i in 0..<16 {
            let b = base + 4 * i
            words[i] = UInt32(chunk[b]) | UInt32(chunk[b + 1]) << 8 | UInt32(chunk[b + 2]) << 16 | UInt32(chunk[b + 3]) << 24
        }
        var (a, b, c, d) = state
        for i in 0..<64 {
            var f: UInt32
            let g: Int
            switch i {
            case 0..<16: f = (b & c) | (~b & d); g = i
            case 16..<32: f = (d & b) | (~d & c); g = (5 * i + 1) % 16
            case 32..<48: f = b ^ c ^ d; g = (3 * i + 5) % 16
            default: f = c ^ (b | ~d); g = (7 * i) % 16
            }
            f = f &+ a &+ MD5.table[i] &+ words[g]
            a = d; d = c; c = b
            b = b &+ (f << MD5.shifts[i] | f >> (32 - MD5.shifts[i]))
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
    }
}
