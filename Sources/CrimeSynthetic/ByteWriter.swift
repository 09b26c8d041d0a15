import CrimeCore
import Foundation

/// A buffered writer of UTF-8 bytes to an `OutputFile`, flushed every megabyte. Numbers are formatted
/// straight into the buffer, without intermediate strings. The target changes only at ``close()``; a
/// writer dropped before it leaves no file behind.
struct ByteWriter {
    private let file: OutputFile
    private var buffer: [UInt8] = []

    /// Opens the file (see `OutputFile` for links, devices and errors).
    init(path: String) throws {
        file = try OutputFile(url: URL(fileURLWithPath: path))
        buffer.reserveCapacity(1 << 20 + 4096)
    }

    /// The bytes of a CSV field, quoted per RFC 4180 when it holds a comma, quote or line break.
    static func csvField(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return bytes }
        var quoted: [UInt8] = [34]
        for b in bytes {
            quoted.append(b)
            if b == 34 { quoted.append(34) }
        }
        quoted.append(34)
        return quoted
    }

    /// Appends raw bytes (already CSV-safe).
    mutating func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// Appends one ASCII byte.
    mutating func write(byte: UInt8) {
        buffer.append(byte)
    }

    /// Appends a non-negative integer in decimal, left-padded with zeros to `width` digits.
    mutating func write(_ value: Int, width: Int = 1) {
        var divisor = 1, digits = 1
        while divisor <= value / 10 { divisor *= 10; digits += 1 }
        for _ in digits..<max(digits, width) { buffer.append(48) }
        while divisor > 0 {
            buffer.append(UInt8(48 + value / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends a decimal number with exactly nine decimals (rounded half away from zero), e.g. `-87.631234567`.
    mutating func writeNineDecimals(_ value: Double) {
        let scaled = Int((abs(value) * 1e9).rounded())
        if value < 0, scaled != 0 { buffer.append(45) }
        write(scaled / 1_000_000_000)
        buffer.append(46)
        write(scaled % 1_000_000_000, width: 9)
    }

    /// Ends a row; flushes when a megabyte is buffered.
    mutating func endRow() throws {
        buffer.append(10)
        if buffer.count >= 1 << 20 { try flushBuffer() }
    }

    private mutating func flushBuffer() throws {
        try file.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and commits the file.
    mutating func close() throws {
        try flushBuffer()
        try file.commit()
    }
}
