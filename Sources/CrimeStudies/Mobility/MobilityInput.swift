import CrimeCore
import CrimeEval
import CrimeGeo
import CrimeSynthetic
import Foundation

/// The mobility study's input: its grid of 0.2 km² cells cut into whole 16 × 16 tiles, the layers on
/// it, and notes on where they came from.
public struct MobilityInput: Sendable {
    /// The grid, a whole number of tiles in each direction.
    public let grid: RegularGrid
    /// Crime (and, where known, footfall and census) layers per cell and 12-hour window.
    public let layers: MobilityLayers
    /// Incidents counted on the grid over the study's windows.
    public let incidents: Int
    /// Sentences for the report on where each layer came from.
    public let notes: [String]
    /// The channel sets the data can feed (nil: all of them; `[.crime]` when only crime is known).
    public let channelSets: [MobilityChannelSet]?

    /// Side of a 0.2 km² cell in metres.
    public static var cellSide: Double { RegularGrid.side(forAreaSquareKilometres: 0.2) }

    /// A cleaned incident table, with a footfall CSV and sociodemographic polygons when given: half-day
    /// windows over the first `days` days of the incidents, a grid over the bounding box of the located
    /// incidents. `footfall` is read by ``MobilityFootfall/read(_:grid:windows:)`` and `census` (with the
    /// properties `censusFields`) by ``MobilityCensus/read(_:fields:grid:)``; the channel sets are crime
    /// plus those the given layers feed. `source` names the incidents in the notes, which also say which
    /// layers are real and which absent.
    public static func extract(_ table: IncidentTable, days: Int, source: String, footfall: URL? = nil,
                               census: URL? = nil, censusFields: [String] = []) throws -> MobilityInput {
        guard days >= 4 else { throw MobilityError.badSetting(name: "days", reason: "must be at least 4, got \(days)") }
        guard (census == nil) == censusFields.isEmpty else {
            throw MobilityError.badSetting(name: "census fields", reason: census == nil
                ? "the fields \(censusFields) were named without a sociodemographic file to read them from"
                : "name the numeric properties to read from \(census?.path ?? "")")
        }
        guard let span = table.timeSpan, let box = boundingBox(of: table) else {
            throw MobilityError.badSetting(name: "incidents", reason: "\(source) has no incidents with a time and a location")
        }
        let grid = try MobilityGrid.wholeTiles(covering: box, side: cellSide)
        let windows = try WindowSpan(.sequential(.halfDay, zone: table.zone), from: span.lowerBound,
                                     until: min(span.upperBound + 1, span.lowerBound + Int64(days) * 86_400))
        let cube = try SpaceTimeCube(table: table, index: grid, cells: grid.allCells, windows: windows)
        var notes = ["Crime: real, from \(source) (\(cube.total) incidents on the grid)."]
        var mobility: [Float]?
        if let footfall {
            let read = try MobilityFootfall.read(footfall, grid: grid, windows: windows)
            notes.append("Footfall: real, from \(footfall.path): \(read.rowsRead) rows, of which \(read.rowsOutsideGrid) outside the grid and \(read.rowsOutsidePeriod) outside the period are not used; "
                         + String(format: "total count used %.0f.", read.total))
            mobility = read.values
        } else {
            notes.append("Footfall: absent (no mobility file given); the channel sets with mobility are skipped.")
        }
        let sociodemographic: MobilityCensus?
        if let census {
            let read = try MobilityCensus.read(census, fields: censusFields, grid: grid)
            notes.append("Sociodemographic layers \(read.names.joined(separator: ", ")): real, from \(census.path) (\(read.features) polygons, by cell centre); \(read.cellsOutside) of \(grid.rows * grid.columns) cells lie outside every polygon and take each layer's mean over the covered cells.")
            sociodemographic = read
        } else {
            sociodemographic = nil
            notes.append("Sociodemographic layers: absent (no polygon file given); the channel sets with them are skipped.")
        }
        let channelSets = MobilityChannelSet.allCases.filter { (!$0.includesMobility || mobility != nil) && (!$0.includesCensus || sociodemographic != nil) }
        return MobilityInput(grid: grid,
                             layers: try MobilityLayers(cube: cube, grid: grid, mobility: mobility, census: sociodemographic?.values ?? [],
                                                        censusNames: sociodemographic?.names ?? []),
                             incidents: cube.total, notes: notes, channelSets: channelSets)
    }

    /// The synthetic city (seed `seed`, `days` days, no dirt) with its footfall and census layers; with
    /// `central`, only the central 45 % of its extent in each direction (a fast run).
    public static func synthetic(seed: UInt64, days: Int, central: Bool) throws -> MobilityInput {
        guard days >= 4 else { throw MobilityError.badSetting(name: "days", reason: "must be at least 4, got \(days)") }
        var config = SyntheticCityConfig()
        (config.seed, config.days, config.dirt) = (seed, days, .none)
        let city = try SyntheticCity(config: config)
        let box = central ? centralBox(of: city.bounds, share: 0.45) : city.bounds
        let grid = try MobilityGrid.wholeTiles(covering: box, side: cellSide)
        let windows = try WindowSpan(.sequential(.halfDay, zone: city.zone), from: city.interval.lowerBound, until: city.interval.upperBound)
        let cube = try SpaceTimeCube(table: city.incidentTable(), index: grid, cells: grid.allCells, windows: windows)
        let layers = try MobilityLayers.synthetic(city: city, grid: grid, cube: cube, seed: seed &+ 100)
        return MobilityInput(grid: grid, layers: layers, incidents: cube.total,
                             notes: ["Synthetic city (seed \(seed)): footfall follows the true background intensity with log-normal noise; census layers follow the base rate with noise."],
                             channelSets: nil)
    }

    /// The bounding box of a table's located incidents; nil when it has no extent.
    static func boundingBox(of table: IncidentTable) -> BoundingBox? {
        let lats = table.latitudes.filter(\.isFinite), lngs = table.longitudes.filter(\.isFinite)
        guard let a = lats.min(), let b = lats.max(), let c = lngs.min(), let d = lngs.max(), a < b, c < d else { return nil }
        return BoundingBox(minLatitude: a, minLongitude: c, maxLatitude: b, maxLongitude: d)
    }

    /// The central part of a box, `share` of its width and height.
    static func centralBox(of box: BoundingBox, share: Double) -> BoundingBox {
        let dLat = (box.maxLatitude - box.minLatitude) * share / 2, dLng = (box.maxLongitude - box.minLongitude) * share / 2
        let lat = (box.minLatitude + box.maxLatitude) / 2, lng = (box.minLongitude + box.maxLongitude) / 2
        return BoundingBox(minLatitude: lat - dLat, minLongitude: lng - dLng, maxLatitude: lat + dLat, maxLongitude: lng + dLng)
    }
}
