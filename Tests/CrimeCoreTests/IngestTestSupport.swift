import Foundation
@testable import CrimeCore

/// Temporary files and a small schema for ingest tests.
enum IngestTestSupport {
    /// A schema over columns `id,t,lat,lon,type,note`, times in UTC.
    static let schema = IngestSchema(
        name: "test", zone: "UTC", timeColumns: ["t"], timeFormat: "yyyy-MM-dd HH:mm:ss",
        idColumns: ["id"], latitudeColumns: ["lat"], longitudeColumns: ["lon"],
        categoryColumns: ["type"], categoryMapping: .keywords, extraColumns: ["note"])

    /// Writes bytes to a fresh temporary file and returns its path.
    static func write(_ bytes: [UInt8], suffix: String = ".csv") throws -> String {
        let path = NSTemporaryDirectory() + "crimekit-ingest-\(UUID().uuidString)\(suffix)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes text to a fresh temporary file and returns its path.
    static func write(_ text: String, suffix: String = ".csv") throws -> String {
        try write(Array(text.utf8), suffix: suffix)
    }

    /// The folder of the ingest fixtures.
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ingest")

    /// Reads a file, throwing on errors, with the given options.
    static func read(_ path: String, schema: IngestSchema = schema, blockSize: Int = 8 << 20, threads: Int = 2) throws -> IngestResult {
        try IncidentReader.read(URL(fileURLWithPath: path), schema: schema, options: IngestOptions(blockSize: blockSize, threads: threads))
    }
}
