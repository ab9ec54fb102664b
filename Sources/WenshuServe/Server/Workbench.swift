import Foundation
import Hummingbird
import Logging
import Wenshu
import WenshuTemplate

/// `wenshu serve`'s settings.
public struct WorkbenchOptions: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The folder every document is kept in (a folder each).
    public var dataFolder = "wenshu-data"
    /// A file holding the access token; without it, on a non-local host, one is made and printed once.
    public var tokenFile: String?
    /// Folders searched for templates (the CLI's by default).
    public var templateSearchPaths = TemplateLoader.defaultSearchPaths()
    /// The largest upload, in bytes.
    public var maxUpload = 20 << 20

    public init() {}
}

/// The web workbench: a gallery of templates, a form per document generated from the template's
/// fields with problems beside the fields, a live preview of the pages, and a folder on disk per
/// document (docs/workbench.md). Everything it serves is its own (no CDN).
public final class Workbench: Sendable {
    public let options: WorkbenchOptions
    public let policy: AccessPolicy
    public let store: DocumentStore
    let catalog: TemplateCatalog
    let previews = PreviewRegistry()
    let thumbnails: Thumbnails
    let assets = Assets()
    /// The batches (Batch/), in DATA/batches.
    public let batches: BatchJobs

    public init(options: WorkbenchOptions, policy: AccessPolicy) throws {
        self.options = options
        self.policy = policy
        self.store = try DocumentStore(root: options.dataFolder)
        self.catalog = TemplateCatalog(searchPaths: options.templateSearchPaths)
        self.thumbnails = Thumbnails(folder: store.thumbsFolder, catalog: catalog)
        self.batches = try BatchJobs(root: store.root + "/batches", templateSearchPaths: options.templateSearchPaths,
                                     maxUploadBytes: options.maxUpload, compiler: { try Compiler() })
    }

    /// The routes (docs/workbench.md), behind the error and access middleware.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: AuthMiddleware(policy: policy, assets: assets))
        addPageRoutes(to: router)
        addDocumentRoutes(to: router)
        addPreviewRoutes(to: router)
        addFileRoutes(to: router)
        addBatchRoutes(to: router)
        return router
    }

    /// The application bound to the options' host and port.
    public func application(onRunning: @escaping @Sendable () async -> Void = {}) -> some ApplicationProtocol {
        var logger = Logger(label: "wenshu.serve")
        logger.logLevel = .notice
        return Application(router: router(), configuration: .init(address: .hostname(options.host, port: options.port), serverName: "wenshu"),
                           onServerRunning: { _ in await onRunning() }, logger: logger)
    }

    /// The page the router gives for an asset.
    func asset(_ name: String) throws -> Response {
        guard let (data, type) = assets.file(name) else {
            throw ServeError(status: 404, chinese: "找不到页面文件 \(name)", english: "no asset \(name)",
                             hint: assets.folder == nil ? "找不到工作台的网页文件夹；请设置 WENSHU_WEB" : nil)
        }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
