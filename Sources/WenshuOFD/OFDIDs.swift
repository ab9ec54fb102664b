/// The unit IDs of one OFD document: every object, resource, page and layer takes the next one,
/// so that IDs are unique within the document as the standard requires; the last is MaxUnitID.
struct OFDIDs {
    private(set) var last = 0

    mutating func next() -> Int {
        last += 1
        return last
    }
}
