/// The budgets Wenshu keeps to when it reads input: how deep, how many, how big. An input past a
/// budget is refused with a message that names the limit and what to do, instead of filling the
/// memory, overflowing the stack or running for minutes. One value for every stage, with defaults
/// that ordinary office files stay far below; docs/limits.md lists each limit and its message.
public struct Limits: Sendable, Equatable {
    // MARK: Data files (WenshuData)

    /// Bytes of one data file (YAML, JSON, CSV or .xlsx) as it lies on disk.
    public var maxDataFileBytes: Int = 256 << 20
    /// Levels of nesting in a YAML or JSON file (lists in lists, mappings in mappings).
    public var maxNestingDepth: Int = 200
    /// Columns of one CSV row or one sheet (Excel's own limit is 16,384, column XFD).
    public var maxColumns: Int = 16_384
    /// Rows of one CSV file or sheet (Excel's own limit is 1,048,576).
    public var maxRows: Int = 1_048_576
    /// Cells of one CSV file or sheet, counting those a merged area fills.
    public var maxCells: Int = 2_000_000
    /// Bytes of the text of one CSV field or sheet cell (Excel holds at most 32,767 characters).
    public var maxFieldBytes: Int = 1 << 20
    /// Unpacked bytes of one part of an .xlsx zip (a sheet, the shared strings…).
    public var maxPartBytes: Int = 64 << 20
    /// Unpacked bytes of all the parts of an .xlsx zip that are read.
    public var maxUnpackedBytes: Int = 128 << 20

    // MARK: Caches kept across compiles (Wenshu's CompileSession)

    /// Entries each of a session's caches holds (parsed templates, loaded data files, set
    /// paragraphs); a full cache empties itself before it takes a new entry.
    public var maxCacheEntries: Int = 512
    /// Bytes of source (template and data files) a session's caches keep, each cache alone.
    public var maxCacheBytes: Int = 64 << 20

    public init() {}

    /// The defaults.
    public static let standard = Limits()

    /// A budget in bytes as messages write it: 64 MB, 1 MB, 512 KB, 100 bytes.
    public static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }
}
