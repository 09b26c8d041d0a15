import CrimeCore
import Foundation
import CrimeEval

/// Everything the weekly district forecast sees, one row per week: a crime image, the count in each
/// district, and the socio-economic/weather features.
public struct WeeklyDistrictSeries: Sendable {
    /// Each week's label (its first local day).
    public let weekLabels: [String]
    /// The districts' labels, in column order.
    public let districtLabels: [String]
    /// The districts' cells in the spatial index, in column order (empty when built from arrays).
    public let cells: [CellID]
    /// Side of the square images in pixels.
    public let imageSize: Int
    /// log1p counts per pixel, row-major `[week, row, column]`.
    public let images: [Float]
    /// Incidents per district, row-major `[week, district]` (districts without incidents hold 0).
    public let counts: [Double]
    /// The feature names, in column order.
    public let featureNames: [String]
    /// Feature values, row-major `[week, feature]`.
    public let features: [Double]

    /// Number of weeks.
    public var weekCount: Int { weekLabels.count }
    /// Number of districts.
    public var districtCount: Int { districtLabels.count }
    /// Number of features per week.
    public var featureCount: Int { featureNames.count }

    /// A series from arrays; throws when an array's length does not match the labels.
    public init(weekLabels: [String], districtLabels: [String], cells: [CellID] = [], imageSize: Int, images: [Float],
                counts: [Double], featureNames: [String], features: [Double]) throws {
        let w = weekLabels.count
        guard imageSize >= 1 else { throw WeeklyDistrictError.badSetting("the image size must be at least 1, got \(imageSize)") }
        guard !districtLabels.isEmpty else { throw WeeklyDistrictError.badSetting("there must be at least one district") }
        guard cells.isEmpty || cells.count == districtLabels.count else {
            throw WeeklyDistrictError.lengthMismatch(what: "cells", expected: districtLabels.count, got: cells.count)
        }
        guard images.count == w * imageSize * imageSize else {
            throw WeeklyDistrictError.lengthMismatch(what: "images", expected: w * imageSize * imageSize, got: images.count)
        }
        guard counts.count == w * districtLabels.count else {
            throw WeeklyDistrictError.lengthMismatch(what: "counts", expected: w * districtLabels.count, got: counts.count)
        }
        guard features.count == w * featureNames.count else {
            throw WeeklyDistrictError.lengthMismatch(what: "features", expected: w * featureNames.count, got: features.count)
        }
        guard features.allSatisfy(\.isFinite) else { throw WeeklyDistrictError.badSetting("the weekly features contain a NaN or infinite value") }
        (self.weekLabels, self.districtLabels, self.cells, self.imageSize) = (weekLabels, districtLabels, cells, imageSize)
        (self.images, self.counts, self.featureNames, self.features) = (images, counts, featureNames, features)
    }

    /// Counts incidents per district (through `index`) and per image pixel over `imageBounds` for each
    /// window of `windows`; every cell in `cells` is kept, with zeros where nothing happened.
    ///
    /// - Parameters:
    ///   - table: the incidents to count.
    ///   - index: the spatial index whose cells are the districts.
    ///   - cells: the districts in series order (every one kept); `index` gives their labels.
    ///   - windows: the weeks, one image and one count per district each.
    ///   - imageBounds: the box the heat-map images cover.
    ///   - imageSize: the side of each square image in pixels.
    ///   - featureNames: the names of the weekly features, in column order.
    ///   - features: row-major `[window, feature]` values for the same windows.
    public init(table: IncidentTable, index: some SpatialIndex, cells: [CellID], windows: WindowSpan,
                imageBounds: BoundingBox, imageSize: Int, featureNames: [String], features: [Double]) throws {
        let cube = try SpaceTimeCube(table: table, index: index, cells: cells, windows: windows)
        var counts = [Double](repeating: 0, count: windows.count * cells.count)
        for c in 0..<cells.count {
            for w in 0..<windows.count { counts[w * cells.count + c] = Double(cube.count(cell: c, window: w)) }
        }
        let images = try WeeklyHeatmaps.images(latitudes: table.latitudes, longitudes: table.longitudes, times: table.times,
                                              windows: windows, bounds: imageBounds, size: imageSize)
        try self.init(weekLabels: windows.labels, districtLabels: cells.map { index.label(of: $0) }, cells: cells,
                      imageSize: imageSize, images: images, counts: counts, featureNames: featureNames, features: features)
    }

    /// The weekly windows lying wholly inside the data's time span (a partial first or last week
    /// would look like a sudden drop in crime).
    public static func wholeWeeks(covering times: [Int64], zone: ZoneClock) throws -> WindowSpan {
        let weekly = TimeWindowing.sequential(.weekly, zone: zone)
        guard let lo = times.min(), let hi = times.max() else { throw WindowError.noTimes }
        let first = weekly.index(utc: lo), last = weekly.index(utc: hi)
        // A week counts as whole when the data reach into its first (last) day.
        let firstStart = weekly.interval(ofIndex: first)?.lowerBound ?? lo
        let start = lo < firstStart + 86_400 ? first : first + 1
        let end = weekly.interval(ofIndex: last)?.upperBound ?? hi
        let lastWhole = hi >= end - 86_400 ? last : last - 1
        guard lastWhole >= start, let a = weekly.interval(ofIndex: start)?.lowerBound,
              let b = weekly.interval(ofIndex: lastWhole)?.upperBound else {
            throw WeeklyDistrictError.tooFewWeeks(have: 0, need: 1)
        }
        return try WindowSpan(weekly, from: a, until: b)
    }
}
