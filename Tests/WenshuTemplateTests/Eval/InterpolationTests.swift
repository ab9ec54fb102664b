import Testing
@testable import WenshuTemplate

/// The one `{{ }}` scanner (the evaluator and the batch's column finder both use it).
@Suite struct InterpolationTests {
    @Test func textAndExpressionsInOrder() {
        let (pieces, unclosed) = Interpolation.scan("授予{{ name }}同志“{{title|default('优秀')}}”称号")
        #expect(pieces == [.text("授予"), .expression(" name "), .text("同志“"), .expression("title|default('优秀')"), .text("”称号")])
        #expect(unclosed == nil)
    }

    @Test func anUnclosedExpressionIsReturnedAsTheRest() {
        let (pieces, unclosed) = Interpolation.scan("a{{ b }}c{{ d")
        #expect(pieces == [.text("a"), .expression(" b "), .text("c")])
        #expect(unclosed == " d")
        #expect(Interpolation.scan("no braces").pieces == [.text("no braces")])
        #expect(Interpolation.scan("").pieces.isEmpty)
    }
}
