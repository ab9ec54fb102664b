import Foundation
import WenshuCore
import WenshuTemplate

/// A template's version: the SHA-256 of every file in its folders (template.xml, fields.yaml, the
/// includes and images beside them, and those of the templates it extends), by relative path in
/// sorted order; a template file that is not a template folder's template.xml counts alone.
/// Two shards made from different versions of a template do not merge.
enum TemplateVersion {
    static func hash(_ template: Template) -> String {
        var sha = SHA256()
        let fm = FileManager.default
        for folder in template.folders {
            let whole = fm.fileExists(atPath: folder + "/template.xml")
            let files = whole ? (fm.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
                : (template.path.hasPrefix(folder + "/") ? [String(template.path.dropFirst(folder.count + 1))] : [])
            for name in files where !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                var isDir: ObjCBool = false
                let path = folder + "/" + name
                guard fm.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else { continue }
                sha.update(Array(name.utf8) + [0])
                sha.update(Array((SHA256.hex(file: path) ?? "").utf8) + [0])
            }
        }
        sha.update(Array((template.path as NSString).lastPathComponent.utf8))
        return SHA256.hexString(sha.finish())
    }
}
