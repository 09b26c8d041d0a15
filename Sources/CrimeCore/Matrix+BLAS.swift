import COpenBLAS

extension Matrix {
    /// The product `self × other` through `cblas_dgemm`.
    public func multiplied(by other: Matrix) throws -> Matrix {
        try validate()
        try other.validate()
        guard columns == other.rows else {
            throw MatrixError.shapeMismatch("\(rows)×\(columns) times \(other.rows)×\(other.columns)")
        }
        var out = [Double](repeating: 0, count: rows * other.columns)
        if rows > 0, other.columns > 0, columns > 0 {
            values.withUnsafeBufferPointer { a in
                other.values.withUnsafeBufferPointer { b in
                    out.withUnsafeMutableBufferPointer { c in
                        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans,
                                    Int32(rows), Int32(other.columns), Int32(columns),
                                    1, a.baseAddress, Int32(columns),
                                    b.baseAddress, Int32(other.columns),
                                    0, c.baseAddress, Int32(other.columns))
                    }
                }
            }
        }
        return Matrix(rows: rows, columns: other.columns, values: out)
    }

    /// The Gram matrix `selfᵀ × self` through `cblas_dsyrk` (both triangles filled).
    public func gram() throws -> Matrix {
        try validate()
        let n = columns
        var out = [Double](repeating: 0, count: n * n)
        if rows > 0, n > 0 {
            values.withUnsafeBufferPointer { a in
                out.withUnsafeMutableBufferPointer { c in
                    cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, Int32(n), Int32(rows),
                                1, a.baseAddress, Int32(n), 0, c.baseAddress, Int32(n))
                }
            }
            for i in 0..<n { for j in 0..<i { out[i * n + j] = out[j * n + i] } }
        }
        return Matrix(rows: n, columns: n, values: out)
    }

    /// The matrix-vector product `self × v` through `cblas_dgemv`.
    public func multiplied(by v: [Double]) throws -> [Double] {
        try validate()
        guard v.count == columns else {
            throw MatrixError.shapeMismatch("\(rows)×\(columns) times a vector of \(v.count)")
        }
        var out = [Double](repeating: 0, count: rows)
        if rows > 0, columns > 0 {
            values.withUnsafeBufferPointer { a in
                v.withUnsafeBufferPointer { x in
                    out.withUnsafeMutableBufferPointer { y in
                        cblas_dgemv(CblasRowMajor, CblasNoTrans, Int32(rows), Int32(columns),
                                    1, a.baseAddress, Int32(columns), x.baseAddress, 1, 0, y.baseAddress, 1)
                    }
                }
            }
        }
        return out
    }
}
