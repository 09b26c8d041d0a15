import Foundation
import Testing
@testable import CrimeCore

@Suite struct CSVReaderTests {
    let header = "id,t,lat,lon,type,note\n"

    @Test func quotedCommasQuotesAndNewlines() throws {
        let text = header
            + "a1,2024-01-02 03:04:05,41.5,-87.5,\"THEFT, PETTY\",\"said \"\"hi\"\"\"\n"
            + "a2,2024-01-02 03:04:06,41.5,-87.5,ROBBERY,\"two\nlines\"\n"
            + "a3,2024-01-02 03:04:07,41.5,-87.5,ROBBERY,\"crlf\r\ninside\"\n"
        let result = try IngestTestSupport.read(try IngestTestSupport.write(text))
        let table = result.table
        #expect(table.count == 3)
        #expect(table.offenses[0] == "THEFT, PETTY")
        #expect(table.categories[0] == .theft)
        #expect(table.extra("note")?[0] == "said \"hi\"")
        #expect(table.extra("note")?[1] == "two\nlines")
        #expect(table.extra("note")?[2] == "crlf\r\ninside")
        #expect(table.times[0] == 1_704_164_645)
        #expect(table.ids[2] == "a3")
    }

    @Test func byteOrderMarkAndCRLFLineEnds() throws {
        let text = "id,t,lat,lon,type,note\r\nb1,2024-01-02 03:04:05,41.5,-87.5,BURGLARY,x\r\nb2,2024-01-02 03:04:05,41.5,-87.5,BURGLARY,y\r\n"
        let result = try IngestTestSupport.read(try IngestTestSupport.write([0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        #expect(result.report.rowsRead == 2)
        #expect(result.table.count == 2)
        #expect(result.table.extra("note")?[1] == "y")
        #expect(result.table.categories[0] == .burglary)
    }

    @Test func lastRecordWithoutLineFeed() throws {
        let result = try IngestTestSupport.read(try IngestTestSupport.write(header + "c1,2024-01-02 03:04:05,1,2,THEFT,\"end\""))
        #expect(result.table.count == 1)
        #expect(result.table.extra("note")?[0] == "end")
    }

    /// Many records with quoted newlines, read with tiny blocks (so records span block boundaries) and
    /// with one big block, on one and on two threads: every table and report is identical.
    @Test func blockBoundariesAndThreadsDoNotChangeTheResult() throws {
        var text = header
        for k in 0..<300 {
            let note = k % 3 == 0 ? "\"multi\nline, \"\"quoted\"\" \(k)\"" : "plain\(k)"
            let lat = k % 17 == 0 ? "abc" : "41.\(k)"
            let row = k % 23 == 0 ? "r\(k),2024-01-01 00:00:00,1,2\n" : "r\(k),2024-02-\(k % 28 + 1) 10:\(k % 60):00,\(lat),-87.1,THEFT \(k % 5),\(note)\n"
            text += k % 2 == 0 ? row.replacingOccurrences(of: "0\n", with: "0\r\n") : row
        }
        let path = try IngestTestSupport.write(text)
        let reference = try IngestTestSupport.read(path, blockSize: 1 << 24, threads: 1)
        #expect(reference.report.rowsRead == 300)
        #expect(reference.report.dropped[.malformedRow] == 14)
        for blockSize in [1, 7, 64, 500] {
            for threads in [1, 2, 3] {
                let other = try IngestTestSupport.read(path, blockSize: blockSize, threads: threads)
                #expect(other == reference, "block \(blockSize), threads \(threads)")
            }
        }
        #expect(reference.report.samples.first { $0.reason == .malformedRow }?.row == 2)
    }

    @Test func blockCutFindsTheLastRecordEndOutsideQuotes() {
        let bytes = Array("a,\"x\ny\"\nb,\"p\nq".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(CSVBlockReader.lastRecordEnd(buffer) == 8)
        }
        Array("\"only\nquoted\n".utf8).withUnsafeBufferPointer { #expect(CSVBlockReader.lastRecordEnd($0) == nil) }
    }

    /// The whole-text reader DataTable uses: the same quoting as ingest, 1-based start lines that count
    /// quoted line breaks, blank lines and a byte-order mark skipped, records wider than the scanner's
    /// first capacity kept whole.
    @Test func wholeTextRecords() throws {
        let wide = (0..<100).map(String.init).joined(separator: ",")
        let text = "\u{FEFF}a,b\r\n\r\n\"x\ny\",\"say \"\"hi\"\"\"\n" + wide + "\nlast,1"
        let records = try CSVRecordScanner.records(in: text)
        #expect(records.map(\.line) == [1, 3, 5, 6])
        #expect(records[0].fields == ["a", "b"])
        #expect(records[1].fields == ["x\ny", "say \"hi\""])
        #expect(records[2].fields.count == 100 && records[2].fields[99] == "99")
        #expect(records[3].fields == ["last", "1"])
        #expect(throws: CSVUnterminatedQuote(line: 2)) { try CSVRecordScanner.records(in: "a\n\"open\nmore") }
    }
}
