import Foundation
import WenshuCore

/// The workbench's pages, scripts and styles (`Sources/WenshuServe/Resources`: plain HTML, CSS and
/// JavaScript, no build step, nothing from a CDN). Found, in order: `$WENSHU_WEB`; the package's
/// resource folder beside the binary (`Wenshu_WenshuServe.resources/Resources`, as `swift build`
/// leaves it); `web/` beside the binary or above it, and `/usr/share/wenshu/web` (an installed
/// package); the source tree this file was compiled from.
struct Assets: Sendable {
    let folder: String?

    init(binary: String = CommandLine.arguments.first ?? "") {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["WENSHU_WEB"] { candidates.append(env) }
        let dir = URL(fileURLWithPath: binary).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(dir.appendingPathComponent("Wenshu_WenshuServe.resources/Resources").path)
        candidates += ResourceFolders.searchPaths("web", environment: "WENSHU_WEB_DIRS", binary: binary)
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources").path)
        folder = candidates.first { FileManager.default.fileExists(atPath: $0 + "/gallery.html") }
    }

    /// The bytes and content type of asset `name` (a plain file name: letters, digits, `-`, `.`).
    func file(_ name: String) -> (Data, String)? {
        guard let folder, name.utf8.count <= 64, !name.hasPrefix("."),
              name.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "." }),
              let data = FileManager.default.contents(atPath: folder + "/" + name) else { return nil }
        return (data, Self.contentType(name))
    }

    static func contentType(_ name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "json": "application/json; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
