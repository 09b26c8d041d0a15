import Foundation
import Testing
@testable import CrimeCore

/// The streaming JSON parser on hand-written documents: values, grammar errors with their byte
/// offsets, and the same values whatever the block size.
@Suite struct JSONPullParserTests {
    private func value(_ text: String) throws -> StreamedJSON {
        let parser = JSONPullParser(data: Data(text.utf8))
        let value = try parser.readValue()
        try parser.finish()
        return value
    }

    private func syntaxError(_ text: String) -> JSONSyntaxError? {
        do { _ = try value(text) } catch let error as JSONSyntaxError { return error } catch { return nil }
        return nil
    }

    @Test func escapesAndSurrogatePairs() throws {
        #expect(try value(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(try value(#""caf\u00e9 \u00E9""#) == .string("café é"))
        #expect(try value(#""\ud83d\ude00!""#) == .string("😀!"))          // U+1F600 as a UTF-16 pair
        #expect(try value("\"\u{1F600}\"") == .string("😀"))                 // the same as raw UTF-8
        #expect(syntaxError(#""\ud83d""#)?.offset == 1)                       // a high surrogate alone
        #expect(syntaxError(#""x\ude00""#)?.offset == 2)                      // a low surrogate alone
        #expect(syntaxError(#""\ud83dx""#) != nil)
        #expect(syntaxError(#""\q""#)?.offset == 1)
        #expect(syntaxError(#""\u12g4""#) != nil)
        #expect(syntaxError("\"a\u{1}b\"")?.offset == 2)                      // an unescaped control character
        #expect(syntaxError("[\"\u{FF}\"]") == nil)                           // U+00FF is valid UTF-8 (C3 BF)
        let invalidUTF8 = Data([0x5B, 0x22, 0xFF, 0x22, 0x5D])                 // ["<FF>"]
        #expect(throws: JSONSyntaxError.self) { _ = try JSONPullParser(data: invalidUTF8).readValue() }
    }

    @Test func numbersAreCorrectlyRounded() throws {
        // Python: json.loads("-0") is the int 0; json.loads("-0.0") is the float -0.0.
        let zero = try #require(try value("-0").number)
        #expect(zero == 0 && zero.sign == .plus)
        let negativeZero = try #require(try value("-0.0").number)
        #expect(negativeZero == 0 && negativeZero.sign == .minus)
        #expect(try value("1e2") == .number(100, integer: nil))
        #expect(try value("2.5E+3") == .number(2500, integer: nil))
        #expect(try value("1E-2").number == 0.01)
        #expect(try value("0.1").number == 0.1)
        #expect(try value("-87.62979999999999").number == -87.62979999999999)
        #expect(try value("123") == .number(123, integer: 123))
        // 2^53 + 1 keeps its Int64 but its Double is 2^53 (round half to even).
        #expect(try value("9007199254740993") == .number(9_007_199_254_740_992, integer: 9_007_199_254_740_993))
        #expect(try value("12345678901234567890") == .number(12_345_678_901_234_567_168, integer: nil))
        #expect(try value("5e-324").number == .leastNonzeroMagnitude)
        // Correctly rounded, as Python's float() gives them (JSONSerialization is a few ulps off on these).
        #expect(try value("0.8376506176176734").number == 0.8376506176176735)
        #expect(try value("0.502248954864391904").number == 0.5022489548643919)
        #expect(try value("0.2782344297100060598").number == 0.27823442971000606)
        for bad in ["01", "1.", ".5", "-", "+1", "1e", "1e+", "0x10", "1.e3", "-a"] {
            #expect(syntaxError(bad) != nil, "\(bad)")
        }
        #expect(syntaxError("1e400")?.problem.contains("beyond the range") == true)
    }

    @Test func nestedArraysLiteralsAndObjects() throws {
        #expect(try value(" [[[0, 1.5], [2,3]], [], [null, true, false]] ") == .array([
            .array([.array([.number(0, integer: 0), .number(1.5, integer: nil)]),
                    .array([.number(2, integer: 2), .number(3, integer: 3)])]),
            .array([]), .array([.null, .bool(true), .bool(false)])]))
        #expect(try value(#"{"a": {"b": []}, "a": 2}"#) == .object(["a": .number(2, integer: 2)]))  // the last wins
        for bad in ["[1,]", "[1 2]", #"{"a" 1}"#, #"{"a":1,}"#, "{1:2}", "[tru]", "nul", "[1]]", "{}x"] {
            #expect(syntaxError(bad) != nil, "\(bad)")
        }
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(syntaxError(deep)?.problem.contains("nested deeper") == true)
        #expect(throws: JSONSyntaxError.self) { try JSONPullParser(data: Data(deep.utf8)).skipValue() }
    }

    @Test func skippedMembersAndMembersInAnyOrder() throws {
        let text = #"{"skip": {"x": [1, {"y": "\u00e9\"]"}], "z": null}, "keep": "k", "tail": [[], {}]}"#
        let parser = JSONPullParser(data: Data(text.utf8))
        try parser.beginObject()
        var kept: [String: String] = [:]
        var seen: [String] = []
        while let key = try parser.nextKey() {
            seen.append(key)
            if key == "keep" { kept[key] = try parser.readString() } else { try parser.skipValue() }
        }
        try parser.finish()
        #expect(seen == ["skip", "keep", "tail"])
        #expect(kept == ["keep": "k"])
        #expect(parser.offset == text.utf8.count)
    }

    @Test func syntaxErrorsNameTheirByteOffset() {
        let error = syntaxError(#"{"type": "FeatureCollection",, "features": []}"#)
        #expect(error?.offset == 29)
        #expect(error?.description.hasSuffix("at byte offset 29") == true)
        #expect(syntaxError("[1] x")?.offset == 4)
        #expect(syntaxError("")?.description == "it ends early, after 0 bytes (is the file truncated?)")
    }

    /// Every proper prefix of a document ends early, at its own length: an error, never a crash.
    @Test func everyTruncationEndsEarlyAtItsLength() {
        let text = #"{"a": [1, -2.5e-3, true, false, null], "b\u00e9": {"c": "d\"\ud83d\ude00é"}, "e": [[0, 1], [2, 3]]}"#
        let bytes = Array(text.utf8)
        for cut in 0..<bytes.count {
            let error = syntaxError(String(decoding: bytes[..<cut], as: UTF8.self))
            let expected = String(decoding: bytes[..<cut], as: UTF8.self).utf8.count
            #expect(error == .truncated(after: expected), "cut at \(cut)")
        }
        #expect(syntaxError(text) == nil)
    }

    /// A file read in blocks of a few bytes gives what the whole bytes give, a byte order mark skipped.
    @Test func smallBlocksReadTheSameValues() throws {
        let text = "\u{FEFF}" + #"{"features": [{"p": "\ud83d\ude00 long enough to cross blocks", "q": [-0.0, 1e-7, 123456789]}], "crs": null}"#
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-\(UUID().uuidString).json")
        try OutputFile.write(text, to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let whole = try JSONPullParser(data: Data(text.utf8)).readValue()
        for size in [1, 2, 3, 5, 16, 64] {
            let parser = try JSONPullParser(path: url.path, blockSize: size)
            #expect(try parser.readValue() == whole, "block size \(size)")
            try parser.finish()
        }
        #expect(whole["features"]?.array?.first?["p"]?.string == "😀 long enough to cross blocks")
    }
}
