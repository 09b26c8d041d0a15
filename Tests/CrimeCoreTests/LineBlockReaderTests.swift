import Foundation
import Testing
@testable import CrimeCore

/// Lines of a stream a block at a time: LF, CR and CRLF ends, a byte order mark, and lines that cross
/// block boundaries, at every small block size.
@Suite struct LineBlockReaderTests {
    /// Every line (text and 1-based number) of `bytes` read in blocks of `blockSize`.
    private func lines(_ bytes: [UInt8], blockSize: Int) throws -> [(Int, String)] {
        var offset = 0
        let reader = LineBlockReader(blockSize: blockSize) { buffer in
            let count = min(buffer.count, bytes.count - offset)
            for k in 0..<count { buffer[k] = bytes[offset + k] }
            offset += count
            return count
        }
        var out: [(Int, String)] = []
        while let block = try reader.next() {
            for (k, line) in block.lines.enumerated() {
                out.append((block.firstLineNumber + k, String(decoding: block.bytes[line], as: UTF8.self)))
            }
        }
        return out
    }

    private func check(_ text: String, _ expected: [String]) throws {
        for size in 1...9 {
            let got = try lines(Array(text.utf8), blockSize: size)
            #expect(got.map(\.1) == expected, "block size \(size): \(text.debugDescription)")
            #expect(got.map(\.0) == expected.indices.map { $0 + 1 }, "block size \(size)")
        }
    }

    @Test func lineEndsOfEveryKind() throws {
        try check("lat,lng\n1,2\n3,4\n", ["lat,lng", "1,2", "3,4"])
        try check("lat,lng\r1,2\r3,4\r", ["lat,lng", "1,2", "3,4"])
        try check("lat,lng\r\n1,2\r\n3,4", ["lat,lng", "1,2", "3,4"])
        try check("a\r\rb\n\nc\r\n\r\nd", ["a", "", "b", "", "c", "", "d"])
        try check("a\n\n", ["a", ""])
        try check("", [])
        try check("\n", [""])
        try check("\r", [""])
    }

    @Test func byteOrderMarkIsDroppedOnlyAtTheStart() throws {
        try check("\u{FEFF}lat,lng\r\n1,2\r\n", ["lat,lng", "1,2"])
        try check("\u{FEFF}", [])
        try check("a\n\u{FEFF}b\n", ["a", "\u{FEFF}b"])
    }

    @Test func aLineLongerThanManyBlocksIsWhole() throws {
        let long = String(repeating: "0123456789", count: 50)
        let got = try lines(Array("h\r\(long)\r\nx".utf8), blockSize: 7)
        #expect(got.map(\.1) == ["h", long, "x"])
        #expect(got.map(\.0) == [1, 2, 3])
    }
}
