import CrimeCore
import CrimeGeo
import CrimeSynthetic
import Foundation

/// The weekly-district study's incidents with their weekly covariate series and a note on where they
/// came from.
public struct WeeklyDistrictInput: Sendable {
    /// The incidents.
    public let table: IncidentTable
    /// The weekly socio-economic and weather series, over the weeks studied.
    public let covariates: WeeklyCovariates
    /// A paragraph for the report on the data's origin.
    public let note: String

    /// A cleaned extract: the weeks are its whole weeks. With `covariates`, the weekly series are read
    /// from that CSV (``WeeklyCovariates/read(_:weeks:)``); without, they are synthetic placeholders
    /// (a seasonal temperature and an unemployment-like walk, seeded by `seed`) that carry no
    /// information about the extract. `source` names the extract in the note, which also says whether
    /// the series are real.
    public static func extract(_ table: IncidentTable, source: String, covariates url: URL? = nil, seed: UInt64) throws -> WeeklyDistrictInput {
        let weeks = try WeeklyDistrictSeries.wholeWeeks(covering: table.times, zone: table.zone)
        let crime = "Crime heatmaps and counts: real, from \(source) (\(weeks.count) whole weeks)."
        guard let url else {
            return WeeklyDistrictInput(
                table: table,
                covariates: WeeklyCovariates(SyntheticWeeklyCovariates(span: weeks, temperatureEffect: 0, unemploymentEffect: 0, seed: seed)),
                note: crime + " Weekly series: absent; the temperature and unemployment series fed to the model are synthetic placeholders that carry no information about this extract (the study used NOAA weather and ACS socio-economic data).")
        }
        let covariates = try WeeklyCovariates.read(url, weeks: weeks)
        return WeeklyDistrictInput(
            table: table, covariates: covariates,
            note: crime + " Weekly series \(covariates.names.joined(separator: ", ")): real, from \(url.path) (\(covariates.rowsOutside) rows for other weeks not used).")
    }

    /// A synthetic city over Chicago's extent, `weeks` weeks long (400 incidents a day before thinning),
    /// whose weekly rate follows synthetic temperature and unemployment series.
    public static func syntheticChicago(weeks count: Int, seed: UInt64) throws -> WeeklyDistrictInput {
        let config = SyntheticCityConfig.chicagoExtent(days: 7 * count, seed: seed)
        let weekly = TimeWindowing.sequential(.weekly, zone: try ZoneClock(identifier: config.zone))
        let start = try LocalDay(config.start)
        let weeks = try WindowSpan(weekly, from: start, until: start.adding(days: config.days))
        let covariates = SyntheticWeeklyCovariates(span: weeks, seed: seed)
        var raw = config
        raw.dailyRate = 400
        return WeeklyDistrictInput(
            table: covariates.thinned(try SyntheticCity(config: raw).incidentTable()),
            covariates: WeeklyCovariates(covariates),
            note: "Synthetic incidents over Chicago's extent (hot spots placed roughly on the Loop, the West Side, Englewood, South Shore and Rogers Park). Their weekly rate rises with a synthetic seasonal temperature (+2 % per °C) and a slow synthetic unemployment series (+8 % per point); both series are invented, not observations.")
    }

    /// The district series on `areas`, with heatmaps of `imageSize` × `imageSize` pixels over the
    /// areas' extent.
    public func series(areas: PolygonIndex, imageSize: Int) throws -> WeeklyDistrictSeries {
        guard let extent = BoundingBox(enclosing: areas.boxes.compactMap { $0 }.flatMap { box in
            [GeoPoint(latitude: box.minLatitude, longitude: box.minLongitude), GeoPoint(latitude: box.maxLatitude, longitude: box.maxLongitude)]
        }) else { throw WeeklyDistrictError.badSetting("the district layer has no polygons") }
        return try WeeklyDistrictSeries(table: table, index: areas, cells: areas.allCells, windows: covariates.span,
                                        imageBounds: extent, imageSize: imageSize,
                                        featureNames: covariates.names, features: covariates.values)
    }
}
