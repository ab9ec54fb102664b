import Foundation
import WenshuCore

/// Refuses to write an output over one of the run's inputs (`build -o data.yaml`, `--trace
/// template.xml`, previews into a data file's name): files are the same when they are the same
/// file on the disk (device and inode, so links and `./` spellings count), or when their paths
/// resolve to the same place.
public enum OutputGuard {
    /// An output that is one of the inputs.
    public struct Overwrite: WenshuError {
        public var output: String
        public var input: String
        public var message: String {
            "输出文件 \(output) 就是输入文件 \(input)，写入会覆盖它；请换一个输出文件名 "
                + "(the output \(output) is the input \(input): writing it would destroy the input; choose another output name)"
        }
    }

    /// A file's identity on the disk, or nil when it does not exist.
    static func identity(_ path: String) -> (device: UInt64, inode: UInt64)? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        return (UInt64(s.st_dev), UInt64(s.st_ino))
    }

    /// The path with symbolic links, `.` and `..` resolved (as far as it exists).
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// Throws `Overwrite` when any of `outputs` is any of `inputs` (files; folders among the
    /// inputs stand for the files in them).
    public static func check(outputs: [String], inputs: [String]) throws {
        var files: [String] = []
        for input in inputs {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: input, isDirectory: &isDir), isDir.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
                files += names.map { input + "/" + $0 }
            } else {
                files.append(input)
            }
        }
        var byIdentity: [String: String] = [:]
        var byPath: [String: String] = [:]
        for f in files {
            if let id = identity(f) { byIdentity["\(id.device):\(id.inode)"] = f }
            byPath[resolved(f)] = f
        }
        for output in outputs {
            if let id = identity(output), let input = byIdentity["\(id.device):\(id.inode)"] {
                throw Overwrite(output: output, input: input)
            }
            if let input = byPath[resolved(output)] { throw Overwrite(output: output, input: input) }
        }
    }
}
