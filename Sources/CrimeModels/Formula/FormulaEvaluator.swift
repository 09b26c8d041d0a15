import CrimeCore
import Foundation

/// Evaluates formula expressions and categorical factors against a ``DataTable``, with typed errors
/// naming the column and row of every bad value.
struct FormulaEvaluator {
    let table: DataTable

    /// The numeric column, or the error that explains why it cannot be used as numbers.
    func numbers(_ name: String) throws -> [Double] {
        guard let column = table.column(name) else { throw LinearModelError.unknownColumn(name, available: table.names) }
        guard case let .numeric(values) = column else {
            try rejectMixed(name)
            throw LinearModelError.textColumnInArithmetic(name)
        }
        if let row = values.firstIndex(where: { !$0.isFinite }) { throw nonFinite(name, row, values[row]) }
        return values
    }

    /// Throws when the text column `name` holds numbers and, in another cell that is not missing, text that
    /// is not a number: the column was meant to be numeric, so the first such cell is named.
    func rejectMixed(_ name: String) throws {
        guard let j = table.names.firstIndex(of: name), case let .text(values) = table.columns[j] else { return }
        let present = values.indices.filter { table.missing[j][$0] == nil }
        let isNumber = { (i: Int) in Double(values[i].trimmingCharacters(in: .whitespaces)) != nil }
        guard present.contains(where: isNumber), let bad = present.first(where: { !isNumber($0) }) else { return }
        throw DataTableError.notANumber(file: table.source, record: table.records[bad], column: name, value: values[bad])
    }

    /// The error for a NaN or infinite cell of column `name` at `row`, named by its record.
    private func nonFinite(_ name: String, _ row: Int, _ value: Double) -> Error {
        if value.isNaN {
            let written = table.names.firstIndex(of: name).flatMap { table.missing[$0][row] } ?? "NaN"
            return DataTableError.missingValue(file: table.source, record: table.records[row], column: name, value: written)
        }
        return DataTableError.infinite(file: table.source, record: table.records[row], column: name, value: value)
    }

    /// Whether `name` is a text column of the table.
    func isText(_ name: String) -> Bool {
        if case .text? = table.column(name) { return true }
        return false
    }

    /// The values of a numeric expression, one per row.
    func evaluate(_ expression: FormulaExpression) throws -> [Double] {
        switch expression {
        case let .column(name): return try numbers(name)
        case let .number(value, _): return [Double](repeating: value, count: table.rowCount)
        case let .negate(inner): return try evaluate(inner).map { -$0 }
        case let .call(name, argument):
            guard let function = NumericFunction(name) else {
                throw LinearModelError.unsupportedFormula("unknown function '\(name)'")
            }
            let values = try evaluate(argument)
            if let floor = function.domainFloor,
               let row = values.firstIndex(where: { floor.inclusive ? $0 < floor.value : $0 <= floor.value }) {
                throw LinearModelError.nonPositiveLog(column: argument.name, row: row, value: values[row])
            }
            return try finite(values.map(function.apply), name: expression.name)
        case let .binary(op, left, right):
            let l = try evaluate(left), r = try evaluate(right)
            let out: [Double]
            switch op {
            case "+": out = zip(l, r).map { $0 + $1 }
            case "-": out = zip(l, r).map { $0 - $1 }
            case "*": out = zip(l, r).map { $0 * $1 }
            case "/": out = zip(l, r).map { $0 / $1 }
            default: out = zip(l, r).map { pow($0, $1) }
            }
            return try finite(out, name: expression.name)
        }
    }

    private func finite(_ values: [Double], name: String) throws -> [Double] {
        if let row = values.firstIndex(where: { !$0.isFinite }) { throw LinearModelError.nonFinite(column: name, row: row) }
        return values
    }

    /// A categorical column's sorted levels and each row's level index.
    func levels(_ name: String) throws -> (labels: [String], codes: [Int]) {
        guard let column = table.column(name) else { throw LinearModelError.unknownColumn(name, available: table.names) }
        let labels: [String]
        switch column {
        case let .text(values):
            labels = values
        case let .numeric(values):
            if let row = values.firstIndex(where: { !$0.isFinite }) { throw nonFinite(name, row, values[row]) }
            let sorted = Array(Set(values)).sorted()
            let names = Dictionary(uniqueKeysWithValues: sorted.map { ($0, Self.label($0)) })
            let index = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
            return (sorted.compactMap { names[$0] }, values.map { index[$0] ?? 0 })
        }
        let sorted = Array(Set(labels)).sorted()
        let index = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
        return (sorted, labels.map { index[$0] ?? 0 })
    }

    /// A numeric level's label: integers without a decimal point (as pandas reads integer CSV columns).
    static func label(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
