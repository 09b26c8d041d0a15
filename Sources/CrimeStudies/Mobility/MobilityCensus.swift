import CrimeCore
import CrimeGeo
import Foundation

/// Sociodemographic layers read from polygons (census tracts, block groups, wards) with numeric
/// properties, laid on the study's grid by cell centre.
///
/// The file is GeoJSON (WGS84 unless it names another CRS) or a shapefile with a `.prj`; every
/// feature must carry each requested property as a finite, non-negative number (JSON numbers, or
/// text that reads as one). Each grid cell takes the values of the polygon holding its centre
/// (where polygons overlap, the first in the file). A cell whose centre lies in no polygon takes each
/// layer's mean over the covered cells; such cells are counted in ``cellsOutside``.
public struct MobilityCensus: Sendable {
    /// The layer names: the requested properties, in order.
    public let names: [String]
    /// Values, layers × cells (cell `r × columns + c`).
    public let values: [Float]
    /// Cells whose centre lies in no polygon (they hold each layer's covered-cell mean).
    public let cellsOutside: Int
    /// Features in the file.
    public let features: Int

    /// Reads `url` and lays the properties `fields` on `grid`.
    ///
    /// - Throws: ``CovariateFileError`` naming the file, feature and property for a missing or
    ///   non-numeric property, an empty or repeated field list, or a grid that no polygon covers; the
    ///   geometry readers' errors for a malformed file.
    public static func read(_ url: URL, fields: [String], grid: RegularGrid) throws -> MobilityCensus {
        try MobilityCensus(layer: try AreaLayer.read(url), fields: fields, grid: grid)
    }

    /// Lays the properties `fields` of a polygon layer on `grid`.
    public init(layer: AreaLayer, fields: [String], grid: RegularGrid) throws {
        let file = layer.source
        guard !fields.isEmpty else { throw CovariateFileError.badPropertyList(file: file, reason: "name at least one numeric property to read") }
        guard Set(fields).count == fields.count else { throw CovariateFileError.badPropertyList(file: file, reason: "a property is named twice in \(fields)") }
        var table = [Double]()
        for (k, feature) in layer.features.enumerated() {
            for field in fields {
                guard let value = feature.properties[field] else { throw CovariateFileError.missingProperty(file: file, feature: k, property: field) }
                let number: Double?
                switch value {
                case let .number(v): number = v
                case let .text(s): number = Double(s.trimmingCharacters(in: .whitespaces))
                case .bool, .null: number = nil
                }
                guard let number, number.isFinite, number >= 0 else {
                    throw CovariateFileError.badProperty(file: file, feature: k, property: field, value: value.description)
                }
                table.append(number)
            }
        }
        // Every feature holds the first field (checked above), so it serves as the index's label.
        let index = try PolygonIndex(layer: layer, labelProperty: fields[0])
        let cells = grid.rows * grid.columns, width = fields.count
        var owner = [Int](repeating: -1, count: cells)
        for cell in grid.allCells {
            owner[cell.row * grid.columns + cell.column] = index.cell(containing: try grid.center(of: cell)).map { Int($0.rawValue) } ?? -1
        }
        let covered = owner.filter { $0 >= 0 }
        guard !covered.isEmpty else { throw CovariateFileError.noCellCovered(file: file) }
        var values = [Float](repeating: 0, count: width * cells)
        for l in 0..<width {
            let mean = covered.reduce(0) { $0 + table[$1 * width + l] } / Double(covered.count)
            for c in 0..<cells { values[l * cells + c] = Float(owner[c] >= 0 ? table[owner[c] * width + l] : mean) }
        }
        (names, self.values, cellsOutside, features) = (fields, values, cells - covered.count, layer.features.count)
    }
}
