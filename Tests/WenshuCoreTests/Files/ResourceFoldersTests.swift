import Foundation
import Testing
@testable import WenshuCore

/// Where the templates and fonts are found: in a source checkout, in an installed prefix
/// (`/usr/bin/wenshu` → `/usr/share/wenshu/…`, the .deb's layout), and where `$WENSHU_HOME` says.
@Suite struct ResourceFoldersTests {
    /// A prefix laid out as the .deb installs it: PREFIX/bin/wenshu and PREFIX/share/wenshu/NAME.
    func installedPrefix() throws -> String {
        let prefix = try scratchFolder()
        let fm = FileManager.default
        try fm.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: prefix + "/share/wenshu/templates", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: prefix + "/share/wenshu/fonts", withIntermediateDirectories: true)
        #expect(fm.createFile(atPath: prefix + "/bin/wenshu", contents: Data()))
        return prefix
    }

    func paths(_ name: String, binary: String, environment: [String: String] = [:]) -> [String] {
        ResourceFolders.searchPaths(name, environment: "WENSHU_TEMPLATES", binary: binary,
                                    environment: environment, currentDirectory: "/nonexistent-cwd")
    }

    @Test func installedPrefixIsFoundBesideTheBinary() throws {
        let prefix = try installedPrefix()
        for name in ["templates", "fonts"] {
            #expect(paths(name, binary: prefix + "/bin/wenshu")
                    == ["/nonexistent-cwd/\(name)", prefix + "/share/wenshu/" + name, "/usr/share/wenshu/" + name])
        }
    }

    /// /usr/local/bin/wenshu as a link to the installed binary still finds the prefix it links to.
    @Test func linkedBinaryFindsItsTarget() throws {
        let prefix = try installedPrefix()
        let links = try scratchFolder()
        try FileManager.default.createSymbolicLink(atPath: links + "/wenshu", withDestinationPath: prefix + "/bin/wenshu")
        #expect(paths("templates", binary: links + "/wenshu").dropFirst().first == prefix + "/share/wenshu/templates")
    }

    @Test func wenshuHomeComesAfterTheVariableAndBeforeTheRest() throws {
        let prefix = try installedPrefix()
        let found = paths("templates", binary: prefix + "/bin/wenshu",
                          environment: ["WENSHU_TEMPLATES": "/a:/b", "WENSHU_HOME": "/home/clerk/wenshu"])
        #expect(Array(found.prefix(4)) == ["/a", "/b", "/home/clerk/wenshu/templates", "/nonexistent-cwd/templates"])
    }

    /// A binary with nothing beside it (copied anywhere) still ends at /usr/share/wenshu, once.
    @Test func strayBinaryEndsAtTheSystemFolder() throws {
        let dir = try scratchFolder()
        let found = paths("templates", binary: dir + "/wenshu")
        #expect(found.last == "/usr/share/wenshu/templates")
        #expect(found.filter { $0 == "/usr/share/wenshu/templates" }.count == 1)
    }
}
