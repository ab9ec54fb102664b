import Foundation
import Hummingbird
import WenshuCore

/// A request the workbench refuses or cannot serve: an HTTP status and the message in Chinese with
/// its English gloss and a hint, sent as JSON `{"error": {"status", "chinese", "english", "hint", "message"}}`.
public struct ServeError: Error, HTTPResponseError, Sendable {
    public var code: Int
    public var chinese: String
    public var english: String
    public var hint: String?
    /// Extra fields of the JSON answer (the current revision of a 409).
    public var extra: [String: Int] = [:]

    public init(status: Int, chinese: String, english: String, hint: String? = nil) {
        self.code = status; self.chinese = chinese; self.english = english; self.hint = hint
    }

    public var status: HTTPResponse.Status { HTTPResponse.Status(code: code) }

    /// The message as the command line prints a problem: 中文 (English)；hint.
    public var message: String { "\(chinese) (\(english))" + (hint.map { "；\($0)" } ?? "") }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var error: [String: Any] = ["status": code, "chinese": chinese, "english": english, "message": message]
        if let hint { error["hint"] = hint }
        var root: [String: Any] = ["error": error]
        for (k, v) in extra { root[k] = v }
        return JSONBody.response(root, status: status)
    }

    static func notFound(_ what: String, _ english: String) -> ServeError {
        ServeError(status: 404, chinese: "找不到\(what)", english: "no such \(english)", hint: "请回到首页重新打开")
    }

    static func tooLarge(limit: Int) -> ServeError {
        ServeError(status: 413, chinese: "上传的文件太大，不能超过 \(limit >> 20) MB", english: "the upload is larger than \(limit >> 20) MB",
                   hint: "请压缩图片或拆分文件后再上传")
    }

    static func badRequest(_ chinese: String, _ english: String, hint: String? = nil) -> ServeError {
        ServeError(status: 400, chinese: chinese, english: english, hint: hint)
    }

    /// Any other error as a 500 (a compile's problems keep their own words).
    static func wrapping(_ error: any Error) -> ServeError {
        if let e = error as? ServeError { return e }
        if let e = error as? any WenshuError {
            let p = e.problem
            return ServeError(status: 422, chinese: p.chinese, english: p.english, hint: p.hint)
        }
        return ServeError(status: 500, chinese: "服务器处理请求时出错，其他文书不受影响", english: "the server failed on this request: \(error)",
                          hint: "请稍后重试；若一再出现，请把这条消息告诉管理员")
    }
}
