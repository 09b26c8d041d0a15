import CrimeCore
import Foundation

/// A covariate CSV file read whole (RFC 4180 quoting, a header line, blank lines skipped), with typed
/// errors that name the file, line and column.
struct CovariateCSV {
    /// The file's path, for messages.
    let file: String
    /// The column names, trimmed of surrounding spaces.
    let header: [String]
    /// The data records, each with as many fields as the header.
    let records: [CSVRecord]

    /// Reads and checks the file: it must have a header with distinct names and at least one data row.
    init(contentsOf url: URL) throws {
        file = url.path
        let data: Data
        do throws(InputFileError) { data = try InputFile.read(url) } catch { throw CovariateFileError.unreadable(file: file, reason: error.reason) }
        let all: [CSVRecord]
        do { all = try CSVRecordScanner.records(in: String(decoding: data, as: UTF8.self)) } catch {
            throw CovariateFileError.unterminatedQuote(file: file, line: error.line)
        }
        guard let first = all.first, all.count > 1 else { throw CovariateFileError.empty(file: file) }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var seen = Set<String>()
        for name in header where !seen.insert(name).inserted { throw CovariateFileError.duplicateColumn(file: file, column: name) }
        records = Array(all.dropFirst())
        for record in records where record.fields.count != header.count {
            throw CovariateFileError.raggedRow(file: file, line: record.line, expected: header.count, got: record.fields.count)
        }
    }

    /// The position of a required column.
    func column(_ name: String) throws -> Int {
        guard let k = header.firstIndex(of: name) else { throw CovariateFileError.missingColumn(file: file, column: name, present: header) }
        return k
    }

    /// The field of `record` in column `k`, trimmed of surrounding spaces.
    func text(_ record: CSVRecord, _ k: Int) -> String {
        record.fields[k].trimmingCharacters(in: .whitespaces)
    }

    /// The field of `record` in column `k` as a finite number.
    func number(_ record: CSVRecord, _ k: Int) throws -> Double {
        let field = text(record, k)
        guard let value = Double(field), value.isFinite else {
            throw CovariateFileError.notANumber(file: file, line: record.line, column: header[k], text: field)
        }
        return value
    }

    /// The field of `record` in column `k` as a finite, non-negative number.
    func count(_ record: CSVRecord, _ k: Int) throws -> Double {
        let value = try number(record, k)
        guard value >= 0 else { throw CovariateFileError.negative(file: file, line: record.line, column: header[k], value: value) }
        return value
    }
}
