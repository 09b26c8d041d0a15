import CrimeCore
import CrimeModels
import CrimeTestSupport
import Foundation
import Testing

/// Every public error type of CrimeModels (and CrimeCore's `EstimatorError`, which the estimators
/// here throw), thrown by public API and caught as `any Error`, prints its own sentence through
/// `localizedDescription`.
@Suite struct ModelsLocalizedErrorTests {
    private let x = Matrix(rows: 4, columns: 2, values: [1, 2, 2, 1, 3, 4, 4, 3])

    @Test func estimatorError() {
        expectLocalizedDescription(EstimatorError.self) { _ = try OLS().predict(x) }
    }

    @Test func linearModelError() {
        var ols = OLS()
        expectLocalizedDescription(LinearModelError.self) {
            try ols.fit(Matrix(rows: 3, columns: 1, values: [1, .infinity, 2]), targets: [1, 2, 3])
        }
    }

    @Test func forestError() {
        var forest = RandomForestClassifier(trees: 2)
        expectLocalizedDescription(ForestError.self) { try forest.fit(x, targets: [1, 1, 1, 1]) }
    }

    @Test func nnError() {
        expectLocalizedDescription(NNError.self) { _ = try SafeTensorsFile(bytes: Data([1, 2, 3]), file: "weights.safetensors") }
    }

    @Test func archiveError() {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-\(UUID().uuidString).ckm")
        expectLocalizedDescription(ArchiveError.self) { try OLS().save(to: url) }
    }

    @Test func dataTableError() {
        expectLocalizedDescription(DataTableError.self) {
            _ = try DataTable.load(csv: URL(fileURLWithPath: "/nonexistent/crimekit/table.csv"))
        }
    }

    @Test func estimatorRegistryError() {
        expectLocalizedDescription(EstimatorRegistryError.self) { _ = try EstimatorRegistry().make("no-such-model") }
    }
}
