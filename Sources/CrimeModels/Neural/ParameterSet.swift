/// Named `Float` arrays in PyTorch state-dict order: trainable parameters and buffers (batch-norm running
/// statistics). The names are PyTorch's state-dict keys, so a set round-trips through safetensors unchanged.
public struct ParameterSet: Sendable, Equatable {
    /// State-dict names, in registration order.
    public private(set) var names: [String] = []
    /// Shapes, parallel to ``names``.
    public private(set) var shapes: [[Int]] = []
    /// Values (row-major), parallel to ``names``.
    public var values: [[Float]] = []
    /// Whether each entry is trained (false for running statistics).
    public private(set) var trainable: [Bool] = []
    private var index: [String: Int] = [:]

    /// An empty set.
    public init() {}

    /// Adds an entry and returns its position; throws for a duplicate name or a value count that
    /// does not match the shape.
    @discardableResult
    public mutating func add(_ name: String, shape: [Int], values v: [Float], trainable t: Bool = true) throws -> Int {
        guard index[name] == nil else { throw NNError.invalidOption(name: name, reason: "registered twice") }
        guard v.count == shape.reduce(1, *) else {
            throw NNError.wrongShape(tensor: name, expected: "\(shape.reduce(1, *)) values", got: [v.count])
        }
        index[name] = names.count
        names.append(name)
        shapes.append(shape)
        values.append(v)
        trainable.append(t)
        return names.count - 1
    }

    /// The position of a name, if present.
    public func position(of name: String) -> Int? { index[name] }

    /// The values stored under a name.
    public subscript(name: String) -> [Float]? { index[name].map { values[$0] } }

    /// A zero array for every entry, shaped like the values (gradients and optimiser moments).
    public func zeros() -> [[Float]] { values.map { [Float](repeating: 0, count: $0.count) } }

    /// Number of trainable scalars.
    public var trainableCount: Int { zip(values, trainable).reduce(0) { $0 + ($1.1 ? $1.0.count : 0) } }
}
