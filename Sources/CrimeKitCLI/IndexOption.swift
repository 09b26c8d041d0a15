import ArgumentParser
import CrimeCore
import CrimeGeo
import Foundation

/// `--index h3:RES|grid:METRES|areas:FILE:PROP` of the commands that lay incidents on cells, read and
/// checked; a malformed value is a usage error naming the flag.
enum IndexOption: Equatable {
    /// H3 hexagons of a resolution (0–15).
    case h3(resolution: Int)
    /// Square cells of a side in metres over the data's extent.
    case grid(side: Double)
    /// The polygons of a GeoJSON or shapefile, labelled by a property.
    case areas(file: String, property: String)

    /// Reads the flag's value.
    init(_ text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        switch parts.first {
        case "h3":
            guard parts.count == 2, let res = Int(parts[1]) else { throw ValidationError("--index h3 needs a resolution, e.g. h3:8") }
            guard (0...15).contains(res) else { throw ValidationError("--index h3 resolution must lie in 0...15, got \(res)") }
            self = .h3(resolution: res)
        case "grid":
            guard parts.count == 2, let side = Double(parts[1]), side.isFinite, side > 0 else {
                throw ValidationError("--index grid needs a cell side in metres, e.g. grid:500")
            }
            self = .grid(side: side)
        case "areas":
            guard parts.count == 3, !parts[1].isEmpty, !parts[2].isEmpty else {
                throw ValidationError("--index areas needs a file and a label property, e.g. areas:districts.geojson:NAME")
            }
            self = .areas(file: parts[1], property: parts[2])
        default:
            throw ValidationError("--index must be h3:RES, grid:METRES or areas:FILE:PROP, not '\(text)'")
        }
    }

    /// The polygons of `--index areas:FILE:PROP`; a file that cannot be read or lacks the property is a
    /// usage error naming the flag.
    static func areas(file: String, property: String) throws -> PolygonIndex {
        do {
            return try PolygonIndex(contentsOf: URL(fileURLWithPath: file), labelProperty: property, crs: nil)
        } catch {
            throw ValidationError("--index areas:\(file):\(property): \(ErrorSentence.text(for: error))")
        }
    }
}

/// `--window day|week|shift`: the window length of the commands that count incidents per window.
enum WindowOption {
    /// The frequency of a `--window` value: `day`, `week` (Monday to Monday, local) or `shift` (12 hours, from local midnight and noon).
    static func frequency(_ text: String) throws -> WindowFrequency {
        switch text {
        case "day": return .daily
        case "week": return .weekly
        case "shift": return .halfDay
        default: throw ValidationError("--window must be day, week or shift, not '\(text)'")
        }
    }
}
