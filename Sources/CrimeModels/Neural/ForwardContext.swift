import CrimeCore

/// What a forward pass needs besides its input: the mode, the dropout generator and the parameters
/// (mutable because batch norm updates its running statistics in training mode, as PyTorch does).
public struct ForwardContext {
    /// Training mode (batch statistics, dropout on) or evaluation mode.
    public var training: Bool
    /// The generator dropout masks are drawn from.
    public var generator: SeededGenerator
    /// The network's parameters and buffers.
    public var parameters: ParameterSet

    /// A context over parameters in the given mode.
    public init(parameters: ParameterSet, training: Bool, seed: UInt64 = 0) {
        self.parameters = parameters
        self.training = training
        generator = SeededGenerator(seed: seed)
    }
}

/// Gradients accumulated by backward passes, one array per entry of a ``ParameterSet``.
public struct Gradients: Sendable {
    /// The gradient of each entry (zero for buffers), parallel to the parameter set.
    public var values: [[Float]]

    /// Zero gradients shaped like `parameters`.
    public init(zeroFor parameters: ParameterSet) { values = parameters.zeros() }

    /// The Euclidean norm of all gradients together.
    public var globalNorm: Double {
        var sum = 0.0
        for g in values { g.withUnsafeBufferPointer { p in for v in p { sum += Double(v) * Double(v) } } }
        return sum.squareRoot()
    }
}
