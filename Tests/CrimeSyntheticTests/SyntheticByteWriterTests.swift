import Foundation
import Testing
@testable import CrimeCore
@testable import CrimeSynthetic

/// The synthetic extract's byte writer: integers, nine-decimal coordinates and RFC 4180 quoting.
@Suite struct SyntheticByteWriterTests {
    @Test func formatsNumbersAndQuotesFields() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var out = try ByteWriter(path: path)
        out.write(7, width: 3); out.write(byte: 44)
        out.write(0); out.write(byte: 44)
        out.write(20_000_123); out.write(byte: 44)
        out.write(2023, width: 2); out.write(byte: 44)
        out.writeNineDecimals(-87.6312345678); out.write(byte: 44)
        out.writeNineDecimals(41.88); out.write(byte: 44)
        out.writeNineDecimals(-0.0000000001); out.write(byte: 44)
        out.write(ByteWriter.csvField("a\"b,c")); out.write(byte: 44)
        out.write(ByteWriter.csvField("line\nbreak")); out.write(byte: 44)
        out.write(ByteWriter.csvField("PLAIN TEXT"))
        try out.endRow()
        try out.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "007,0,20000123,2023,-87.631234568,41.880000000,0.000000000,\"a\"\"b,c\",\"line\nbreak\",PLAIN TEXT\n")
    }

    @Test func anUnwritablePathIsATypedError() throws {
        var c = SyntheticCityConfig()
        c.days = 1
        let city = try SyntheticCity(config: c)
        let path = "/nonexistent-crimekit-dir/extract.csv"
        #expect(throws: OutputFileError.system(path: path, code: ENOENT)) { try city.writeChicagoExtract(to: URL(fileURLWithPath: path)) }
        #expect(OutputFileError.system(path: path, code: ENOENT).description == "cannot write \(path): no such file or directory")
    }
}
