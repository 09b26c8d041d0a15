import Foundation
import Testing
@testable import CrimeCore

@Suite struct IngestParsingTests {
    func decimal(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { DecimalParser.parse($0) }
    }

    /// The fast path and the fallback agree bit for bit with the C library's strtod.
    @Test func decimalParserMatchesStrtod() {
        var rng = SeededGenerator(seed: 42)
        var texts = ["41.878926414", "-87.630504136", "0", "-0.0", "1e22", "1e23", "9007199254740993", "0.1", "123456789012345.6",
                     "1.7976931348623157e308", "4.9e-324", "2.2250738585072011e-308", " 41.5 ", "+3.25", "7.", ".5"]
        for _ in 0..<2000 {
            let digits = Int.random(in: 1...19, using: &rng)
            let whole = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) })
            let point = Int.random(in: 0...digits, using: &rng)
            var text = String(whole.prefix(point)) + "." + String(whole.dropFirst(point))
            if Bool.random(using: &rng) { text = "-" + text }
            if Int.random(in: 0..<4, using: &rng) == 0 { text += "e\(Int.random(in: -30...30, using: &rng))" }
            texts.append(text)
        }
        for text in texts {
            let reference = strtod(text, nil)
            #expect(decimal(text)?.bitPattern == reference.bitPattern, "\(text)")
        }
        for bad in ["abc", "", "-", ".", "1e", "nan", "inf", "1.2.3", "0x10", "41,5"] { #expect(decimal(bad) == nil, "\(bad)") }
    }

    func reading(_ pattern: String, _ text: String) throws -> (Int?, Int, Int?)? {
        let format = try TimestampFormat(pattern)
        return Array(text.utf8).withUnsafeBufferPointer { format.read($0) }.map { ($0.dayNumber, $0.secondOfDay, $0.offsetSeconds) }
    }

    @Test func timestampPatterns() throws {
        let day = CivilDate.dayNumber(year: 2023, month: 1, day: 1)
        #expect(try reading("MM/dd/yyyy hh:mm:ss a", "01/01/2023 12:00:00 AM")! == (day, 0, nil))
        #expect(try reading("MM/dd/yyyy hh:mm:ss a", "01/01/2023 12:30:00 PM")! == (day, 45_000, nil))
        #expect(try reading("yyyy-MM-dd HH:mm:ss", "2023/01/01 05:00:00+00")! == (day, 18_000, 0))
        #expect(try reading("yyyy-MM-dd HH:mm:ss", "2023-01-01T05:00:00.123-05:00")! == (day, 18_000, -18_000))
        #expect(try reading("yyyy-MM-dd HH:mm:ss", "2023-01-01 05:00:00Z")! == (day, 18_000, 0))
        #expect(try reading("HHmm", "5")! == (nil, 300, nil))
        #expect(try reading("HHmm", "45")! == (nil, 2700, nil))
        #expect(try reading("HHmm", "1305")! == (nil, 47_100, nil))
        #expect(try reading("HHmm", "1360") == nil)
        #expect(try reading("yyyy-MM-dd HH:mm:ss", "2023-01-01 25:00:00") == nil)
        #expect(try reading("yyyy-MM-dd", "2023-01-01 trailing") == nil)
        #expect(throws: IngestError.self) { try TimestampFormat("yyyy-MM-dd QQ") }
        #expect(throws: IngestError.self) { try TimestampFormat("hh:mm") }
    }
}
