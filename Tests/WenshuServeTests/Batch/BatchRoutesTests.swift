import Foundation
import HummingbirdTesting
import NIOCore
import Testing
@testable import WenshuServe

/// The batch routes over HTTP: an upload starts a job, its events stream to the end, its files download.
struct BatchRoutesTests {
    static func status(_ buffer: ByteBuffer) throws -> BatchJobStatus {
        try JSONDecoder().decode(BatchJobStatus.self, from: Data(buffer.readableBytesView))
    }

    @Test func anUploadStreamsItsProgressAndItsPDFDownloads() async throws {
        let folder = try scratchFolder()
        let app = try makeWorkbench(folder).application()
        try await app.test(.router) { client in
            let name = "名单.csv".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let id = try await client.execute(uri: "/api/batches?template=certificate&placeholders=1&name=\(name)", method: .post,
                                              body: ByteBuffer(bytes: BatchJobsTests.list(40, blankName: 3))) { r in
                #expect(r.status == .created)
                return try Self.status(r.body).id
            }
            try await client.execute(uri: "/api/batches/\(id)/events", method: .get) { r in
                #expect(r.headers[.contentType]?.hasPrefix("text/event-stream") == true)
                let text = String(buffer: r.body)
                // A subscriber that comes after the last row (the suite runs in parallel, the job may
                // be done first) is told only the end: progress first, or done alone.
                #expect(text.hasPrefix("event: progress\n") || text.hasPrefix("event: done\n"))
                #expect(text.hasSuffix("\n\n") && text.contains("event: done\ndata: {"))
            }
            let status = try await client.execute(uri: "/api/batches/\(id)", method: .get) { try Self.status($0.body) }
            #expect(status.written == 39 && status.skipped == 1 && status.list == "名单.csv")
            #expect(FileManager.default.fileExists(atPath: folder + "/batches/\(id)/documents.pdf"))
            try await client.execute(uri: "/api/batches/\(id)/files/documents.pdf", method: .get) { r in
                #expect(r.status == .ok && r.headers[.contentType] == "application/pdf")
                #expect(String(buffer: r.body).hasPrefix("%PDF-"))
            }
            try await client.execute(uri: "/api/batches/\(id)/files/list.csv", method: .get) { r in #expect(r.status == .notFound) }
            try await client.execute(uri: "/api/batches/nothere/events", method: .get) { r in #expect(r.status == .notFound) }
        }
    }

    @Test func aRefusedUploadSaysWhyInChinese() async throws {
        let app = try makeWorkbench(try scratchFolder()).application()
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/batches?template=certificate&name=a.pdf", method: .post, body: ByteBuffer(string: "x")) { r in
                #expect(r.status == .badRequest)
                #expect(String(buffer: r.body).contains("名单应为 .xlsx 或 .csv 文件"))
            }
            try await client.execute(uri: "/batch", method: .get) { r in
                #expect(r.status == .ok && String(buffer: r.body).contains("批量生成"))
            }
        }
    }
}
