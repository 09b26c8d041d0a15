import ArgumentParser
import CrimeCore
import CrimeGeo
import Foundation

/// `crimekit areas`: polygon areas (community areas, districts, boroughs) from GeoJSON or shapefiles.
struct AreasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "areas",
        abstract: "Polygon areas from GeoJSON or ESRI shapefiles.",
        subcommands: [AreasAssignCommand.self]
    )
}

/// `crimekit areas assign`: the label of the area holding each `lat,lng` row of standard input.
struct AreasAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Read CSV lat,lng on standard input; print CSV label, empty where no area holds the point.",
        discussion: """
        GeoJSON is WGS84 unless it names another CRS (or --crs is given for a file that names none); \
        a shapefile uses its .prj, or --crs when it has none. \
        A point on an edge shared by two areas goes to the area to its east (north on an east-west edge).
        """
    )

    @Option(name: .long, help: "The areas: a GeoJSON file (.geojson/.json) or a shapefile (.shp with .shx and .dbf).")
    var polygons: String

    @Option(name: .long, help: "The property whose value labels each area, e.g. COMMUNITY.")
    var label: String

    @Option(name: .long, help: "The CRS of a shapefile without a .prj (or of GeoJSON naming none), e.g. EPSG:3435.")
    var crs: String?

    func run() throws {
        let given = try crs.map { code -> CoordinateReferenceSystem in
            do { return try CoordinateReferenceSystem(code: code) } catch {
                throw ValidationError("--crs: \(error)")
            }
        }
        let index: PolygonIndex
        do {
            index = try PolygonIndex(contentsOf: URL(fileURLWithPath: polygons), labelProperty: label, crs: given)
        } catch GeometryReadError.missingCRS(let file) {
            throw MissingCRSFlag(file: file)
        }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let (lats, lngs) = try PointCSV.parse(input, source: "standard input")
        let ordinals = index.ordinals(latitudes: lats, longitudes: lngs)
        var out = "label\n"
        out.reserveCapacity(ordinals.count * 12)
        for k in ordinals {
            if k >= 0 { out += CSVField.quoted(index.labels[Int(k)]) }
            out += "\n"
        }
        try StandardOutput.write(out)
    }
}

/// A shapefile without a `.prj` read without `--crs`: the library names its `crs` parameter, the tool
/// names the flag that sets it.
struct MissingCRSFlag: Error, CustomStringConvertible {
    /// The shapefile's path.
    let file: String

    var description: String {
        "\(file): the shapefile has no .prj; give its coordinate reference system (e.g. --crs EPSG:3435)"
    }
}

/// Reads `lat,lng` CSV (other columns ignored) and writes CSV fields.
enum PointCSV {
    /// Errors naming the input, row (1-based line number where the record starts) or column.
    enum InputError: Error, CustomStringConvertible {
        case missingColumn(source: String, column: String)
        case badValue(source: String, line: Int, column: String, value: String)
        case outOfRange(source: String, line: Int, latitude: Double, longitude: Double)

        var description: String {
            switch self {
            case let .missingColumn(s, c): return "\(s): the header has no '\(c)' column"
            case let .badValue(s, l, c, v): return "\(s), line \(l): \(c) '\(v)' is not a number"
            case let .outOfRange(s, l, lat, lng):
                return "\(s), line \(l): (\(lat), \(lng)) is outside latitude ±90, longitude ±180"
            }
        }
    }

    /// Latitudes and longitudes of every non-empty row; a value that is not a number, or a point
    /// outside ±90/±180, is an error naming its line.
    static func parse(_ data: Data, source: String) throws -> (latitudes: [Double], longitudes: [Double]) {
        let records = try CSVInput.records(data, source: source)
        guard let headerRecord = records.first else { throw InputError.missingColumn(source: source, column: "lat") }
        let header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let latColumn = header.firstIndex(of: "lat") else { throw InputError.missingColumn(source: source, column: "lat") }
        guard let lngColumn = header.firstIndex(of: "lng") else { throw InputError.missingColumn(source: source, column: "lng") }
        var lats: [Double] = [], lngs: [Double] = []
        for record in records.dropFirst() {
            let fields = record.fields, lineNumber = record.line
            func number(_ column: Int, _ name: String) throws -> Double {
                let raw = column < fields.count ? fields[column].trimmingCharacters(in: .whitespaces) : ""
                guard let v = Double(raw), v.isFinite else {
                    throw InputError.badValue(source: source, line: lineNumber, column: name, value: raw)
                }
                return v
            }
            let lat = try number(latColumn, "lat"), lng = try number(lngColumn, "lng")
            guard GeoPoint(latitude: lat, longitude: lng).isValid else {
                throw InputError.outOfRange(source: source, line: lineNumber, latitude: lat, longitude: lng)
            }
            lats.append(lat)
            lngs.append(lng)
        }
        return (lats, lngs)
    }
}
