import Foundation
import WenshuCore

/// The images of an OFD document, each file embedded once however often it is placed, as a
/// MultiMedia resource of DocumentRes.xml.
struct OFDImages {
    struct Entry {
        var id: Int
        var format: String
        /// The file name under the resource folder, `image_<id>.png` or `.jpg`.
        var file: String
        var data: Data
    }

    private(set) var entries: [Entry] = []
    private var ids: [String: Int] = [:]

    init(frames: [Frame], ids unitIDs: inout OFDIDs, world: any World = FileWorld()) throws {
        for frame in frames {
            for element in frame.items {
                guard case .image(let image, _) = element.item, ids[image.path] == nil else { continue }
                let info: ImageInfo
                do { info = try ImageInfo.read(image.path, in: world) } catch {
                    throw OFDError.image(path: image.path, reason: error.reason)
                }
                let data: Data
                do { data = try world.read(image.path, limit: ImageInfo.maxFileBytes) } catch {
                    throw OFDError.image(path: image.path, reason: error.reason)
                }
                let id = unitIDs.next()
                let (format, ext) = info.kind == .png ? ("PNG", "png") : ("JPEG", "jpg")
                entries.append(Entry(id: id, format: format, file: "image_\(id).\(ext)", data: data))
                ids[image.path] = id
            }
        }
    }

    /// The resource ID of the image at `path`.
    func id(of path: String) -> Int? { ids[path] }

    /// The `MultiMedias` element of DocumentRes.xml.
    func write(to xml: inout OFDXML) {
        guard !entries.isEmpty else { return }
        xml.start("MultiMedias")
        for e in entries {
            xml.start("MultiMedia", ["ID": String(e.id), "Type": "Image", "Format": e.format])
            xml.element("MediaFile", text: e.file)
            xml.end()
        }
        xml.end()
    }
}
