import Foundation
import Testing
import WenshuCore
import WenshuTemplate
@testable import Wenshu

/// A template's fields are read from the world its template came from (the web workbench's open
/// document lives in memory), over the fields of the template it extends.
@Suite struct TemplateFieldsTests {
    @Test func fieldsAreReadFromTheTemplatesWorld() throws {
        let parent = "<template><page name=\"p\" preset=\"gbt9704\"/><body page=\"p\"><p>{{ title }}</p></body></template>"
        let child = "<template extends=\"base\"/>"
        let world = MemoryWorld([
            "/t/base/template.xml": Data(parent.utf8),
            "/t/base/fields.yaml": Data("fields:\n  - path: title\n    label: 标题\n    required: true\n".utf8),
            "/t/child/template.xml": Data(child.utf8),
            "/t/child/fields.yaml": Data("fields:\n  - path: title\n    label: 题目\n".utf8),
        ])
        let loader = TemplateLoader(searchPaths: ["/t"], world: world)
        let schema = try #require(try TemplateFields.schema(for: try loader.load("child"), world: world))
        #expect(schema.fields.map(\.label) == ["题目"], "the child's declaration replaces the parent's")
        #expect(schema.fields.first?.required == false)
        #expect(try TemplateFields.schema(for: try loader.load("base"), world: MemoryWorld()) == nil,
                "a world without the fields file has none")
    }
}
