import Foundation

/// The comma-separated fields of one line of a `LineBlockReader.Block`, read without building a
/// string per line.
struct CSVLineFields {
    private let bytes: [UInt8]
    /// Each field's bytes in `bytes`.
    let ranges: [Range<Int>]

    /// The fields of `line` in `bytes`, split on every comma (no quoting).
    init(_ bytes: [UInt8], line: Range<Int>) {
        self.bytes = bytes
        var ranges: [Range<Int>] = []
        var start = line.lowerBound
        for k in line where bytes[k] == UInt8(ascii: ",") {
            ranges.append(start..<k)
            start = k + 1
        }
        ranges.append(start..<line.upperBound)
        self.ranges = ranges
    }

    /// How many fields the line has.
    var count: Int { ranges.count }

    /// Field `k` without leading and trailing white space, as `trimmingCharacters(in: .whitespaces)`
    /// gives it (spaces and tabs are trimmed here; other Unicode spaces by Foundation); empty past the
    /// last field.
    func text(_ k: Int) -> String {
        guard k < ranges.count else { return "" }
        var range = ranges[k]
        while let first = range.first, bytes[first] == 0x20 || bytes[first] == 0x09 { range = range.dropFirst() }
        while let last = range.last, bytes[last] == 0x20 || bytes[last] == 0x09 { range = range.dropLast() }
        let text = String(decoding: bytes[range], as: UTF8.self)
        if let first = range.first, bytes[first] >= 0x80 || bytes[range.upperBound - 1] >= 0x80 {
            return text.trimmingCharacters(in: .whitespaces)
        }
        return text
    }
}
