import Foundation
import Testing
import WenshuCore
import WenshuData
@testable import Wenshu

/// 套打: the print carries only the variable fields, moved by the printer's profile, and asks
/// viewers not to scale; the preview shows them on the stock.
@Suite struct OverprintTests {
    func temporary() throws -> String {
        let dir = NSTemporaryDirectory() + "taoda-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The title (stock) is absent from the print's text and present in the preview's; the name
    /// (content) is in both.
    @Test func stockLeftOutOfThePrintAndShownInThePreview() throws {
        let (content, frames) = try buildSample("certificate", ["samples/certificate/data.yaml"])
        let dir = try temporary()
        try sharedCompiler.write(frames, info: content.info, pdf: dir + "/print.pdf", pngFolder: dir + "/png",
                                 overprint: Overprint(stockOmitted: true), previewPDF: dir + "/preview.pdf")
        let printed = try runTool(["pdftotext", dir + "/print.pdf", "-"]), preview = try runTool(["pdftotext", dir + "/preview.pdf", "-"])
        #expect(printed.contains("林秀芳") && preview.contains("林秀芳"))
        #expect(!printed.contains("荣誉证书") && preview.contains("荣誉证书"), "\(printed)\n\(preview)")
        #expect(FileManager.default.fileExists(atPath: dir + "/png/page-1.png"))
        // No border and no seal in the print.
        let print = Overprint(stockOmitted: true).print(frames)[0]
        #expect(!print.items.contains { if case .rectangle = $0.item { true } else if case .image = $0.item { true } else { false } })
    }

    /// A scan of the stock stands under the preview, never in the print.
    @Test func scanOnlyInThePreview() throws {
        let (_, frames) = try buildSample("certificate", ["samples/certificate/data.yaml"])
        let overprint = Overprint(stockOmitted: true, scan: "/stock/scan.png")
        let preview = overprint.preview(frames)[0], print = overprint.print(frames)[0]
        #expect(preview.items.first?.layer == .scan && preview.items.allSatisfy { $0.layer != .stock })
        #expect(!print.items.contains { $0.layer == .scan })
        if case .image(let image, let size) = try #require(preview.items.first).item {
            #expect(image.path == "/stock/scan.png" && size == frames[0].size)
        } else {
            Issue.record("the scan is an image the size of the page")
        }
    }

    /// The profile moves every printed item: in the trace, the name's line stands exactly the
    /// offset (in mm) from where it was laid out; a rotation turns it about the top-left corner.
    @Test func profileOffsetsInTheTrace() throws {
        let (content, frames) = try buildSample("certificate", ["samples/certificate/data.yaml"])
        let dir = try temporary()
        let profile = PrinterProfile(offsetX: .mm(2.5), offsetY: .mm(-1.2), scale: 1, rotation: 0)
        try sharedCompiler.write(frames, info: content.info, pdf: nil, trace: dir + "/plain.txt", overprint: Overprint(stockOmitted: true))
        try sharedCompiler.write(frames, info: content.info, pdf: nil, trace: dir + "/moved.txt",
                                 overprint: Overprint(stockOmitted: true, profile: profile))
        func nameLine(_ file: String) throws -> (Double, Double) {
            let line = try #require(try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").first { $0.contains("林秀芳") })
            let xy = line.split(separator: " ")[1].split(separator: ",").compactMap { Double($0) }
            return (xy[0], xy[1])
        }
        let (x0, y0) = try nameLine(dir + "/plain.txt"), (x1, y1) = try nameLine(dir + "/moved.txt")
        let mm = Length.pointsPerMillimetre
        #expect(abs((x1 - x0) / mm - 2.5) < 0.01 && abs((y1 - y0) / mm + 1.2) < 0.01, "\(x0),\(y0) → \(x1),\(y1)")
        #expect(try String(contentsOfFile: dir + "/moved.txt", encoding: .utf8).contains("profile offset=2.50,-1.20mm scale=1.0 rotation=0.0°"))
        // Scale and rotation about the corner: (100, 0) mm turned 90° lands at (0, 100) mm, halved at (0, 50).
        let turned = PrinterProfile(scale: 0.5, rotation: 90).apply(Point(x: .mm(100), y: .zero))
        #expect(abs(turned.x.millimetres) < 1e-9 && abs(turned.y.millimetres - 50) < 1e-9)
    }

    /// The print PDF asks viewers not to scale: /ViewerPreferences << /PrintScaling /None >> in the
    /// catalog, read back by pikepdf; a plain build has none.
    @Test func printScalingNone() throws {
        let (content, frames) = try buildSample("certificate", ["samples/certificate/data.yaml"])
        let dir = try temporary()
        try sharedCompiler.write(frames, info: content.info, pdf: dir + "/print.pdf", overprint: Overprint(stockOmitted: true))
        try sharedCompiler.write(frames, info: content.info, pdf: dir + "/plain.pdf")
        let script = "import pikepdf,sys\nfor f in sys.argv[1:]:\n p=pikepdf.open(f)\n v=p.Root.get('/ViewerPreferences')\n print(v.get('/PrintScaling') if v else None, len(p.pages))"
        let out = try runTool(["python3", "-c", script, dir + "/print.pdf", dir + "/plain.pdf"])
        #expect(out == "/None 1\nNone 1\n", "\(out)")
    }

    /// A profile is read from YAML with its place in errors.
    @Test func profileFileAndItsErrors() throws {
        let dir = try temporary()
        try "printer: 教务处 HP\noffset-x: 1.5\noffset-y: -0.8mm\nscale: 0.995\nrotation: 0.3\n".write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        let p = try PrinterProfile.load(dir + "/p.yaml")
        #expect(abs(p.offsetX.millimetres - 1.5) < 1e-9 && abs(p.offsetY.millimetres + 0.8) < 1e-9 && p.scale == 0.995 && p.rotation == 0.3)
        try "offset-x: 1.5\nrotate: 2\n".write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        #expect { try PrinterProfile.load(dir + "/bad.yaml") } throws: { e in
            let d = "\(e)"; return d.contains("bad.yaml:2") && d.contains("rotate") && d.contains("rotation")
        }
        try "scale: 9\n".write(toFile: dir + "/big.yaml", atomically: true, encoding: .utf8)
        #expect { try PrinterProfile.load(dir + "/big.yaml") } throws: { e in "\(e)".contains("big.yaml:1") && "\(e)".contains("0.5") }
    }

    /// A template says `sides` simplex (no blank backs) or duplex; anything else is an error naming it.
    @Test func sidesParameter() throws {
        let dir = try temporary()
        func template(_ sides: String) throws -> String {
            let path = dir + "/\(sides).xml"
            try "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<template extends=\"compilation\">\n  <param name=\"sides\" value=\"\(sides)\"/>\n</template>\n"
                .write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let builder = DocumentBuilder(templateSearchPaths: [repositoryRoot + "/templates"], allowOutside: true)
        let (one, _) = try builder.build(template: try template("simplex"), data: [repositoryRoot + "/samples/compilation"])
        #expect(!(try sharedCompiler.layout(one)).contains { $0.items.isEmpty })
        #expect { try builder.build(template: try template("single"), data: [repositoryRoot + "/samples/compilation"]) } throws: { e in
            "\(e)".contains("single.xml") && "\(e)".contains("simplex")
        }
    }

    /// A template's `sides="simplex"`-style parameter and --simplex drop the blank backs.
    @Test func simplexBookHasNoBlankPages() throws {
        let builder = DocumentBuilder(templateSearchPaths: [repositoryRoot + "/templates"])
        let (duplex, _) = try builder.build(template: "compilation", data: [repositoryRoot + "/samples/compilation"])
        let (simplex, _) = try builder.build(template: "compilation", data: [repositoryRoot + "/samples/compilation"], simplex: true)
        let d = try sharedCompiler.layout(duplex), s = try sharedCompiler.layout(simplex)
        #expect(d.contains { $0.items.isEmpty } && !s.contains { $0.items.isEmpty })
        #expect(s.count < d.count, "\(s.count) < \(d.count)")
        // Duplex: every chapter (a level-1 bookmark) opens on a right-hand page, the sheet's front.
        let openings = d.indices.filter { i in d[i].items.contains { if case .bookmark(_, 1) = $0.item { true } else { false } } }
        #expect(openings.count > 20 && openings.allSatisfy { $0 % 2 == 0 }, "\(openings)")
    }
}
