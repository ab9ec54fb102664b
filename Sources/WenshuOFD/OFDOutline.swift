import WenshuCore

/// The document's outline (Document.xml's Outlines) from the frames' bookmarks: each bookmark
/// nests under the last one of a lower level, and leads to its page at its place.
struct OFDOutline {
    struct Node {
        var title: String
        var pageID: Int
        var left: Length
        var top: Length
        var children: [Node] = []
    }

    private(set) var roots: [Node] = []
    /// The path of indices to the last node at each level still open, with its level.
    private var open: [(level: Int, index: Int)] = []

    init(frames: [Frame], pageIDs: [Int]) {
        for (frame, pageID) in zip(frames, pageIDs) {
            for element in frame.items {
                guard case .bookmark(let title, let level) = element.item else { continue }
                add(Node(title: title, pageID: pageID, left: element.position.x, top: element.position.y), level: level)
            }
        }
    }

    private mutating func add(_ node: Node, level: Int) {
        while let last = open.last, last.level >= level { open.removeLast() }
        let path = open.map(\.index)
        let index = Self.insert(node, at: path[...], into: &roots)
        open.append((level, index))
    }

    /// Appends `node` to the children list reached by `path`; returns its index there.
    private static func insert(_ node: Node, at path: ArraySlice<Int>, into list: inout [Node]) -> Int {
        guard let first = path.first else {
            list.append(node)
            return list.count - 1
        }
        return insert(node, at: path.dropFirst(), into: &list[first].children)
    }

    var isEmpty: Bool { roots.isEmpty }

    /// The `Outlines` element.
    func write(to xml: inout OFDXML) {
        guard !roots.isEmpty else { return }
        xml.start("Outlines")
        for node in roots { write(node, to: &xml) }
        xml.end()
    }

    private func write(_ node: Node, to xml: inout OFDXML) {
        xml.start("OutlineElem", ["Title": node.title])
        xml.start("Actions")
        xml.start("Action", ["Event": "CLICK"])
        xml.start("Goto")
        xml.element("Dest", ["Type": "XYZ", "PageID": String(node.pageID),
                             "Left": OFDNumber.mm(node.left), "Top": OFDNumber.mm(node.top)])
        xml.end()
        xml.end()
        xml.end()
        for child in node.children { write(child, to: &xml) }
        xml.end()
    }
}
