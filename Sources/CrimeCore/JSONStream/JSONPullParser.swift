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

    // The state below is touched for every byte. A parser is used from one thread at a time and never
    // hands out references to its state, so the run-time exclusivity checks Swift makes on class
    // properties (a third of the time of reading a large GeoJSON file) are turned off for them.
    private let descriptor: Int32?
    private let path: String
    @exclusivity(unchecked) private(set) var buffer: [UInt8]
    /// The index in `buffer` of the next unread byte.
    @exclusivity(unchecked) var position = 0
    /// The number of bytes of the current block in `buffer`.
    @exclusivity(unchecked) private(set) var end = 0
    @exclusivity(unchecked) private var consumed = 0
    @exclusivity(unchecked) private var atEnd = false
    /// Whether the next member or element is the first of its container.
    @exclusivity(unchecked) var first = false
    /// The bytes of the string or number being read.
    @exclusivity(unchecked) var scratch: [UInt8] = []

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

    // MARK: Bytes

    /// Consumes the next byte that is not white space, which must be `byte`; `wanted` names it in the error.
    func expect(_ byte: UInt8, _ wanted: String) throws {
        guard let next = try nextNonSpace() else { throw truncated() }
        guard next == byte else { throw unexpected(next, wanted: wanted) }
        position += 1
    }

    /// The next byte that is not white space, not consumed; nil at the end of the input.
    func nextNonSpace() throws -> UInt8? {
        while true {
            if position == end { guard try fill() else { return nil } }
            let byte = buffer[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return byte }
            position += 1
        }
    }

    /// The next byte, not consumed; nil at the end of the input.
    @inline(__always)
    func peek() throws -> UInt8? {
        if position == end { guard try fill() else { return nil } }
        return buffer[position]
    }

    /// Reads the next block once the current one is used up; false at the end of the input.
    @discardableResult
    func fill() throws -> Bool {
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

    /// The error for input that ends at the current offset.
    func truncated() -> JSONSyntaxError { .truncated(after: offset) }

    /// The error for `byte` at the current offset where `wanted` should be.
    func unexpected(_ byte: UInt8, wanted: String) -> JSONSyntaxError {
        let shown = byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16)
        return JSONSyntaxError(offset: offset, problem: "unexpected \(shown) where \(wanted) should be")
    }
}
