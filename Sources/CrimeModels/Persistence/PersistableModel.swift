import CrimeCore
import Foundation

/// A fitted model that can be saved to and loaded from a ``ModelArchive`` file.
///
/// A conforming type names its kind and lays out its payload with ``ArchiveWriter`` /
/// ``ArchiveReader``; `save(to:)` and `load(from:)` add the container, checksum and the write through
/// `OutputFile` (a temporary renamed over the target).
public protocol PersistableModel {
    /// The kind string stored in the file, e.g. `random-forest-regressor`.
    static var archiveKind: String { get }
    /// Writes the fitted state; throws ``ArchiveError/notSavable(reason:)`` when there is none.
    func encodePayload(into writer: inout ArchiveWriter) throws
    /// Rebuilds the model from a payload; throws ``ArchiveError`` for impossible content.
    static func decodePayload(from reader: inout ArchiveReader) throws -> Self
}

extension PersistableModel {
    /// Saves the fitted model to `url` through `OutputFile` (a temporary file renamed over the target;
    /// links followed, devices written in place).
    public func save(to url: URL) throws {
        var writer = ArchiveWriter()
        try encodePayload(into: &writer)
        try OutputFile.write(ModelArchive.encode(kind: Self.archiveKind, payload: writer.bytes), to: url)
    }

    /// Loads a model saved by ``save(to:)``.
    public static func load(from url: URL) throws -> Self {
        let payload = try ModelArchive.decode(try ModelArchive.readFile(url), expectedKind: archiveKind, path: url.path)
        var reader = ArchiveReader(bytes: payload, path: url.path)
        let model = try decodePayload(from: &reader)
        guard reader.isAtEnd else { throw ArchiveError.corruptPayload(path: url.path, reason: "bytes left after the model") }
        return model
    }
}
