import CrimeCore
import Foundation

/// A CSV file of numbers with a header row, split into a feature matrix and one target column.
struct NumericCSV {
    let featureNames: [String]
    let features: Matrix
    let target: [Double]

    /// Reads `path`, taking the column named `target` as the target and every other column as a feature.
    init(path: String, target: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw NumericCSVError.unreadable(file: path) }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let header = lines.first else { throw NumericCSVError.empty(file: path) }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let targetIndex = names.firstIndex(of: target) else {
            throw NumericCSVError.missingTarget(file: path, column: target, columns: names)
        }
        guard names.count >= 2 else { throw NumericCSVError.noFeatures(file: path) }
        guard lines.count >= 2 else { throw NumericCSVError.empty(file: path) }
        var values: [Double] = []
        var targets: [Double] = []
        values.reserveCapacity((lines.count - 1) * (names.count - 1))
        for (r, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == names.count else {
                throw NumericCSVError.fieldCount(file: path, row: r + 1, expected: names.count, got: fields.count)
            }
            for (c, field) in fields.enumerated() {
                guard let v = Double(field.trimmingCharacters(in: .whitespaces)), v.isFinite else {
                    throw NumericCSVError.notANumber(file: path, row: r + 1, column: names[c], text: String(field))
                }
                if c == targetIndex { targets.append(v) } else { values.append(v) }
            }
        }
        featureNames = names.enumerated().filter { $0.offset != targetIndex }.map(\.element)
        features = Matrix(rows: targets.count, columns: names.count - 1, values: values)
        self.target = targets
    }
}

/// Problems reading a numeric CSV; each names the file, and the row (1 = first data row) and column.
enum NumericCSVError: Error, CustomStringConvertible {
    case unreadable(file: String)
    case empty(file: String)
    case noFeatures(file: String)
    case missingTarget(file: String, column: String, columns: [String])
    case fieldCount(file: String, row: Int, expected: Int, got: Int)
    case notANumber(file: String, row: Int, column: String, text: String)

    var description: String {
        switch self {
        case let .unreadable(file): return "\(file): cannot be read"
        case let .empty(file): return "\(file): no header row or no data rows"
        case let .noFeatures(file): return "\(file): needs at least one feature column besides the target"
        case let .missingTarget(file, column, columns):
            return "\(file): no column \"\(column)\" (--target); columns are \(columns.joined(separator: ", "))"
        case let .fieldCount(file, row, expected, got): return "\(file): row \(row) has \(got) fields, expected \(expected)"
        case let .notANumber(file, row, column, text): return "\(file): row \(row), column \(column): \"\(text)\" is not a finite number"
        }
    }
}
