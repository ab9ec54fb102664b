import Testing
@testable import WenshuServe

@Suite struct SafeNameTests {
    @Test func noFolderOfANameIsHonoured() {
        #expect(SafeName.base("../../etc/passwd") == "passwd")
        #expect(SafeName.base("C:\\Users\\clerk\\印章.png") == "印章.png")
        #expect(SafeName.base("/abs/path/seal.png") == "seal.png")
    }

    @Test func hiddenControlAndForbiddenCharactersGo() {
        #expect(SafeName.base(".htaccess") == "htaccess")
        #expect(SafeName.base("..") == nil)
        #expect(SafeName.base("a\u{0}b\u{7}c:d?.png") == "abcd.png")
        #expect(SafeName.base("   ") == nil)
    }

    @Test func aLongNameIsCutKeepingItsExtension() throws {
        let name = String(repeating: "报", count: 200) + ".docx"
        let safe = try #require(SafeName.base(name))
        #expect(safe.count == SafeName.maxCharacters)
        #expect(safe.hasSuffix(".docx"))
    }
}
