/// Splits a formula into tokens: names (letters, digits, `_`, `.`), numbers, operators and brackets.
struct FormulaLexer {
    enum Token: Equatable {
        case name(String)
        case number(Double, String)
        case symbol(String)
    }

    /// Tokens with their character offsets, or a syntax error naming the offending character.
    static func tokens(_ formula: String) throws -> [(token: Token, offset: Int)] {
        let chars = Array(formula)
        var out: [(Token, Int)] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            if c.isLetter || c == "_" {
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "." { i += 1 }
                out.append((.name(String(chars[start..<i])), start))
            } else if c == "`" {
                i += 1
                while i < chars.count, chars[i] != "`" { i += 1 }
                guard i < chars.count else { throw LinearModelError.formulaSyntax("a backquoted name is never closed", formula: formula) }
                out.append((.name(String(chars[(start + 1)..<i])), start))
                i += 1
            } else if c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                while i < chars.count, chars[i].isNumber || chars[i] == "." || chars[i] == "e" ||
                    ((chars[i] == "-" || chars[i] == "+") && chars[i - 1] == "e") { i += 1 }
                let text = String(chars[start..<i])
                guard let value = Double(text) else {
                    throw LinearModelError.formulaSyntax("'\(text)' at character \(start + 1) is not a number", formula: formula)
                }
                out.append((.number(value, text), start))
            } else if c == "*", i + 1 < chars.count, chars[i + 1] == "*" {
                out.append((.symbol("**"), start))
                i += 2
            } else if "~+-*/:(),".contains(c) {
                out.append((.symbol(String(c)), start))
                i += 1
            } else {
                throw LinearModelError.formulaSyntax("unexpected character '\(c)' at character \(start + 1)", formula: formula)
            }
        }
        return out
    }
}
