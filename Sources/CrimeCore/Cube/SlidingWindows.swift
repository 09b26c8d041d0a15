/// Samples for sequence models cut from a cube: `history` past windows as input, the window `horizon`
/// steps after the last of them as target.
public struct SlidingWindows: Sendable, Equatable {
    /// Inputs shaped `[samples, history, cells]`, or `[samples, history, rows, columns]` on a grid.
    public let inputs: Tensor
    /// Targets shaped `[samples, cells]`, or `[samples, rows, columns]` on a grid.
    public let targets: Tensor
    /// Each sample's target window ordinal.
    public let targetWindows: [Int]
    /// The grid cells were placed on, or nil for the flat layout.
    public let grid: GridShape?
}

extension SpaceTimeCube {
    /// Builds sliding-window samples with ``SlidingWindowBuilder``: sample s takes windows
    /// `y − horizon − history + 1 … y − horizon` as input and window `y` as target, for every target
    /// ordinal `y` in `targetWindows` (default: all) with a full history. With `grid: true` cells are
    /// placed by `CellID.row/.column` (the caller states the index is a grid); otherwise they keep
    /// cube order.
    public func slidingWindows(history: Int, horizon: Int = 1, grid: Bool = false,
                               targetWindows: Range<Int>? = nil) throws -> SlidingWindows {
        let builder = try SlidingWindowBuilder(history: history, horizon: horizon)
        let wanted = targetWindows ?? 0..<windowCount
        let lo = max(wanted.lowerBound, builder.firstTarget)
        let hi = min(wanted.upperBound, windowCount)
        guard lo < hi else { throw CubeError.tooFewWindows(needed: builder.firstTarget + 1, have: windowCount) }

        let shape = grid ? try GridShape(cells: cells) : nil
        let plane = shape.map { $0.rows * $0.columns } ?? cellCount
        let positions = shape?.positions ?? Array(0..<cellCount)
        // The cube as a series: one dense plane per window.
        let dense = denseByWindow()
        var planes = [Float](repeating: 0, count: windowCount * plane)
        for w in 0..<windowCount {
            for c in 0..<cellCount { planes[w * plane + positions[c]] = Float(dense[w * cellCount + c]) }
        }
        let planeShape = shape.map { [$0.rows, $0.columns] } ?? [cellCount]
        let series = try Tensor(shape: [windowCount] + planeShape, values: planes)
        let targets = Array(lo..<hi)
        return SlidingWindows(inputs: try builder.inputs(series, targets: targets),
                              targets: try builder.targets(series, targets: targets), targetWindows: targets, grid: shape)
    }
}
