import Foundation
import Hummingbird
import Testing
@testable import WenshuServe

@Suite struct AccessPolicyTests {
    @Test func sha256GivesTheStandardDigests() {
        // FIPS 180-4's examples: "", "abc", and a message longer than one block.
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func onlyTheLoopbackAddressesItNamesNeedNoToken() {
        for host in ["127.0.0.1", "::1", "localhost", "LOCALHOST"] { #expect(!AccessPolicy.needsToken(host: host), "\(host)") }
        for host in ["0.0.0.0", "127.0.0.2", "192.168.1.20", "::", "example.org"] { #expect(AccessPolicy.needsToken(host: host), "\(host)") }
    }

    @Test func openOnThisMachineOnlyItsOwnNamesAreAnswered() {
        // DNS rebinding: a foreign page reaching 127.0.0.1 still sends its own name as the host.
        for authority in ["127.0.0.1:8080", "localhost:8080", "LocalHost", "[::1]:8080", nil] {
            #expect(AuthMiddleware<BasicRequestContext>.isLocal(authority: authority), "\(authority ?? "none")")
        }
        for authority in ["evil.example:8080", "127.0.0.1.evil.example", "192.168.1.20:8080", "[::2]:80"] {
            #expect(!AuthMiddleware<BasicRequestContext>.isLocal(authority: authority), "\(authority)")
        }
    }

    @Test func theTokenIsKeptHashedAndCheckedWhole() {
        let policy = AccessPolicy(token: "correct horse battery")
        #expect(policy.tokenDigest == SHA256.hex("correct horse battery"))
        #expect(policy.tokenDigest?.contains("correct") == false)
        #expect(policy.accepts("correct horse battery"))
        #expect(!policy.accepts("correct horse batter"))
        #expect(!policy.accepts(""))
        #expect(!policy.accepts(nil))
        #expect(AccessPolicy.open.accepts(nil))
    }

    @Test func aGeneratedTokenIsLongAndNew() {
        let a = AccessPolicy.generateToken(), b = AccessPolicy.generateToken()
        #expect(a.count == 64)
        #expect(a != b)
    }

    @Test func aTokenFileNeedsATokenOnItsFirstLine() throws {
        let folder = try scratchFolder()
        let good = folder + "/token", bad = folder + "/short"
        try Data("  s3cret-token-value \nsecond line\n".utf8).write(to: URL(fileURLWithPath: good))
        try Data("abc\n".utf8).write(to: URL(fileURLWithPath: bad))
        #expect(try AccessPolicy.token(fromFile: good) == "s3cret-token-value")
        #expect(throws: ServeError.self) { try AccessPolicy.token(fromFile: bad) }
    }
}
