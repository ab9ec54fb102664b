import Foundation
import Hummingbird
import Wenshu
import WenshuCore
import WenshuData

extension Workbench {
    /// Uploads (an image or seal, a long text from .docx/.txt, a filled workbook) and downloads
    /// (PDF, Word, OFD, the data as YAML, the blank fill-in workbook).
    func addFileRoutes(to router: Router<BasicRequestContext>) {
        router.post("/api/docs/{id}/upload") { request, context in
            let id = try context.parameters.require("id")
            let name = request.uri.queryParameters.get("name") ?? "upload"
            let bytes = try await JSONBody.bytes(request, limit: self.options.maxUpload)
            let kind = request.uri.queryParameters.get("kind") ?? "file"
            return JSONBody.response(try self.upload(id, name: name, kind: kind, bytes: bytes))
        }
        router.get("/api/docs/{id}/download/{format}") { _, context in
            let id = try context.parameters.require("id")
            return try await self.download(id, format: try context.parameters.require("format"))
        }
    }

    /// Stores an upload in the document's `uploads/` and says what it gives the form: its `path`
    /// (an image's value), the `text` of a .docx/.txt, or the `data` of a filled workbook.
    func upload(_ id: String, name: String, kind: String, bytes: Data) throws -> [String: Any] {
        let meta = try store.meta(id)
        let folder = try store.folder(id)
        let path = try store.saveUpload(id, name: name, bytes: bytes)
        do {
            return try read(upload: path, of: meta, in: folder, kind: kind, bytes: bytes)
        } catch {
            // A refused upload is not kept.
            try? FileManager.default.removeItem(atPath: folder + "/" + path)
            throw error
        }
    }

    /// What an upload stored at `path` gives the form, read by the CLI's own loaders.
    private func read(upload path: String, of meta: DocumentMeta, in folder: String, kind: String, bytes: Data) throws -> [String: Any] {
        let ext = (path as NSString).pathExtension.lowercased()
        var out: [String: Any] = ["path": path]
        switch kind {
        case "image":
            guard ["png", "jpg", "jpeg"].contains(ext) else {
                throw ServeError.badRequest("图片应为 PNG 或 JPEG 文件", "an image must be a PNG or JPEG file", hint: "印章请用透明底的 PNG")
            }
            _ = try ImageInfo.read(folder + "/" + path)
        case "text":
            guard LongTextFile.extensions.contains(ext) else {
                throw ServeError.badRequest("长文字应从 .docx 或 .txt 文件上传", "a long text comes from a .docx or .txt file")
            }
            out["text"] = try LongTextFile.read(data: bytes, format: ext, file: path).text
        case "workbook":
            guard ["xlsx", "csv", "yaml", "yml", "json"].contains(ext) else {
                throw ServeError.badRequest("请上传填好的 Excel 工作簿（.xlsx）、CSV、YAML 或 JSON 文件",
                                            "upload a filled workbook (.xlsx), CSV, YAML or JSON file")
            }
            let schema = try catalog.entry(meta.template).schema
            let data = try DocumentBuilder.loadData([folder + "/" + path], schema: schema)
            out["data"] = FormData.from(data, schema: schema)
            let lines: [Int: String] = [:]
            out["notes"] = data.notes.map { ProblemJSON.make($0, folder: folder, lines: lines) }
        default:
            break
        }
        return out
    }

    /// The document as `format`: pdf, docx, ofd (compiled from the saved data, refused with its
    /// problems when the data has errors), yaml (the data), xlsx (the template's fill-in workbook).
    func download(_ id: String, format: String) async throws -> Response {
        let meta = try store.meta(id)
        let entry = try catalog.entry(meta.template)
        let name = meta.title.isEmpty ? entry.chinese : meta.title
        switch format {
        case "yaml":
            let text = try FormData.yaml(try store.data(id).data, schema: entry.schema)
            return Self.attachment(Data(text.utf8), name: name + ".yaml", type: "application/yaml; charset=utf-8")
        case "xlsx":
            let target = try store.outFolder(id) + "/填写.xlsx"
            try FillInWorkbook.make(entry.schema, template: entry.name).write(to: target)
            return Self.attachment(try Data(contentsOf: URL(fileURLWithPath: target)), name: entry.chinese + "填写.xlsx",
                                   type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        default:
            guard let output = OutputFormat(rawValue: format) else {
                throw ServeError.notFound("下载格式“\(format)”", "download format \(format)")
            }
            let target = try store.outFolder(id) + "/document." + format
            do {
                try await preview(id).withSession { session, dataPath in
                    let compilation = try session.compile(template: meta.template, data: [dataPath])
                    try session.write(compilation, as: output, to: target)
                }
            } catch let error as InvalidData {
                let first = error.problems.first { $0.severity == .error }
                throw ServeError(status: 422, chinese: "数据还有 \(error.problems.filter { $0.severity == .error }.count) 处错误，不能生成文件"
                                 + (first.map { "：\($0.chinese)" } ?? ""),
                                 english: "the data has errors", hint: "请先改正表单中标红的内容")
            }
            let types = ["pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                         "ofd": "application/ofd"]
            return Self.attachment(try Data(contentsOf: URL(fileURLWithPath: target)), name: name + "." + format,
                                   type: types[format] ?? "application/octet-stream")
        }
    }

    /// A download named `name` (RFC 6266: an ASCII fallback and the UTF-8 name).
    static func attachment(_ data: Data, name: String, type: String) -> Response {
        let ext = (name as NSString).pathExtension
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "document"
        return Response(status: .ok, headers: [
            .contentType: type, .cacheControl: "no-store",
            .contentDisposition: "attachment; filename=\"document.\(ext)\"; filename*=UTF-8''\(encoded)",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
