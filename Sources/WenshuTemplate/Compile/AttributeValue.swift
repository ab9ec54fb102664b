import WenshuCore
import WenshuData

/// An attribute's value decoded by its type (see `AttributeType.decode`).
enum AttributeValue: Sendable {
    case text(String)
    case length(Length)
    case lengths([Length])
    /// One of the words a type allows (none, A4, landscape…).
    case word(String)
    case number(Double)
    case integer(Int)
    case flag(Bool)
    case color(Color)
    case fontRole(FontRole)
    case alignment(Alignment)
    case verticalAlignment(VerticalAlignment)
    case columns([ColumnWidth])
    /// columns x lines (none is `.word("none")`).
    case grid(columns: Int, lines: Int)
    case fit(ShrinkFit)
    case borders([PageBorder])
    /// A number of lines (min-height="3行").
    case lines(Double)

    var text: String? { if case .text(let v) = self { v } else { nil } }
    var length: Length? { if case .length(let v) = self { v } else { nil } }
    var lengths: [Length]? { if case .lengths(let v) = self { v } else { nil } }
    var word: String? { if case .word(let v) = self { v } else { nil } }
    var number: Double? { if case .number(let v) = self { v } else { nil } }
    var integer: Int? { if case .integer(let v) = self { v } else { nil } }
    var flag: Bool? { if case .flag(let v) = self { v } else { nil } }
    var color: Color? { if case .color(let v) = self { v } else { nil } }
    var fontRole: FontRole? { if case .fontRole(let v) = self { v } else { nil } }
    var alignment: Alignment? { if case .alignment(let v) = self { v } else { nil } }
}
