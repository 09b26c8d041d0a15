import CrimeCore

/// Input checks shared by the linear models: shapes, finiteness and constant columns.
enum DesignChecks {
    /// Throws the first problem that makes the design unusable for least squares.
    static func validate(design: Matrix, response: [Double], termNames: [String], responseName: String,
                         clusters: [Int]?) throws {
        guard design.rows > 0 else { throw LinearModelError.emptyData }
        guard design.columns > 0 else { throw LinearModelError.noColumns }
        guard response.count == design.rows else {
            throw LinearModelError.lengthMismatch(what: "the response '\(responseName)'", expected: design.rows, got: response.count)
        }
        guard termNames.count == design.columns else {
            throw LinearModelError.lengthMismatch(what: "the term names", expected: design.columns, got: termNames.count)
        }
        if let clusters, clusters.count != design.rows {
            throw LinearModelError.lengthMismatch(what: "the cluster groups", expected: design.rows, got: clusters.count)
        }
        guard design.columns <= design.rows else {
            throw LinearModelError.moreColumnsThanRows(columns: design.columns, rows: design.rows)
        }
        if let row = response.firstIndex(where: { !$0.isFinite }) {
            throw LinearModelError.nonFinite(column: responseName, row: row)
        }
        try design.values.withUnsafeBufferPointer { v in
            for index in 0..<v.count where !v[index].isFinite {
                throw LinearModelError.nonFinite(column: termNames[index % design.columns], row: index / design.columns)
            }
        }
    }

    /// The first column whose entries are all equal and non-zero (statsmodels' `k_constant` detection).
    static func interceptColumn(_ x: Matrix) -> Int? {
        (0..<x.columns).first { j in x[0, j] != 0 && isConstant(x, column: j) }
    }

    /// The sum of each column.
    static func columnSums(_ x: Matrix) -> [Double] {
        var sums = [Double](repeating: 0, count: x.columns)
        x.values.withUnsafeBufferPointer { v in
            for i in 0..<x.rows { for j in 0..<x.columns { sums[j] += v[i * x.columns + j] } }
        }
        return sums
    }

    /// A constant column other than `excluding`, if any.
    static func constantColumn(_ x: Matrix, excluding: Int) -> Int? {
        (0..<x.columns).first { j in j != excluding && isConstant(x, column: j) }
    }

    private static func isConstant(_ x: Matrix, column j: Int) -> Bool {
        let first = x[0, j]
        return x.values.withUnsafeBufferPointer { v in
            var i = 1
            while i < x.rows {
                if v[i * x.columns + j] != first { return false }
                i += 1
            }
            return true
        }
    }
}
