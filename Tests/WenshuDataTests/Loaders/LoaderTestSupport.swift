import Foundation
import Testing
import WenshuCore
@testable import WenshuData

/// A fresh folder under the temporary directory for one test's files.
struct LoaderFolder {
    let url: URL

    init() throws {
        url = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("wenshu-loaders-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` as UTF-8 to `name` and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try data.write(to: file)
        return file.path
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The `DataError` that `body` throws (recording an issue when it throws nothing or something else).
func loaderError(_ body: () throws -> Any, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> DataError? {
    do {
        _ = try body()
        Issue.record("expected a DataError, got a result", sourceLocation: sourceLocation)
    } catch let error as DataError {
        return error
    } catch {
        Issue.record("expected a DataError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

extension DataSet {
    /// The value at a path written as keys and indices: valueAt("rows", 0, "姓名").
    func valueAt(_ components: Any...) -> Value? { value(at: path(components)) }

    /// The recorded location at that path (not an ancestor's).
    func locationAt(_ components: Any...) -> WenshuCore.SourceLocation? { locations[path(components)] }

    private func path(_ components: [Any]) -> ValuePath {
        components.map { c in
            if let i = c as? Int { return .index(i) }
            return .key(c as! String)
        }
    }
}

extension Value {
    var loadedRows: [Value] {
        if case .array(let a)? = self["rows"] { return a }
        return []
    }
}

func loaderDate(_ y: Int, _ m: Int, _ d: Int) -> Value { .date(DateValue(year: y, month: m, day: d)!) }
