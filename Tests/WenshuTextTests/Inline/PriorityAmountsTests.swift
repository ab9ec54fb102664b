import Testing
@testable import WenshuText

/// The junction's amounts by priority, held inline: the same values and sum as the arrays they replace.
@Suite struct PriorityAmountsTests {
    @Test func holdsEachPriorityAndSumsInOrder() {
        var amounts = PriorityAmounts()
        var array = [Double](repeating: 0, count: PriorityAmounts.capacity)
        #expect(ShrinkPriority.allCases.count <= PriorityAmounts.capacity)
        #expect(StretchPriority.allCases.count <= PriorityAmounts.capacity)
        for (i, v) in [0.1, 2.5, 1e-9, 7.25, 0.3].enumerated() {
            amounts[i] += v; array[i] += v
            amounts[i] += v / 3; array[i] += v / 3
        }
        for i in array.indices { #expect(amounts[i] == array[i]) }
        #expect(amounts.total == array.reduce(0, +))
        #expect(PriorityAmounts().total == 0)
    }
}
