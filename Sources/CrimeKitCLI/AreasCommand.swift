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
        A point on an edge shared by two areas goes to the area to its east (north on an east-west edge). \
        Standard input is read and answered a block of lines at a time, so memory stays flat.
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
        var points = try PointCSV(LineBlockReader(descriptor: STDIN_FILENO, source: "standard input"),
                                  source: "standard input")
        let labels = index.labels.map { Array(CSVField.quoted($0).utf8) }
        var out = Array("label\n".utf8)
        while let (lats, lngs) = try points.next() {
            for k in index.ordinals(latitudes: lats, longitudes: lngs) {
                if k >= 0 { out.append(contentsOf: labels[Int(k)]) }
                out.append(UInt8(ascii: "\n"))
            }
            try out.withUnsafeBufferPointer { try StandardOutput.write(bytes: $0) }
            out.removeAll(keepingCapacity: true)
        }
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
