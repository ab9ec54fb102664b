import WenshuCore

/// Asks PDF viewers to print at 100 %: the catalog's `/ViewerPreferences << /PrintScaling /None >>`
/// (PDF 1.6; older readers ignore it). 套打 needs it, since "fit to page" moves every field off the
/// pre-printed stock. Cairo has no call for viewer preferences, so this is a pass over its file: an
/// incremental update (the file copied unchanged, then a new catalog, a cross-reference section
/// for it and a trailer pointing back at the old one), read a megabyte at a time.
public enum PrintScaling {
    /// Writes `source` with the preference added to `destination` (whole or not at all); errors
    /// name `name`, else `source`.
    public static func disable(file source: String, to destination: String, name: String? = nil) throws {
        let input = try PDFSource(path: source, name: name)
        let pdf = try PDFFile(source: input)
        let file = input.file
        guard let rootNumber = pdf.trailer["Root"]?.referenceNumber, let root = try pdf.object(rootNumber),
              var catalog = root.value.dictionaryValue else {
            throw PDFAError.syntax(file: file, offset: 0, "the trailer names no document catalog (/Root)")
        }
        var preferences = catalog["ViewerPreferences"]?.dictionaryValue ?? PDFDictionary()
        preferences["PrintScaling"] = .name("None")
        catalog["ViewerPreferences"] = .dictionary(preferences)
        let previous = try PDFFile.startXref(input)
        var trailer = pdf.trailer
        trailer["Prev"] = .integer(previous)
        trailer["Size"] = .integer(max(trailer["Size"]?.integerValue ?? 0, pdf.highestNumber + 1, rootNumber + 1))

        // The update after the original bytes: a line break first, in case the file lacks a final one.
        let objectAt = input.count + 1
        var tail = Array("\n\(rootNumber) \(root.generation) obj\n".utf8)
        catalog.write(to: &tail)
        tail += Array("\nendobj\n".utf8)
        let xrefAt = input.count + tail.count
        let entry = String(repeating: "0", count: max(0, 10 - String(objectAt).count)) + String(objectAt)
        let generation = String(repeating: "0", count: max(0, 5 - String(root.generation).count)) + String(root.generation)
        tail += Array("xref\n\(rootNumber) 1\n\(entry) \(generation) n \ntrailer\n".utf8)
        trailer.write(to: &tail)
        tail += Array("\nstartxref\n\(xrefAt)\n%%EOF\n".utf8)
        do {
            try AtomicFile.write(to: destination) { output in
                var at = 0
                while at < input.count {
                    let end = min(input.count, at + (1 << 20))
                    let chunk = try input.read(at..<end)
                    try chunk.withUnsafeBytes { try output.write($0) }
                    at = end
                }
                try tail.withUnsafeBytes { try output.write($0) }
            }
        } catch let e as AtomicFile.WriteError {
            throw PDFAError.io(path: destination, e.english)
        }
    }
}
