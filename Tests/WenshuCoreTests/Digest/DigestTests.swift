import Foundation
import Testing
import WenshuCore

/// The hashes that must be the same on every machine: SHA-256 against FIPS 180-4's examples,
/// FNV-1a against its published values, the jump hash's few moves.
@Suite struct DigestTests {
    @Test func sha256MatchesTheStandardsExamples() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Fed in pieces of any size, the same digest.
        var s = SHA256()
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var at = 0
        for size in [1, 63, 64, 65, 1000, 998_807] { s.update(million[at..<(at + size)]); at += size }
        #expect(SHA256.hexString(s.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func fnv1aIsTheSameInEveryProcess() {
        #expect(StableHash.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(StableHash.fnv1a("foobar") == 0x8594_4171_f739_67e8)
        // In blocks (as ResumeStamp reads a file) the same as at once.
        #expect(StableHash.fnv1a("bar".utf8, continuing: StableHash.fnv1a("foo")) == 0x8594_4171_f739_67e8)
    }

    @Test func jumpHashMovesFewKeysWhenABucketIsAdded() {
        let keys = (0..<10_000).map { StableHash.fnv1a("NO-\($0)") }
        let eight = keys.map { StableHash.jump($0, buckets: 8) }
        let nine = keys.map { StableHash.jump($0, buckets: 9) }
        #expect(eight.allSatisfy { (0..<8).contains($0) })
        let moved = zip(eight, nine).filter { $0 != $1 }
        // About 1/9 move, and only into the new bucket.
        #expect(moved.count > 800 && moved.count < 1400)
        #expect(moved.allSatisfy { $0.1 == 8 })
        // Spread evenly.
        for b in 0..<8 { #expect(eight.filter { $0 == b }.count > 1000) }
        #expect(StableHash.jump(42, buckets: 1) == 0)
    }

    @Test func theReproducibleDateIsSourceDateEpochOrFixed() {
        #expect(ReproducibleDate.seconds([:]) == ReproducibleDate.fixed)
        #expect(ReproducibleDate.seconds(["SOURCE_DATE_EPOCH": "1700000000"]) == 1_700_000_000)
        #expect(ReproducibleDate.seconds(["SOURCE_DATE_EPOCH": "soon"]) == ReproducibleDate.fixed)
        #expect(ReproducibleDate.iso8601(ReproducibleDate.fixed) == "2000-01-01T00:00:00Z")
    }
}
