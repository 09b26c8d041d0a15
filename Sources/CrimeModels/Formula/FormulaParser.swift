/// A parsed formula `response ~ terms` in patsy's algebra: `+` adds terms, `-` removes them, `:` is the
/// interaction, `a*b` is `a + b + a:b`, `1`/`0` add or drop the intercept.
struct ParsedFormula: Sendable {
    /// The response expression (left of `~`).
    let response: FormulaExpression
    /// The right-hand side's terms in order of appearance; the empty term is the intercept.
    let terms: [FormulaTerm]
}

/// Recursive-descent parser of formulas.
struct FormulaParser {
    /// The most terms a formula may expand to; `a*b*c*…` doubles the count with every factor, so a longer
    /// product is refused rather than expanded for minutes.
    static let maximumTerms = 256
    /// The deepest nesting of brackets, signs, powers and chained arithmetic operators read, so that neither
    /// parsing nor evaluating a formula recurses until the stack runs out.
    static let maximumDepth = 200

    private let formula: String
    private let tokens: [(token: FormulaLexer.Token, offset: Int)]
    private var position = 0
    private var depth = 0

    /// Parses a whole formula.
    static func parse(_ formula: String) throws -> ParsedFormula {
        var parser = FormulaParser(formula: formula, tokens: try FormulaLexer.tokens(formula))
        return try parser.formulaRule()
    }

    private init(formula: String, tokens: [(token: FormulaLexer.Token, offset: Int)]) {
        self.formula = formula
        self.tokens = tokens
    }

    private func fail(_ message: String) -> LinearModelError {
        let place = position < tokens.count ? "at character \(tokens[position].offset + 1)" : "at the end"
        return .formulaSyntax("\(message) \(place)", formula: formula)
    }

    private var peek: FormulaLexer.Token? { position < tokens.count ? tokens[position].token : nil }

    private mutating func accept(_ symbol: String) -> Bool {
        if peek == .symbol(symbol) { position += 1; return true }
        return false
    }

    private mutating func expect(_ symbol: String) throws {
        guard accept(symbol) else { throw fail("expected '\(symbol)'") }
    }

    private mutating func formulaRule() throws -> ParsedFormula {
        let response = try arithmetic()
        try expect("~")
        var terms = [FormulaTerm(factors: [])]
        try sum(into: &terms)
        guard position == tokens.count else { throw fail("unexpected text") }
        return ParsedFormula(response: response, terms: terms)
    }

    /// `product (('+' | '-') product)*`, applied to `terms`.
    private mutating func sum(into terms: inout [FormulaTerm]) throws {
        var sign = "+"
        if accept("-") { sign = "-" } else { _ = accept("+") }
        while true {
            let (operand, literal) = try product()
            let intercept = FormulaTerm(factors: [])
            switch (sign, literal) {
            case ("+", 0.0?): terms.removeAll { $0 == intercept }
            case ("-", 0.0?): if !terms.contains(intercept) { terms.append(intercept) }
            case ("-", 1.0?): terms.removeAll { $0 == intercept }
            case ("-", _): terms.removeAll { operand.contains($0) }
            default: for term in operand where !terms.contains(term) { terms.append(term) }
            }
            try Self.checkSize(terms.count)
            if accept("+") { sign = "+" } else if accept("-") { sign = "-" } else { return }
        }
    }

    /// `interaction ('*' interaction)*`; returns the terms and, for a bare 0 or 1, that literal.
    private mutating func product() throws -> ([FormulaTerm], Double?) {
        var (terms, literal) = try interaction()
        while accept("*") {
            let (right, _) = try interaction()
            var combined = terms
            for term in right where !combined.contains(term) { combined.append(term) }
            for term in try Self.interact(terms, right) where !combined.contains(term) { combined.append(term) }
            try Self.checkSize(combined.count)
            terms = combined
            literal = nil
        }
        return (terms, literal)
    }

    /// `atom (':' atom)*`.
    private mutating func interaction() throws -> ([FormulaTerm], Double?) {
        var (terms, literal) = try atom()
        while accept(":") {
            let (right, _) = try atom()
            terms = try Self.interact(terms, right)
            literal = nil
        }
        return (terms, literal)
    }

    private static func interact(_ left: [FormulaTerm], _ right: [FormulaTerm]) throws -> [FormulaTerm] {
        try checkSize(left.count * right.count)
        var out: [FormulaTerm] = []
        for a in left {
            for b in right {
                var factors = a.factors
                for f in b.factors where !factors.contains(f) { factors.append(f) }
                let term = FormulaTerm(factors: factors)
                if !out.contains(term) { out.append(term) }
            }
        }
        return out
    }

    /// Counts one more level of nesting; the caller steps back out with `defer { depth -= 1 }`.
    private mutating func enter() throws {
        depth += 1
        guard depth <= Self.maximumDepth else { throw fail("brackets, signs and operators nest deeper than \(Self.maximumDepth)") }
    }

    private static func checkSize(_ count: Int) throws {
        guard count <= maximumTerms else {
            throw LinearModelError.unsupportedFormula("the formula expands to more than \(maximumTerms) terms")
        }
    }

    /// A bracketed sum, a 0/1 literal, `C(col)`, `I(expr)`, `f(expr)` or a column.
    private mutating func atom() throws -> ([FormulaTerm], Double?) {
        try enter()
        defer { depth -= 1 }
        if accept("(") {
            var terms: [FormulaTerm] = []
            try sum(into: &terms)
            try expect(")")
            return (terms, nil)
        }
        if case let .number(value, _)? = peek, value == 0 || value == 1 {
            position += 1
            return (value == 1 ? [FormulaTerm(factors: [])] : [], value)
        }
        if case .name("C")? = peek, position + 1 < tokens.count, tokens[position + 1].token == .symbol("(") {
            position += 2
            guard case let .name(column)? = peek else { throw fail("C(...) takes a column name") }
            position += 1
            try expect(")")
            return ([FormulaTerm(factors: [FormulaFactor(kind: .categorical(column: column), name: "C(\(column))")])], nil)
        }
        if case .name("I")? = peek, position + 1 < tokens.count, tokens[position + 1].token == .symbol("(") {
            position += 2
            let inner = try arithmetic()
            try expect(")")
            let expression = FormulaExpression.call("I", inner)
            return ([FormulaTerm(factors: [FormulaFactor(kind: .numeric(expression), name: expression.name)])], nil)
        }
        let expression = try primary()
        return ([FormulaTerm(factors: [FormulaFactor(kind: .numeric(expression), name: expression.name)])], nil)
    }

    /// Arithmetic: `term (('+'|'-') term)*` with `*`, `/`, unary minus and `**` binding tighter.
    private mutating func arithmetic() throws -> FormulaExpression {
        var left = try multiplicative()
        // Each operator deepens the left-nested tree by one, so it counts as a level of nesting.
        var links = 0
        defer { depth -= links }
        while let op = ["+", "-"].first(where: { peek == .symbol($0) }) {
            position += 1
            try enter()
            links += 1
            left = .binary(op, left, try multiplicative())
        }
        return left
    }

    private mutating func multiplicative() throws -> FormulaExpression {
        var left = try unary()
        // Each operator deepens the left-nested tree by one, so it counts as a level of nesting.
        var links = 0
        defer { depth -= links }
        while let op = ["*", "/"].first(where: { peek == .symbol($0) }) {
            position += 1
            try enter()
            links += 1
            left = .binary(op, left, try unary())
        }
        return left
    }

    private mutating func unary() throws -> FormulaExpression {
        try enter()
        defer { depth -= 1 }
        if accept("-") { return .negate(try unary()) }
        let base = try primary()
        if accept("**") { return .binary("**", base, try unary()) }
        return base
    }

    /// A number, a column, a function call or a bracketed expression.
    private mutating func primary() throws -> FormulaExpression {
        switch peek {
        case let .number(value, text)?:
            position += 1
            return .number(value, text: text)
        case let .name(name)?:
            position += 1
            guard accept("(") else { return .column(name) }
            guard NumericFunction(name) != nil else { throw fail("unknown function '\(name)'") }
            let argument = try arithmetic()
            try expect(")")
            return .call(name, argument)
        case .symbol("(")?:
            position += 1
            let inner = try arithmetic()
            try expect(")")
            return .call("", inner)
        default:
            throw fail("expected a column, number or function")
        }
    }
}
