import Foundation

/// JSON that breaks the grammar, found while streaming; the sentence names the byte offset.
package struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    /// The 0-based byte offset of the problem in the input.
    package let offset: Int
    /// What is wrong, without the position, e.g. "unexpected character ','".
    package let problem: String
    /// Whether the input ended before the document did.
    package let endedEarly: Bool

    package init(offset: Int, problem: String, endedEarly: Bool = false) {
        self.offset = offset
        self.problem = problem
        self.endedEarly = endedEarly
    }

    /// The input ended before the document did, after `offset` bytes.
    package static func truncated(after offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset, problem: "it ends early", endedEarly: true)
    }

    /// E.g. "unexpected character ',' at byte offset 29", or "it ends early, after 52 bytes (is the file
    /// truncated?)".
    package var description: String {
        endedEarly ? "it ends early, after \(offset) bytes (is the file truncated?)" : "\(problem) at byte offset \(offset)"
    }
}
