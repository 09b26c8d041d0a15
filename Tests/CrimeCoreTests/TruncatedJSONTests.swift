import CrimeCore
import Foundation
import Testing

/// A GeoJSON incident file that is cut short or malformed is an error that says where.
@Suite struct TruncatedJSONTests {
    func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-\(UUID().uuidString).geojson")
        try OutputFile.write(text, to: url)
        return url
    }

    @Test func aTruncatedFileSaysWhereItEnds() throws {
        let text = #"{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Po"#
        let url = try write(text)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = IngestError.invalidJSON(file: url.path, reason: "it ends early, after \(text.utf8.count) bytes (is the file truncated?)")
        #expect(throws: error) { _ = try IncidentReader.read(url, schema: .chicago) }
        #expect(error.localizedDescription.contains("after 87 bytes"))
    }

    @Test func aSyntaxErrorNamesItsPosition() throws {
        let url = try write(#"{"type": "FeatureCollection",, "features": []}"#)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try IncidentReader.read(url, schema: .chicago)
            Issue.record("expected an error")
        } catch let IngestError.invalidJSON(file, reason) {
            #expect(file == url.path)
            #expect(reason.contains("byte offset 29"), "\(reason)")
        }
    }
}
