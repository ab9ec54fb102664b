import Foundation
import Hummingbird

extension Workbench {
    /// The pages (gallery, form, login), their assets, the templates and their thumbnails.
    func addPageRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in try self.asset("gallery.html") }
        router.get("/d/{id}") { _, context in
            _ = try self.store.folder(try context.parameters.require("id"))
            return try self.asset("document.html")
        }
        router.get("/static/{file}") { _, context in try self.asset(try context.parameters.require("file")) }
        router.get("/login") { request, _ in
            guard let token = request.uri.queryParameters.get("token") else { return try self.asset("login.html") }
            guard self.policy.accepts(token) else {
                throw ServeError(status: 401, chinese: "访问令牌不对", english: "wrong access token", hint: "请向管理员核对令牌")
            }
            let encoded = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
            return Response(status: .seeOther, headers: [
                .location: "/",
                .setCookie: "\(AuthMiddleware<BasicRequestContext>.cookieName)=\(encoded); Path=/; HttpOnly; SameSite=Strict; Max-Age=2592000",
            ])
        }
        router.get("/api/templates") { _, _ in
            JSONBody.response(["templates": self.catalog.entries().map(self.catalog.summary)])
        }
        router.get("/api/templates/{name}") { _, context in
            let entry = try self.catalog.entry(try context.parameters.require("name"))
            var out = self.catalog.summary(entry)
            out["schema"] = try self.catalog.fields(entry)
            return JSONBody.response(out)
        }
        router.get("/t/{name}/thumb.png") { _, context in
            let png = try await self.thumbnails.thumbnail(try context.parameters.require("name"))
            return Response(status: .ok, headers: [.contentType: "image/png", .cacheControl: "max-age=3600"],
                            body: .init(byteBuffer: ByteBuffer(bytes: png)))
        }
    }
}
