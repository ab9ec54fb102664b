import Foundation
import Hummingbird
import Wenshu
import WenshuCore

extension Workbench {
    /// Documents: create, list, read and save the data (with its revision), the data's problems.
    func addDocumentRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/docs") { _, _ in JSONBody.response(["docs": self.store.list().map(\.json)]) }
        router.post("/api/docs") { request, _ in
            let body = try await JSONBody.object(request)
            guard let name = body["template"] as? String else {
                throw ServeError.badRequest("请指明模板", "the request names no template", hint: #"{"template": "notice"}"#)
            }
            let entry = try self.catalog.entry(name)
            let meta = try self.store.create(template: entry.name, data: [:], title: "新建\(entry.chinese)")
            return JSONBody.response(meta.json, status: .created)
        }
        router.get("/api/docs/{id}") { _, context in
            let id = try context.parameters.require("id")
            let meta = try self.store.meta(id)
            let (data, revision) = try self.store.data(id)
            var out = meta.json
            out["data"] = data
            out["revision"] = revision
            out["chinese"] = (try? self.catalog.entry(meta.template))?.chinese ?? meta.template
            return JSONBody.response(out)
        }
        router.get("/api/docs/{id}/data") { _, context in
            let (data, revision) = try self.store.data(try context.parameters.require("id"))
            return JSONBody.response(["data": data, "revision": revision])
        }
        router.put("/api/docs/{id}/data") { request, context in
            let id = try context.parameters.require("id")
            let body = try await JSONBody.object(request)
            guard let data = body["data"] as? [String: Any], let base = body["revision"] as? Int else {
                throw ServeError.badRequest("保存的内容应有 data 和 revision", "a save needs data and revision")
            }
            let revision = try self.store.save(id, data: data, basedOn: base, title: Self.title(of: data))
            return JSONBody.response(["revision": revision, "problems": try self.problems(id)])
        }
        router.get("/api/docs/{id}/problems") { _, context in
            JSONBody.response(["problems": try self.problems(try context.parameters.require("id"))])
        }
    }

    /// The problems of a document's saved data, as `wenshu check DATA --template T` finds them.
    func problems(_ id: String) throws -> [[String: Any]] {
        let meta = try store.meta(id)
        let folder = try store.folder(id)
        let path = folder + "/data.json"
        let builder = DocumentBuilder(templateSearchPaths: options.templateSearchPaths)
        let found: [Problem]
        do {
            found = try builder.check([path], template: meta.template)
        } catch let error as any WenshuError {
            found = error.problems
        }
        let lines = ProblemJSON.fieldLines(of: path)
        return found.map { ProblemJSON.make($0, folder: folder, lines: lines) }
    }

    /// What the gallery lists a document as: its title, school or name, if any.
    static func title(of data: [String: Any]) -> String? {
        for key in ["title", "school", "name", "brand.name"] {
            if let s = data[key] as? String, !s.trimmingCharacters(in: .whitespaces).isEmpty { return String(s.prefix(60)) }
        }
        return nil
    }
}
