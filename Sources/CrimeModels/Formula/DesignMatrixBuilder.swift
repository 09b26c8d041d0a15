import CrimeCore

/// A design built from a formula: the matrix, patsy's column names and the response.
public struct FormulaDesign: Sendable, Equatable {
    /// The n×p design, row-major.
    public let matrix: Matrix
    /// patsy's name of each column.
    public let columnNames: [String]
    /// The response values.
    public let response: [Double]
    /// The response's name (`CRIME`, `log(CRIME)`).
    public let responseName: String
    /// Whether the design has an `Intercept` column.
    public let hasIntercept: Bool
    /// How many rows of the table were dropped for a missing value (always 0 with ``MissingValues/error``).
    public let droppedRows: Int

    /// Builds the design of `formula` over `data` (patsy's term order and treatment coding).
    ///
    /// Terms are grouped by the numeric factors they contain — the intercept and purely categorical terms
    /// first, then each group in order of first appearance — and, within a group, ordered by their number
    /// of categorical factors. A categorical factor is coded against its first level (sorted) when the
    /// lower-order term it extends is already in the model, and with one column per level otherwise.
    ///
    /// A missing cell (see ``DataTable/missing``) in a column the formula reads is an error naming it, or,
    /// with `missing: .drop`, drops its row (patsy's `NA_action="drop"`). A bare column whose cells mix
    /// numbers and other text is an error naming the first cell that is not a number; `C(column)` makes it
    /// categorical.
    public init(formula: String, data: DataTable, missing: MissingValues = .error) throws {
        guard data.rowCount > 0 else { throw LinearModelError.emptyData }
        let parsed = try FormulaParser.parse(formula)
        let read = Self.columns(of: parsed)
        for name in read where data.column(name) == nil {
            throw LinearModelError.unknownColumn(name, available: data.names)
        }
        let (data, dropped) = try data.handlingMissing(missing, in: read)
        droppedRows = dropped
        let evaluator = FormulaEvaluator(table: data)
        response = try evaluator.evaluate(parsed.response)
        responseName = parsed.response.name
        let terms = try parsed.terms.map { term in FormulaTerm(factors: try term.factors.map { try Self.resolve($0, evaluator) }) }
        let ordered = Self.patsyOrder(terms)

        let n = data.rowCount
        var columns: [[Double]] = []
        var names: [String] = []
        var used: [Set<String>: Set<String>] = [:]   // numeric-factor group → categorical subterms already spanned
        for term in ordered {
            let numeric = term.factors.filter { !$0.isCategorical }
            let categorical = term.factors.filter(\.isCategorical)
            guard categorical.count <= 1 else {
                throw LinearModelError.unsupportedFormula("the term '\(term.factors.map(\.name).joined(separator: ":"))' interacts two categorical factors")
            }
            var product = [Double](repeating: 1, count: n)
            for factor in numeric {
                guard case let .numeric(expression) = factor.kind else { continue }
                let values = try evaluator.evaluate(expression)
                for i in 0..<n { product[i] *= values[i] }
            }
            let group = Set(numeric.map(\.name))
            guard let factor = categorical.first, case let .categorical(column) = factor.kind else {
                used[group, default: []].insert("")
                columns.append(product)
                names.append(term.factors.isEmpty ? "Intercept" : term.factors.map(\.name).joined(separator: ":"))
                continue
            }
            let reduced = used[group, default: []].contains("")
            used[group, default: []].formUnion(["", factor.name])
            let (labels, codes) = try evaluator.levels(column)
            for level in (reduced ? 1 : 0)..<labels.count {
                var values = [Double](repeating: 0, count: n)
                for i in 0..<n where codes[i] == level { values[i] = product[i] }
                columns.append(values)
                let piece = "\(factor.name)[\(reduced ? "T." : "")\(labels[level])]"
                names.append(term.factors.map { $0 == factor ? piece : $0.name }.joined(separator: ":"))
            }
        }
        var flat = [Double](repeating: 0, count: n * columns.count)
        for (j, column) in columns.enumerated() { for i in 0..<n { flat[i * columns.count + j] = column[i] } }
        matrix = Matrix(rows: n, columns: columns.count, values: flat)
        columnNames = names
        hasIntercept = parsed.terms.contains(FormulaTerm(factors: []))
    }

    /// The table columns `formula` reads (response first, then terms, each once), for choosing the rows
    /// with missing values.
    public static func columns(in formula: String) throws -> [String] {
        columns(of: try FormulaParser.parse(formula))
    }

    private static func columns(of parsed: ParsedFormula) -> [String] {
        var seen = Set<String>()
        return (parsed.response.columns + parsed.terms.flatMap { $0.factors.flatMap(Self.columns) }).filter { seen.insert($0).inserted }
    }

    private static func columns(_ factor: FormulaFactor) -> [String] {
        switch factor.kind {
        case let .numeric(expression): return expression.columns
        case let .categorical(column): return [column]
        }
    }

    /// A bare text column is a categorical factor named after the column, as patsy treats strings; a bare
    /// column mixing numbers and text is an error naming its first cell that is not a number.
    private static func resolve(_ factor: FormulaFactor, _ evaluator: FormulaEvaluator) throws -> FormulaFactor {
        if case let .numeric(.column(name)) = factor.kind, evaluator.isText(name) {
            try evaluator.rejectMixed(name)
            return FormulaFactor(kind: .categorical(column: name), name: name)
        }
        return factor
    }

    /// patsy's term order: groups by numeric-factor set (empty set first, then first appearance), then by
    /// the number of categorical factors within a group, stable otherwise.
    static func patsyOrder(_ terms: [FormulaTerm]) -> [FormulaTerm] {
        var groups: [Set<String>] = [[]]
        for term in terms {
            let key = Set(term.factors.filter { !$0.isCategorical }.map(\.name))
            if !groups.contains(key) { groups.append(key) }
        }
        return groups.flatMap { key in
            terms.enumerated()
                .filter { Set($0.element.factors.filter { !$0.isCategorical }.map(\.name)) == key }
                .sorted { ($0.element.factors.filter(\.isCategorical).count, $0.offset) < ($1.element.factors.filter(\.isCategorical).count, $1.offset) }
                .map(\.element)
        }
    }
}
