import WenshuCore

// The command line's words in the language of the locale (`Language.current`, read once): Chinese
// with its English gloss, or English alone under an English locale. Help, usage errors, progress,
// summaries and problems all go through these.

/// A phrase: "生成文档 (build a document)", or "build a document" under an English locale.
func L(_ chinese: String, _ english: String) -> String { Language.current.phrase(chinese, english) }

/// A paragraph or more (a command's discussion): the Chinese, then the English on its own line.
func LText(_ chinese: String, _ english: String) -> String { Language.current.text(chinese, english) }
