import Testing
import CrimeCore

/// The one sliding-window builder on tiny hand-made series.
@Suite struct SlidingWindowBuilderTests {
    /// Six windows of a 2-entry frame: window w holds (10·w, 10·w + 1).
    static func series() throws -> Tensor {
        try Tensor(shape: [6, 2], values: (0..<6).flatMap { [Float(10 * $0), Float(10 * $0 + 1)] })
    }

    @Test func inputsPrecedeTheTargetByTheHorizon() throws {
        let builder = try SlidingWindowBuilder(history: 2, horizon: 2)
        #expect(builder.firstTarget == 3)
        let x = try builder.inputs(try Self.series(), targets: [3, 5])
        #expect(x.shape == [2, 2, 2])
        // Target 3 sees windows 0 and 1; target 5 sees windows 2 and 3.
        #expect(x.storage == [0, 1, 10, 11, 20, 21, 30, 31])
        let y = try builder.targets(try Self.series(), targets: [3, 5])
        #expect(y.shape == [2, 2] && y.storage == [30, 31, 50, 51])
    }

    @Test func aTargetPastTheEndHasInputsOnly() throws {
        let builder = try SlidingWindowBuilder(history: 3)
        #expect(try builder.inputs(try Self.series(), targets: [6]).storage == [30, 31, 40, 41, 50, 51])
        #expect(throws: CubeError.self) { try builder.targets(try Self.series(), targets: [6]) }
        #expect(throws: CubeError.self) { try builder.inputs(try Self.series(), targets: [2]) }
        #expect(throws: CubeError.self) { try builder.inputs(try Self.series(), targets: [7]) }
    }

    @Test func parallelSeriesAreTargetMajor() throws {
        // Two series of four windows, one value each: series s, window w holds 100·s + w.
        let parallel = try Tensor(shape: [2, 4], values: [0, 1, 2, 3, 100, 101, 102, 103])
        let builder = try SlidingWindowBuilder(history: 2)
        let x = try builder.inputs(parallel: parallel, targets: [2, 3])
        #expect(x.shape == [4, 2])
        #expect(x.storage == [0, 1, 100, 101, 1, 2, 101, 102])
        #expect(try builder.targets(parallel: parallel, targets: [2, 3]).storage == [2, 102, 3, 103])
    }

    @Test func badSettingsThrow() throws {
        #expect(throws: CubeError.badParameter(name: "history", value: 0, reason: "must be at least 1")) {
            try SlidingWindowBuilder(history: 0)
        }
        #expect(throws: CubeError.badParameter(name: "horizon", value: 0, reason: "must be at least 1")) {
            try SlidingWindowBuilder(history: 1, horizon: 0)
        }
        #expect(throws: CubeError.self) { try SlidingWindowBuilder(history: 1).inputs(parallel: try Tensor(shape: [3], values: [1, 2, 3]), targets: [1]) }
    }
}
