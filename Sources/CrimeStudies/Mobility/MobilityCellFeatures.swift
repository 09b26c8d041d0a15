import CrimeCore
import CrimeEval

/// Per-cell views of ``MobilityTensors`` for the baselines that see one cell at a time. Rows are the
/// cells of every sample's map in order (sample, then map row, then map column), the order of
/// ``MobilityTensors/labels``.
public enum MobilityCellFeatures {
    /// Lags of the crime channel used as tabular features (fewer when the history is shorter).
    public static let crimeLags = 4

    /// Column names of ``tabular(_:rows:)`` for tensors with these channels and history.
    public static func columnNames(_ tensors: MobilityTensors) -> [String] {
        let lags = min(crimeLags, tensors.history)
        var names = (1...lags).map { "crime_lag\($0)" } + ["crime_mean"]
        for (name, isStatic) in zip(tensors.channelNames, tensors.staticChannels).dropFirst() {
            names += isStatic ? [name] : ["\(name)_last", "\(name)_mean"]
        }
        return names
    }

    /// Tabular features of the given cell rows (all rows when nil): the last ``crimeLags`` crime
    /// values (lag 1 = the origin window), the crime mean over the history, the last value and the
    /// history mean of each dynamic channel, and the value of each static channel; all in the
    /// tensors' scaled units.
    public static func tabular(_ tensors: MobilityTensors, rows: [Int]? = nil) throws -> Matrix {
        let x = tensors.inputs
        let (t, c, pixels) = (x.shape[1], x.shape[2], x.shape[3] * x.shape[4])
        let chosen = rows ?? Array(0..<(x.shape[0] * pixels))
        let lags = min(crimeLags, t)
        let width = columnNames(tensors).count
        var out = [Double](repeating: 0, count: chosen.count * width)
        x.storage.withUnsafeBufferPointer { xs in
            for (n, row) in chosen.enumerated() {
                let s = row / pixels, p = row % pixels
                func value(_ step: Int, _ channel: Int) -> Double { Double(xs[((s * t + step) * c + channel) * pixels + p]) }
                var k = n * width
                for lag in 1...lags { out[k] = value(t - lag, 0); k += 1 }
                out[k] = (0..<t).reduce(0) { $0 + value($1, 0) } / Double(t); k += 1
                for channel in 1..<max(c, 1) {
                    out[k] = value(t - 1, channel); k += 1
                    if !tensors.staticChannels[channel] {
                        out[k] = (0..<t).reduce(0) { $0 + value($1, channel) } / Double(t); k += 1
                    }
                }
            }
        }
        return Matrix(rows: chosen.count, columns: width, values: out)
    }

    /// Each chosen cell's sequence of channel values, `[rows, history, channels]`, for the LSTM.
    public static func sequences(_ tensors: MobilityTensors, rows: [Int]? = nil) throws -> Tensor {
        let x = tensors.inputs
        let (t, c, pixels) = (x.shape[1], x.shape[2], x.shape[3] * x.shape[4])
        let chosen = rows ?? Array(0..<(x.shape[0] * pixels))
        var out = [Float](repeating: 0, count: chosen.count * t * c)
        x.storage.withUnsafeBufferPointer { xs in
            out.withUnsafeMutableBufferPointer { o in
                for (n, row) in chosen.enumerated() {
                    let s = row / pixels, p = row % pixels
                    for step in 0..<t {
                        for channel in 0..<c { o[(n * t + step) * c + channel] = xs[((s * t + step) * c + channel) * pixels + p] }
                    }
                }
            }
        }
        return try Tensor(shape: [chosen.count, t, c], values: out)
    }

    /// `count` distinct cell rows out of `total`, drawn with a seeded generator and returned sorted
    /// (all rows when `count ≥ total`).
    public static func sampleRows(total: Int, count: Int, seed: UInt64) -> [Int] {
        guard count < total else { return Array(0..<total) }
        var rng = SeededGenerator(seed: seed)
        var indices = Array(0..<total)
        for i in 0..<count {
            let j = i + Int(rng.next() % UInt64(total - i))
            indices.swapAt(i, j)
        }
        return indices[..<count].sorted()
    }
}
