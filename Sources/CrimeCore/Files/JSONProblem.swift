import Foundation

/// Turns a `JSONSerialization` failure into a sentence with the position, in place of Foundation's
/// error code.
package enum JSONProblem {
    /// Why `data` is not JSON, e.g. "invalid value around character 8" or "it ends early, after 52 bytes
    /// (is the file truncated?)".
    package static func describe(_ error: Error, in data: Data) -> String {
        let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
        if data.isEmpty || detail.localizedCaseInsensitiveContains("end of file") {
            return "it ends early, after \(data.count) bytes (is the file truncated?)"
        }
        guard !detail.isEmpty else { return "it is not valid JSON" }
        let text = detail.hasSuffix(".") ? String(detail.dropLast()) : detail
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
