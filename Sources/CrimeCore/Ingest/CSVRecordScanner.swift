/// Splits CSV records into fields, byte by byte, without copying plain fields.
///
/// This is CrimeKit's one CSV reader: ingest scans blocks of a file with it, and
/// ``records(in:)`` reads a whole text with it (for `DataTable` and the commands that read CSV on
/// standard input). Its rules are those of Python's `csv` module (the default dialect), which pandas
/// follows too:
/// - a quote is special only as the first byte of a field: `a,12" TV,b` is three fields, the second
///   `12" TV`;
/// - a field that starts with a quote runs to the next quote not doubled (`""` inside is one quote);
///   text after that closing quote, up to the next comma or line end, is appended as it is;
/// - CR, LF and CRLF each end a record, also mixed in one file; inside a quoted field they are data;
/// - there is no limit on the number of fields.
///
/// ``CSVBlockReader`` cuts blocks with the same quote rule, so cutting and parsing always agree.
package final class CSVRecordScanner {
    /// Thrown when the input ends inside a quoted field: `record` is local to the scanned bytes (0 = first).
    struct UnterminatedQuote: Error { let record: Int }

    /// How a field's bytes map to its text.
    private enum Kind: UInt8 {
        /// The bytes are the text.
        case plain
        /// `"…"` with no doubled quote inside and nothing after the closing quote: the inner bytes.
        case quoted
        /// Anything else that starts with a quote: unescaped into scratch memory.
        case escaped
    }

    /// The number of fields of a record that are stored (grows when the scanner was made to grow).
    private(set) var capacity: Int
    private let grows: Bool
    private var starts: UnsafeMutablePointer<Int>
    private var ends: UnsafeMutablePointer<Int>
    private var kinds: UnsafeMutablePointer<Kind>
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 4096
    private var scratchUsed = 0

    /// A scanner that stores the first `fieldCapacity` fields of a record, or, when `grows` is true,
    /// every field (then `fieldCapacity` is only the first allocation). Fields not stored are counted.
    init(fieldCapacity: Int, grows: Bool = false) {
        capacity = max(1, fieldCapacity)
        self.grows = grows
        starts = .allocate(capacity: capacity)
        ends = .allocate(capacity: capacity)
        kinds = .allocate(capacity: capacity)
        scratch = .allocate(capacity: scratchCapacity)
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
        kinds.deallocate()
        scratch.deallocate()
    }

    /// Scans the record starting at `from`; returns the offset after it (and after its line end) and its
    /// number of fields. Throws when the bytes end inside a quoted field.
    func scan(_ bytes: FieldBytes, from: Int, record: Int) throws(UnterminatedQuote) -> (next: Int, fields: Int) {
        guard let base = bytes.baseAddress else { return (from, 0) }
        let n = bytes.count
        var p = from
        var fields = 0
        while true {
            let fieldStart = p
            var kind = Kind.plain
            if p < n && base[p] == 0x22 {
                // A quoted field: up to the next quote that is not doubled.
                kind = .quoted
                p += 1
                while true {
                    while p < n && base[p] != 0x22 { p += 1 }
                    guard p < n else { throw UnterminatedQuote(record: record) }
                    p += 1
                    guard p < n && base[p] == 0x22 else { break }
                    kind = .escaped
                    p += 1
                }
            }
            // Plain text, or the text after a closing quote: up to a comma or a line end.
            let textStart = p
            while p < n {
                let b = base[p]
                if b == 0x2C || b == 0x0A || b == 0x0D { break }
                p += 1
            }
            if kind == .quoted && p > textStart { kind = .escaped }
            store(fields, fieldStart, p, kind)
            fields += 1
            guard p < n else { return (n, fields) }
            let b = base[p]
            p += 1
            if b == 0x2C { continue }
            if b == 0x0D && p < n && base[p] == 0x0A { p += 1 }
            return (p, fields)
        }
    }

    @inline(__always)
    private func store(_ k: Int, _ start: Int, _ end: Int, _ kind: Kind) {
        if k >= capacity {
            guard grows else { return }
            grow()
        }
        starts[k] = start
        ends[k] = end
        kinds[k] = kind
    }

    private func grow() {
        let bigger = capacity * 2
        starts = Self.moved(starts, count: capacity, to: bigger)
        ends = Self.moved(ends, count: capacity, to: bigger)
        kinds = Self.moved(kinds, count: capacity, to: bigger)
        capacity = bigger
    }

    private static func moved<T>(_ old: UnsafeMutablePointer<T>, count: Int, to size: Int) -> UnsafeMutablePointer<T> {
        let new = UnsafeMutablePointer<T>.allocate(capacity: size)
        new.moveInitialize(from: old, count: count)
        old.deallocate()
        return new
    }

    /// Makes room for the escaped fields of a record of `length` bytes; call before ``field(_:in:)``.
    func beginRecord(length: Int) {
        scratchUsed = 0
        if length > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = max(length, scratchCapacity * 2)
            scratch = .allocate(capacity: scratchCapacity)
        }
    }

    /// The text of field `k` of the last scanned record, quoting removed. Valid until the next
    /// ``beginRecord(length:)``.
    func field(_ k: Int, in bytes: FieldBytes) -> FieldBytes {
        guard k < capacity, let base = bytes.baseAddress else { return FieldBytes(start: nil, count: 0) }
        let s = starts[k]
        let e = ends[k]
        switch kinds[k] {
        case .plain: return FieldBytes(start: base + s, count: e - s)
        case .quoted: return FieldBytes(start: base + s + 1, count: e - s - 2)
        case .escaped: break
        }
        // Inside the quotes `""` is one quote; after the closing quote every byte is kept.
        let out = scratch + scratchUsed
        var w = 0
        var p = s + 1
        while p < e {
            let b = base[p]
            p += 1
            if b == 0x22 {
                guard p < e && base[p] == 0x22 else { break }
                p += 1
            }
            out[w] = b
            w += 1
        }
        while p < e {
            out[w] = base[p]
            w += 1
            p += 1
        }
        scratchUsed += w
        return FieldBytes(start: out, count: w)
    }

    /// True when the bytes from `start` to `end` hold only line feeds and carriage returns: a blank line,
    /// which readers skip.
    static func isBlankLine(_ bytes: FieldBytes, _ start: Int, _ end: Int) -> Bool {
        for k in start..<end where bytes[k] != 0x0A && bytes[k] != 0x0D { return false }
        return true
    }

    /// The line ends between `start` and `end`: every LF, and every CR not followed by an LF.
    static func lineEnds(_ bytes: FieldBytes, _ start: Int, _ end: Int) -> Int {
        var count = 0
        for k in start..<end {
            if bytes[k] == 0x0A || (bytes[k] == 0x0D && (k + 1 == bytes.count || bytes[k + 1] != 0x0A)) { count += 1 }
        }
        return count
    }

    /// 3 when the bytes start with a UTF-8 byte-order mark (which readers skip), 0 otherwise.
    static func byteOrderMarkLength(_ bytes: FieldBytes) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }
}
