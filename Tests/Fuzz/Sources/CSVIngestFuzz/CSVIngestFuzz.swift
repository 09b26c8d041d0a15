// Fuzz target for CrimeKit's CSV ingest (corpus: Corpus/csvingest, a link to the CSV seeds). For any
// file it checks that `IncidentReader` gives the same table and report with blocks of 1 and 7 bytes as
// with one block, on one and two threads, and accounts for every record (read = kept + dropped), or
// throws an `IngestError`.
// A broken invariant stops the run with a message, which libFuzzer reports as a crash.
import Foundation
import LibFuzzerDriver
import CrimeCore

/// Runs libFuzzer with the command line (corpus folders and `-flags`) on ``test(_:_:)``.
@main enum CSVIngestFuzz {
    static func main() { exit(crimekit_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv, test)) }
}

/// The schema of the seed corpus: columns `id,t,lat,lon,type,note`, times in UTC.
private let schema = IngestSchema(
    name: "fuzz", zone: "UTC", timeColumns: ["t"], timeFormat: "yyyy-MM-dd HH:mm:ss",
    idColumns: ["id"], latitudeColumns: ["lat"], longitudeColumns: ["lon"],
    categoryColumns: ["type"], categoryMapping: .keywords, extraColumns: ["note"])

/// One file per process, rewritten for every input.
private let path = NSTemporaryDirectory() + "crimekit-csv-ingest-fuzz-\(getpid()).csv"

/// Checks one input; stops the process when an invariant breaks.
private func test(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { fatalError("cannot write \(path)") }
    let url = URL(fileURLWithPath: path)
    let whole: IngestResult
    do {
        whole = try IncidentReader.read(url, schema: schema, options: IngestOptions(blockSize: 1 << 20, threads: 1))
    } catch is IngestError {
        return 0
    } catch {
        fatalError("untyped error \(error)")
    }
    let report = whole.report
    guard report.rowsRead == report.rowsKept + report.droppedTotal, report.rowsKept == whole.table.count else {
        fatalError("the report does not balance: \(report)")
    }
    for (blockSize, threads) in [(1, 1), (7, 2)] {
        let cut = try? IncidentReader.read(url, schema: schema, options: IngestOptions(blockSize: blockSize, threads: threads))
        guard cut == whole else { fatalError("blocks of \(blockSize) bytes on \(threads) threads read differently") }
    }
    return 0
}
