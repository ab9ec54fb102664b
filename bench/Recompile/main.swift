// Recompile benchmark (bench/recompile.sh): the notice and the application book compiled once cold,
// then again after ONE data field is changed, N times, in a CompileSession over a MemoryWorld (as
// the web workbench will hold one per open document). Prints the times side by side.
import Foundation
import Wenshu
import WenshuCore
import WenshuRender

struct Case {
    var name: String
    var template: String
    /// Files copied into memory: repository path → memory path.
    var files: [(String, String)]
    var data: String
    /// The field's line as it is, and as it becomes in edit `i`.
    var field: String
    var edit: (Int) -> String
}

// `WenshuBench floor TEXT [RUNS]`: the long report against its floor (Floor.swift).
if CommandLine.arguments.count > 2, CommandLine.arguments[1] == "floor" {
    try Floor.run(text: CommandLine.arguments[2], runs: CommandLine.arguments.count > 3 ? max(1, Int(CommandLine.arguments[3]) ?? 5) : 5)
    exit(0)
}

let root = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : FileManager.default.currentDirectoryPath
let runs = CommandLine.arguments.count > 2 ? max(1, Int(CommandLine.arguments[2]) ?? 10) : 10

let cases = [
    Case(name: "notice (通知)", template: "notice",
         files: [("templates/notice/template.xml", "/mem/templates/notice/template.xml"),
                 ("samples/notice/data.yaml", "/mem/doc/data.yaml"), ("samples/notice/seal.png", "/mem/doc/seal.png")],
         data: "/mem/doc/data.yaml", field: "number: 东教党〔2023〕12号", edit: { "number: 东教党〔2023〕\(13 + $0)号" }),
    Case(name: "application book (申报书)", template: "application",
         files: [("templates/application/template.xml", "/mem/templates/application/template.xml"),
                 ("samples/application/data.yaml", "/mem/doc/data.yaml"),
                 ("samples/application/photos/p3.jpg", "/mem/doc/photos/p3.jpg"),
                 ("samples/application/photos/p5.jpg", "/mem/doc/photos/p5.jpg")],
         data: "/mem/doc/data.yaml", field: "leader: 陈明远", edit: { "leader: 陈明远\($0 % 10)" }),
]

func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }
let clock = ContinuousClock()
let pdf = NSTemporaryDirectory() + "wenshu-recompile-\(getpid()).pdf"
defer { try? FileManager.default.removeItem(atPath: pdf) }

print("runs per figure: \(runs); times in ms (median)")
print("document                  | fonts  | first compile | uncached recompile | one-field recompile | PDF render | pages")
for c in cases {
    var world = MemoryWorld()
    for (from, to) in c.files { try world.copy(from: root + "/" + from, to: to) }
    let text = String(decoding: world[c.data] ?? Data(), as: UTF8.self)
    guard text.contains(c.field) else { fatalError("\(c.data) has no line ‘\(c.field)’") }
    func edited(_ i: Int) -> MemoryWorld {
        var w = world
        w[c.data] = Data(text.replacingOccurrences(of: c.field, with: c.edit(i)).utf8)
        return w
    }
    // Cold: a new session (fontconfig's search, faces opened) and its first compile.
    var fonts: [Double] = [], first: [Double] = [], uncached: [Double] = [], warm: [Double] = [], render: [Double] = []
    var pages = 0
    for i in 0..<runs {
        let t0 = clock.now
        let session = try CompileSession(world: world, templateSearchPaths: ["/mem/templates"])
        let t1 = clock.now
        _ = try session.compile(template: c.template, data: [c.data])
        let t2 = clock.now
        fonts.append(ms(t1 - t0)); first.append(ms(t2 - t1))
        // The same change compiled by a session with fonts but no caches: what a recompile costs without them.
        let fresh = try CompileSession(world: edited(i), templateSearchPaths: ["/mem/templates"])
        let t3 = clock.now
        _ = try fresh.compile(template: c.template, data: [c.data])
        uncached.append(ms(clock.now - t3))
        // One field changed in the first session.
        session.world = edited(i)
        let t4 = clock.now
        let again = try session.compile(template: c.template, data: [c.data])
        warm.append(ms(clock.now - t4))
        let t5 = clock.now
        try session.writePDF(again, to: pdf)
        render.append(ms(clock.now - t5))
        pages = again.frames.count
    }
    let row = [median(fonts), median(first), median(uncached), median(warm), median(render)].map { String(format: "%.1f", $0) }
    print(c.name.padding(toLength: 24, withPad: " ", startingAt: 0), row[0], row[1], row[2], row[3], row[4], pages, separator: " | ")
}
