import Foundation

/// Locates and decodes the committed reference fixtures in `Tests/Fixtures/<area>/`.
public enum Fixtures {
    /// The folder `Tests/Fixtures`, found from this source file's path.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The URL of a fixture file.
    public static func url(_ area: String, _ file: String) -> URL {
        root.appendingPathComponent(area).appendingPathComponent(file)
    }

    /// Decodes a JSON fixture.
    public static func json<T: Decodable>(_ type: T.Type, _ area: String, _ file: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: url(area, file)))
    }
}
