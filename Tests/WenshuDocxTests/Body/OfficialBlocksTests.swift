import Foundation
import Testing
import WenshuCore
@testable import WenshuDocx

/// The notice's own pieces: mark, rule, signature with seal, imprint.
@Suite struct OfficialBlocksTests {
    @Test func theMastheadRoundsToWholeLinePitches() throws {
        let writer = DocumentWriter(content: DocumentContent(master: .officialDocument()))
        let xml = writer.masthead(MastheadBlock(mark: "中共清河市东湖区教育局党组文件", number: "东教党〔2023〕12号"))
        // Mark, number and the empty line after them: space before plus line heights.
        var total = 0
        for m in xml.matches(of: /w:before="(\d+)" w:after="(\d+)" w:line="(\d+)"/) {
            total += (Int(m.1) ?? 0) + (Int(m.2) ?? 0) + (Int(m.3) ?? 0)
        }
        let border = try #require(xml.firstMatch(of: /w:sz="(\d+)" w:space="(\d+)"/))
        total += ((Int(border.1) ?? 0) * 20 / 8) + (Int(border.2) ?? 0) * 20
        #expect(abs(Double(total) / 579 - (Double(total) / 579).rounded()) < 0.03, "\(total) twips")
        // The mark shrinks to the type area: 15 characters in 156 mm.
        let size = try #require(xml.firstMatch(of: /<w:sz w:val="(\d+)"/)).1
        #expect((Int(size) ?? 0) * 15 <= Int(Length.mm(156).points * 2))
    }

    @Test func theSealFloatsOverTheSignature() throws {
        let seal = repositoryRoot + "/samples/notice/seal.png"
        let content = DocumentContent(master: .officialDocument(), blocks: [
            .signature(SignatureBlock(issuer: "中共清河市东湖区教育局党组", date: "2023年3月6日", seal: seal)),
        ])
        let writer = DocumentWriter(content: content)
        let doc = try writer.document()
        #expect(doc.contains(#"<wp:positionH relativeFrom="margin">"#) && doc.contains("<wp:wrapNone/>"))
        #expect(count(#"<w:pStyle w:val="Signature"/>"#, in: doc) == 2)
        // The date four characters in from the right.
        #expect(doc.contains(#"<w:ind w:right="\#(OOXML.twips(Length.mm(156) / 28 * 4))""#))
        #expect(writer.parts.parts.contains { $0.name == "media/image1.png" && $0.data.count > 100 })
    }

    @Test func anUnreadableSealIsReportedInChinese() {
        let content = DocumentContent(blocks: [.signature(SignatureBlock(issuer: "甲", date: "2023年3月6日", seal: "/nonexistent/seal.png"))])
        #expect {
            try DocxWriter(content: content).data()
        } throws: { error in
            (error as? DocxError)?.message.hasPrefix("无法生成 Word 文档") == true && (error as? DocxError)?.path == "/nonexistent/seal.png"
        }
    }

    @Test func theImprintStandsOnTheTypeAreasFoot() throws {
        let writer = DocumentWriter(content: DocumentContent(master: .officialDocument()))
        let xml = writer.imprint(ImprintBlock(copies: "市委教育工委", printer: "区教育局党组办公室", printed: "2023年3月6日印发"))
        #expect(xml.contains(#"w:vertAnchor="margin""#) && xml.contains(#"w:tblpYSpec="bottom""#))
        #expect(count("<w:tr>", in: xml) == 2 && xml.contains(#"<w:tab w:val="right""#))
        #expect(xml.contains(#"<w:top w:val="single" w:sz="8""#) && xml.contains(#"<w:insideH w:val="single" w:sz="6""#))
    }

    @Test func whatFollowsFlexibleSpaceFloatsOnThePagesFoot() throws {
        let content = DocumentContent(master: .officialDocument(), blocks: [
            paragraph("封面标题"), .fill, paragraph("中共清河市委教育工作委员会制"), .pageBreak, paragraph("填表说明"),
        ])
        let doc = try DocumentWriter(content: content).document()
        let foot = try #require(doc.range(of: "w:tblpYSpec=\"bottom\""))
        let issuer = try #require(doc.range(of: "中共清河市委教育工作委员会制"))
        #expect(foot.lowerBound < issuer.lowerBound, "the issuer is not in the floating table")
        // The next page still starts with a page break, after the empty line the table anchors to.
        let after = doc[issuer.upperBound...]
        #expect(after.contains("</w:tbl><w:p>") && after.contains("<w:pageBreakBefore/>"))
    }
}

/// The rest of GB/T 9704's pieces reach the Word file plainly: nothing of them is lost.
@Suite struct OfficialBlocksPlainTests {
    @Test func cornerJointMarkAndSignersAreWritten() throws {
        var m = MastheadBlock(mark: "文件", number: "东教〔2023〕31号")
        m.copyNumber = "000016"; m.secrecy = "内部★1年"; m.urgency = "加急"
        m.organs = ["中共清河市东湖区委教育工作委员会", "清河市东湖区教育局"]
        m.signers = ["王建国"]
        let xml = DocumentWriter(content: DocumentContent(master: .officialDocument())).masthead(m)
        for text in ["000016", "内部★1年", "加急", "中共清河市东湖区委教育工作委员会", "清河市东湖区教育局文件", "签发人：", "王建国"] {
            #expect(xml.contains(text), "\(text) missing")
        }
    }

    @Test func jointSignatureAndLetterImprintAreWritten() throws {
        var s = SignatureBlock(issuer: "中共清河市东湖区委教育工作委员会", date: "2023年11月20日")
        s.others = ["清河市东湖区教育局"]
        s.layout = .unsealed
        let letter = ImprintBlock(copies: "清河市东湖区教育局党组办公室", printer: "", printed: "")
        let doc = try DocumentWriter(content: DocumentContent(master: .officialDocument(), blocks: [.signature(s), .imprint(letter)])).document()
        #expect(doc.contains("清河市东湖区教育局</w:t>") && doc.contains("2023年11月20日"))
        #expect(doc.contains("抄送：清河市东湖区教育局党组办公室。"))
        #expect(!doc.contains("<w:tab/>"), "a 信函's imprint has no 印发机关 and 印发日期 row")
    }
}
