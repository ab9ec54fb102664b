import Foundation
import HummingbirdTesting
import NIOCore
import Testing
@testable import WenshuServe

/// An edit that keeps the data file's length (通知1 → 通知2) is still an edit: the preview is
/// compiled again and the page that shows it redrawn (the key once hashed only the file's first 80
/// bytes, as Foundation's Data does on Linux, and answered "nothing changed").
struct SameLengthEditTests {
    @Test func aSameLengthEditIsPreviewedAgain() async throws {
        let app = try makeWorkbench(try scratchFolder()).application()
        try await app.test(.router) { client in
            let created = try await client.execute(uri: "/api/docs", method: .post, headers: WorkbenchRoutesTests.jsonHeaders,
                                                   body: WorkbenchRoutesTests.body(["template": "notice"])) { WorkbenchRoutesTests.json($0.body) }
            let id = try #require(created["id"] as? String)
            var revision = try #require(created["revision"] as? Int)
            let padding = String(repeating: "区属各中小学校（幼儿园）党组织", count: 4)
            var changed: [[Int]] = []
            for title in ["关于开展读书月活动的通知1", "关于开展读书月活动的通知2"] {
                let data: [String: Any] = ["addressees": padding, "issuer": "中共清河市东湖区教育局党组", "date": "2023-03-06",
                                           "title": title, "body": "现将有关事项通知如下。"]
                revision = try await client.execute(uri: "/api/docs/\(id)/data", method: .put, headers: WorkbenchRoutesTests.jsonHeaders,
                                                    body: WorkbenchRoutesTests.body(["revision": revision, "data": data])) { WorkbenchRoutesTests.json($0.body)["revision"] as? Int ?? 0 }
                let preview = try await client.execute(uri: "/api/docs/\(id)/preview", method: .post) { WorkbenchRoutesTests.json($0.body) }
                changed.append(preview["changed"] as? [Int] ?? [])
            }
            #expect(changed.first?.isEmpty == false)
            #expect(changed.last?.contains(1) == true)
        }
    }
}
