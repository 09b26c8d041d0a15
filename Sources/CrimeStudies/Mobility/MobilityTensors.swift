import CrimeCore

/// One sample: a tile and a forecast origin (the last input window; the target is the next one).
public struct MobilitySample: Sendable, Hashable {
    /// Index into the tiles.
    public let tile: Int
    /// The last input window.
    public let origin: Int
}

/// Network inputs and targets for tiles × origins.
public struct MobilityTensors: Sendable {
    /// `[samples, history, channels, size, size]`.
    public let inputs: Tensor
    /// `[samples, 1, size, size]`: 1 where the cell has at least one incident in window `origin + 1`.
    public let targets: Tensor
    /// The samples, origin-major (all tiles of the first origin, then the next origin).
    public let samples: [MobilitySample]
    /// The channel names, in order.
    public let channelNames: [String]
    /// Whether each channel is static (the same in every time step).
    public let staticChannels: [Bool]

    /// Tile side in cells.
    public var size: Int { inputs.shape[3] }
    /// Time steps per sample.
    public var history: Int { inputs.shape[1] }
    /// The targets as `Double` labels, sample by sample, each map row by row.
    public var labels: [Double] { targets.storage.map(Double.init) }
}
