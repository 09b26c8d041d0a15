import CrimeCore
import Foundation

/// A buffered writer of UTF-8 bytes to a file, flushed every megabyte. Numbers are formatted straight
/// into the buffer, without intermediate strings.
struct ByteWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    /// Creates (or truncates) the file.
    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw SyntheticCityError.cannotWrite(path: path)
        }
        self.handle = handle
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
    mutating func endRow() {
        buffer.append(10)
        if buffer.count >= 1 << 20 { flushBuffer() }
    }

    private mutating func flushBuffer() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and closes the file.
    mutating func close() throws {
        flushBuffer()
        try handle.close()
    }
}
