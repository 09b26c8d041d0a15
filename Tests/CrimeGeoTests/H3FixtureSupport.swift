import Foundation
import CrimeTestSupport

/// Rows of the h3-py fixtures in Tests/Fixtures/h3 (see make_h3_fixtures.py).
enum H3Fixture {
    /// A data row split on commas, skipping the `#` comment and the header.
    static func rows(_ file: String) throws -> [[Substring]] {
        let text = try String(contentsOf: Fixtures.url("h3", file), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    }

    /// One row of cells.csv.
    struct Cell {
        var cell: String
        var lat: Double
        var lng: Double
        var parent: String
        var areaKm2: Double
        var areaM2: Double
        var disk1: [String]
        var boundary: [(Double, Double)]
    }

    /// Every row of cells.csv.
    static func cells() throws -> [Cell] {
        try rows("cells.csv").map { f in
            Cell(cell: String(f[0]), lat: Double(f[1])!, lng: Double(f[2])!, parent: String(f[3]),
                 areaKm2: Double(f[4])!, areaM2: Double(f[5])!,
                 disk1: f[6].split(separator: ";").map(String.init),
                 boundary: f[7].split(separator: ";").map { pair in
                     let p = pair.split(separator: " ")
                     return (Double(p[0])!, Double(p[1])!)
                 })
        }
    }

    /// extras.json.
    struct Extras: Decodable {
        struct Children: Decodable { var cell: String; var res: Int; var children: [String] }
        struct Ring: Decodable { var cell: String; var k: Int; var ring: [String]; var disk: [String] }
        struct Polygon: Decodable { var outer: [[Double]]; var holes: [[[Double]]]; var res: Int; var cells: [String] }
        var children: [Children]
        var rings: [Ring]
        var polygon: Polygon
    }
}
