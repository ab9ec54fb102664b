/// A hash that is the same in every process, on every machine and in every release (unlike
/// Swift's `Hasher`, which is seeded per process): FNV-1a, 64 bits. Used to place a batch row in
/// a shard by its key, so that N machines agree on where each row goes.
public enum StableHash {
    /// FNV-1a's starting value (its 64-bit offset basis).
    public static let fnvStart: UInt64 = 0xcbf2_9ce4_8422_2325

    /// FNV-1a (64-bit) of `bytes`, or of what came before them when `continuing` is the hash of
    /// the earlier bytes (a file read in blocks hashes as if read at once).
    public static func fnv1a<C: Collection>(_ bytes: C, continuing start: UInt64 = fnvStart) -> UInt64 where C.Element == UInt8 {
        var h = start
        for b in bytes {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01b3
        }
        return h
    }

    /// FNV-1a of the text's UTF-8 bytes.
    public static func fnv1a(_ text: String) -> UInt64 { fnv1a(text.utf8) }

    /// Jump consistent hash (Lamping and Veach, 2014): the bucket in 0..<buckets for `key`. Going
    /// from N to N+1 buckets moves only about 1/(N+1) of the keys, all of them into the new bucket.
    public static func jump(_ key: UInt64, buckets: Int) -> Int {
        guard buckets > 1 else { return 0 }
        var k = key
        var b: Int64 = -1, j: Int64 = 0
        while j < Int64(buckets) {
            b = j
            k = k &* 2_862_933_555_777_941_757 &+ 1
            j = Int64(Double(b + 1) * (Double(Int64(1) << 31) / Double((k >> 33) &+ 1)))
        }
        return Int(b)
    }
}
