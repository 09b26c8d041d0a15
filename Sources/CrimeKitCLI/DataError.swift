import Foundation

/// A data problem the CLI itself detects (as opposed to a malformed command line): exits 1, no usage line.
struct DataError: Error, LocalizedError, CustomStringConvertible {
    /// The sentence printed after "Error: ".
    let message: String

    init(_ message: String) { self.message = message }

    var description: String { message }
    var errorDescription: String? { message }
}
