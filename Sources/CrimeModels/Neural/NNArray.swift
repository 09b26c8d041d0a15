import CrimeCore

/// The engine's activation type: a shape and contiguous row-major `Float` storage that layers read and
/// write through unsafe buffers. Convert to and from CrimeCore's `Tensor` at a model's boundary.
public struct NNArray: Sendable, Equatable {
    /// The size of each axis.
    public var shape: [Int]
    /// The entries, last axis fastest.
    public var data: [Float]

    /// An array of zeros.
    public init(zeros shape: [Int]) {
        self.shape = shape
        data = [Float](repeating: 0, count: shape.reduce(1, *))
    }

    /// Wraps values whose count is the product of the shape; throws otherwise.
    public init(shape: [Int], data: [Float]) throws {
        guard shape.allSatisfy({ $0 >= 0 }), data.count == shape.reduce(1, *) else {
            throw NNError.wrongShape(tensor: "array", expected: "\(shape.reduce(1, *)) values", got: [data.count])
        }
        self.shape = shape
        self.data = data
    }

    /// Internal unchecked wrapper used by layers that computed the count themselves.
    init(unchecked shape: [Int], _ data: [Float]) {
        self.shape = shape
        self.data = data
    }

    /// A copy of a CrimeCore tensor.
    public init(_ tensor: Tensor) {
        shape = tensor.shape
        data = tensor.storage
    }

    /// The same values as a CrimeCore tensor.
    public func tensor() throws -> Tensor { try Tensor(shape: shape, values: data) }

    /// Number of entries.
    public var count: Int { data.count }

    /// The same storage under another shape with the same count.
    func reshaped(_ newShape: [Int]) -> NNArray { NNArray(unchecked: newShape, data) }
}
