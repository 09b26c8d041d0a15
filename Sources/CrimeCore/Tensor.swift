import COpenBLAS

/// A dense `Float` tensor: a shape and contiguous row-major (last axis fastest) storage.
///
/// It is also the neural engine's activation type: layers read and write `storage` in place through
/// `withUnsafeBufferPointer` / `withUnsafeMutableBufferPointer`, so no copy is made between layers.
public struct Tensor: Equatable, Sendable {
    /// The size of each axis.
    public let shape: [Int]
    /// The entries, last axis fastest.
    public package(set) var storage: [Float]

    /// A tensor filled with one value; throws for a negative axis.
    public init(shape: [Int], repeating value: Float = 0) throws {
        guard shape.allSatisfy({ $0 >= 0 }) else { throw MatrixError.shapeMismatch("negative axis in \(shape)") }
        self.shape = shape
        storage = Array(repeating: value, count: shape.reduce(1, *))
    }

    /// Wraps values; throws when their count is not the product of the shape.
    public init(shape: [Int], values: [Float]) throws {
        guard shape.allSatisfy({ $0 >= 0 }), values.count == shape.reduce(1, *) else {
            throw MatrixError.shapeMismatch("shape \(shape) needs \(shape.reduce(1, *)) values, got \(values.count)")
        }
        self.shape = shape
        storage = values
    }

    /// A tensor of zeros for a shape the caller computed (no negative axis).
    package init(zeros shape: [Int]) {
        self.init(unchecked: shape, [Float](repeating: 0, count: shape.reduce(1, *)))
    }

    /// Wraps values without checking them, for callers that computed the count from the shape themselves.
    package init(unchecked shape: [Int], _ storage: [Float]) {
        assert(storage.count == shape.reduce(1, *), "shape \(shape) needs \(shape.reduce(1, *)) values, got \(storage.count)")
        self.shape = shape
        self.storage = storage
    }

    /// Number of entries.
    public var count: Int { storage.count }

    /// Distance in storage between neighbours along each axis.
    public var strides: [Int] {
        var s = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            s[axis] = acc
            acc *= shape[axis]
        }
        return s
    }

    /// The entry at a full multi-index.
    public subscript(index: Int...) -> Float {
        get { storage[offset(index)] }
        set { storage[offset(index)] = newValue }
    }

    private func offset(_ index: [Int]) -> Int {
        var flat = 0
        for (i, s) in zip(index, strides) { flat += i * s }
        return flat
    }

    /// The same storage under a new shape with the same number of entries.
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        try Tensor(shape: newShape, values: storage)
    }

    /// The same storage under a shape the caller computed to hold the same number of entries.
    package func reshaped(unchecked newShape: [Int]) -> Tensor {
        Tensor(unchecked: newShape, storage)
    }

    /// The matrix product of two 2-D tensors through `cblas_sgemm`.
    public func matmul(_ other: Tensor) throws -> Tensor {
        guard shape.count == 2, other.shape.count == 2, shape[1] == other.shape[0] else {
            throw MatrixError.shapeMismatch("\(shape) matmul \(other.shape)")
        }
        let (m, k, n) = (shape[0], shape[1], other.shape[1])
        var out = [Float](repeating: 0, count: m * n)
        if m > 0, n > 0, k > 0 {
            storage.withUnsafeBufferPointer { a in
                other.storage.withUnsafeBufferPointer { b in
                    out.withUnsafeMutableBufferPointer { c in
                        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
                                    1, a.baseAddress, Int32(k), b.baseAddress, Int32(n), 0, c.baseAddress, Int32(n))
                    }
                }
            }
        }
        return try Tensor(shape: [m, n], values: out)
    }
}
