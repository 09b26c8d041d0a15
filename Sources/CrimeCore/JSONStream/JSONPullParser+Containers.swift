extension JSONPullParser {
    /// Consumes the `{` that opens an object.
    package func beginObject() throws {
        try expect(UInt8(ascii: "{"), "an object")
        first = true
    }

    /// The next member's key, with its `:` consumed; nil once the closing `}` is consumed.
    package func nextKey() throws -> String? {
        guard let byte = try nextNonSpace() else { throw truncated() }
        if byte == UInt8(ascii: "}") {
            position += 1
            first = false
            return nil
        }
        if !first {
            guard byte == UInt8(ascii: ",") else { throw unexpected(byte, wanted: "',' or '}'") }
            position += 1
        }
        first = false
        guard let quote = try nextNonSpace() else { throw truncated() }
        guard quote == UInt8(ascii: "\"") else { throw unexpected(quote, wanted: "a member name") }
        let key = try readString()
        try expect(UInt8(ascii: ":"), "':'")
        return key
    }

    /// Consumes the `[` that opens an array.
    package func beginArray() throws {
        try expect(UInt8(ascii: "["), "an array")
        first = true
    }

    /// Whether another element follows (its `,` consumed); false once the closing `]` is consumed.
    package func nextElement() throws -> Bool {
        guard let byte = try nextNonSpace() else { throw truncated() }
        if byte == UInt8(ascii: "]") {
            position += 1
            first = false
            return false
        }
        if !first {
            guard byte == UInt8(ascii: ",") else { throw unexpected(byte, wanted: "',' or ']'") }
            position += 1
        }
        first = false
        return true
    }
}
