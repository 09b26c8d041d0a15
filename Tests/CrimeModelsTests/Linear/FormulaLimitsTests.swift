import CrimeModels
import Foundation
import Testing

/// Formulas that expand or nest without bound (FormulaFuzz's finds and the stack overflows built on them) are
/// refused with a `LinearModelError` before they take minutes or run the stack out.
@Suite("Formula size and nesting limits")
struct FormulaLimitsTests {
    /// The message of a formula's error, or nil when it reads.
    func failure(_ formula: String) -> String? {
        do {
            _ = try FormulaDesign.columns(in: formula)
            return nil
        } catch let error as LinearModelError {
            return error.localizedDescription
        } catch {
            return "untyped \(error)"
        }
    }

    @Test("A product of n factors expands to 2^n terms and is refused past 256")
    func termCount() throws {
        // a*b*…*h: every subset of 8 factors, 2^8 = 256 terms with the intercept (the empty subset).
        let eight = "y ~ " + "abcdefgh".map(String.init).joined(separator: "*")
        #expect(try FormulaDesign.columns(in: eight) == ["y"] + "abcdefgh".map(String.init))
        let nine = "y ~ " + "abcdefghi".map(String.init).joined(separator: "*")
        #expect(failure(nine) == "unsupported formula: the formula expands to more than 256 terms")
        // FormulaFuzz's timeout: 10 distinct factors, 1024 terms, each added after a linear search of the others.
        let found = "Y ~ x *e4*ncx *4*ncx *eClosed* F*nce0* e0*nce5* F*nce0* zx0e1"
        #expect(failure(found) == "unsupported formula: the formula expands to more than 256 terms")
        // An interaction of two 17-term sums has 289 terms.
        let sum = (1...17).map { "a\($0)" }.joined(separator: " + ")
        #expect(failure("y ~ (\(sum)):(\(sum.replacingOccurrences(of: "a", with: "b")))")
                == "unsupported formula: the formula expands to more than 256 terms")
    }

    @Test("Brackets, signs and chained operators nest at most 200 deep")
    func nesting() throws {
        let hundred = "y ~ " + String(repeating: "(", count: 100) + "x" + String(repeating: ")", count: 100)
        #expect(try FormulaDesign.columns(in: hundred) == ["y", "x"])
        let deep = [
            "y ~ " + String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000),
            "y ~ I(" + String(repeating: "-", count: 100_000) + "x)",
            "y ~ I(x" + String(repeating: "**x", count: 100_000) + ")",
            "y ~ I(" + String(repeating: "x + ", count: 100_000) + "x)",
            String(repeating: "x * ", count: 100_000) + "y ~ x",
        ]
        for formula in deep {
            let message = failure(formula)
            #expect(message?.contains("brackets, signs and operators nest deeper than 200") == true, "\(message ?? "read")")
        }
    }
}
