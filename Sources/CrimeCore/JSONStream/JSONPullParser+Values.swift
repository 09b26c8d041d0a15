extension JSONPullParser {
    /// The kind of the next value, without consuming it.
    package func peekKind() throws -> Kind {
        guard let byte = try nextNonSpace() else { throw truncated() }
        switch byte {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: throw unexpected(byte, wanted: "a value")
        }
    }

    /// The next value, which must be `true` or `false`.
    package func readBool() throws -> Bool {
        guard let byte = try nextNonSpace() else { throw truncated() }
        if byte == UInt8(ascii: "t") { try literal("true"); return true }
        try literal("false")
        return false
    }

    /// Consumes the next value, which must be `null`.
    package func readNull() throws { try literal("null") }

    /// The next value built whole (for one feature's properties or geometry).
    package func readValue() throws -> StreamedJSON { try value(depth: 0) }

    /// Consumes the next value, checking its grammar without building it.
    package func skipValue() throws { try skip(depth: 0) }

    /// Checks that nothing but white space follows the document.
    package func finish() throws {
        if let byte = try nextNonSpace() { throw unexpected(byte, wanted: "the end of the document") }
    }

    private func value(depth: Int) throws -> StreamedJSON {
        switch try peekKind() {
        case .string: return .string(try readString())
        case .number:
            let (value, integer) = try readNumber()
            return .number(value, integer: integer)
        case .bool: return .bool(try readBool())
        case .null:
            try readNull()
            return .null
        case .array:
            try checkDepth(depth)
            try beginArray()
            var elements: [StreamedJSON] = []
            while try nextElement() { elements.append(try value(depth: depth + 1)) }
            return .array(elements)
        case .object:
            try checkDepth(depth)
            try beginObject()
            var members: [String: StreamedJSON] = [:]
            while let key = try nextKey() { members[key] = try value(depth: depth + 1) }
            return .object(members)
        }
    }

    private func skip(depth: Int) throws {
        switch try peekKind() {
        case .string:
            try expect(UInt8(ascii: "\""), "a string")
            try scanString(keep: false)
        case .number: _ = try readNumber()
        case .bool: _ = try readBool()
        case .null: try readNull()
        case .array:
            try checkDepth(depth)
            try beginArray()
            while try nextElement() { try skip(depth: depth + 1) }
        case .object:
            try checkDepth(depth)
            try beginObject()
            while try nextKey() != nil { try skip(depth: depth + 1) }
        }
    }

    private func checkDepth(_ depth: Int) throws {
        guard depth < Self.maximumDepth else {
            throw JSONSyntaxError(offset: offset, problem: "arrays and objects nested deeper than \(Self.maximumDepth)")
        }
    }

    private func literal(_ word: StaticString) throws {
        let start = offset
        for k in 0..<word.utf8CodeUnitCount {
            guard let byte = try peek() else { throw truncated() }
            guard byte == word.utf8Start[k] else { throw JSONSyntaxError(offset: start, problem: "an invalid literal") }
            position += 1
        }
    }
}
