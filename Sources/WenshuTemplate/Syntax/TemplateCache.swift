import Foundation
import WenshuCore
import WenshuData

/// Template and fragment files already read, parsed and checked, by path and bytes: a second
/// compile parses only the files whose bytes changed (a `CompileSession` holds one across
/// compiles). Bounded by `Limits.maxCacheEntries` and `maxCacheBytes`.
public final class TemplateCache: Sendable {
    struct Parsed: Sendable {
        var root: TemplateNode
        var source: SourceFile
    }

    let files: SourceCache<Parsed>

    public init(limits: Limits = .standard) { files = SourceCache(limits: limits) }

    /// Files parsed, and files answered from the cache.
    public var misses: Int { files.misses }
    public var hits: Int { files.hits }
}
