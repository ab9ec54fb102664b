import Foundation
import Hummingbird

/// A request that fails for any reason answers with its status and a Chinese message (`ServeError`),
/// never more: the server and the other documents go on. Unexpected errors are logged.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServeError {
            throw error
        } catch let error as HTTPError {
            throw ServeError(status: Int(error.status.code), chinese: error.status.code == 404 ? "找不到这个地址" : "请求有误",
                             english: error.body ?? error.status.reasonPhrase)
        } catch {
            let wrapped = ServeError.wrapping(error)
            if wrapped.code >= 500 { context.logger.error("\(request.method) \(request.uri.path): \(error)") }
            throw wrapped
        }
    }
}
