import Foundation
import Testing
import WenshuCore
@testable import WenshuData

/// Data files read from a World other than the disk, with the disk's words for what is wrong.
@Suite struct DataLoaderWorldTests {
    let world = MemoryWorld([
        "/d/a.yaml": Data("学校名称: 青石桥小学\n".utf8),
        "/d/list.csv": Data("姓名,学校\n张三,青石桥小学\n".utf8),
        "/d/sub/x.yaml": Data("a: 1\n".utf8),
    ])

    @Test func yamlAndCSVFromMemoryKeepTheirPlaces() throws {
        let yaml = try DataLoader.load("/d/a.yaml", world: world)
        #expect(yaml.root["学校名称"]?.description == "青石桥小学")
        #expect(yaml.location(of: [.key("学校名称")])?.file == "/d/a.yaml")
        #expect(yaml.location(of: [.key("学校名称")])?.line == 1)
        let csv = try DataLoader.load("/d/list.csv", world: world)
        #expect(csv.root.loadedRows.first?["姓名"] == .string("张三"))
        #expect(csv.locations.values.contains { $0.file == "/d/list.csv" && $0.line == 2 })
    }

    @Test func missingFolderAndOversizedFilesAreRefusedAsOnDisk() throws {
        func message(_ path: String, _ limits: Limits = .standard) -> String? {
            do { _ = try DataLoader.load(path, limits: limits, world: world); return nil } catch let e as DataError {
                #expect(e.location?.file == path)
                return e.message
            } catch { return "\(error)" }
        }
        #expect(message("/d/none.yaml") == "无法读取文件，它存在吗？（cannot read the file (does it exist?)）")
        #expect(message("/d/sub.yaml") == "无法读取文件，它存在吗？（cannot read the file (does it exist?)）")
        var small = Limits()
        small.maxDataFileBytes = 4
        #expect(message("/d/a.yaml", small)?.contains("数据文件超过 4 bytes") == true)
    }

    @Test func aDataFileThatIsAFIFOIsRefusedNotWaitedOn() throws {
        // Read through FileWorld, as InputFile opens it: Data(contentsOf:) used to wait for a writer.
        let folder = NSTemporaryDirectory() + "wenshu-data-fifo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/data.yaml"
        #expect(mkfifo(fifo, 0o600) == 0)
        do { _ = try DataLoader.load(fifo); Issue.record("a FIFO was read") } catch let e as DataError {
            #expect(e.message.contains("命名管道"), "\(e.message)")
            #expect(e.location?.file == fifo)
        } catch { Issue.record("\(error)") }
    }

    @Test func aFolderIsNotADataFile() {
        var w = world
        w["/d/folder.yaml/inside.yaml"] = Data("a: 1".utf8)
        do { _ = try DataLoader.load("/d/folder.yaml", world: w); Issue.record("a folder was read") } catch let e as DataError {
            #expect(e.message == "this is a folder, not a data file")
        } catch { Issue.record("\(error)") }
    }
}
