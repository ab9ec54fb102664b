import Foundation
import Hummingbird

/// JSON in and out of requests, with Foundation's `JSONSerialization` (the form's data is free-form:
/// its shape is the template's fields, not a Swift type).
enum JSONBody {
    /// A response holding `object` as JSON (UTF-8, slashes and Chinese unescaped).
    static func response(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data(#"{"error":{"chinese":"无法编码回应","english":"cannot encode the answer"}}"#.utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The request's body (at most `limit` bytes) as a JSON object.
    static func object(_ request: Request, limit: Int = 4 << 20) async throws -> [String: Any] {
        // JSON only: a page of another site cannot send it without a CORS preflight (never granted).
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw ServeError(status: 415, chinese: "请求的内容应为 JSON（Content-Type: application/json）",
                             english: "the request body must be JSON (Content-Type: application/json)")
        }
        let bytes = try await Self.bytes(request, limit: limit)
        guard let object = try? JSONSerialization.jsonObject(with: bytes), let dict = object as? [String: Any] else {
            throw ServeError.badRequest("请求的内容不是 JSON 对象", "the request body is not a JSON object")
        }
        return dict
    }

    /// The request's body, refused with 413 past `limit` bytes.
    static func bytes(_ request: Request, limit: Int) async throws -> Data {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw ServeError.tooLarge(limit: limit) }
        var data = Data()
        for try await buffer in request.body {
            guard buffer.readableBytes <= limit - data.count else { throw ServeError.tooLarge(limit: limit) }
            data.append(contentsOf: buffer.readableBytesView)
        }
        return data
    }
}
