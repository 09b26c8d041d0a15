import Foundation
@testable import CrimeCore

/// A 3 × 3 latitude/longitude grid of 0.01° cells from (41.80, -87.70), for the cube tests only.
struct TestGrid3x3: SpatialIndex {
    static let south = 41.80
    static let west = -87.70
    static let step = 0.01

    func cell(containing p: GeoPoint) -> CellID? {
        let r = Int(((p.latitude - Self.south) / Self.step).rounded(.down))
        let c = Int(((p.longitude - Self.west) / Self.step).rounded(.down))
        guard (0..<3).contains(r), (0..<3).contains(c) else { return nil }
        return CellID(row: r, column: c)
    }

    func boundary(of cell: CellID) throws -> [GeoPoint] {
        let s = Self.south + Double(cell.row) * Self.step
        let w = Self.west + Double(cell.column) * Self.step
        return [GeoPoint(latitude: s, longitude: w), GeoPoint(latitude: s, longitude: w + Self.step),
                GeoPoint(latitude: s + Self.step, longitude: w + Self.step), GeoPoint(latitude: s + Self.step, longitude: w)]
    }

    func center(of cell: CellID) throws -> GeoPoint {
        GeoPoint(latitude: Self.south + (Double(cell.row) + 0.5) * Self.step,
                 longitude: Self.west + (Double(cell.column) + 0.5) * Self.step)
    }

    func label(of cell: CellID) -> String { "r\(cell.row)c\(cell.column)" }

    func cells(covering box: BoundingBox) throws -> [CellID] {
        (0..<3).flatMap { r in (0..<3).map { CellID(row: r, column: $0) } }
    }

    func neighbors(of cell: CellID) throws -> [CellID] {
        var out: [CellID] = []
        for dr in -1...1 {
            for dc in -1...1 where (dr, dc) != (0, 0) {
                let r = cell.row + dr, c = cell.column + dc
                if (0..<3).contains(r), (0..<3).contains(c) { out.append(CellID(row: r, column: c)) }
            }
        }
        return out.sorted()
    }
}

/// Reads the CSV fixtures of `Tests/Fixtures/cube/` (simple comma-separated values, `#` header comment).
enum CubeFixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/cube")

    /// Rows as dictionaries keyed by the header.
    static func rows(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
    }

    /// The fixture incidents as a table in America/Chicago.
    static func incidents() throws -> IncidentTable {
        var table = IncidentTable(zone: try ZoneClock(identifier: "America/Chicago"))
        for r in try rows("incidents.csv") {
            table.append(id: r["id"] ?? "", time: Int64(r["time"] ?? "") ?? 0,
                         location: GeoPoint(latitude: Double(r["lat"] ?? "") ?? 0, longitude: Double(r["lng"] ?? "") ?? 0),
                         category: CrimeCategory(name: r["category"] ?? "") ?? .other, offense: r["category"] ?? "")
        }
        return table
    }

    static let allCells = (0..<3).flatMap { r in (0..<3).map { CellID(row: r, column: $0) } }

    /// The daily windows of the fixture's three weeks, 2024-03-01 ..< 2024-03-21 in Chicago.
    static func dailySpan() throws -> WindowSpan {
        try WindowSpan(.sequential(.daily, zone: ZoneClock(identifier: "America/Chicago")),
                       from: LocalDay("2024-03-01"), until: LocalDay("2024-03-21"))
    }
}
