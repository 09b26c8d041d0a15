import Foundation

/// Errors reading the table `crimekit metrics` scores; each names the file, row or column.
enum TableInputError: Error, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case missingColumn(file: String, column: String, header: [String])
    case badValue(file: String, line: Int, column: String, value: String)
    case shortRow(file: String, line: Int, expected: Int, got: Int)
    case noRows(file: String)
    case unscorable(file: String, reason: String)

    var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): cannot read (\(reason))"
        case let .missingColumn(file, column, header):
            return "\(file): no column '\(column)' in the header (\(header.joined(separator: ",")))"
        case let .badValue(file, line, column, value): return "\(file), line \(line), column \(column): '\(value)' is not a finite number"
        case let .shortRow(file, line, expected, got): return "\(file), line \(line): \(got) fields but the header has \(expected)"
        case let .noRows(file): return "\(file): no data rows after the header"
        case let .unscorable(file, reason): return "\(file): \(reason)"
        }
    }
}

/// Two numeric columns, found by name in a CSV with a header; `-` reads standard input.
struct TwoColumnCSV {
    let first: [Double]
    let second: [Double]

    init(path: String, columns: (String, String)) throws {
        let name = path == "-" ? "standard input" : path
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw TableInputError.unreadable(file: name, reason: error.localizedDescription)
            }
        }
        var lines = String(decoding: data, as: UTF8.self).split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let headerLine = lines.first else { throw TableInputError.noRows(file: name) }
        let header = Self.fields(headerLine).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let a = header.firstIndex(of: columns.0) else { throw TableInputError.missingColumn(file: name, column: columns.0, header: header) }
        guard let b = header.firstIndex(of: columns.1) else { throw TableInputError.missingColumn(file: name, column: columns.1, header: header) }
        var first = [Double](), second = [Double]()
        for (k, line) in lines.enumerated().dropFirst() {
            let f = Self.fields(line)
            guard f.count == header.count else { throw TableInputError.shortRow(file: name, line: k + 1, expected: header.count, got: f.count) }
            for (column, index) in [(columns.0, a), (columns.1, b)] {
                let text = f[index].trimmingCharacters(in: .whitespaces)
                guard let v = Double(text), v.isFinite else { throw TableInputError.badValue(file: name, line: k + 1, column: column, value: text) }
                if index == a { first.append(v) } else { second.append(v) }
            }
        }
        guard !first.isEmpty else { throw TableInputError.noRows(file: name) }
        self.first = first
        self.second = second
    }

    /// Splits a CSV line on commas outside double quotes; `""` inside quotes is a quote.
    static func fields(_ line: String) -> [String] {
        var out = [String](), current = "", quoted = false
        var chars = line.makeIterator()
        while let ch = chars.next() {
            if quoted {
                if ch == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { current.append("\"") } else {
                            quoted = false
                            if next == "," { out.append(current); current = "" } else { current.append(next) }
                        }
                    } else { quoted = false }
                } else { current.append(ch) }
            } else if ch == "\"" {
                quoted = true
            } else if ch == "," {
                out.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        out.append(current)
        return out
    }
}
