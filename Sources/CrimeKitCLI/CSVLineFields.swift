import Foundation

/// The comma-separated fields of one line of a `LineBlockReader.Block`, read without building a
/// string per line, by the quote rule of ingest (Python's `csv`): a field that starts with `"` runs to
/// the next lone `"` (`""` inside is one quote), and text after the closing quote up to the comma is
/// appended; a quote anywhere else is data. A quoted field cannot span lines here.
struct CSVLineFields {
    private struct Field {
        /// The field's bytes (inside the quotes when quoted).
        var body: Range<Int>
        /// Bytes after the closing quote, up to the comma.
        var rest: Range<Int>
        var quoted: Bool
    }

    private let bytes: [UInt8]
    private let fields: [Field]

    /// The fields of `line` in `bytes`.
    init(_ bytes: [UInt8], line: Range<Int>) {
        self.bytes = bytes
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        let end = line.upperBound
        var fields: [Field] = []
        var k = line.lowerBound
        while true {
            if k < end && bytes[k] == quote {
                var j = k + 1
                while j < end, !(bytes[j] == quote && (j + 1 == end || bytes[j + 1] != quote)) {
                    j += bytes[j] == quote ? 2 : 1
                }
                let after = min(j + 1, end)
                var stop = after
                while stop < end && bytes[stop] != comma { stop += 1 }
                fields.append(Field(body: (k + 1)..<min(j, end), rest: after..<stop, quoted: true))
                k = stop
            } else {
                var stop = k
                while stop < end && bytes[stop] != comma { stop += 1 }
                fields.append(Field(body: k..<stop, rest: stop..<stop, quoted: false))
                k = stop
            }
            guard k < end else { break }
            k += 1
            if k == end {
                fields.append(Field(body: end..<end, rest: end..<end, quoted: false))
                break
            }
        }
        self.fields = fields
    }

    /// How many fields the line has.
    var count: Int { fields.count }

    /// Field `k` without leading and trailing white space, as `trimmingCharacters(in: .whitespaces)`
    /// gives it; empty past the last field.
    func text(_ k: Int) -> String {
        guard k < fields.count else { return "" }
        let field = fields[k]
        guard !field.quoted else {
            let body = String(decoding: bytes[field.body], as: UTF8.self).replacingOccurrences(of: "\"\"", with: "\"")
            return (body + String(decoding: bytes[field.rest], as: UTF8.self)).trimmingCharacters(in: .whitespaces)
        }
        var range = field.body
        while let first = range.first, bytes[first] == 0x20 || bytes[first] == 0x09 { range = range.dropFirst() }
        while let last = range.last, bytes[last] == 0x20 || bytes[last] == 0x09 { range = range.dropLast() }
        let text = String(decoding: bytes[range], as: UTF8.self)
        if let first = range.first, bytes[first] >= 0x80 || bytes[range.upperBound - 1] >= 0x80 {
            return text.trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    /// Every field's text (see ``text(_:)``).
    var texts: [String] { (0..<count).map(text) }
}
