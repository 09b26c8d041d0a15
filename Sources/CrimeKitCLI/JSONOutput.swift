import Foundation

/// Writes one JSON object to standard output, keys sorted so that output is stable.
///
/// JSON has no NaN or infinity: a non-finite number (an undefined metric, an infinite condition number)
/// is written as `null`, as CrimeKit's other JSON files do.
enum JSONOutput {
    /// Stand-ins the encoder writes for non-finite numbers, replaced by `null` afterwards. They start
    /// with control characters, which the encoder escapes, so no text from the data can look like them.
    private static let markers = ["\u{1}crimekit-nan\u{1}", "\u{1}crimekit-inf\u{1}", "\u{1}crimekit--inf\u{1}"]

    static func print<T: Encodable>(_ value: T) throws {
        try StandardOutput.write(text(value) + "\n")
    }

    /// The JSON text of `value`.
    static func text<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: markers[1], negativeInfinity: markers[2],
                                                                     nan: markers[0])
        var text = String(decoding: try encoder.encode(value), as: UTF8.self)
        for marker in markers {
            let quoted = String(decoding: try encoder.encode([marker]), as: UTF8.self).dropFirst().dropLast()
            text = text.replacingOccurrences(of: quoted, with: "null")
        }
        return text
    }
}
