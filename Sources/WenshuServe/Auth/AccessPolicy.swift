import Foundation

/// Who may use the workbench. Bound to exactly 127.0.0.1, ::1 or localhost it is the clerk's own
/// machine and needs nothing; bound to any other address (0.0.0.0, the office network's, even
/// 127.0.0.2) every request needs the access token. Only the token's SHA-256 is kept.
public struct AccessPolicy: Sendable {
    /// The SHA-256 of the token (hex), or nil when no token is needed.
    public let tokenDigest: String?

    /// The addresses that need no token.
    public static let localHosts: Set<String> = ["127.0.0.1", "::1", "[::1]", "localhost"]

    /// Whether binding to `host` needs a token.
    public static func needsToken(host: String) -> Bool { !localHosts.contains(host.lowercased()) }

    /// No token: the clerk's own machine.
    public static let open = AccessPolicy(tokenDigest: nil)

    public init(tokenDigest: String?) { self.tokenDigest = tokenDigest }

    /// A policy requiring `token` (kept hashed).
    public init(token: String) { self.tokenDigest = SHA256.hex(token) }

    /// Whether `given` is the token (compared by digest, in time independent of where they differ).
    public func accepts(_ given: String?) -> Bool {
        guard let tokenDigest else { return true }
        guard let given, !given.isEmpty else { return false }
        let a = Array(SHA256.hex(given).utf8), b = Array(tokenDigest.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A new random token: 32 random bytes as hex.
    public static func generateToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// The token in `file` (its first line, trimmed); an empty or unreadable file is an error.
    public static func token(fromFile file: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        guard data.count <= 4096, let text = String(data: data, encoding: .utf8),
              let line = text.split(whereSeparator: \.isNewline).first?.trimmingCharacters(in: .whitespaces),
              line.count >= 8 else {
            throw ServeError(status: 400, chinese: "令牌文件 \(file) 应在第一行写至少 8 个字符的令牌",
                             english: "the token file \(file) must hold a token of at least 8 characters on its first line")
        }
        return line
    }
}
