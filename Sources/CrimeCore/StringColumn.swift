/// A text column of mostly distinct values (incident ids) stored as one UTF-8 byte pool.
///
/// Each row costs its bytes plus one offset, instead of a `String` per row.
public struct StringColumn: Sendable, Equatable {
    private var bytes: [UInt8] = []
    /// `ends[i]` is the end of row i in `bytes`.
    private var ends: [Int] = []

    /// An empty column.
    public init() {}

    /// A column holding the values in order.
    public init(_ values: some Sequence<String>) {
        for v in values { append(v) }
    }

    /// Number of rows.
    public var count: Int { ends.count }

    /// Bytes held, for memory accounting.
    public var byteCount: Int { bytes.count + ends.count * MemoryLayout<Int>.stride }

    /// The value of a row.
    public subscript(row: Int) -> String {
        let start = row == 0 ? 0 : ends[row - 1]
        return String(decoding: bytes[start..<ends[row]], as: UTF8.self)
    }

    /// The raw UTF-8 bytes of a row, without copying them into a `String`.
    public func withBytes<R>(ofRow row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = row == 0 ? 0 : ends[row - 1]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[row]])) }
    }

    /// Appends a row.
    public mutating func append(_ value: String) {
        bytes.append(contentsOf: value.utf8)
        ends.append(bytes.count)
    }

    /// Appends a row from raw UTF-8 bytes.
    public mutating func append(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: utf8)
        ends.append(bytes.count)
    }

    /// Appends every row of another column.
    public mutating func append(contentsOf other: StringColumn) {
        let base = bytes.count
        bytes.append(contentsOf: other.bytes)
        ends.append(contentsOf: other.ends.lazy.map { base + $0 })
    }

    /// Makes room for at least `rows` rows holding `bytes` bytes in all, so appending up to that many does
    /// not copy the column. Capacity that is never written to is not resident memory.
    public mutating func reserveCapacity(rows: Int, bytes byteCount: Int) {
        ends.reserveCapacity(rows)
        bytes.reserveCapacity(byteCount)
    }

    /// Bytes of text held (without the offsets).
    var textByteCount: Int { bytes.count }

    /// The rows' capacity: how many rows fit before the offsets are copied to grow.
    var rowCapacity: Int { ends.capacity }

    /// Keeps the rows whose `keep` entry is true, in order, moving them down in place.
    /// `keep` holds one entry per row.
    mutating func retain(_ keep: UnsafeBufferPointer<Bool>) {
        var written = 0
        var row = 0
        bytes.withUnsafeMutableBufferPointer { bytes in
            ends.withUnsafeMutableBufferPointer { ends in
                var start = 0
                for r in 0..<ends.count {
                    let end = ends[r]
                    if keep[r] {
                        if start != written, end > start {
                            UnsafeMutableRawPointer(bytes.baseAddress! + written)
                                .copyMemory(from: bytes.baseAddress! + start, byteCount: end - start)
                        }
                        written += end - start
                        ends[row] = written
                        row += 1
                    }
                    start = end
                }
            }
        }
        bytes.removeLast(bytes.count - written)
        ends.removeLast(ends.count - row)
    }

    /// A column of the given rows, in that order.
    public func selecting(rows: [Int]) -> StringColumn {
        var out = StringColumn()
        out.ends.reserveCapacity(rows.count)
        ends.withUnsafeBufferPointer { ends in
            var total = 0
            for r in rows { total += ends[r] - (r == 0 ? 0 : ends[r - 1]) }
            out.bytes.reserveCapacity(total)
            bytes.withUnsafeBufferPointer { bytes in
                for r in rows {
                    let start = r == 0 ? 0 : ends[r - 1]
                    out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<ends[r]]))
                    out.ends.append(out.bytes.count)
                }
            }
        }
        return out
    }

    /// Keeps the reserved capacity no larger than the contents.
    public mutating func shrinkToFit() {
        bytes = bytes.withUnsafeBufferPointer { Array($0) }
        ends = ends.withUnsafeBufferPointer { Array($0) }
    }
}
