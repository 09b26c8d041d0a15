// The embedding contract of the design, compiled outside the CrimeKit package, and one error from each
// library layer caught as `any Error` and printed through `localizedDescription`.
import CrimeCore
import CrimeEval
import CrimeModels
import Foundation

struct LastColumn: Regressor {            // a plugin estimator from outside the package
    mutating func fit(_ x: Matrix, targets y: [Double]) throws {}
    func predict(_ x: Matrix) throws -> [Double] { (0..<x.rows).map { x[$0, x.columns - 1] } }
}

let x = Matrix(rows: 4, columns: 2, values: [1, 2, 3, 4, 5, 6, 7, 8])
let y: [Double] = [2, 4, 6, 8]
var plugin = LastColumn()
try plugin.fit(x, targets: y)
print(Metrics.meanAbsoluteError(y, try plugin.predict(x)), Metrics.r2(y, try plugin.predict(x)))

var forest = RandomForestRegressor(trees: 10, seed: 1)
try forest.fit(x, targets: y)
EstimatorRegistry.shared.register("last-column") { LastColumn() }
var named = try EstimatorRegistry.shared.make("last-column")
try named.fit(x, targets: y)

/// Runs `body`, which must throw, and checks that the error's `localizedDescription` is its own sentence.
func expectSentence(_ what: String, _ body: () throws -> Void) -> Bool {
    do {
        try body()
        print("FAIL \(what): no error thrown")
        return false
    } catch {
        let text = error.localizedDescription
        let generic = text.hasPrefix("The operation could not be completed") || text.contains(" error 0.)")
        print("\(generic ? "FAIL" : "ok  ") \(what): \(text)")
        return !generic
    }
}

let missing = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("crimekit-embedding-missing.csv")
let checks = [
    expectSentence("CrimeCore") { _ = try IngestSchema.resolve("no-such-schema") },
    expectSentence("CrimeModels") { var f = RandomForestRegressor(trees: 0, seed: 1); try f.fit(x, targets: y) },
    expectSentence("CrimeEval") { _ = try Metrics.regressionSummary([1, 2], [1]) },
    expectSentence("a missing file") { _ = try IncidentReader.read(missing, schema: .chicago) },
]
guard checks.allSatisfy({ $0 }) else {
    print("embedding check: some CrimeKit errors print Foundation's generic text")
    exit(1)
}
print("embedding check: \(checks.count) errors read as sentences")
