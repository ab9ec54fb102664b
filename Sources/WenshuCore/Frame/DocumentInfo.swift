/// What a PDF says about itself (its metadata), carried beside the frames to the renderers.
public struct DocumentInfo: Hashable, Sendable {
    public var title: String?
    public var author: String?
    public var subject: String?
    public var keywords: String?
    public var creator: String

    public init(title: String? = nil, author: String? = nil, subject: String? = nil,
                keywords: String? = nil, creator: String = "Wenshu") {
        self.title = title; self.author = author; self.subject = subject
        self.keywords = keywords; self.creator = creator
    }
}
