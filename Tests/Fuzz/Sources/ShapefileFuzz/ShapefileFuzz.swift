// Fuzz target for CrimeKit's shapefile readers (corpus: Corpus/shapefile). An input is a `.shp` and a `.dbf`:
// its first four bytes (little-endian, modulo the bytes that follow plus one) are the length of the `.shp`
// part, the rest is the `.dbf`. Both are written to files, then it checks that
// - `DBaseReader.read` on the `.dbf` returns a table whose records each hold a value for every field, or
//   throws a `GeometryReadError`;
// - `ShapefileReader.read` on the pair returns a layer with one feature per `.dbf` record whose every ring
//   has at least three distinct, finite vertices, or throws a `GeometryReadError`.
// A broken invariant stops the run with a message, which libFuzzer reports as a crash.
import Foundation
import LibFuzzerDriver
import CrimeGeo

/// Runs libFuzzer with the command line (corpus folders and `-flags`) on ``test(_:_:)``.
@main enum ShapefileFuzz {
    static func main() { exit(crimekit_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv, test)) }
}

/// One pair of files per process, rewritten for every input (no `.shx` or `.prj`, so none is read).
private let base = NSTemporaryDirectory() + "crimekit-shapefile-fuzz-\(getpid())"

/// Checks one input; stops the process when an invariant breaks.
private func test(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard size >= 4 else { return 0 }
    let declared = bytes.prefix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
    let shpLength = declared % (size - 4 + 1)
    let shp = Data(bytes[4..<(4 + shpLength)]), dbf = Data(bytes[(4 + shpLength)...])
    guard FileManager.default.createFile(atPath: base + ".shp", contents: shp),
          FileManager.default.createFile(atPath: base + ".dbf", contents: dbf) else { fatalError("cannot write \(base)") }
    checkLayer(table: checkTable())
    return 0
}

/// The `.dbf` part read alone, or nil when it is refused.
private func checkTable() -> DBaseReader.Table? {
    let table: DBaseReader.Table
    do {
        table = try DBaseReader.read(URL(fileURLWithPath: base + ".dbf"))
    } catch is GeometryReadError {
        return nil
    } catch {
        fatalError("untyped error from DBaseReader: \(error)")
    }
    let names = Set(table.fields.map(\.name))
    for (k, record) in table.records.enumerated() where Set(record.keys) != names {
        fatalError("record \(k) has the fields \(record.keys.sorted()), not \(names.sorted())")
    }
    return table
}

/// `table` is the `.dbf` read alone, whose records the layer's features must carry.
private func checkLayer(table: DBaseReader.Table?) {
    let layer: AreaLayer
    do {
        layer = try ShapefileReader.read(URL(fileURLWithPath: base + ".shp"))
    } catch is GeometryReadError {
        return
    } catch {
        fatalError("untyped error from ShapefileReader: \(error)")
    }
    guard let table, table.records == layer.features.map(\.properties) else {
        fatalError("the layer's \(layer.features.count) features do not carry the .dbf's records")
    }
    for (k, feature) in layer.features.enumerated() {
        for ring in feature.polygons.flatMap(\.rings) {
            guard Set(ring).count >= 3, ring.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else {
                fatalError("feature \(k) has a ring with fewer than 3 distinct, finite vertices: \(ring)")
            }
        }
    }
}
