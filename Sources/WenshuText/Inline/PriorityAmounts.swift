/// A junction's shrinkable or stretchable space by priority (`ShrinkPriority`,
/// `StretchPriority`), in points: five amounts held inline. An array per junction cost two heap
/// allocations for every character of a paragraph (3 % of a long report's instructions).
struct PriorityAmounts: Equatable {
    private var a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0, a4 = 0.0

    /// Room for every priority of both orders.
    static let capacity = 5

    subscript(_ i: Int) -> Double {
        get {
            switch i {
            case 0: a0
            case 1: a1
            case 2: a2
            case 3: a3
            default: a4
            }
        }
        set {
            switch i {
            case 0: a0 = newValue
            case 1: a1 = newValue
            case 2: a2 = newValue
            case 3: a3 = newValue
            default: a4 = newValue
            }
        }
    }

    /// The sum, added in priority order (as `reduce(0, +)` over the array it replaces).
    var total: Double { 0 + a0 + a1 + a2 + a3 + a4 }
}
