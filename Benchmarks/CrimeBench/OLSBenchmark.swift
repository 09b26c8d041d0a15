import CrimeCore
import CrimeModels
import Dispatch
import Foundation

/// Times an OLS fit plus its summary on a design read from a raw file of little-endian `Double`s,
/// row-major, each row `y, x1 … xk` (written by Benchmarks/compare/ols_peer.py so that statsmodels sees the
/// same numbers); a constant column is put in front of the features, as `sm.add_constant` does.
/// Reports the times and the fitted figures the peer script compares with statsmodels'.
enum OLSBenchmark {
    static func run(path: String, columns: Int) throws -> [String: Double] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let width = columns + 1
        let count = data.count / MemoryLayout<Double>.size
        guard columns > 0, count % width == 0 else {
            throw OLSBenchmarkError.badFile("\(path) holds \(count) doubles, not a multiple of \(width)")
        }
        let rows = count / width
        var design = [Double](repeating: 1, count: rows * width)
        var y = [Double](repeating: 0, count: rows)
        data.withUnsafeBytes { raw in
            let values = raw.bindMemory(to: Double.self)
            design.withUnsafeMutableBufferPointer { d in
                for i in 0..<rows {
                    y[i] = values[i * width]
                    for j in 1..<width { d[i * width + j] = values[i * width + j] }
                }
            }
        }
        let names = ["const"] + (1...columns).map { "x\($0)" }
        let x = Matrix(rows: rows, columns: width, values: design)
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try OLS.fit(design: x, response: y, termNames: names)
        let fitted = DispatchTime.now().uptimeNanoseconds
        let summary = try result.summary()
        let end = DispatchTime.now().uptimeNanoseconds
        var out: [String: Double] = [
            "rows": Double(rows), "columns": Double(width),
            "fit_seconds": Double(fitted - start) / 1e9, "summary_seconds": Double(end - fitted) / 1e9,
            "total_seconds": Double(end - start) / 1e9, "summary_characters": Double(summary.count),
            "rsquared": result.rsquared, "fvalue": result.fvalue, "llf": result.llf, "aic": result.aic,
        ]
        for j in 0..<width {
            out["params_\(j)"] = result.params[j]
            out["bse_\(j)"] = result.bse[j]
            out["pvalues_\(j)"] = result.pvalues[j]
        }
        return out
    }
}

/// A benchmark input that cannot be used.
enum OLSBenchmarkError: Error, CustomStringConvertible {
    case badFile(String)
    var description: String {
        switch self { case let .badFile(message): return message }
    }
}
