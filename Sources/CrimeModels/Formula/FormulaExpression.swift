/// A numeric expression inside a formula: a column, a number, a function call or arithmetic in `I(...)`.
indirect enum FormulaExpression: Equatable, Sendable {
    case column(String)
    case number(Double, text: String)
    case call(String, FormulaExpression)
    case negate(FormulaExpression)
    case binary(String, FormulaExpression, FormulaExpression)

    /// The expression as patsy prints a factor: calls without spaces, binary operators with spaces.
    var name: String {
        switch self {
        case let .column(c): return c
        case let .number(_, text): return text
        case let .call(f, arg): return "\(f)(\(arg.name))"
        case let .negate(e): return "-\(e.name)"
        case let .binary(op, l, r): return "\(l.name) \(op) \(r.name)"
        }
    }

    /// The columns the expression reads.
    var columns: [String] {
        switch self {
        case let .column(c): return [c]
        case .number: return []
        case let .call(_, arg): return arg.columns
        case let .negate(e): return e.columns
        case let .binary(_, l, r): return l.columns + r.columns
        }
    }
}

/// One factor of a term: a numeric expression or a categorical column.
struct FormulaFactor: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case numeric(FormulaExpression)
        /// A categorical column: `C(col)` or a bare text column.
        case categorical(column: String)
    }
    let kind: Kind
    /// patsy's name for the factor (`log(INC)`, `C(borough)`, `borough`).
    let name: String

    static func == (a: FormulaFactor, b: FormulaFactor) -> Bool { a.name == b.name }
    func hash(into hasher: inout Hasher) { hasher.combine(name) }

    var isCategorical: Bool { if case .categorical = kind { return true } else { return false } }
}

extension FormulaExpression: Hashable {
    func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// A term: an interaction of factors (one factor for a main effect, none for the intercept).
struct FormulaTerm: Hashable, Sendable {
    let factors: [FormulaFactor]

    static func == (a: FormulaTerm, b: FormulaTerm) -> Bool { Set(a.factors) == Set(b.factors) }
    func hash(into hasher: inout Hasher) { hasher.combine(Set(factors)) }
}
