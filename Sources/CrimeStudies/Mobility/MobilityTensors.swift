import CrimeCore
import CrimeGeo
import Foundation
import CrimeEval

/// How raw layers become network inputs: `log(1 + count)` for crime; `log(1 + footfall)` standardised
/// with the mean and standard deviation over the fitting windows; each sociodemographic layer as
/// `log(1 + value)` standardised over the cells.
public struct MobilityScaling: Sendable, Equatable {
    /// Mean and standard deviation of `log(1 + footfall)` over the fitting windows.
    public let mobility: (mean: Float, sd: Float)?
    /// Mean and standard deviation of each sociodemographic layer's `log(1 + value)` over cells.
    public let census: [(mean: Float, sd: Float)]

    /// Statistics from `layers`, footfall only over `windows` (the training period, so that no later
    /// window shapes the inputs).
    public init(_ layers: MobilityLayers, fittingWindows windows: Range<Int>) throws {
        guard !windows.isEmpty, windows.lowerBound >= 0, windows.upperBound <= layers.windows else {
            throw MobilityError.badSetting(name: "fitting windows", reason: "\(windows) is not inside 0..<\(layers.windows)")
        }
        let cells = layers.cellCount
        mobility = layers.mobility.map { Self.moments($0[(windows.lowerBound * cells)..<(windows.upperBound * cells)]) }
        census = (0..<layers.censusNames.count).map { Self.moments(layers.census[($0 * cells)..<(($0 + 1) * cells)]) }
    }

    static func moments(_ values: ArraySlice<Float>) -> (mean: Float, sd: Float) {
        var sum = 0.0, squares = 0.0
        for v in values { let l = Double(log1p(max(v, 0))); sum += l; squares += l * l }
        let n = Double(max(values.count, 1)), mean = sum / n
        let sd = (max(squares / n - mean * mean, 0)).squareRoot()
        return (Float(mean), Float(sd > 1e-9 ? sd : 1))
    }

    public static func == (a: MobilityScaling, b: MobilityScaling) -> Bool {
        a.mobility?.mean == b.mobility?.mean && a.mobility?.sd == b.mobility?.sd
            && a.census.map(\.mean) == b.census.map(\.mean) && a.census.map(\.sd) == b.census.map(\.sd)
    }
}

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

/// Builds ``MobilityTensors`` for a channel set and history length over tiles of the grid.
public struct MobilityTensorBuilder: Sendable {
    /// The layers.
    public let layers: MobilityLayers
    /// The tiles (cells beyond the grid's edge read as zero).
    public let tiles: [GridTile]
    /// The channel set.
    public let channels: MobilityChannelSet
    /// Input windows per sample.
    public let history: Int
    /// The input scaling.
    public let scaling: MobilityScaling

    /// A builder; throws when the channel set needs a layer the data lack or the tiles are empty.
    public init(layers: MobilityLayers, tiles: [GridTile], channels: MobilityChannelSet, history: Int,
                scaling: MobilityScaling) throws {
        guard history >= 1 else { throw MobilityError.badSetting(name: "history", reason: "must be at least 1, got \(history)") }
        guard let first = tiles.first, tiles.allSatisfy({ $0.size == first.size }) else {
            throw MobilityError.noTiles(rows: layers.rows, columns: layers.columns, size: tiles.first?.size ?? 0)
        }
        if channels.includesMobility, layers.mobility == nil { throw MobilityError.missingLayer(channels: channels.rawValue, layer: "footfall") }
        if channels.includesCensus, layers.censusNames.isEmpty {
            throw MobilityError.missingLayer(channels: channels.rawValue, layer: "sociodemographic")
        }
        (self.layers, self.tiles, self.channels, self.history, self.scaling) = (layers, tiles, channels, history, scaling)
    }

    /// The channel names: `crime`, then `mobility`, then the sociodemographic layers, as the set includes them.
    public var channelNames: [String] {
        ["crime"] + (channels.includesMobility ? ["mobility"] : []) + (channels.includesCensus ? layers.censusNames : [])
    }

    /// Inputs and targets for every tile at every origin.
    public func tensors(origins: [Int]) throws -> MobilityTensors {
        let size = tiles[0].size, pixels = size * size
        let names = channelNames, c = names.count, t = history
        let cells = layers.cellCount
        for o in origins where o - history + 1 < 0 || o + 1 >= layers.windows {
            throw MobilityError.badOrigin(o, history: history, windows: layers.windows)
        }
        let samples = origins.flatMap { o in tiles.indices.map { MobilitySample(tile: $0, origin: o) } }
        var x = [Float](repeating: 0, count: samples.count * t * c * pixels)
        var y = [Float](repeating: 0, count: samples.count * pixels)
        let mobility = layers.mobility ?? []
        x.withUnsafeMutableBufferPointer { xs in
            y.withUnsafeMutableBufferPointer { ys in
                for (s, sample) in samples.enumerated() {
                    let tile = tiles[sample.tile]
                    for i in 0..<size {
                        let r = tile.firstRow + i
                        for j in 0..<size {
                            let col = tile.firstColumn + j
                            guard r < layers.rows, col < layers.columns else { continue }
                            let cell = r * layers.columns + col, p = i * size + j
                            ys[s * pixels + p] = layers.crime[(sample.origin + 1) * cells + cell] > 0 ? 1 : 0
                            for step in 0..<t {
                                let w = sample.origin - t + 1 + step
                                let base = ((s * t + step) * c) * pixels + p
                                xs[base] = log1p(layers.crime[w * cells + cell])
                                var k = 1
                                if channels.includesMobility, let m = scaling.mobility {
                                    xs[base + k * pixels] = (log1p(max(mobility[w * cells + cell], 0)) - m.mean) / m.sd
                                    k += 1
                                }
                                if channels.includesCensus {
                                    for (l, stat) in scaling.census.enumerated() {
                                        xs[base + (k + l) * pixels] = (log1p(max(layers.census[l * cells + cell], 0)) - stat.mean) / stat.sd
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let isStatic = [false] + (channels.includesMobility ? [false] : []) + (channels.includesCensus ? layers.censusNames.map { _ in true } : [])
        return MobilityTensors(inputs: try Tensor(shape: [samples.count, t, c, size, size], values: x),
                               targets: try Tensor(shape: [samples.count, 1, size, size], values: y),
                               samples: samples, channelNames: names, staticChannels: isStatic)
    }
}
