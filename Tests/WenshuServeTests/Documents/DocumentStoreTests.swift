import Foundation
import Testing
@testable import WenshuServe

@Suite struct DocumentStoreTests {
    @Test func aSavedDocumentIsThereAfterARestart() throws {
        let folder = try scratchFolder()
        let meta = try DocumentStore(root: folder).create(template: "notice", data: [:], title: "新建通知")
        let first = try DocumentStore(root: folder)
        let revision = try first.save(meta.id, data: ["title": "关于开展读书月活动的通知"], basedOn: meta.revision, title: "读书月")
        // A new store over the same folder: what a restarted server sees.
        let second = try DocumentStore(root: folder)
        let (data, rev) = try second.data(meta.id)
        #expect(data["title"] as? String == "关于开展读书月活动的通知")
        #expect(rev == revision)
        #expect(try second.meta(meta.id).title == "读书月")
        #expect(second.list().map(\.id) == [meta.id])
    }

    @Test func aSaveBasedOnAnOldRevisionIsRefused() throws {
        let store = try DocumentStore(root: try scratchFolder())
        let meta = try store.create(template: "notice", data: [:], title: "t")
        let tabA = try store.save(meta.id, data: ["title": "A"], basedOn: meta.revision)
        let error = #expect(throws: ServeError.self) { try store.save(meta.id, data: ["title": "B"], basedOn: meta.revision) }
        #expect(error?.code == 409)
        #expect(error?.extra["revision"] == tabA)
        #expect(try store.data(meta.id).data["title"] as? String == "A")
    }

    @Test func uploadsStayInTheDocumentsFolder() throws {
        let folder = try scratchFolder()
        let store = try DocumentStore(root: folder)
        let meta = try store.create(template: "notice", data: [:], title: "t")
        let path = try store.saveUpload(meta.id, name: "../../../evil.png", bytes: Data([1, 2, 3]))
        #expect(path == "uploads/evil.png")
        #expect(FileManager.default.fileExists(atPath: try store.folder(meta.id) + "/uploads/evil.png"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/evil.png"))
    }

    @Test func onlyDocumentIDsNameFolders() throws {
        let store = try DocumentStore(root: try scratchFolder())
        for id in ["..", "../docs", "0123456789abcdeg", "0123456789ABCDEF", ""] {
            #expect(throws: ServeError.self) { try store.folder(id) }
        }
    }
}
