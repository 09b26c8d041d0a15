import CrimeCore
import Foundation

/// CSV read on standard input (`h3 cells`, `areas assign`) by CrimeKit's one CSV scanner, with the rules
/// ingest uses: a quote is special only at the start of a field; CR, LF and CRLF end records; a UTF-8
/// byte-order mark and blank lines are skipped.
enum CSVInput {
    /// The input ends inside a quoted field opened on `line`.
    struct UnterminatedQuote: Error, CustomStringConvertible {
        let source: String
        let line: Int
        var description: String { "\(source), line \(line): a quoted field opened here is never closed" }
    }

    /// The records of `data`; `source` names the input in errors.
    static func records(_ data: Data, source: String) throws -> [CSVRecord] {
        do { return try CSVRecordScanner.records(in: String(decoding: data, as: UTF8.self)) } catch {
            throw UnterminatedQuote(source: source, line: error.line)
        }
    }
}
