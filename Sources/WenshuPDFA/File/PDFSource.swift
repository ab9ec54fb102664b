import Foundation

/// The bytes of the PDF being rewritten: an array held in memory, or a file read a block at a time
/// (a few blocks kept), so that a PDF of a hundred thousand pages is never held whole.
final class PDFSource {
    let count: Int
    let file: String
    private let memory: [UInt8]?
    private let handle: FileHandle?
    private var blocks: [Int: [UInt8]] = [:]
    private var order: [Int] = []
    /// Bytes read at a time from a file.
    let blockSize: Int
    static let blocksKept = 8

    init(bytes: [UInt8], file: String) {
        memory = bytes; handle = nil; count = bytes.count; self.file = file; blockSize = 1 << 20
    }

    /// Opens the file at `path` for reading, a megabyte at a time (`blockSize`); errors name
    /// `name` (default: `path`).
    init(path: String, name: String? = nil, blockSize: Int = 1 << 20) throws {
        self.blockSize = max(1, blockSize)
        guard let h = FileHandle(forReadingAtPath: path) else { throw PDFAError.io(path: path, "the file cannot be read") }
        do {
            count = Int(clamping: try h.seekToEnd())
        } catch {
            try? h.close()
            throw PDFAError.io(path: path, error.localizedDescription)
        }
        memory = nil; handle = h; file = name ?? path
    }

    deinit { try? handle?.close() }

    /// The bytes in `range`, cut to the end of the file.
    func read(_ range: Range<Int>) throws -> [UInt8] {
        let lower = max(0, min(range.lowerBound, count)), upper = max(lower, min(range.upperBound, count))
        if let memory { return Array(memory[lower..<upper]) }
        var out: [UInt8] = []
        out.reserveCapacity(upper - lower)
        var at = lower
        while at < upper {
            let index = at / blockSize
            let block = try self.block(index)
            let start = at - index * blockSize
            let end = min(block.count, upper - index * blockSize)
            guard start < end else { break }
            out += block[start..<end]
            at += end - start
        }
        return out
    }

    private func block(_ index: Int) throws -> [UInt8] {
        if let b = blocks[index] { return b }
        guard let handle else { return [] }
        let data: Data?
        do {
            try handle.seek(toOffset: UInt64(index * blockSize))
            data = try handle.read(upToCount: blockSize)
        } catch {
            throw PDFAError.io(path: file, error.localizedDescription)
        }
        let b = data.map { [UInt8]($0) } ?? []
        blocks[index] = b
        order.append(index)
        if order.count > PDFSource.blocksKept { blocks[order.removeFirst()] = nil }
        return b
    }
}
