// Fuzz target for CrimeKit's CSV scanner in memory (corpus: Corpus/csv). For any bytes it checks that
// - the whole-text reader (`CSVRecordScanner.records(in:)`) returns or throws its typed error;
// - the block cutter's fast search (quotes found eight bytes at a time) and its byte-by-byte search agree.
// A broken invariant stops the run with a message, which libFuzzer reports as a crash.
// CSVIngestFuzz reads the same inputs as files.
import Foundation
import LibFuzzerDriver
@testable import CrimeCore

/// Runs libFuzzer with the command line (corpus folders and `-flags`) on ``test(_:_:)``.
@main enum CSVFuzz {
    static func main() { exit(crimekit_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv, test)) }
}

/// Checks one input; stops the process when an invariant breaks.
private func test(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    _ = try? CSVRecordScanner.records(in: String(decoding: bytes, as: UTF8.self))

    let fast = CSVBlockReader.lastRecordEnd(bytes)
    let slow = CSVBlockReader.lastRecordEndByteByByte(bytes)
    guard fast == slow else { fatalError("lastRecordEnd \(String(describing: fast)) != byte by byte \(String(describing: slow))") }
    return 0
}
