// Fuzz target for CrimeKit's formula parser (corpus: Corpus/formula). An input is a formula as UTF-8 text; it
// checks that `FormulaDesign.columns(in:)` returns or throws a `LinearModelError`, and, when the formula reads,
// that `OLS.fit(formula:data:)` on a fixed eight-row table (numeric `y`, `x`, `z`, text `g`, and `m` mixing
// numbers with text) returns one finite coefficient per term over all eight rows, or throws a typed error
// (`LinearModelError`, `DataTableError` or `MatrixError`).
// A broken invariant stops the run with a message, which libFuzzer reports as a crash.
import Foundation
import LibFuzzerDriver
import CrimeCore
import CrimeModels

/// Runs libFuzzer with the command line (corpus folders and `-flags`) on ``test(_:_:)``.
@main enum FormulaFuzz {
    static func main() { exit(crimekit_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv, test)) }
}

/// The table every formula is fitted on.
private let table: DataTable = {
    do {
        return try DataTable([
            ("y", .numeric([1, 3, 2, 5, 4, 6, 8, 7])),
            ("x", .numeric([0.5, 1.5, 2, 3.5, 4, 5.5, 6, 7.5])),
            ("z", .numeric([2, 1, 4, 3, 6, 5, 8, 9])),
            ("g", .text(["a", "b", "c", "a", "b", "c", "a", "b"])),
            ("m", .text(["1", "2", "x", "1", "2", "x", "1", "2"])),
        ])
    } catch {
        fatalError("the fixed table does not build: \(error)")
    }
}()

/// Checks one input; stops the process when an invariant breaks.
private func test(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let formula = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try FormulaDesign.columns(in: formula)
    } catch is LinearModelError {
        return 0
    } catch {
        fatalError("untyped error from the parser: \(error)")
    }
    let result: OLSResult
    do {
        result = try OLS.fit(formula: formula, data: table)
    } catch is LinearModelError, is DataTableError, is MatrixError {
        return 0
    } catch {
        fatalError("untyped error from the fit: \(error)")
    }
    guard result.params.count == result.termNames.count, result.params.allSatisfy(\.isFinite), result.nobs == 8 else {
        fatalError("the fit of '\(formula)' has \(result.params.count) coefficients \(result.params) for the terms "
                   + "\(result.termNames) over \(result.nobs) rows")
    }
    return 0
}
