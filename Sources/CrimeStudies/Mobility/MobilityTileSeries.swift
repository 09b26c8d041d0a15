import CrimeCore
import CrimeGeo
import Foundation

/// The layers as network channels, per tile and window: `crime` as `log(1 + count)`; `mobility` as
/// `log(1 + footfall)` standardised by a CrimeCore `StandardScaler` fitted over every cell of the fitting
/// windows only (so that no later window shapes the inputs); each sociodemographic layer as
/// `log(1 + value)` standardised over the cells — as the channel set includes them. Cells beyond the
/// grid's edge read as zero. ``tensors(history:origins:)`` cuts samples from these series with
/// CrimeCore's `SlidingWindowBuilder`.
public struct MobilityTileSeries: Sendable {
    /// The tiles, in sample order.
    public let tiles: [GridTile]
    /// The channel set.
    public let channels: MobilityChannelSet
    /// The channel names: `crime`, then `mobility`, then the sociodemographic layers, as the set includes them.
    public let channelNames: [String]
    /// Whether each channel is static (the same in every window).
    public let staticChannels: [Bool]
    /// The scaler of `log(1 + footfall)`: one feature over every cell of the fitting windows (nil
    /// unless the set includes mobility).
    public let mobilityScaler: StandardScaler?
    /// The scaler of the sociodemographic layers' `log(1 + value)`: one feature per layer, over the
    /// cells (nil unless the set includes them).
    public let censusScaler: StandardScaler?
    /// Channel frames `[tiles, windows, channels, size, size]`.
    let frames: Tensor
    /// Target frames `[tiles, windows, 1, size, size]`: 1 where a cell has at least one incident.
    let indicators: Tensor

    /// Series of `layers` on `tiles`; throws when the tiles are empty or differ in size, when the
    /// channel set needs a layer the data lack, or when `fittingWindows` is empty or outside the data.
    public init(layers: MobilityLayers, tiles: [GridTile], channels: MobilityChannelSet, fittingWindows: Range<Int>) throws {
        guard let first = tiles.first, tiles.allSatisfy({ $0.size == first.size }) else {
            throw MobilityError.noTiles(rows: layers.rows, columns: layers.columns, size: tiles.first?.size ?? 0)
        }
        if channels.includesMobility, layers.mobility == nil { throw MobilityError.missingLayer(channels: channels.rawValue, layer: "footfall") }
        if channels.includesCensus, layers.censusNames.isEmpty {
            throw MobilityError.missingLayer(channels: channels.rawValue, layer: "sociodemographic")
        }
        guard !fittingWindows.isEmpty, fittingWindows.lowerBound >= 0, fittingWindows.upperBound <= layers.windows else {
            throw MobilityError.badSetting(name: "fitting windows", reason: "\(fittingWindows) is not inside 0..<\(layers.windows)")
        }
        let cells = layers.cellCount
        var planes = [layers.crime.map { log1p($0) }]
        var mobilityScaler: StandardScaler?, censusScaler: StandardScaler?
        if channels.includesMobility, let footfall = layers.mobility {
            let logs = footfall.map { log1p(max($0, 0)) }
            var scaler = StandardScaler()
            try scaler.fit(try Tensor(shape: [fittingWindows.count * cells, 1],
                                      values: Array(logs[(fittingWindows.lowerBound * cells)..<(fittingWindows.upperBound * cells)])))
            planes.append(try scaler.transform(try Tensor(shape: [logs.count, 1], values: logs)).storage)
            mobilityScaler = scaler
        }
        if channels.includesCensus {
            let logs = try Tensor(shape: [layers.censusNames.count, cells], values: layers.census.map { log1p(max($0, 0)) })
            var scaler = StandardScaler()
            try scaler.fit(logs, channelAxis: 0)
            let scaled = try scaler.transform(logs, channelAxis: 0).storage
            // A static layer repeats in every window.
            for l in 0..<layers.censusNames.count {
                let layer = scaled[(l * cells)..<((l + 1) * cells)]
                planes.append(Array((0..<layers.windows).map { _ in layer }.joined()))
            }
            censusScaler = scaler
        }
        (self.tiles, self.channels, self.mobilityScaler, self.censusScaler) = (tiles, channels, mobilityScaler, censusScaler)
        channelNames = ["crime"] + (channels.includesMobility ? ["mobility"] : []) + (channels.includesCensus ? layers.censusNames : [])
        staticChannels = [false] + (channels.includesMobility ? [false] : []) + (channels.includesCensus ? layers.censusNames.map { _ in true } : [])
        (frames, indicators) = try Self.tiled(planes, layers: layers, tiles: tiles, size: first.size)
    }

    /// Inputs and targets for every tile at every origin (the last input window; the target is the
    /// next one), origin-major.
    ///
    /// - Throws: ``MobilityError/badOrigin(_:history:windows:)`` when an origin's history or target
    ///   falls outside the windows.
    public func tensors(history: Int, origins: [Int]) throws -> MobilityTensors {
        guard history >= 1 else { throw MobilityError.badSetting(name: "history", reason: "must be at least 1, got \(history)") }
        let windows = frames.shape[1]
        for o in origins where o - history + 1 < 0 || o + 1 >= windows {
            throw MobilityError.badOrigin(o, history: history, windows: windows)
        }
        let builder = try SlidingWindowBuilder(history: history)
        let targets = origins.map { $0 + 1 }
        return MobilityTensors(inputs: try builder.inputs(parallel: frames, targets: targets),
                               targets: try builder.targets(parallel: indicators, targets: targets),
                               samples: origins.flatMap { o in tiles.indices.map { MobilitySample(tile: $0, origin: o) } },
                               channelNames: channelNames, staticChannels: staticChannels)
    }

    /// Cuts each channel plane (windows × grid cells) into tiles: frames
    /// `[tiles, windows, channels, size, size]` and at-least-one-incident indicators `[tiles, windows, 1, size, size]`.
    private static func tiled(_ planes: [[Float]], layers: MobilityLayers, tiles: [GridTile], size: Int) throws -> (Tensor, Tensor) {
        let pixels = size * size, c = planes.count, cells = layers.cellCount, windows = layers.windows
        var x = [Float](repeating: 0, count: tiles.count * windows * c * pixels)
        var y = [Float](repeating: 0, count: tiles.count * windows * pixels)
        for (k, tile) in tiles.enumerated() {
            for i in 0..<size where tile.firstRow + i < layers.rows {
                for j in 0..<size where tile.firstColumn + j < layers.columns {
                    let cell = (tile.firstRow + i) * layers.columns + tile.firstColumn + j, p = i * size + j
                    for w in 0..<windows {
                        let frame = k * windows + w
                        y[frame * pixels + p] = layers.crime[w * cells + cell] > 0 ? 1 : 0
                        for (channel, plane) in planes.enumerated() { x[(frame * c + channel) * pixels + p] = plane[w * cells + cell] }
                    }
                }
            }
        }
        return (try Tensor(shape: [tiles.count, windows, c, size, size], values: x),
                try Tensor(shape: [tiles.count, windows, 1, size, size], values: y))
    }
}
