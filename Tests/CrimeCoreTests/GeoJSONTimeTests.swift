import Foundation
import Testing
@testable import CrimeCore

/// GeoJSON point times: plausible epoch milliseconds and text are kept; booleans and numbers outside
/// 1900–9999 are counted as `bad_time` with the value as written, never turned into a date.
@Suite struct GeoJSONTimeTests {
    func feature(_ id: Int, _ time: String) -> String {
        #"{"type":"Feature","geometry":{"type":"Point","coordinates":[-87.5,41.5]},"properties":{"id":"g\#(id)","t":\#(time),"type":"THEFT"}}"#
    }

    @Test func implausibleTimesAreCountedAsBadTime() throws {
        // 2024-01-02 00:04:05 UTC is day 19,724 since 1970-01-01: 19,724 × 86,400 + 245 s.
        let times = ["1704153845000", "true", "1e16", "-3000000000000", "\"2024-01-02 03:04:05\"", "false",
                     "253402300800000", "-2208988800000"]
        let text = #"{"type":"FeatureCollection","features":["# + times.enumerated().map { feature($0 + 1, $1) }.joined(separator: ",") + "]}"
        let result = try IngestTestSupport.read(try IngestTestSupport.write(text, suffix: ".geojson"))
        #expect(result.report.rowsRead == 8)
        #expect(result.report.rowsKept == 3)
        #expect(result.report.dropped[.badTime] == 5)
        #expect(result.table.times == [1_704_153_845, 1_704_164_645, -2_208_988_800])
        let bad = result.report.samples.filter { $0.reason == .badTime }
        #expect(bad.map(\.row) == [2, 3, 4, 6, 7])
        #expect(bad.map(\.value) == ["true", "1e+16", "-3000000000000", "false", "253402300800000"])
    }
}
