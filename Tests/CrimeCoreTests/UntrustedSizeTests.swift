import Foundation
import Testing
@testable import CrimeCore

/// Numbers from input that no conversion may trap on: GeoJSON times far past Int64 milliseconds, and
/// matrix shapes whose product overflows `Int`.
@Suite struct UntrustedSizeTests {
    @Test func geoJSONTimesPastInt64AreBadTimes() throws {
        let features = ["1e300", "-1e300", "9.3e18", "1704153845000"].enumerated().map { k, time in
            #"{"type":"Feature","geometry":{"type":"Point","coordinates":[-87.5,41.5]},"properties":{"id":"g\#(k)","t":\#(time),"type":"THEFT"}}"#
        }
        let text = #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}"
        let result = try IngestTestSupport.read(try IngestTestSupport.write(text, suffix: ".geojson"))
        #expect(result.report.rowsRead == 4)
        #expect(result.report.dropped[.badTime] == 3)
        // 1704153845000 ms is 2024-01-02 00:04:05 UTC (19,724 days × 86,400 s + 245 s).
        #expect(result.table.times == [1_704_153_845])
    }

    @Test func aShapeWhoseProductOverflowsIsAMismatchNotATrap() {
        let huge = Matrix(rows: Int.max / 2, columns: 3, values: [1, 2, 3])
        #expect(throws: MatrixError.valueCountMismatch(rows: Int.max / 2, columns: 3, count: 3)) { try huge.validate() }
        #expect(MatrixError.valueCountMismatch(rows: Int.max / 2, columns: 3, count: 3).description.contains("is not a shape"))
        #expect(throws: MatrixError.self) { try Matrix(rows: -2, columns: -3, checking: [1, 2, 3, 4, 5, 6]) }
        #expect(MatrixError.valueCountMismatch(rows: 2, columns: 3, count: 5).description == "a 2×3 matrix needs 6 values, got 5")
    }
}
