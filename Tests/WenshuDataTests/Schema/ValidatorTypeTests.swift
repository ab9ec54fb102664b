import Testing
import WenshuCore
@testable import WenshuData

/// Defect 12: `wenshu check` said 没有问题 for a group of keys where the schema wants text.
@Suite struct ValidatorTypeTests {
    @Test(arguments: ["school", "leader", "phone", "date"])
    func groupOfKeysWhereTextBelongsIsAnError(key: String) {
        let map = Value.object(Record([("name", .string("青石桥"))]))
        let data = DataSet(root: .object(Record([(key, map)])), locations: [[.key(key)]: SourceLocation(file: "d.yaml", line: 2, column: 3)])
        let problems = Validator.check(data)
        #expect(problems.count == 1)
        #expect(problems.first?.severity == .error)
        #expect(problems.first?.chinese.hasSuffix("应为文字，这里是一组键值") == true)
        #expect(problems.first?.location?.line == 2)
    }

    @Test func textStaysFine() {
        let data = DataSet(root: .object(Record([("school", .string("青石桥实验小学"))])))
        #expect(Validator.check(data).isEmpty)
    }
}
