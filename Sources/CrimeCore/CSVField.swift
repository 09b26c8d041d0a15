/// RFC 4180 quoting of one CSV field for text output.
package enum CSVField {
    /// The field as written: quoted, with inner quotes doubled, when it holds a comma, a quote or a
    /// line break; unchanged otherwise.
    package static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
