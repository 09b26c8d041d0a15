import Foundation
import Testing
@testable import CrimeCore

/// The CSV scanner against Python's `csv` module (Tests/Fixtures/ingest/make_csv_dialect.py), and the
/// block cutter against the scanner.
@Suite struct CSVDialectTests {
    /// One text of the fixture and Python's records of it.
    struct Case: Decodable, CustomTestStringConvertible {
        struct Record: Decodable {
            let fields: [String]
            let line: Int
        }
        let name: String
        let text: String
        let records: [Record]
        let unterminated: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        let url = IngestTestSupport.fixtures.appendingPathComponent("csv_dialect.json")
        guard let data = try? Data(contentsOf: url), let cases = try? JSONDecoder().decode([Case].self, from: data) else { return [] }
        return cases
    }()

    @Test func theFixtureIsThere() {
        #expect(Self.cases.count == 13)
    }

    /// Every record Python reads, with the same fields and start line; blank lines (Python's `[]`) skipped.
    @Test(arguments: cases.filter { !$0.unterminated })
    func recordsAsPythonReadsThem(_ sample: Case) throws {
        let records = try CSVRecordScanner.records(in: sample.text)
        let expected = sample.records.filter { !$0.fields.isEmpty }
        #expect(records.map(\.fields) == expected.map(\.fields))
        #expect(records.map(\.line) == expected.map(\.line))
    }

    /// Where Python's lenient reader returns the rest of the text as one field, the scanner names the
    /// line the record starts on.
    @Test(arguments: cases.filter(\.unterminated))
    func unterminatedQuoteNamesItsLine(_ sample: Case) throws {
        let last = try #require(sample.records.last)
        #expect(throws: CSVUnterminatedQuote(line: last.line)) { try CSVRecordScanner.records(in: sample.text) }
    }

    /// The block cutter finds exactly the last record end the scanner sees (a CR as last byte excluded),
    /// on random texts of quotes, commas, CRs and LFs, with fast and byte-by-byte searches agreeing.
    /// Long texts hold more quoted fields than the cutter remembers, so its fallback runs too.
    @Test func blockCutAgreesWithTheScanner() {
        var random = SeededGenerator(seed: 17)
        let alphabet: [UInt8] = Array("a,\"\n\r".utf8) + Array("\"\"\n,".utf8)
        for trial in 0..<4000 {
            let length = trial < 3000 ? Int(random.next() % 24) : Int(random.next() % 600)
            let bytes = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            bytes.withUnsafeBufferPointer { buffer in
                let expected = Self.lastRecordEndByScanning(buffer)
                #expect(CSVBlockReader.lastRecordEnd(buffer) == expected, "\(Array(bytes))")
                #expect(CSVBlockReader.lastRecordEndByteByByte(buffer) == expected, "\(Array(bytes))")
            }
        }
    }

    @Test func blockCutExamples() {
        func cut(_ text: String) -> Int? { Array(text.utf8).withUnsafeBufferPointer { CSVBlockReader.lastRecordEnd($0) } }
        #expect(cut("a,12\" TV\nb,c") == 9)
        #expect(cut("a\rb\r") == 2)
        #expect(cut("a\r\nb") == 3)
        #expect(cut("a\r") == nil)
        #expect(cut("\"x\ny\"\"\nz") == nil)
        #expect(cut("\"x\"\ny\"\nz") == 7)
        #expect(cut(String(repeating: "\"a\nb\",", count: 40) + "x\n" + String(repeating: "\"p\nq\",", count: 40)) == 242)
    }

    /// The end of the last record that ends in a line end, by scanning every record from the start.
    static func lastRecordEndByScanning(_ bytes: FieldBytes) -> Int? {
        let scanner = CSVRecordScanner(fieldCapacity: 4, grows: true)
        var last: Int?
        var p = 0
        while p < bytes.count {
            guard let next = try? scanner.scan(bytes, from: p, record: 0).next else { break }
            let end = bytes[next - 1]
            if end == 0x0A || (end == 0x0D && next < bytes.count) { last = next }
            p = next
        }
        return last
    }
}
