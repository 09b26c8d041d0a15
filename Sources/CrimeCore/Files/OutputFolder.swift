import Foundation

/// Creates the folder a report or forecast is written into, with ``OutputFileError`` sentences instead of
/// Foundation's error codes.
public enum OutputFolder {
    /// Creates `url` and any missing parent folders; an existing folder (or a link to one) is fine.
    /// Throws ``OutputFileError/notAFolder(path:)`` when something else exists at `url` or a parent.
    public static func create(_ url: URL) throws {
        try create(path: url.standardizedFileURL.path)
    }

    private static func create(path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw OutputFileError.notAFolder(path: path) }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try create(path: parent) }
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else { throw OutputFileError.folder(path: path, code: errno) }
    }
}
