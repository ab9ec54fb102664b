import Foundation

/// Where Wenshu's own folders of a kind (`templates`, `fonts`) are looked for, in order: the
/// folders an environment variable names (colon-separated), `$WENSHU_HOME/NAME`, `./NAME`, beside
/// the binary or up to three folders above it a `NAME` folder (a build inside the source tree) or a
/// `share/wenshu/NAME` folder (an installed prefix: `/usr/bin/wenshu` finds `/usr/share/wenshu/NAME`,
/// `/opt/wenshu/bin/wenshu` finds `/opt/wenshu/share/wenshu/NAME`), and last `/usr/share/wenshu/NAME`.
/// A `--templates` flag's folders come before all of these (the CLI puts them first).
public enum ResourceFolders {
    /// The folder a packaged install keeps its resources in.
    public static let installed = "/usr/share/wenshu"

    public static func searchPaths(_ name: String, environment variable: String,
                                   binary: String = CommandLine.arguments.first ?? "",
                                   environment: [String: String] = ProcessInfo.processInfo.environment,
                                   currentDirectory: String = FileManager.default.currentDirectoryPath) -> [String] {
        var paths: [String] = []
        if let env = environment[variable] {
            paths += env.split(separator: ":").map(String.init)
        }
        if let home = environment["WENSHU_HOME"], !home.isEmpty {
            paths.append(home + "/" + name)
        }
        paths.append(currentDirectory + "/" + name)
        var dir = URL(fileURLWithPath: binary).resolvingSymlinksInPath().deletingLastPathComponent()
        search: for _ in 0..<4 {
            for candidate in [dir.appendingPathComponent(name).path,
                              dir.appendingPathComponent("share/wenshu/" + name).path]
            where FileManager.default.fileExists(atPath: candidate) {
                paths.append(candidate); break search
            }
            dir = dir.deletingLastPathComponent()
        }
        let last = installed + "/" + name
        if !paths.contains(last) { paths.append(last) }
        return paths
    }
}
