/// Splits RFC 4180 records into fields, byte by byte, without copying unquoted fields.
///
/// This is CrimeKit's one CSV reader: ingest scans blocks of a file with it, and
/// ``records(in:)`` reads a whole text with it (for `DataTable` and anything else that reads CSV).
/// A quote switches between quoted and unquoted text wherever it appears; commas and line feeds
/// separate fields and records only outside quotes; `""` inside quotes is one quote; a carriage
/// return before a record's line feed is dropped. The same parity rule is what ``CSVBlockReader``
/// uses to cut blocks, so cutting and parsing always agree.
package final class CSVRecordScanner {
    /// Thrown when the input ends inside quotes: `record` is local to the scanned bytes (0 = first).
    struct UnterminatedQuote: Error { let record: Int }

    /// The number of fields of a record that are stored.
    let capacity: Int
    private let starts: UnsafeMutablePointer<Int>
    private let ends: UnsafeMutablePointer<Int>
    private let quoteCounts: UnsafeMutablePointer<Int32>
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 4096
    private var scratchUsed = 0

    /// A scanner that stores up to `fieldCapacity` fields of a record (more are counted, not stored).
    init(fieldCapacity: Int) {
        capacity = max(1, fieldCapacity)
        starts = .allocate(capacity: capacity)
        ends = .allocate(capacity: capacity)
        quoteCounts = .allocate(capacity: capacity)
        scratch = .allocate(capacity: scratchCapacity)
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
        quoteCounts.deallocate()
        scratch.deallocate()
    }

    /// Scans the record starting at `from`; returns the offset after it and its number of fields.
    /// Throws when the bytes end inside quotes.
    func scan(_ bytes: FieldBytes, from: Int, record: Int) throws(UnterminatedQuote) -> (next: Int, fields: Int) {
        guard let base = bytes.baseAddress else { return (from, 0) }
        let n = bytes.count
        var p = from
        var fields = 0
        var fieldStart = p
        var quotes: Int32 = 0
        while true {
            // Unquoted text: stop at a delimiter or a quote.
            while p < n {
                let b = base[p]
                if b == 0x2C || b == 0x0A || b == 0x22 { break }
                p += 1
            }
            if p == n {
                var end = n
                if end > fieldStart && base[end - 1] == 0x0D { end -= 1 }
                store(fields, fieldStart, end, quotes)
                return (n, fields + 1)
            }
            let b = base[p]
            if b == 0x22 {
                // Quoted text: up to the closing quote.
                quotes += 1
                p += 1
                while p < n && base[p] != 0x22 { p += 1 }
                guard p < n else { throw UnterminatedQuote(record: record) }
                quotes += 1
                p += 1
                continue
            }
            if b == 0x2C {
                store(fields, fieldStart, p, quotes)
                fields += 1
                p += 1
                fieldStart = p
                quotes = 0
                continue
            }
            var end = p
            if end > fieldStart && base[end - 1] == 0x0D { end -= 1 }
            store(fields, fieldStart, end, quotes)
            return (p + 1, fields + 1)
        }
    }

    @inline(__always)
    private func store(_ k: Int, _ start: Int, _ end: Int, _ quotes: Int32) {
        guard k < capacity else { return }
        starts[k] = start
        ends[k] = end
        quoteCounts[k] = quotes
    }

    /// Makes room for the unquoted fields of a record of `length` bytes; call before ``field(_:in:)``.
    func beginRecord(length: Int) {
        scratchUsed = 0
        if length > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = max(length, scratchCapacity * 2)
            scratch = .allocate(capacity: scratchCapacity)
        }
    }

    /// The text of field `k` of the last scanned record, quotes removed. Valid until the next
    /// ``beginRecord(length:)``.
    func field(_ k: Int, in bytes: FieldBytes) -> FieldBytes {
        guard k < capacity, let base = bytes.baseAddress else { return FieldBytes(start: nil, count: 0) }
        let s = starts[k]
        let e = ends[k]
        let q = quoteCounts[k]
        if q == 0 { return FieldBytes(start: base + s, count: e - s) }
        if q == 2 && base[s] == 0x22 && base[e - 1] == 0x22 { return FieldBytes(start: base + s + 1, count: e - s - 2) }
        // General case: quote pairs removed, `""` inside quotes kept as one quote.
        let out = scratch + scratchUsed
        var w = 0
        var inQuotes = false
        var p = s
        while p < e {
            let b = base[p]
            if b == 0x22 {
                if inQuotes && p + 1 < e && base[p + 1] == 0x22 {
                    out[w] = 0x22
                    w += 1
                    p += 2
                    continue
                }
                inQuotes.toggle()
            } else {
                out[w] = b
                w += 1
            }
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

    /// 3 when the bytes start with a UTF-8 byte-order mark (which readers skip), 0 otherwise.
    static func byteOrderMarkLength(_ bytes: FieldBytes) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }
}
