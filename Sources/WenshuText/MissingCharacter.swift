import WenshuCore

/// A character no installed face has (it prints as a box), and where its text came from: the data
/// cell or line a user can correct, when the text came from the data.
public struct MissingCharacter: Hashable, Sendable {
    public var character: Character
    public var place: SourceLocation?
    public init(_ character: Character, place: SourceLocation? = nil) { self.character = character; self.place = place }
}
