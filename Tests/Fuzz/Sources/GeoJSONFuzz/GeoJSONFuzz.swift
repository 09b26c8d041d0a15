// Fuzz target for CrimeKit's GeoJSON readers (corpus: Corpus/geojson). For any bytes it checks that
// - the polygon reader (`GeoJSONReader.parse`) returns a layer whose every ring has at least three distinct,
//   finite vertices, or throws a `GeometryReadError`;
// - the incident reader (`IncidentReader` with the `lvmpd` schema, GeoJSON points, reading a file) accounts
//   for every feature (read = kept + dropped, kept = the table's rows), or throws an `IngestError`.
// Only public API is called, so the target holds whatever the readers do inside.
// A broken invariant stops the run with a message, which libFuzzer reports as a crash.
import Foundation
import LibFuzzerDriver
import CrimeCore
import CrimeGeo

/// Runs libFuzzer with the command line (corpus folders and `-flags`) on ``test(_:_:)``.
@main enum GeoJSONFuzz {
    static func main() { exit(crimekit_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv, test)) }
}

/// One file per process, rewritten for every input; the incident reader picks GeoJSON by the extension.
private let path = NSTemporaryDirectory() + "crimekit-geojson-fuzz-\(getpid()).geojson"

/// Checks one input; stops the process when an invariant breaks.
private func test(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    checkPolygons(bytes)
    checkIncidents(bytes)
    return 0
}

private func checkPolygons(_ bytes: Data) {
    let layer: AreaLayer
    do {
        layer = try GeoJSONReader.parse(bytes, file: "fuzz.geojson")
    } catch is GeometryReadError {
        return
    } catch {
        fatalError("untyped error from GeoJSONReader: \(error)")
    }
    for (k, feature) in layer.features.enumerated() {
        for ring in feature.polygons.flatMap(\.rings) {
            guard Set(ring).count >= 3, ring.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else {
                fatalError("feature \(k) has a ring with fewer than 3 distinct finite vertices: \(ring)")
            }
        }
    }
}

private func checkIncidents(_ bytes: Data) {
    guard FileManager.default.createFile(atPath: path, contents: bytes) else { fatalError("cannot write \(path)") }
    let result: IngestResult
    do {
        result = try IncidentReader.read(URL(fileURLWithPath: path), schema: .lvmpd)
    } catch is IngestError {
        return
    } catch {
        fatalError("untyped error from IncidentReader: \(error)")
    }
    let report = result.report
    guard report.rowsRead == report.rowsKept + report.droppedTotal, report.rowsKept == result.table.count else {
        fatalError("the report does not balance: \(report)")
    }
}
