import CrimeCore
import Foundation

/// CrimeKit's model file: one fitted model in a small, versioned, checksummed binary container.
///
/// Layout (all integers little-endian):
///
/// | bytes | content |
/// | --- | --- |
/// | 8 | magic `43 4B 4D 4F 44 45 4C 00` ("CKMODEL\0") |
/// | 2 | format version (UInt16), currently 1 |
/// | 4 + k | model kind: byte count (UInt32) then UTF-8, e.g. `random-forest-regressor` |
/// | 8 | payload byte count (UInt64) |
/// | n | payload, laid out by the model type |
/// | 4 | CRC-32 (IEEE) of every preceding byte |
///
/// Readers refuse other magic bytes, newer versions, another kind, short files and bad checksums.
public enum ModelArchive {
    /// The first eight bytes of every model file.
    public static let magic: [UInt8] = Array("CKMODEL".utf8) + [0]
    /// The container version this build writes and the newest it reads.
    public static let formatVersion: UInt16 = 1

    /// The complete file bytes for a payload of the given kind.
    package static func encode(kind: String, payload: [UInt8]) -> [UInt8] {
        var header = ArchiveWriter()
        header.write(formatVersion)
        header.write(kind)
        header.write(UInt64(payload.count))
        var file = magic + header.bytes + payload
        let crc = file.withUnsafeBytes { CRC32.checksum($0) }
        withUnsafeBytes(of: crc.littleEndian) { file.append(contentsOf: $0) }
        return file
    }

    /// Checks the container and returns the payload; `path` is used in errors.
    package static func decode(_ file: [UInt8], expectedKind: String, path: String) throws -> [UInt8] {
        guard file.count >= magic.count else {
            throw file.elementsEqual(magic.prefix(file.count)) ? ArchiveError.truncated(path: path) : ArchiveError.notAModelFile(path: path)
        }
        guard Array(file.prefix(magic.count)) == magic else { throw ArchiveError.notAModelFile(path: path) }
        var reader = ArchiveReader(bytes: Array(file.dropFirst(magic.count)), path: path)
        let version = try reader.read(UInt16.self)
        guard version >= 1, version <= formatVersion else {
            throw ArchiveError.unsupportedVersion(path: path, found: Int(version), supported: Int(formatVersion))
        }
        let kind = try reader.readString()
        let length = try reader.read(UInt64.self)
        let headerSize = magic.count + 2 + 4 + kind.utf8.count + 8
        guard length <= UInt64(file.count), UInt64(file.count) >= UInt64(headerSize) + length + 4 else {
            throw ArchiveError.truncated(path: path)
        }
        let end = headerSize + Int(length)
        let stored = (0..<4).reduce(UInt32(0)) { $0 | UInt32(file[end + $1]) << (8 * $1) }
        let computed = file.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<end])) }
        guard stored == computed, file.count == end + 4 else { throw ArchiveError.checksumMismatch(path: path) }
        guard kind == expectedKind else { throw ArchiveError.wrongKind(path: path, expected: expectedKind, found: kind) }
        return Array(file[headerSize..<end])
    }

    /// Reads a whole file.
    static func readFile(_ url: URL) throws -> [UInt8] {
        do throws(InputFileError) {
            return [UInt8](try InputFile.read(url))
        } catch {
            throw ArchiveError.io(path: url.path, reason: error.reason)
        }
    }
}
