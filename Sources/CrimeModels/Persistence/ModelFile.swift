import Foundation

/// The CrimeKit model file: a versioned envelope around one model's payload.
///
/// Layout (little-endian): the 8 magic bytes `CKMODEL\0`; `UInt32` format version; the model kind as
/// `UInt32` byte count + UTF-8; `UInt64` payload length; the payload; `UInt32` CRC-32 (zlib's) of every
/// byte before it. Files are written to a temporary file and renamed into place, so a reader never sees
/// half a file.
public enum ModelFile {
    /// The first 8 bytes of every model file.
    public static let magic = Data("CKMODEL\0".utf8)
    /// The format version this build writes and the newest it reads.
    public static let formatVersion: UInt32 = 1

    /// Writes `payload` for a model of `kind` to `url` atomically.
    public static func write(kind: String, payload: Data, to url: URL) throws {
        var writer = BinaryWriter()
        writer.append(magic)
        writer.write(formatVersion)
        writer.write(kind)
        writer.write(UInt64(payload.count))
        writer.append(payload)
        var bytes = writer.data
        let crc = bytes.withUnsafeBytes { CRC32.checksum($0) }
        withUnsafeBytes(of: crc.littleEndian) { bytes.append(contentsOf: $0) }
        try bytes.write(to: url, options: .atomic)
    }

    /// Reads the payload of a model of `kind` from `url`, checking magic, version, kind and checksum.
    public static func read(kind: String, from url: URL) throws -> Data {
        let path = url.path
        let bytes = try Data(contentsOf: url)
        guard bytes.count >= magic.count else {
            throw magic.starts(with: bytes) ? ModelFileError.truncated(path: path) : ModelFileError.notAModelFile(path: path)
        }
        guard bytes.prefix(magic.count) == magic else { throw ModelFileError.notAModelFile(path: path) }
        var reader = BinaryReader(bytes, path: path)
        _ = try reader.bytes(magic.count)
        let version = try reader.read(UInt32.self)
        guard version <= formatVersion else { throw ModelFileError.newerVersion(path: path, version: version, supported: formatVersion) }
        let found = try reader.readString()
        let length = try reader.read(UInt64.self)
        guard length <= UInt64(reader.remaining), reader.remaining - Int(length) == 4 else {
            if length > UInt64(reader.remaining) || reader.remaining - Int(length) < 4 { throw ModelFileError.truncated(path: path) }
            throw ModelFileError.invalidContents(path: path, reason: "\(reader.remaining - Int(length) - 4) bytes after the checksum")
        }
        let payload = try reader.bytes(Int(length))
        let stored = try reader.read(UInt32.self)
        let computed = bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<(bytes.count - 4)])) }
        guard stored == computed else { throw ModelFileError.corrupt(path: path, expected: stored, found: computed) }
        guard found == kind else { throw ModelFileError.wrongKind(path: path, expected: kind, found: found) }
        return Data(payload)
    }
}

/// A fitted model that can be saved to and loaded from a ``ModelFile``.
public protocol PersistableModel {
    /// The kind string stored in the file, e.g. `"random-forest-regressor"`.
    static var modelKind: String { get }
    /// Writes the fitted model to `url` atomically.
    func save(to url: URL) throws
    /// Reads a model saved by ``save(to:)``.
    static func load(from url: URL) throws -> Self
}
