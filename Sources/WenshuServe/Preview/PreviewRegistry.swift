import Foundation
import WenshuData

/// The open documents' previews, one per document, the least recently used closed past `capacity`
/// (each holds its fonts and caches).
final class PreviewRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var previews: [String: DocumentPreview] = [:]
    private var order: [String] = []
    let capacity: Int

    init(capacity: Int = 24) { self.capacity = max(1, capacity) }

    /// The preview of document `id` at `folder`, opened on first use.
    func preview(id: String, template: String, folder: String, searchPaths: [String], schema: FieldSchema?) -> DocumentPreview {
        lock.lock(); defer { lock.unlock() }
        order.removeAll { $0 == id }
        order.append(id)
        if let p = previews[id], p.template == template { return p }
        let p = DocumentPreview(id: id, template: template, folder: folder, searchPaths: searchPaths, schema: schema)
        previews[id] = p
        while order.count > capacity, let oldest = order.first {
            order.removeFirst()
            previews[oldest] = nil
        }
        return p
    }
}
