import Foundation

/// Where Wenshu's own folders of a kind (`templates`, `fonts`) are looked for, in order: the
/// folders an environment variable names (colon-separated), `./NAME`, a `NAME` folder beside the
/// binary or up to three folders above it (a build inside the source tree), `/usr/share/wenshu/NAME`.
public enum ResourceFolders {
    public static func searchPaths(_ name: String, environment variable: String,
                                   binary: String = CommandLine.arguments.first ?? "") -> [String] {
        var paths: [String] = []
        if let env = ProcessInfo.processInfo.environment[variable] {
            paths += env.split(separator: ":").map(String.init)
        }
        paths.append(FileManager.default.currentDirectoryPath + "/" + name)
        var dir = URL(fileURLWithPath: binary).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: candidate) { paths.append(candidate); break }
            dir = dir.deletingLastPathComponent()
        }
        paths.append("/usr/share/wenshu/" + name)
        return paths
    }
}
