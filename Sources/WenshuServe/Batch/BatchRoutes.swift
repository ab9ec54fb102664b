import Foundation
import Hummingbird

extension Workbench {
    /// The batches (docs/workbench.md, "Batches"):
    ///
    /// | route | answer |
    /// |---|---|
    /// | `GET /batch[?template=T][&job=ID]` | the batch page |
    /// | `POST /api/batches?template=T&name=名单.xlsx[&output=zip][&placeholders=1]`, the list's bytes as the body | 201, the new job's status |
    /// | `GET /api/batches/ID` | its status (`BatchJobStatus` as JSON) |
    /// | `GET /api/batches/ID/events` | `text/event-stream`: a `progress` event per change, then `done` or `failed` |
    /// | `GET /api/batches/ID/files/NAME` | the merged PDF, the zip or the report (no other name) |
    func addBatchRoutes(to router: Router<BasicRequestContext>) {
        router.get("/batch") { _, _ in try self.asset("batch.html") }
        router.post("/api/batches") { request, _ in
            let query = request.uri.queryParameters
            let template = query.get("template") ?? ""
            let name = query.get("name") ?? "名单.csv"
            let bytes = try await JSONBody.bytes(request, limit: self.batches.maxUploadBytes)
            do {
                let job = try self.batches.start(template: template, fileName: name, contents: bytes,
                                                 output: query.get("output") == "zip" ? .zip : .merged,
                                                 allowPlaceholders: query.get("placeholders") == "1")
                return Self.batchJSON(job.status.json, status: .created)
            } catch let e as BatchJobs.RequestError {
                throw ServeError(status: e.tooLarge ? 413 : 400, chinese: e.problem.chinese, english: e.problem.english, hint: e.problem.hint)
            }
        }
        router.get("/api/batches/{id}") { _, context in Self.batchJSON(try self.batchJob(context).status.json) }
        router.get("/api/batches/{id}/events") { _, context in
            let updates = try self.batchJob(context).updates()
            return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                            body: ResponseBody { writer in
                                for await status in updates { try await writer.write(ByteBuffer(string: status.serverSentEvent)) }
                                try await writer.finish(nil)
                            })
        }
        router.get("/api/batches/{id}/files/{name}") { _, context in
            let name = try context.parameters.require("name")
            guard let path = try self.batchJob(context).download(name), let data = FileManager.default.contents(atPath: path) else {
                throw ServeError.notFound("这个文件", "file")
            }
            let type = switch (name as NSString).pathExtension { case "pdf": "application/pdf" case "zip": "application/zip" default: "text/csv; charset=utf-8" }
            return Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    func batchJob(_ context: BasicRequestContext) throws -> BatchJob {
        guard let job = batches.job(try context.parameters.require("id")) else { throw ServeError.notFound("这一批", "batch") }
        return job
    }

    /// A JSON text already encoded (a `BatchJobStatus`) as the answer.
    static func batchJSON(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
