/// A dictionary-encoded text column: one `UInt32` code per row and each distinct value stored once.
public struct CategoricalColumn: Sendable, Equatable {
    /// One code per row, an index into ``dictionary``.
    public private(set) var codes: [UInt32] = []
    /// The distinct values, in order of first appearance.
    public private(set) var dictionary: [String] = []
    private var lookup: [String: UInt32] = [:]

    /// An empty column.
    public init() {}

    /// A column holding the values in order.
    public init(_ values: some Sequence<String>) {
        for v in values { append(v) }
    }

    /// Number of rows.
    public var count: Int { codes.count }

    /// The value of a row.
    public subscript(row: Int) -> String { dictionary[Int(codes[row])] }

    /// The code of a value, adding it to the dictionary when new.
    public mutating func code(for value: String) -> UInt32 {
        if let c = lookup[value] { return c }
        let c = UInt32(dictionary.count)
        dictionary.append(value)
        lookup[value] = c
        return c
    }

    /// Appends a row.
    public mutating func append(_ value: String) {
        codes.append(code(for: value))
    }

    /// Appends a row by an existing code.
    public mutating func append(code: UInt32) {
        codes.append(code)
    }

    /// Appends every row of another column, re-coding its values into this dictionary.
    public mutating func append(contentsOf other: CategoricalColumn) {
        let remap = other.dictionary.map { code(for: $0) }
        codes.append(contentsOf: other.codes.lazy.map { remap[Int($0)] })
    }

    /// Makes room for at least `rows` rows, so appending up to that many does not copy the codes.
    public mutating func reserveCapacity(_ rows: Int) {
        codes.reserveCapacity(rows)
    }

    /// Keeps the rows whose `keep` entry is true, in order, in place; the dictionary then holds only the
    /// values those rows use, in order of first appearance among them (as ``selecting(rows:)`` gives).
    mutating func retain(_ keep: UnsafeBufferPointer<Bool>) {
        var remap = [UInt32](repeating: .max, count: dictionary.count)
        var kept: [String] = []
        var written = 0
        codes.withUnsafeMutableBufferPointer { codes in
            for r in 0..<codes.count where keep[r] {
                let old = Int(codes[r])
                if remap[old] == .max {
                    remap[old] = UInt32(kept.count)
                    kept.append(dictionary[old])
                }
                codes[written] = remap[old]
                written += 1
            }
        }
        codes.removeLast(codes.count - written)
        if kept.count != dictionary.count || remap.enumerated().contains(where: { $0.offset != Int($0.element) }) {
            dictionary = kept
            lookup = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($0.element, UInt32($0.offset)) })
        }
    }

    /// A column of the given rows, in that order, with the dictionary shrunk to the values they use.
    public func selecting(rows: [Int]) -> CategoricalColumn {
        var out = CategoricalColumn()
        var remap = [UInt32?](repeating: nil, count: dictionary.count)
        out.codes.reserveCapacity(rows.count)
        for r in rows {
            let old = Int(codes[r])
            if let c = remap[old] {
                out.codes.append(c)
            } else {
                let c = out.code(for: dictionary[old])
                remap[old] = c
                out.codes.append(c)
            }
        }
        return out
    }

    public static func == (a: CategoricalColumn, b: CategoricalColumn) -> Bool {
        a.count == b.count && (0..<a.count).allSatisfy { a[$0] == b[$0] }
    }
}
