import Foundation
import Testing
import WenshuCore

/// What is made from a file is kept by its path and bytes, and the cache stays within its bounds.
@Suite struct SourceCacheTests {
    @Test func theSameBytesAreMadeOnceChangedBytesAgain() {
        let cache = SourceCache<Int>()
        var made = 0
        let a = Data("a: 1".utf8), b = Data("a: 2".utf8)
        #expect(cache.value(path: "/d.yaml", bytes: a) { made += 1; return 1 } == 1)
        #expect(cache.value(path: "/d.yaml", bytes: a) { made += 1; return 99 } == 1)
        #expect(made == 1)
        #expect(cache.value(path: "/d.yaml", bytes: b) { made += 1; return 2 } == 2)
        #expect(cache.value(path: "/e.yaml", bytes: a) { made += 1; return 3 } == 3, "another path is another entry")
        #expect(cache.value(path: "/d.yaml", variant: "Sheet2", bytes: a) { made += 1; return 4 } == 4)
        #expect(made == 4)
        #expect(cache.hits == 1 && cache.misses == 4)
    }

    @Test func anErrorIsNotKept() {
        struct Failure: Error {}
        let cache = SourceCache<Int>()
        #expect(throws: Failure.self) { try cache.value(path: "/x", bytes: Data()) { throw Failure() } }
        #expect(cache.value(path: "/x", bytes: Data()) { 5 } == 5)
        #expect(cache.count == 1)
    }

    @Test func boundedByEntriesAndBytes() {
        var limits = Limits()
        limits.maxCacheEntries = 3
        limits.maxCacheBytes = 10
        let cache = SourceCache<Int>(limits: limits)
        for i in 0..<10 { _ = cache.value(path: "/\(i)", bytes: Data([UInt8(i)])) { i } }
        #expect(cache.count <= 3)
        _ = cache.value(path: "/big", bytes: Data(count: 11)) { 0 }
        #expect(cache.value(path: "/big", bytes: Data(count: 11)) { 1 } == 1, "a file past the byte budget is not kept")
        for i in 0..<4 { _ = cache.value(path: "/six\(i)", bytes: Data(count: 6)) { i } }
        #expect(cache.count <= 1, "two six-byte files pass the ten-byte budget")
    }
}
