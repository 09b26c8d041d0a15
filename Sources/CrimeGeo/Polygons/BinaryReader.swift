import CrimeCore
import Foundation

/// Bounds-checked little- and big-endian reads from a file's bytes.
struct BinaryReader {
    let bytes: [UInt8]
    let file: String

    /// Reads the whole file through `InputFile` (Foundation's `contents(atPath:)` leaks a buffer on an empty file).
    init(path: String) throws {
        let data: Data
        do throws(InputFileError) { data = try InputFile.read(URL(fileURLWithPath: path)) } catch {
            throw GeometryReadError.cannotRead(file: path)
        }
        bytes = [UInt8](data)
        file = path
    }

    /// Throws `truncated` unless `count` bytes exist at `offset`.
    func need(_ offset: Int, _ count: Int, record: Int?, what: String) throws {
        guard offset >= 0, count >= 0, offset <= bytes.count - count else {
            throw GeometryReadError.truncated(file: file, record: record,
                                              detail: "\(what) needs bytes \(offset)..<\(offset + count) of \(bytes.count)")
        }
    }

    func uint32BE(_ o: Int) -> UInt32 {
        UInt32(bytes[o]) << 24 | UInt32(bytes[o + 1]) << 16 | UInt32(bytes[o + 2]) << 8 | UInt32(bytes[o + 3])
    }

    func uint32LE(_ o: Int) -> UInt32 {
        UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3]) << 24
    }

    func uint16LE(_ o: Int) -> Int { Int(bytes[o]) | Int(bytes[o + 1]) << 8 }

    func int32LE(_ o: Int) -> Int { Int(Int32(bitPattern: uint32LE(o))) }

    func doubleLE(_ o: Int) -> Double {
        var bits: UInt64 = 0
        for k in 0..<8 { bits |= UInt64(bytes[o + k]) << (8 * UInt64(k)) }
        return Double(bitPattern: bits)
    }
}
