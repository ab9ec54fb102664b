import Testing
import WenshuCore
@testable import WenshuTemplate

/// One decoder per attribute type: what each accepts, what it refuses, and the hint it gives.
@Suite struct AttributeTypeTests {
    func value(_ type: AttributeType, _ raw: String) -> AttributeValue? {
        if case .success(let v) = type.decode(raw) { v } else { nil }
    }

    func problem(_ type: AttributeType, _ raw: String) -> AttributeType.Problem? {
        if case .failure(let p) = type.decode(raw) { p } else { nil }
    }

    @Test func length() {
        #expect(value(AttributeType.fontSize, "16pt")?.length == .pt(16))
        #expect(value(AttributeType.fontSize, "三号")?.length == .pt(16))
        #expect(problem(.length(min: 0, max: 50), "thick")?.message.hasPrefix("应为字号或长度") == true)
        #expect(problem(.length(min: 0, max: 50), "60pt")?.message.contains("不大于") == true)
        #expect(problem(AttributeType.fontSize, "0pt") != nil, "a size must be above zero")
    }

    @Test func lengths() {
        #expect(value(.lengths(counts: [2], min: 0, max: 5000, words: ["A4"]), "A4")?.word == "A4")
        #expect(value(.lengths(counts: [1, 2], min: 0, max: 5000), "2mm 4mm")?.lengths == [.mm(2), .mm(4)])
        #expect(problem(.lengths(counts: [2], min: 0, max: 5000), "10mm")?.message.contains("2 个长度") == true)
        #expect(problem(.lengths(counts: [2], min: 0, max: 5000, words: ["A4"]), "A$")?.suggestion == "A4")
    }

    @Test func lengthOrWord() {
        #expect(value(AttributeType.stroke, "none")?.word == "none")
        #expect(value(AttributeType.stroke, "0.5pt")?.length == .pt(0.5))
        #expect(problem(AttributeType.stroke, "thin") != nil)
        #expect(problem(AttributeType.stroke, "nome")?.suggestion == "none")
    }

    @Test func number() {
        #expect(value(.number(min: -100, max: 100, unit: "字"), "2字")?.number == 2)
        #expect(value(.number(min: 0, max: 100, unit: "行"), "0.5")?.number == 0.5)
        #expect(problem(.number(min: 0, max: 100), "two")?.message.hasPrefix("应为数字") == true)
        #expect(problem(.number(min: 0, max: 100), "101") != nil)
    }

    @Test func integerSpan() {
        #expect(value(.integer(min: 1, max: 100), "3")?.integer == 3)
        #expect(problem(.integer(min: 1, max: 100), "two")?.message.hasPrefix("应为整数") == true)
        #expect(problem(.integer(min: 1, max: 100), "0")?.message.contains("1 到 100") == true)
    }

    @Test func flag() {
        #expect(value(.flag, "是")?.flag == true)
        #expect(value(.flag, "false")?.flag == false)
        #expect(problem(.flag, "maybe")?.message.contains("true、false") == true)
        #expect(problem(.flag, "ture")?.suggestion == "true")
    }

    @Test func choice() {
        let t = AttributeType.choice(["portrait", "landscape"])
        #expect(value(t, "landscape")?.word == "landscape")
        #expect(problem(t, "landscpe")?.suggestion == "landscape")
        #expect(problem(t, "sideways")?.suggestion == nil)
    }

    @Test func color() {
        #expect(value(.color, "#E60012")?.color == Color(hex: "#E60012"))
        #expect(value(.color, "红")?.color == .officialRed)
        #expect(problem(.color, "bleu")?.message.hasPrefix("应为颜色") == true)
        #expect(problem(.color, "rde")?.suggestion == "red")
    }

    @Test func fontRole() {
        #expect(value(.fontRole, "黑体")?.fontRole == .hei)
        #expect(problem(.fontRole, "Arial")?.message.contains("仿宋") == true)
    }

    @Test func alignment() {
        #expect(value(.alignment, "centre")?.alignment == .center)
        #expect(value(.alignment, "分散对齐")?.alignment == .distributed)
        #expect(problem(.alignment, "middel")?.suggestion == "center", "middle is what valign calls center")
        #expect(problem(.alignment, "rigth")?.suggestion == "right")
    }

    @Test func verticalAlignment() {
        guard case .verticalAlignment(let v)? = value(.verticalAlignment, "center") else { Issue.record("center"); return }
        #expect(v == .middle)
        #expect(problem(.verticalAlignment, "middel")?.suggestion == "middle")
    }

    @Test func columns() {
        guard case .columns(let c)? = value(.columns, "30mm 1fr") else { Issue.record("columns"); return }
        #expect(c == [.fixed(.mm(30)), .fraction(1)])
        #expect(problem(.columns, "3cm wide")?.message.contains("‘wide’") == true)
        #expect(problem(.columns, "0fr") != nil)
    }

    @Test func grid() {
        guard case .grid(let columns, let lines)? = value(.grid, "28x22") else { Issue.record("grid"); return }
        #expect(columns == 28 && lines == 22)
        #expect(value(.grid, "none")?.word == "none")
        #expect(problem(.grid, "28*22") != nil)
    }

    @Test func fit() {
        guard case .fit(let f)? = value(.fit, "1 14pt") else { Issue.record("fit"); return }
        #expect(f.maxLines == 1 && f.minimumSize == .pt(14))
        #expect(problem(.fit, "one 14pt") != nil)
    }

    @Test func borders() {
        guard case .borders(let b)? = value(.borders, "8mm 2pt #B0120A; 10mm 0.5pt") else { Issue.record("borders"); return }
        #expect(b.count == 2 && b[1].stroke.color == .black)
        #expect(problem(.borders, "thick") != nil)
    }

    @Test func textNamesAndExpressionsPassThrough() {
        #expect(value(.text, "{{ school }}")?.text == "{{ school }}")
        #expect(value(.name, "落款")?.text == "落款")
    }
}
