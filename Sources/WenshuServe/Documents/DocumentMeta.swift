import Foundation

/// What the store knows of a document besides its data: `meta.json` in its folder.
public struct DocumentMeta: Codable, Sendable, Equatable {
    /// 16 lowercase hex digits: the folder's name.
    public var id: String
    /// The template's name (notice, application…).
    public var template: String
    /// Bumped by every save; a save based on an older one is refused (two tabs).
    public var revision: Int
    /// ISO 8601 times.
    public var created: String
    public var updated: String
    /// What the gallery lists it as (the data's title or school, else the template's name).
    public var title: String

    /// The JSON the API sends.
    var json: [String: Any] {
        ["id": id, "template": template, "revision": revision, "created": created, "updated": updated, "title": title]
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}
