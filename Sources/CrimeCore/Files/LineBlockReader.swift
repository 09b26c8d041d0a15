import Foundation

/// Whole lines of a stream, a block at a time: memory is one block plus the line that crosses its end,
/// however long the stream.
///
/// Lines end at LF, CR or CRLF (a CRLF split across two reads is one line end); a UTF-8 byte order mark
/// at the start is dropped; a last line without a line end is still a line, but an empty one is not.
package final class LineBlockReader {
    /// One block's complete lines.
    package struct Block {
        /// The bytes the lines index into.
        package let bytes: [UInt8]
        /// Each line's bytes, without its line end.
        package let lines: [Range<Int>]
        /// The 1-based number of the first line in the stream.
        package let firstLineNumber: Int
    }

    private let readInto: (UnsafeMutableRawBufferPointer) throws -> Int
    private let blockSize: Int
    private var pending: [UInt8] = []
    private var atEnd = false
    private var checkedByteOrderMark = false
    private var nextLineNumber = 1

    /// Lines from `readInto`, which fills a buffer and returns the byte count (0 at the end); each read
    /// asks for `blockSize` bytes.
    package init(blockSize: Int = 1 << 20, readInto: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) {
        self.blockSize = max(1, blockSize)
        self.readInto = readInto
    }

    /// Lines of an open file descriptor (e.g. standard input, 0); `source` names it in read errors.
    package convenience init(descriptor: Int32, source: String, blockSize: Int = 1 << 20) {
        self.init(blockSize: blockSize) { buffer in try InputFile.readSome(descriptor, into: buffer, path: source) }
    }

    /// The next block of complete lines; nil once the stream is used up.
    package func next() throws -> Block? {
        while true {
            if !atEnd { try readBlock() }
            if !checkedByteOrderMark && (pending.count >= 3 || atEnd) {
                checkedByteOrderMark = true
                if pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeFirst(3) }
            }
            guard checkedByteOrderMark else { continue }
            let (lines, used) = split()
            if lines.isEmpty && !atEnd { continue }
            if lines.isEmpty && pending.isEmpty { return nil }
            let bytes = pending
            pending = Array(pending[used...])
            let block = Block(bytes: bytes, lines: lines, firstLineNumber: nextLineNumber)
            nextLineNumber += lines.count
            return block
        }
    }

    private func readBlock() throws {
        let start = pending.count
        pending.append(contentsOf: repeatElement(0, count: blockSize))
        let count = try pending.withUnsafeMutableBytes { raw in
            try readInto(UnsafeMutableRawBufferPointer(rebasing: raw[start...]))
        }
        pending.removeLast(blockSize - count)
        if count == 0 { atEnd = true }
    }

    /// The complete lines of `pending` and how many bytes they use, line ends included. A CR at the very
    /// end waits for the next read unless the stream has ended; at the end the rest is a last line.
    private func split() -> (lines: [Range<Int>], used: Int) {
        var lines: [Range<Int>] = []
        var start = 0
        var k = 0
        let count = pending.count
        pending.withUnsafeBufferPointer { bytes in
            while k < count {
                let byte = bytes[k]
                if byte == 0x0A {
                    lines.append(start..<k)
                    k += 1
                    start = k
                } else if byte == 0x0D {
                    if k + 1 == count && !atEnd { break }
                    lines.append(start..<k)
                    k += k + 1 < count && bytes[k + 1] == 0x0A ? 2 : 1
                    start = k
                } else {
                    k += 1
                }
            }
        }
        if atEnd && start < count {
            lines.append(start..<count)
            start = count
        }
        return (lines, start)
    }
}
