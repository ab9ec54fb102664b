import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
@testable import WenshuServe

/// The workbench's routes through HummingbirdTesting's router client (no socket).
@Suite struct WorkbenchRoutesTests {
    static func json(_ buffer: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any] ?? [:]
    }

    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

    static func body(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }

    @Test func theGalleryListsTheTemplatesWithTheirFields() async throws {
        let app = try makeWorkbench(try scratchFolder()).application()
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("文书工作台"))
            }
            try await client.execute(uri: "/api/templates", method: .get) { response in
                let templates = Self.json(response.body)["templates"] as? [[String: Any]] ?? []
                let notice = templates.first { $0["name"] as? String == "notice" }
                #expect(notice?["chinese"] as? String == "通知")
                #expect((notice?["required"] as? [String])?.contains("标题") == true)
            }
            try await client.execute(uri: "/api/templates/nosuch", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("找不到"))
            }
        }
    }

    @Test func aDocumentIsSavedCheckedAndGuardedByItsRevision() async throws {
        let app = try makeWorkbench(try scratchFolder()).application()
        try await app.test(.router) { client in
            let created = try await client.execute(uri: "/api/docs", method: .post, headers: Self.jsonHeaders, body: Self.body(["template": "notice"])) { Self.json($0.body) }
            let id = try #require(created["id"] as? String)
            let revision = try #require(created["revision"] as? Int)
            let saved = try await client.execute(uri: "/api/docs/\(id)/data", method: .put, headers: Self.jsonHeaders,
                                                 body: Self.body(["revision": revision, "data": ["title": "关于开展读书月活动的通知", "date": "2023-02-30"]])) {
                #expect($0.status == .ok)
                return Self.json($0.body)
            }
            #expect(saved["revision"] as? Int == revision + 1)
            // The same problems as `wenshu check`, each beside its field.
            let problems = saved["problems"] as? [[String: Any]] ?? []
            #expect(problems.contains { $0["field"] as? String == "issuer" && ($0["chinese"] as? String ?? "").contains("发文机关") })
            #expect(problems.contains { $0["field"] as? String == "date" && ($0["chinese"] as? String ?? "").contains("不是有效日期") })
            #expect(!problems.contains { $0["field"] as? String == "title" })
            // A second tab still at the first revision is refused.
            try await client.execute(uri: "/api/docs/\(id)/data", method: .put, headers: Self.jsonHeaders, body: Self.body(["revision": revision, "data": ["title": "B"]])) { response in
                #expect(response.status == .conflict)
                #expect(Self.json(response.body)["revision"] as? Int == revision + 1)
            }
            try await client.execute(uri: "/api/docs/\(id)/data", method: .get) { response in
                #expect((Self.json(response.body)["data"] as? [String: Any])?["title"] as? String == "关于开展读书月活动的通知")
            }
        }
    }

    @Test func thePreviewRedrawsOnlyChangedPages() async throws {
        let app = try makeWorkbench(try scratchFolder()).application()
        try await app.test(.router) { client in
            let created = try await client.execute(uri: "/api/docs", method: .post, headers: Self.jsonHeaders, body: Self.body(["template": "notice"])) { Self.json($0.body) }
            let id = try #require(created["id"] as? String)
            // The sample notice, uploaded as a data file, fills the form.
            var sample = try String(contentsOfFile: repositoryRoot + "/samples/notice/data.yaml", encoding: .utf8)
            sample = sample.replacingOccurrences(of: "seal: seal.png", with: "")
            let filled = try await client.execute(uri: "/api/docs/\(id)/upload?kind=workbook&name=data.yaml", method: .post,
                                                  body: ByteBuffer(string: sample)) { Self.json($0.body) }
            var data = try #require(filled["data"] as? [String: Any])
            #expect((data["title"] as? String)?.hasPrefix("中共清河市") == true)
            var revision = try await client.execute(uri: "/api/docs/\(id)/data", method: .put, headers: Self.jsonHeaders,
                                                    body: Self.body(["revision": 1, "data": data])) { Self.json($0.body)["revision"] as? Int ?? 0 }
            let first = try await client.execute(uri: "/api/docs/\(id)/preview", method: .post) { Self.json($0.body) }
            let pages = try #require(first["pages"] as? Int)
            #expect(pages >= 2)
            #expect(first["changed"] as? [Int] == Array(1...pages))
            try await client.execute(uri: "/api/docs/\(id)/pages/1.png", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Array(response.body.readableBytesView.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
            }
            let again = try await client.execute(uri: "/api/docs/\(id)/preview", method: .post) { Self.json($0.body) }
            #expect(again["changed"] as? [Int] == [])
            data["copies"] = "市委教育工委，区委组织部，区纪委"
            revision = try await client.execute(uri: "/api/docs/\(id)/data", method: .put, headers: Self.jsonHeaders,
                                                body: Self.body(["revision": revision, "data": data])) { Self.json($0.body)["revision"] as? Int ?? 0 }
            let edited = try await client.execute(uri: "/api/docs/\(id)/preview", method: .post) { Self.json($0.body) }
            // 抄送 is printed on the last page only.
            #expect(edited["changed"] as? [Int] == [pages])
            let before = first["revisions"] as? [Int] ?? [], after = edited["revisions"] as? [Int] ?? []
            #expect(Array(before.dropLast()) == Array(after.dropLast()))
            #expect(before.last != after.last)
            // An edit that keeps the data's length is seen too (the title is on the first page).
            let title = try #require(data["title"] as? String)
            data["title"] = String(title.dropLast()) + "告"
            #expect((data["title"] as? String)?.utf8.count == title.utf8.count && data["title"] as? String != title)
            _ = try await client.execute(uri: "/api/docs/\(id)/data", method: .put, headers: Self.jsonHeaders, body: Self.body(["revision": revision, "data": data])) { $0.status }
            let retitled = try await client.execute(uri: "/api/docs/\(id)/preview", method: .post) { Self.json($0.body) }
            #expect(retitled["changed"] as? [Int] == [1])
        }
    }

    @Test func offTheLoopbackEveryRequestNeedsTheToken() async throws {
        let app = try makeWorkbench(try scratchFolder(), policy: AccessPolicy(token: "office-token-123")).application()
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/templates", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("访问令牌"))
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("<form"))
            }
            try await client.execute(uri: "/api/templates", method: .get, headers: [.authorization: "Bearer office-token-123"]) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/login?token=wrong-token-000", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            let cookie = try await client.execute(uri: "/login?token=office-token-123", method: .get) { response in
                #expect(response.status == .seeOther)
                return response.headers[.setCookie] ?? ""
            }
            #expect(cookie.hasPrefix("wenshu_token=office-token-123;"))
            #expect(cookie.contains("HttpOnly"))
            try await client.execute(uri: "/api/docs", method: .get, headers: [.cookie: "wenshu_token=office-token-123"]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func anUploadPastTheLimitIsRefusedInChinese() async throws {
        var options = WorkbenchOptions()
        options.dataFolder = try scratchFolder()
        options.templateSearchPaths = [repositoryRoot + "/templates"]
        options.maxUpload = 1024
        let workbench = try Workbench(options: options, policy: .open)
        let dataFolder = options.dataFolder
        let meta = try workbench.store.create(template: "notice", data: [:], title: "t")
        try await workbench.application().test(.router) { client in
            try await client.execute(uri: "/api/docs/\(meta.id)/upload?kind=image&name=seal.png", method: .post,
                                     body: ByteBuffer(bytes: [UInt8](repeating: 0, count: 4096))) { response in
                #expect(response.status == .contentTooLarge)
                #expect(String(buffer: response.body).contains("上传的文件太大"))
            }
            // Not an image: refused with a reason, and the server goes on.
            try await client.execute(uri: "/api/docs/\(meta.id)/upload?kind=image&name=../../x.png", method: .post,
                                     body: ByteBuffer(string: "not a png")) { response in
                #expect(response.status.code >= 400)
                #expect(response.status.code < 500)
            }
            // Refused, so not kept; and never outside the document's uploads.
            #expect(!FileManager.default.fileExists(atPath: try workbench.store.folder(meta.id) + "/uploads/x.png"))
            #expect(!FileManager.default.fileExists(atPath: dataFolder + "/x.png"))
            try await client.execute(uri: "/api/docs", method: .get) { response in #expect(response.status == .ok) }
        }
    }
}
