import ArgumentParser
import Foundation
import WenshuServe

/// `wenshu serve`: the web workbench, where clerks fill a template's form in a browser and see the pages.
struct ServeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "serve",
            abstract: L("启动网页工作台", "start the web workbench: a form per document with a live preview"),
            discussion: LText("""
                在浏览器中打开显示的地址：选模板、填表、看预览、下载 PDF（见 docs/workbench.md）。默认只在本机 \
                127.0.0.1 上服务；在其他地址（如 --host 0.0.0.0，办公室网络）上，每个请求都要访问令牌：\
                来自 --token-file，否则启动时生成并只显示一次。
                """, """
                Open the address it prints in a browser: choose a template, fill the form, watch the preview, \
                download the PDF (docs/workbench.md). Bound to 127.0.0.1 (this machine only) by default. On any \
                other address (--host 0.0.0.0, the office network's) every request needs an access token: from \
                --token-file, else one is made and printed once.
                """))
    }

    @Option(help: ArgumentHelp(L("监听的地址（127.0.0.1：仅本机）", "the address to listen on (127.0.0.1: this machine only)")))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp(L("监听的端口", "the port to listen on")))
    var port = 8080

    @Option(help: ArgumentHelp(L("保存文书的文件夹（每份文书一个子文件夹）", "the folder the documents are kept in (a folder each)")))
    var data = "wenshu-data"

    @Option(name: .customLong("token-file"), help: ArgumentHelp(L("首行为访问令牌的文件（不在 127.0.0.1 上时需要；默认取 $WENSHU_TOKEN_FILE）", "a file whose first line is the access token (needed off 127.0.0.1; default $WENSHU_TOKEN_FILE)")))
    var tokenFile: String?

    @Option(name: .customLong("templates"), help: ArgumentHelp(L("先查找的模板文件夹（可重复）", "a folder of templates searched first (repeatable)")))
    var templateDirs: [String] = []

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError(L("--port 应在 1 到 65535 之间，现为 \(port)", "--port takes 1 to 65535; got \(port)")) }
    }

    func run() throws {
        var options = WorkbenchOptions()
        options.host = host
        options.port = port
        options.dataFolder = data
        // The packaged systemd unit passes the token file from /etc/default/wenshu as WENSHU_TOKEN_FILE.
        let environmentFile = ProcessInfo.processInfo.environment["WENSHU_TOKEN_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        let tokenFile = self.tokenFile ?? environmentFile
        options.tokenFile = tokenFile
        options.templateSearchPaths = templateDirs + options.templateSearchPaths
        var policy = AccessPolicy.open
        var shownToken: String?
        if AccessPolicy.needsToken(host: host) {
            if let tokenFile {
                policy = AccessPolicy(token: try AccessPolicy.token(fromFile: tokenFile))
            } else {
                let token = AccessPolicy.generateToken()
                policy = AccessPolicy(token: token)
                shownToken = token
            }
        } else if tokenFile != nil {
            policy = AccessPolicy(token: try AccessPolicy.token(fromFile: tokenFile ?? ""))
        }
        let workbench = try Workbench(options: options, policy: policy)
        let shown = host.contains(":") ? "[\(host)]" : host
        var lines = ["文书工作台已启动 (the workbench is running): http://\(shown):\(port)/   文书保存在 (documents in) \(workbench.store.root)"]
        if let shownToken {
            lines.append("访问令牌只显示这一次，请妥善保存 (the access token, shown once): \(shownToken)")
            lines.append("登录 (log in): http://\(shown):\(port)/login?token=\(shownToken)")
        } else if policy.tokenDigest != nil {
            lines.append("需要访问令牌 (an access token is needed): 见 --token-file")
        }
        let banner = Data((lines.joined(separator: "\n") + "\n").utf8)
        let app = workbench.application { FileHandle.standardOutput.write(banner) }
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await app.runService(gracefulShutdownSignals: []) } catch { failure.error = error }
            done.signal()
        }
        done.wait()
        if let error = failure.error {
            printProblem(.init(severity: .error, chinese: "工作台无法启动或已停止：\(error)", english: "the workbench stopped: \(error)",
                               hint: "端口 \(port) 可能已被占用；换一个 --port"))
            throw ExitCode(1)
        }
    }
}

/// The server task's error, read after it ended.
private final class FailureBox: @unchecked Sendable {
    var error: (any Error)?
}
