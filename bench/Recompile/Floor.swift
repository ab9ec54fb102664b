// The floor of the long report (bench/floor.sh): how long Wenshu takes to write the report's glyph
// runs with no layout at all (the frames of a finished layout rendered again), against the whole
// of `wenshu typeset` split into its parts. What lies between the two is what layout costs.
import Foundation
import Wenshu
import WenshuCore

enum Floor {
    /// `WenshuBench floor TEXT [RUNS]`: prints the medians of RUNS runs of each part, in ms.
    static func run(text path: String, runs: Int) throws {
        let clock = ContinuousClock()
        func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
        func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s.isEmpty ? 0 : s[s.count / 2] }
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let pdf = NSTemporaryDirectory() + "wenshu-floor-\(getpid()).pdf"
        defer { try? FileManager.default.removeItem(atPath: pdf) }
        let t0 = clock.now
        let compiler = try Compiler()
        let fonts = ms(clock.now - t0)
        var parse: [Double] = [], layout: [Double] = [], render: [Double] = [], floor: [Double] = []
        var pages = 0
        for _ in 0..<runs {
            let t1 = clock.now
            let document = ReportDocument(source: source)
            let blocks = document.blocks
            let t2 = clock.now
            // A new layout every run (no paragraph cache): what `wenshu typeset` does.
            let frames = try compiler.layout(blocks, master: document.master)
            let t3 = clock.now
            try compiler.write(frames, info: DocumentInfo(title: document.title), pdf: pdf)
            let t4 = clock.now
            parse.append(ms(t2 - t1)); layout.append(ms(t3 - t2)); render.append(ms(t4 - t3))
            pages = frames.count
            // The floor: the same frames, already laid out, written again.
            let t5 = clock.now
            try compiler.write(frames, info: DocumentInfo(title: document.title), pdf: pdf)
            floor.append(ms(clock.now - t5))
        }
        let characters = source.unicodeScalars.filter { !$0.properties.isWhitespace }.count
        let total = median(parse) + median(layout) + median(render)
        print("text: \(path), \(characters) characters, \(pages) pages, runs: \(runs); medians in ms")
        print(String(format: "fonts (once)      %8.1f", fonts))
        print(String(format: "parse             %8.1f", median(parse)))
        print(String(format: "layout            %8.1f", median(layout)))
        print(String(format: "render            %8.1f", median(render)))
        print(String(format: "total             %8.1f", total))
        print(String(format: "floor (render of the finished frames) %8.1f", median(floor)))
        print(String(format: "distance from the floor %8.1f ms (total ÷ floor %.2f)", total - median(floor), total / max(0.001, median(floor))))
    }
}
