/// Cuts time-major series into samples for sequence models: the sample for target window `y` takes
/// the `history` windows `y − horizon − history + 1 … y − horizon` as its input and window `y` as its
/// target.
///
/// A series is a tensor whose first axis is time, `[windows, frame…]`, with one frame per window (a
/// vector of cells, an image, channels × image). Parallel series — tiles of a map, cells, districts —
/// are `[series, windows, frame…]` and are windowed together, samples ordered by target first (every
/// series for the first target, then every series for the next). A target may lie past the end of
/// the series as long as its inputs do not: such a sample forecasts a window not yet observed.
public struct SlidingWindowBuilder: Sendable, Equatable {
    /// Input windows per sample.
    public let history: Int
    /// Windows from the last input to the target (1: the next window).
    public let horizon: Int

    /// A builder; throws unless `history` and `horizon` are at least 1.
    public init(history: Int, horizon: Int = 1) throws {
        guard history >= 1 else { throw CubeError.badParameter(name: "history", value: history, reason: "must be at least 1") }
        guard horizon >= 1 else { throw CubeError.badParameter(name: "horizon", value: horizon, reason: "must be at least 1") }
        self.history = history
        self.horizon = horizon
    }

    /// The earliest target window with a full history, `history + horizon − 1`.
    public var firstTarget: Int { history + horizon - 1 }

    /// The inputs of each target window from a series `[windows, frame…]`: `[targets, history, frame…]`.
    ///
    /// - Throws: ``CubeError/badParameter(name:value:reason:)`` when a target's inputs fall outside the series.
    public func inputs(_ series: Tensor, targets: [Int]) throws -> Tensor {
        try gather(series, parallel: false, targets: targets, inputs: true)
    }

    /// The inputs of each target window from parallel series `[series, windows, frame…]`:
    /// `[targets × series, history, frame…]`, target-major.
    public func inputs(parallel series: Tensor, targets: [Int]) throws -> Tensor {
        try gather(series, parallel: true, targets: targets, inputs: true)
    }

    /// The frame of each target window from a series `[windows, frame…]`: `[targets, frame…]`.
    ///
    /// - Throws: ``CubeError/badParameter(name:value:reason:)`` when a target lies outside the series.
    public func targets(_ series: Tensor, targets: [Int]) throws -> Tensor {
        try gather(series, parallel: false, targets: targets, inputs: false)
    }

    /// The frame of each target window from parallel series `[series, windows, frame…]`:
    /// `[targets × series, frame…]`, target-major.
    public func targets(parallel series: Tensor, targets: [Int]) throws -> Tensor {
        try gather(series, parallel: true, targets: targets, inputs: false)
    }

    /// Copies `history` (inputs) or 1 (targets) consecutive frames per target and series.
    private func gather(_ series: Tensor, parallel: Bool, targets: [Int], inputs: Bool) throws -> Tensor {
        let timeAxis = parallel ? 1 : 0
        guard series.shape.count > timeAxis else {
            throw CubeError.badParameter(name: "series axes", value: series.shape.count,
                                         reason: parallel ? "parallel series need a series and a time axis" : "a series needs a time axis")
        }
        let count = parallel ? series.shape[0] : 1
        let windows = series.shape[timeAxis]
        let frameShape = Array(series.shape[(timeAxis + 1)...])
        let frame = frameShape.reduce(1, *)
        let steps = inputs ? history : 1
        let offset = inputs ? horizon + history - 1 : 0
        for y in targets where y - offset < 0 || y - offset + steps > windows {
            let first = y - offset, last = y - offset + steps - 1
            let needs = inputs ? "needs input windows \(first)…\(last), but " : ""
            throw CubeError.badParameter(name: "target window", value: y, reason: needs + "the series holds windows 0…\(windows - 1)")
        }
        var out = [Float]()
        out.reserveCapacity(targets.count * count * steps * frame)
        series.storage.withUnsafeBufferPointer { s in
            for y in targets {
                for k in 0..<count {
                    let start = (k * windows + y - offset) * frame
                    out.append(contentsOf: s[start..<(start + steps * frame)])
                }
            }
        }
        return try Tensor(shape: [targets.count * count] + (inputs ? [history] : []) + frameShape, values: out)
    }
}
