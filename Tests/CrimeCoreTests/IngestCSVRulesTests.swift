import Foundation
import Testing
@testable import CrimeCore

/// Ingest reads CSV files by the rules of Python's `csv` module, and every sample names its record.
@Suite struct IngestCSVRulesTests {
    let header = "id,t,lat,lon,type,note"

    func row(_ id: String, note: String = "x", time: String = "2024-01-02 03:04:05") -> String {
        "\(id),\(time),41.5,-87.5,THEFT,\(note)"
    }

    /// Reads the text with blocks small enough to cut inside every record and with one block, on one
    /// and two threads; all four results must be equal, and that result is returned.
    func readEverywhere(_ bytes: [UInt8]) throws -> IngestResult {
        let path = try IngestTestSupport.write(bytes)
        let reference = try IngestTestSupport.read(path, blockSize: 1 << 20, threads: 1)
        for (blockSize, threads) in [(1, 1), (7, 2), (64, 2)] {
            #expect(try IngestTestSupport.read(path, blockSize: blockSize, threads: threads) == reference, "block \(blockSize)")
        }
        return reference
    }

    func ids(_ result: IngestResult) -> [String] { (0..<result.table.count).map { result.table.ids[$0] } }

    func notes(_ result: IngestResult) -> [String] {
        (0..<result.table.count).map { result.table.extra("note")?[$0] ?? "" }
    }

    func readEverywhere(_ text: String) throws -> IngestResult { try readEverywhere(Array(text.utf8)) }

    @Test func bareQuoteInsideAnUnquotedFieldIsData() throws {
        let text = [header, row("a", note: "12\" TV"), row("b"), row("c", note: "\"q\"\"x\"z"), row("d")].joined(separator: "\n") + "\n"
        let result = try readEverywhere(text)
        #expect(result.report.rowsRead == 4)
        #expect(result.table.count == 4)
        #expect(notes(result) == ["12\" TV", "x", "q\"xz", "x"])
    }

    @Test func carriageReturnOnlyLineEnds() throws {
        let result = try readEverywhere([header, row("a"), row("b"), row("c")].joined(separator: "\r") + "\r")
        #expect(result.report.rowsRead == 3)
        #expect(ids(result) == ["a", "b", "c"])
        #expect(notes(result) == ["x", "x", "x"])
    }

    @Test func mixedLineEndsInOneFile() throws {
        let text = header + "\r\n" + row("a") + "\n" + row("b") + "\r" + row("c") + "\r\n" + row("d")
        let result = try readEverywhere(text)
        #expect(ids(result) == ["a", "b", "c", "d"])
        #expect(result.report.droppedTotal == 0)
    }

    @Test func byteOrderMarkBeforeTheHeaderIsSkipped() throws {
        let result = try readEverywhere([0xEF, 0xBB, 0xBF] + Array((header + "\r" + row("a") + "\r").utf8))
        #expect(ids(result) == ["a"])
    }

    /// A header of 5,000 columns (more than the old fixed limit of 4,096) and rows as wide are read.
    @Test func fiveThousandColumns() throws {
        let extra = (6..<5000).map { "c\($0)" }.joined(separator: ",")
        let filler = String(repeating: ",0", count: 4994)
        let text = header + "," + extra + "\n" + row("a") + filler + "\n" + row("b") + filler + "\n"
        let result = try readEverywhere(text)
        #expect(result.report.rowsRead == 2)
        #expect(ids(result) == ["a", "b"])
    }

    /// Records: 1 header, 2 kept, 3 ragged, 4 blank, 5 kept (a quoted note over two lines), 6 bad time,
    /// 7 kept, 8 kept (a duplicate id of record 2). Ingest samples and cleaning samples name them.
    @Test func recordNumbersAfterDropsBlankLinesAndMultilineFields() throws {
        let text = [header, row("a"), "r,2024-01-02 03:04:05,41.5", "", row("b", note: "\"two\nlines\""),
                    row("c", time: "2024-13-45 00:00:00"), row("d"), row("a")].joined(separator: "\n") + "\n"
        let result = try readEverywhere(text)
        #expect(result.report.samples.map(\.row) == [3, 6])
        #expect(result.report.samples.map(\.reason) == [.malformedRow, .badTime])
        #expect((0..<4).map(result.sourceRecords.record(ofRow:)) == [2, 5, 7, 8])
        var report = result.report
        let options = CleaningOptions(midnight: .keep, sourceRecords: result.sourceRecords)
        _ = result.table.cleaned(options: options, report: &report)
        #expect(report.samples.first { $0.reason == .duplicate }?.row == 8)
    }

    @Test func sourceRecordsCountSkippedRecords() {
        let records = SourceRecords(first: 2, skipped: [2, 3, 6])
        #expect(records.skipped == [2..<4, 6..<7])
        #expect((0..<4).map(records.record(ofRow:)) == [4, 5, 7, 8])
        #expect(SourceRecords().record(ofRow: 9) == 11)
        #expect(SourceRecords(first: 1, skipped: [1]).record(ofRow: 0) == 2)
    }

    /// A file of blank lines and ragged rows between its rows keeps one run per gap, whatever the blocks:
    /// record 2 is `a`, 499 blank lines (3–501) and 300 ragged rows (502–801) follow, then `b` is 802.
    @Test func skippedRecordsAreKeptAsRuns() throws {
        let text = header + "\n" + row("a") + String(repeating: "\n", count: 500) + String(repeating: "r,1\r\n", count: 300)
            + row("b") + "\n"
        let result = try readEverywhere(text)
        #expect(result.sourceRecords.skipped == [3..<802])
        #expect(result.sourceRecords.record(ofRow: 1) == 802)
        #expect(result.report.dropped == [.malformedRow: 300])
    }
}
