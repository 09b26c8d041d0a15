import CrimeCore
import Foundation

/// The comma-separated fields of one line of a `LineBlockReader.Block`, split by ingest's scanner
/// (`CSVRecordScanner.fields(ofLine:)`, Python's `csv` rules); a quoted field cannot span lines here.
struct CSVLineFields {
    private let fields: [String]

    /// The fields of `line` in `bytes`; nil when a quoted field is not closed before the line ends.
    init?(_ bytes: [UInt8], line: Range<Int>, scanner: CSVRecordScanner) {
        guard let fields = bytes.withUnsafeBufferPointer({ all in
            scanner.fields(ofLine: UnsafeBufferPointer(rebasing: all[line]))
        }) else { return nil }
        self.fields = fields
    }

    /// How many fields the line has.
    var count: Int { fields.count }

    /// Field `k` without leading and trailing white space; empty past the last field.
    func text(_ k: Int) -> String {
        guard k < fields.count else { return "" }
        let field = fields[k]
        guard let first = field.utf8.first, let last = field.utf8.last else { return field }
        let space: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 >= 0x80 }
        return space(first) || space(last) ? field.trimmingCharacters(in: .whitespaces) : field
    }

    /// Every field's text (see ``text(_:)``).
    var texts: [String] { (0..<count).map(text) }
}
