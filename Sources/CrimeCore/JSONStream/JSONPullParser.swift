import Foundation

/// A pull parser that reads JSON from a file or bytes in blocks, so a caller can walk a large document
/// (a GeoJSON FeatureCollection) one part at a time and keep only what it needs.
///
/// The caller asks for what comes next: ``peekKind()``, then ``beginObject()`` and ``nextKey()`` until
/// it returns nil, ``beginArray()`` and ``nextElement()`` until it returns false, ``readString()``,
/// ``readNumber()``, ``readValue()`` (one value built whole) or ``skipValue()`` (checked, not built).
/// Memory is one block of input plus what the caller builds. Every grammar error is a
/// ``JSONSyntaxError`` naming its byte offset. Numbers are checked against the JSON grammar, then
/// correctly rounded (as C's `strtod` and Python's `float`; `JSONSerialization` is a few ulps off for
/// some numbers of 16 or more digits); an integer that fits `Int64` goes through it, as in
/// `JSONSerialization`, so `-0` is 0; a number beyond `Double` is an error. A UTF-8 byte order mark at
/// the start is skipped.
package final class JSONPullParser {
    /// The deepest nesting ``readValue()`` and ``skipValue()`` follow.
    package static let maximumDepth = 512

    /// What the next value is, from its first byte.
    package enum Kind: Equatable { case object, array, string, number, bool, null }

    private let descriptor: Int32?
    private let path: String
    private var buffer: [UInt8]
    private var position = 0
    private var end = 0
    private var consumed = 0
    private var atEnd = false
    /// Whether the next member or element is the first of its container.
    private var first = false
    private var scratch: [UInt8] = []

    /// A parser over bytes in memory.
    package init(data: Data) {
        descriptor = nil
        path = ""
        buffer = [UInt8](data)
        end = buffer.count
        atEnd = true
        skipByteOrderMark()
    }

    /// A parser reading the file at `path` in blocks of `blockSize` bytes; an unreadable file throws
    /// `InputFileError`.
    package init(path: String, blockSize: Int = 1 << 20) throws {
        descriptor = try InputFile.open(path).descriptor
        self.path = path
        buffer = [UInt8](repeating: 0, count: max(blockSize, 16))
        try fill()
        skipByteOrderMark()
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    /// The byte offset of the next unread byte.
    package var offset: Int { consumed + position }

    // MARK: Containers

    /// Consumes the `{` that opens an object.
    package func beginObject() throws {
        try expect(UInt8(ascii: "{"), "an object")
        first = true
    }

    /// The next member's key, with its `:` consumed; nil once the closing `}` is consumed.
    package func nextKey() throws -> String? {
        guard let byte = try nextNonSpace() else { throw truncated() }
        if byte == UInt8(ascii: "}") {
            position += 1
            first = false
            return nil
        }
        if !first {
            guard byte == UInt8(ascii: ",") else { throw unexpected(byte, wanted: "',' or '}'") }
            position += 1
        }
        first = false
        guard let quote = try nextNonSpace() else { throw truncated() }
        guard quote == UInt8(ascii: "\"") else { throw unexpected(quote, wanted: "a member name") }
        let key = try readString()
        try expect(UInt8(ascii: ":"), "':'")
        return key
    }

    /// Consumes the `[` that opens an array.
    package func beginArray() throws {
        try expect(UInt8(ascii: "["), "an array")
        first = true
    }

    /// Whether another element follows (its `,` consumed); false once the closing `]` is consumed.
    package func nextElement() throws -> Bool {
        guard let byte = try nextNonSpace() else { throw truncated() }
        if byte == UInt8(ascii: "]") {
            position += 1
            first = false
            return false
        }
        if !first {
            guard byte == UInt8(ascii: ",") else { throw unexpected(byte, wanted: "',' or ']'") }
            position += 1
        }
        first = false
        return true
    }

    // MARK: Values

    /// The kind of the next value, without consuming it.
    package func peekKind() throws -> Kind {
        guard let byte = try nextNonSpace() else { throw truncated() }
        switch byte {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: throw unexpected(byte, wanted: "a value")
        }
    }

    /// The next value, which must be a string.
    package func readString() throws -> String {
        let start = offset
        try expect(UInt8(ascii: "\""), "a string")
        scratch.removeAll(keepingCapacity: true)
        try scanString(keep: true)
        guard let text = String(validating: scratch, as: UTF8.self) else {
            throw JSONSyntaxError(offset: start, problem: "a string that is not valid UTF-8")
        }
        return text
    }

    /// The next value, which must be a number: its `Double` and, when written as an integer that fits,
    /// its `Int64`.
    package func readNumber() throws -> (value: Double, integer: Int64?) {
        _ = try nextNonSpace()
        let start = offset
        scratch.removeAll(keepingCapacity: true)
        var integral = true
        if try peek() == UInt8(ascii: "-") { try take() }
        guard let lead = try peek() else { throw truncated() }
        guard isDigit(lead) else { throw JSONSyntaxError(offset: offset, problem: "a malformed number") }
        try take()
        if lead != UInt8(ascii: "0") { try takeDigits() }
        if try peek() == UInt8(ascii: ".") {
            integral = false
            try take()
            guard try takeDigits() > 0 else { throw try malformedNumber() }
        }
        if let e = try peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            integral = false
            try take()
            if let sign = try peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { try take() }
            guard try takeDigits() > 0 else { throw try malformedNumber() }
        }
        let text = String(decoding: scratch, as: UTF8.self)
        if integral, let integer = Int64(text) { return (Double(integer), integer) }
        guard let value = Double(text), value.isFinite else {
            throw JSONSyntaxError(offset: start, problem: "the number \(text) is beyond the range of a Double")
        }
        return (value, nil)
    }

    /// The next value, which must be `true` or `false`.
    package func readBool() throws -> Bool {
        guard let byte = try nextNonSpace() else { throw truncated() }
        if byte == UInt8(ascii: "t") { try literal("true"); return true }
        try literal("false")
        return false
    }

    /// Consumes the next value, which must be `null`.
    package func readNull() throws { try literal("null") }

    /// The next value built whole (for one feature's properties or geometry).
    package func readValue() throws -> StreamedJSON { try value(depth: 0) }

    /// Consumes the next value, checking its grammar without building it.
    package func skipValue() throws { try skip(depth: 0) }

    /// Checks that nothing but white space follows the document.
    package func finish() throws {
        if let byte = try nextNonSpace() { throw unexpected(byte, wanted: "the end of the document") }
    }

    private func value(depth: Int) throws -> StreamedJSON {
        switch try peekKind() {
        case .string: return .string(try readString())
        case .number:
            let (value, integer) = try readNumber()
            return .number(value, integer: integer)
        case .bool: return .bool(try readBool())
        case .null:
            try readNull()
            return .null
        case .array:
            try checkDepth(depth)
            try beginArray()
            var elements: [StreamedJSON] = []
            while try nextElement() { elements.append(try value(depth: depth + 1)) }
            return .array(elements)
        case .object:
            try checkDepth(depth)
            try beginObject()
            var members: [String: StreamedJSON] = [:]
            while let key = try nextKey() { members[key] = try value(depth: depth + 1) }
            return .object(members)
        }
    }

    private func skip(depth: Int) throws {
        switch try peekKind() {
        case .string:
            try expect(UInt8(ascii: "\""), "a string")
            try scanString(keep: false)
        case .number: _ = try readNumber()
        case .bool: _ = try readBool()
        case .null: try readNull()
        case .array:
            try checkDepth(depth)
            try beginArray()
            while try nextElement() { try skip(depth: depth + 1) }
        case .object:
            try checkDepth(depth)
            try beginObject()
            while try nextKey() != nil { try skip(depth: depth + 1) }
        }
    }

    private func checkDepth(_ depth: Int) throws {
        guard depth < Self.maximumDepth else {
            throw JSONSyntaxError(offset: offset, problem: "arrays and objects nested deeper than \(Self.maximumDepth)")
        }
    }

    // MARK: Strings

    /// Reads a string's bytes after its opening quote up to and including the closing one, appending
    /// the decoded bytes to `scratch` when `keep` is set.
    private func scanString(keep: Bool) throws {
        while true {
            if position == end { guard try fill() else { throw truncated() } }
            let byte = buffer[position]
            if byte == UInt8(ascii: "\"") { position += 1; return }
            if byte == UInt8(ascii: "\\") {
                try escape(keep: keep)
                continue
            }
            guard byte >= 0x20 else { throw JSONSyntaxError(offset: offset, problem: "an unescaped control character in a string") }
            if keep { scratch.append(byte) }
            position += 1
        }
    }

    private func escape(keep: Bool) throws {
        let start = offset
        position += 1
        guard let code = try peek() else { throw truncated() }
        position += 1
        let simple: UInt8?
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): simple = code
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default: throw JSONSyntaxError(offset: start, problem: "an unknown escape in a string")
        }
        if let simple {
            if keep { scratch.append(simple) }
            return
        }
        var scalar = try hex4(start)
        if (0xDC00...0xDFFF).contains(scalar) {
            throw JSONSyntaxError(offset: start, problem: "a low surrogate \\u escape without a high one")
        }
        if (0xD800...0xDBFF).contains(scalar) {
            for marker in [UInt8(ascii: "\\"), UInt8(ascii: "u")] {
                guard let byte = try peek() else { throw truncated() }
                guard byte == marker else { throw unpaired(start) }
                position += 1
            }
            let low = try hex4(start)
            guard (0xDC00...0xDFFF).contains(low) else { throw unpaired(start) }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        if keep, let decoded = Unicode.Scalar(scalar) { UTF8.encode(decoded) { scratch.append($0) } }
    }

    private func unpaired(_ start: Int) -> JSONSyntaxError {
        JSONSyntaxError(offset: start, problem: "a high surrogate \\u escape without a low one")
    }

    /// Four hex digits of a `\u` escape.
    private func hex4(_ start: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = try peek() else { throw truncated() }
            guard let digit = hexDigit(byte) else {
                throw JSONSyntaxError(offset: start, problem: "a \\u escape without four hex digits")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    // MARK: Bytes

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Moves the next byte into `scratch`.
    private func take() throws {
        scratch.append(buffer[position])
        position += 1
    }

    /// Moves a run of digits into `scratch`; how many.
    @discardableResult
    private func takeDigits() throws -> Int {
        var count = 0
        while let byte = try peek(), isDigit(byte) {
            try take()
            count += 1
        }
        return count
    }

    private func malformedNumber() throws -> JSONSyntaxError {
        guard try peek() != nil else { return truncated() }
        return JSONSyntaxError(offset: offset, problem: "a malformed number")
    }

    private func literal(_ word: StaticString) throws {
        let start = offset
        for k in 0..<word.utf8CodeUnitCount {
            guard let byte = try peek() else { throw truncated() }
            guard byte == word.utf8Start[k] else { throw JSONSyntaxError(offset: start, problem: "an invalid literal") }
            position += 1
        }
    }

    private func expect(_ byte: UInt8, _ wanted: String) throws {
        guard let next = try nextNonSpace() else { throw truncated() }
        guard next == byte else { throw unexpected(next, wanted: wanted) }
        position += 1
    }

    /// The next byte that is not white space, not consumed; nil at the end of the input.
    private func nextNonSpace() throws -> UInt8? {
        while true {
            if position == end { guard try fill() else { return nil } }
            let byte = buffer[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return byte }
            position += 1
        }
    }

    /// The next byte, not consumed; nil at the end of the input.
    @inline(__always)
    private func peek() throws -> UInt8? {
        if position == end { guard try fill() else { return nil } }
        return buffer[position]
    }

    /// Reads the next block once the current one is used up; false at the end of the input.
    @discardableResult
    private func fill() throws -> Bool {
        guard !atEnd, let descriptor else { return false }
        consumed += end
        position = 0
        end = 0
        let path = self.path
        let count = try buffer.withUnsafeMutableBytes { raw in
            try InputFile.readSome(descriptor, into: raw, path: path)
        }
        end = count
        if count == 0 { atEnd = true }
        return count > 0
    }

    private func skipByteOrderMark() {
        if end - position >= 3 && buffer[position] == 0xEF && buffer[position + 1] == 0xBB && buffer[position + 2] == 0xBF {
            position += 3
        }
    }

    private func truncated() -> JSONSyntaxError { .truncated(after: offset) }

    private func unexpected(_ byte: UInt8, wanted: String) -> JSONSyntaxError {
        let shown = byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16)
        return JSONSyntaxError(offset: offset, problem: "unexpected \(shown) where \(wanted) should be")
    }
}
