import Foundation
import Wenshu
import WenshuBatch
import WenshuCore
import WenshuTemplate

/// The workbench's batches: each a folder under `root` named by its id, made from an upload
/// (`start`), run one at a time off the event loop (a batch typesets on every core already), and
/// found again after a restart (`job(_:)` reads `job.json`; a batch the restart interrupted is
/// marked failed, with a hint to start it again).
public final class BatchJobs: @unchecked Sendable {
    /// The folder of the job folders.
    public let root: String
    /// Where template names are looked up (templates/ of the installation first).
    public let templateSearchPaths: [String]
    /// The largest list accepted (a list of 100,000 rows of certificates is about 10 MB).
    public let maxUploadBytes: Int
    private let compiler: @Sendable () throws -> Compiler
    private let queue = DispatchQueue(label: "wenshu.serve.batch", qos: .utility)
    // `lock` guards `jobs`.
    private let lock = NSLock()
    private var jobs: [String: BatchJob] = [:]
    /// The compiler made for the first batch, kept for the next ones (on `queue` only).
    private var made: Compiler?

    public static let defaultMaxUploadBytes = 20 << 20

    /// - Parameter compiler: the compiler (fonts found once) the batches share with the server.
    public init(root: String, templateSearchPaths: [String] = TemplateLoader.defaultSearchPaths(),
                maxUploadBytes: Int = BatchJobs.defaultMaxUploadBytes, compiler: @escaping @Sendable () throws -> Compiler) throws {
        self.root = root
        self.templateSearchPaths = templateSearchPaths
        self.maxUploadBytes = maxUploadBytes
        self.compiler = compiler
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// Errors of a request, for the route to answer with (400 or 413) and show as a problem.
    public struct RequestError: WenshuError {
        public var problem: Problem
        /// The upload is larger than allowed (413), not otherwise wrong (400).
        public var tooLarge = false
        public var message: String { problem.description }
    }

    /// A template name as a request may give it: a name of templates/, never a path.
    public static func isTemplateName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }

    /// A job id as made by `start`: 32 lower-case hex digits (so an id is never a path).
    public static func isJobID(_ id: String) -> Bool {
        id.utf8.count == 32 && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The name shown for an upload: its last path component, without control characters, at most 100 characters.
    static func displayName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(String.UnicodeScalarView(last.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint && $0.value >= 0x20 && $0.value != 0x7F }))
        return clean.isEmpty ? "名单" : String(clean.prefix(100))
    }

    /// Saves an uploaded list in a new job folder and queues its batch; returns the job at once.
    /// - Parameters:
    ///   - fileName: the upload's own name: only its extension (.csv or .xlsx) is used, and the
    ///     name is shown on the page; no folder in it is honoured.
    public func start(template: String, fileName: String, contents: Data, output: BatchJob.Output = .merged,
                      allowPlaceholders: Bool = false) throws -> BatchJob {
        guard BatchJobs.isTemplateName(template) else {
            throw RequestError(problem: Problem(severity: .error, chinese: "模板名称无效：\(template.prefix(64))",
                                                english: "not a template name", hint: "请从模板列表中选择"))
        }
        let ext = (fileName as NSString).pathExtension.lowercased()
        guard ["csv", "xlsx"].contains(ext) else {
            throw RequestError(problem: Problem(severity: .error, location: SourceLocation(file: BatchJobs.displayName(fileName)),
                                                chinese: "名单应为 .xlsx 或 .csv 文件", english: "the list must be an .xlsx or .csv file",
                                                hint: "请在 Excel 中另存为 .xlsx（Excel 工作簿）或 .csv（UTF-8）"))
        }
        guard contents.count <= maxUploadBytes else {
            throw RequestError(problem: Problem(severity: .error, location: SourceLocation(file: BatchJobs.displayName(fileName)),
                                                chinese: "名单过大：\(contents.count) 字节，上限 \(maxUploadBytes) 字节",
                                                english: "the list is \(contents.count) bytes; the limit is \(maxUploadBytes)",
                                                hint: "请把名单分成几份，分批生成"),
                               tooLarge: true)
        }
        let id = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let folder = root + "/" + id
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try AtomicFile.write(contents, to: folder + "/" + BatchJob.listStem + "." + ext)
        let status = BatchJobStatus(id: id, template: template, list: BatchJobs.displayName(fileName))
        let job = BatchJob(status: status, folder: folder, output: output, allowPlaceholders: allowPlaceholders)
        try BatchJob.save(status, in: folder)
        try AtomicFile.write(Data("\(output.rawValue)\n\(allowPlaceholders)\n".utf8), to: folder + "/options.txt")
        lock.lock(); jobs[id] = job; lock.unlock()
        let paths = templateSearchPaths
        queue.async {
            do {
                let compiler = try self.made ?? self.compiler()
                self.made = compiler
                job.run(compiler: compiler, templateSearchPaths: paths)
            } catch {
                let listName = job.status.list
                let problems = (error as? any WenshuError)?.problems
                    ?? [Problem(severity: .error, chinese: "字体无法载入", english: "the fonts cannot be loaded: \(error)")]
                job.update { $0.state = .failed; $0.errors = problems.map { BatchJobProblem($0, listName: listName) } }
            }
        }
        return job
    }

    /// The job of `id`, in memory or from its folder (after a restart); nil for an unknown or malformed id.
    public func job(_ id: String) -> BatchJob? {
        guard BatchJobs.isJobID(id) else { return nil }
        lock.lock(); defer { lock.unlock() }
        if let j = jobs[id] { return j }
        let folder = root + "/" + id
        guard let data = FileManager.default.contents(atPath: folder + "/" + BatchJob.statusFile),
              var status = try? JSONDecoder().decode(BatchJobStatus.self, from: data) else { return nil }
        let options = (try? String(contentsOfFile: folder + "/options.txt", encoding: .utf8))?.split(separator: "\n") ?? []
        let output = options.first.flatMap { BatchJob.Output(rawValue: String($0)) } ?? .merged
        if !status.state.ended {
            // Saved by a server that stopped before the batch ended.
            status.state = .failed
            status.errors = [BatchJobProblem(Problem(severity: .error, chinese: "服务器在生成过程中停止，此批未完成",
                                                     english: "the server stopped during this batch",
                                                     hint: "请重新上传名单开始生成"), listName: status.list)]
            try? BatchJob.save(status, in: folder)
        }
        let job = BatchJob(status: status, folder: folder, output: output, allowPlaceholders: options.dropFirst().first == "true")
        jobs[id] = job
        return job
    }
}
