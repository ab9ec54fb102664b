import WenshuData

/// libxml2's messages about a template, said in the user's words: Chinese first, an English gloss,
/// and what to do. libxml2's own text (“internal error: Huge input lookup”…) never reaches a user.
enum XMLProblem {
    /// Known libxml2 messages (matched by a piece of their text) and what they mean.
    static let known: [(fragment: String, chinese: String, english: String)] = [
        ("Opening and ending tag mismatch", "开始标签与结束标签不一致", "an element is closed by a different tag"),
        ("Premature end of data", "文件在元素结束之前就结束了", "the file ends before its elements are closed"),
        ("EndTag: '</' not found", "缺少结束标签", "a closing tag is missing"),
        ("Extra content at the end", "根元素之后还有内容", "there is content after the root element"),
        ("Start tag expected", "找不到开始标签", "no element where one was expected"),
        ("AttValue", "属性值没有用引号括起来或没有结束", "an attribute value is not quoted or not closed"),
        ("attributes construct error", "属性写法有误", "an attribute is malformed"),
        ("Attribute", "属性重复或写法有误", "an attribute is repeated or malformed"),
        ("Entity", "使用了未定义的实体（& 开头的写法）", "an undefined entity; write &amp; for &"),
        ("xmlParseEntityRef", "“&”后面不是实体名", "a bare &; write &amp;"),
        ("Excessive depth", "元素嵌套太深", "elements nest too deeply"),
        ("Huge input", "模板太大或某一处过长", "the template or one of its parts is too large"),
        ("过大或嵌套过深", "模板某一处过长或嵌套太深", "a part of the template is too large or nests too deeply"),
        ("Input is not proper UTF-8", "文件不是 UTF-8 编码", "the file is not UTF-8 text"),
        ("encoding", "文件编码有误", "the file's encoding is wrong"),
        ("Char 0x0 out of allowed range", "文件里有不允许的控制字符", "the file holds a forbidden control character"),
        ("PCDATA invalid Char", "文件里有不允许的控制字符", "the file holds a forbidden control character"),
        ("DOCTYPE", "模板里不允许 DOCTYPE", "a DOCTYPE is not allowed in templates"),
        ("no root element", "文件里没有根元素", "the document has no root element"),
        ("Document is empty", "文件是空的", "the file is empty"),
    ]

    /// The message for libxml2's `message` about a template.
    static func describe(_ message: String) -> String {
        let (chinese, english) = known.first { message.contains($0.fragment) }.map { ($0.chinese, $0.english) }
            ?? ("XML 格式有误", "the XML is not well formed")
        return "模板不是格式正确的 XML：\(chinese)（the template is not well-formed XML: \(english)）；请检查此处的标签、引号和 & 符号"
    }
}
