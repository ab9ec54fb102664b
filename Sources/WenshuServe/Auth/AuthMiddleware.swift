import Foundation
import Hummingbird

/// Every request but the login page's needs the access token when the policy asks for one: as
/// `Authorization: Bearer TOKEN` (tools, tests) or the `wenshu_token` cookie that `/login?token=`
/// sets (browsers). Refused requests get 401 with the message in Chinese (the login page for a page).
struct AuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let policy: AccessPolicy
    let assets: Assets
    static var cookieName: String { "wenshu_token" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard policy.tokenDigest != nil else {
            // Open on this machine only: a page of another site that renames itself to 127.0.0.1
            // (DNS rebinding) still sends its own name as the host, and is refused.
            if !Self.isLocal(authority: request.head.authority) {
                throw ServeError(status: 403, chinese: "工作台只接受本机地址（127.0.0.1、localhost）的访问",
                                 english: "the workbench answers requests for this machine's own address only",
                                 hint: "请用 http://127.0.0.1:端口/ 打开；要在办公网络上开放，请用 --host 并设访问令牌")
            }
            return try await next(request, context)
        }
        let path = request.uri.path
        if path == "/login" || path == "/static/workbench.css" || policy.accepts(Self.token(in: request)) {
            return try await next(request, context)
        }
        if request.method == .get, !path.hasPrefix("/api/"), let (page, type) = assets.file("login.html") {
            return Response(status: .unauthorized, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: page)))
        }
        throw ServeError(status: 401, chinese: "需要访问令牌：这台服务器不只在本机开放", english: "an access token is needed on this address",
                         hint: "请用管理员给的链接 /login?token=… 登录，或在请求中加 Authorization: Bearer 令牌")
    }

    /// Whether a request's `Host` (its authority: `host:port`) names this machine; none is taken as local (not a browser).
    static func isLocal(authority: String?) -> Bool {
        guard let authority else { return true }
        return AccessPolicy.localHosts.contains(hostname(authority).lowercased())
    }

    /// The host of `host:port` or `[v6]:port`.
    static func hostname(_ authority: String) -> String {
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") { return String(authority[...end]) }
        return String(authority.prefix { $0 != ":" })
    }

    /// The token a request carries: the bearer token, else the cookie.
    static func token(in request: Request) -> String? {
        if let auth = request.headers[.authorization], auth.lowercased().hasPrefix("bearer ") {
            return String(auth.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        for cookie in request.headers[values: .cookie].flatMap({ $0.split(separator: ";") }) {
            let parts = cookie.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == cookieName { return parts[1].removingPercentEncoding ?? parts[1] }
        }
        return nil
    }
}
