import CrimeCore

/// PyTorch's default initialisation schemes, drawn from a seeded generator.
///
/// `nn.Linear` and `nn.Conv2d` weights use `kaiming_uniform_(a: √5)`, whose bound
/// `gain·√(3 / fan_in)` with `gain = √(2 / (1 + a²))` simplifies to `1/√fan_in`; their biases use
/// `U(±1/√fan_in)` too. `nn.LSTM` draws every weight and bias from `U(±1/√hidden)`.
public struct PyTorchInitializer {
    private var generator: SeededGenerator

    /// An initialiser whose draws are fixed by the seed.
    public init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    /// `count` values from `U(-1/√fanIn, 1/√fanIn)`.
    public mutating func uniform(count: Int, fanIn: Int) -> [Float] {
        uniform(count: count, bound: 1 / Double(max(fanIn, 1)).squareRoot())
    }

    /// `count` values from `U(-bound, bound)`.
    public mutating func uniform(count: Int, bound: Double) -> [Float] {
        (0..<count).map { _ in Float((generator.nextUniform() * 2 - 1) * bound) }
    }
}

extension ParameterSet {
    /// The position of a required entry of the given rank; throws naming the tensor otherwise.
    func require(_ name: String, rank: Int) throws -> Int {
        guard let p = position(of: name) else { throw NNError.missingTensor(name: name, file: "the weights") }
        guard shapes[p].count == rank, shapes[p].allSatisfy({ $0 > 0 }) else {
            throw NNError.wrongShape(tensor: name, expected: "rank \(rank) with positive axes", got: shapes[p])
        }
        return p
    }

    /// The position of a required entry of exactly this shape; throws naming the tensor otherwise.
    func require(_ name: String, shape: [Int]) throws -> Int {
        guard let p = position(of: name) else { throw NNError.missingTensor(name: name, file: "the weights") }
        guard shapes[p] == shape else { throw NNError.wrongShape(tensor: name, expected: "\(shape)", got: shapes[p]) }
        return p
    }
}
