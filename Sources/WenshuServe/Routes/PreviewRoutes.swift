import Foundation
import Hummingbird

extension Workbench {
    /// The live preview: compile the saved data, then the page images.
    func addPreviewRoutes(to router: Router<BasicRequestContext>) {
        router.post("/api/docs/{id}/preview") { _, context in
            let id = try context.parameters.require("id")
            let result = try await self.preview(id).preview(revision: try self.store.meta(id).revision)
            return JSONBody.response(result.json)
        }
        router.get("/api/docs/{id}/pages/{page}") { _, context in
            let id = try context.parameters.require("id")
            let page = try context.parameters.require("page")
            guard page.hasSuffix(".png"), let n = Int(page.dropLast(4)), n >= 1 else { throw ServeError.notFound("这一页", "page") }
            let path = try self.store.outFolder(id) + "/pages/page-\(n).png"
            guard let data = FileManager.default.contents(atPath: path) else { throw ServeError.notFound("第 \(n) 页", "page \(n)") }
            return Response(status: .ok, headers: [.contentType: "image/png", .cacheControl: "no-cache"],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    /// The preview of document `id`.
    func preview(_ id: String) throws -> DocumentPreview {
        let meta = try store.meta(id)
        return previews.preview(id: id, template: meta.template, folder: try store.folder(id), searchPaths: options.templateSearchPaths,
                                   schema: (try? catalog.entry(meta.template))?.schema)
    }
}
