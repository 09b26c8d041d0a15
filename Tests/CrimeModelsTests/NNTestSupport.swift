import CrimeCore
@testable import CrimeModels
import CrimeTestSupport
import Foundation
import Testing

/// Loads the PyTorch fixtures of Tests/Fixtures/nn and compares arrays.
enum NNFixture {
    static func file(_ name: String) throws -> SafeTensorsFile {
        try SafeTensorsFile(contentsOf: Fixtures.url("nn", "\(name).safetensors"))
    }

    /// The largest absolute difference relative to the largest reference magnitude.
    static func relativeError(_ got: [Float], _ want: [Float]) -> Double {
        guard got.count == want.count else { return .infinity }
        let scale = want.reduce(0) { max($0, abs(Double($1))) }
        let diff = zip(got, want).reduce(0) { max($0, abs(Double($1.0) - Double($1.1))) }
        return diff / max(scale, 1e-12)
    }

    /// Expects `got` to match the fixture tensor `name` in shape (when given) and within `tolerance`.
    static func expectClose(_ got: [Float], _ file: SafeTensorsFile, _ name: String, tolerance: Double,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let want = try file.float32(name)
        let error = relativeError(got, want.storage)
        #expect(error <= tolerance, "\(name): relative error \(error)", sourceLocation: sourceLocation)
    }

    /// A parameter set holding fixture tensors renamed: `(fixture name, parameter name, trainable)`.
    static func parameters(_ file: SafeTensorsFile, _ entries: [(String, String, Bool)]) throws -> ParameterSet {
        var set = ParameterSet()
        for (source, name, trainable) in entries {
            let a = try file.float32(source)
            try set.add(name, shape: a.shape, values: a.storage, trainable: trainable)
        }
        return set
    }
}
