import Foundation
import Testing
@testable import CrimeCore

/// Each kind of bad input: a typed error naming the file (and record or column), or a counted drop.
@Suite struct IngestBadInputTests {
    let header = "id,t,lat,lon,type,note\n"
    let good = "g1,2024-01-02 03:04:05,41.5,-87.5,THEFT,x\n"

    @Test func raggedRowsAreCountedWithTheirRecordNumber() throws {
        let path = try IngestTestSupport.write(header + good + "g2,2024-01-02 03:04:05,41.5\n" + good + "g4,2024-01-02 03:04:05,41.5,-87.5,THEFT,x,extra\n")
        let result = try IngestTestSupport.read(path)
        #expect(result.report.rowsRead == 4)
        #expect(result.report.rowsKept == 2)
        #expect(result.report.dropped[.malformedRow] == 2)
        #expect(result.report.samples.map(\.row) == [3, 5])
        #expect(result.report.samples.first?.file == path)
    }

    /// A quoted field never closed takes the rest of the file as one record (as Python's csv reads it),
    /// which is counted, with its record number, instead of vanishing.
    @Test func unterminatedQuoteIsCountedWithItsRecordNumber() throws {
        let path = try IngestTestSupport.write(header + good + good + "g3,2024-01-02 03:04:05,41.5,-87.5,THEFT,\"never closed\n" + good)
        for blockSize in [8, 1 << 20] {
            let result = try IngestTestSupport.read(path, blockSize: blockSize)
            #expect(result.report.rowsRead == 3)
            #expect(result.report.rowsKept == 2)
            #expect(result.report.dropped == [.unterminatedQuote: 1])
            #expect(result.report.samples.map(\.row) == [4])
            #expect(result.report.samples.first?.value?.contains("2 lines") == true)
        }
    }

    @Test func unterminatedQuoteInTheHeaderNamesFileAndRecord() throws {
        let path = try IngestTestSupport.write("id,\"t,lat\n" + good)
        #expect(throws: IngestError.unterminatedQuote(file: path, record: 1)) { try IngestTestSupport.read(path) }
        #expect("\(IngestError.unterminatedQuote(file: path, record: 1))".contains("record 1"))
    }

    @Test func invalidUTF8IsDroppedAsInvalidEncoding() throws {
        var bytes = Array((header + good).utf8)
        bytes += Array("g2,2024-01-02 03:04:05,41.5,-87.5,THEFT,caf".utf8) + [0xE9] + Array("\n".utf8)
        bytes += Array("g3,2024-01-02 03:04:05,41.5,-87.5,".utf8) + [0xC0, 0xAF] + Array(",x\n".utf8)
        let result = try IngestTestSupport.read(try IngestTestSupport.write(bytes))
        #expect(result.report.rowsKept == 1)
        #expect(result.report.dropped[.invalidEncoding] == 2)
        #expect(result.report.samples.map(\.column) == ["note", "type"])
        #expect(result.report.samples.map(\.row) == [3, 4])
    }

    @Test func impossibleDatesAreBadTime() throws {
        var schema = IngestTestSupport.schema
        schema.timeFormat = "MM/dd/yyyy hh:mm:ss a"
        let rows = ["13/45/2023 10:00:00 AM", "02/30/2023 10:00:00 AM", "01/01/2023 13:00:00 PM", "01/01/2023 00:10:00 AM",
                    "1/2/2023 9:05:00 pm"]
        let text = header + rows.enumerated().map { "r\($0.offset),\($0.element),41,-87,THEFT,\n" }.joined()
        let result = try IngestTestSupport.read(try IngestTestSupport.write(text), schema: schema)
        #expect(result.report.dropped[.badTime] == 4)
        #expect(result.report.samples.first?.value == "13/45/2023 10:00:00 AM")
        #expect(result.report.samples.first?.column == "t")
        #expect(result.table.times == [1_672_693_500])
    }

    @Test func badAndMissingLocations() throws {
        let text = header + "a,2024-01-02 03:04:05,abc,-87.5,THEFT,\n" + "b,2024-01-02 03:04:05,91,-87.5,THEFT,\n"
            + "c,2024-01-02 03:04:05,41,-181,THEFT,\n" + "d,2024-01-02 03:04:05,,,THEFT,\n" + "e,2024-01-02 03:04:05,0,0,THEFT,\n"
            + "f,2024-01-02 03:04:05,41,nan,THEFT,\n" + "g,,41,-87,THEFT,\n"
        let result = try IngestTestSupport.read(try IngestTestSupport.write(text))
        #expect(result.report.rowsKept == 0)
        #expect(result.report.dropped == [.badLocation: 4, .missingLocation: 1, .placeholderLocation: 1, .missingTime: 1])
        let first = try #require(result.report.samples.first)
        #expect(first == RowIssue(file: first.file, row: 2, column: "lat", reason: .badLocation, value: "abc"))
    }

    @Test func emptyFileIsAnError() throws {
        let path = try IngestTestSupport.write([UInt8]())
        #expect(throws: IngestError.emptyFile(file: path)) { try IngestTestSupport.read(path) }
        #expect("\(IngestError.emptyFile(file: path))".contains(path))
    }

    @Test func headerOnlyFileIsAnEmptyTable() throws {
        let result = try IngestTestSupport.read(try IngestTestSupport.write(header))
        #expect(result.report.rowsRead == 0)
        #expect(result.table.isEmpty)
    }

    @Test func missingRequiredColumnNamesIt() throws {
        let path = try IngestTestSupport.write("id,t,lat,lon,note\n" + "a,2024-01-02 03:04:05,1,2,x\n")
        let expected = IngestError.missingColumn(file: path, column: "type", present: ["id", "t", "lat", "lon", "note"])
        #expect(throws: expected) { try IngestTestSupport.read(path) }
        #expect("\(expected)".contains("'type'") && "\(expected)".contains(path))
    }

    @Test func missingExtraIsAnEmptyColumn() throws {
        let result = try IngestTestSupport.read(try IngestTestSupport.write("id,t,lat,lon,type\n" + "a,2024-01-02 03:04:05,1,2,THEFT\n"))
        #expect(result.absentColumns == ["note"])
        #expect(result.table.extra("note")?[0] == "")
    }

    @Test func unknownSchemaListsTheKnownOnes() {
        #expect(throws: IngestError.unknownSchema(name: "gotham", known: ["chicago", "lapd", "nypd", "philadelphia", "baltimore", "lvmpd"])) {
            try IngestSchema.named("gotham")
        }
        #expect("\(IngestError.unknownSchema(name: "gotham", known: ["chicago"]))".contains("gotham"))
    }

    @Test func unknownFileIsUnreadable() {
        #expect(throws: IngestError.self) { try IngestTestSupport.read("/nonexistent/crimes.csv") }
    }
}
