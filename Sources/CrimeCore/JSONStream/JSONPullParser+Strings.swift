extension JSONPullParser {
    /// The next value, which must be a string.
    package func readString() throws -> String {
        let start = offset
        try expect(UInt8(ascii: "\""), "a string")
        scratch.removeAll(keepingCapacity: true)
        try scanString(keep: true)
        guard let text = String(validating: scratch, as: UTF8.self) else {
            throw JSONSyntaxError(offset: start, problem: "a string that is not valid UTF-8")
        }
        return text
    }

    /// Reads a string's bytes after its opening quote up to and including the closing one, appending
    /// the decoded bytes to `scratch` when `keep` is set.
    func scanString(keep: Bool) throws {
        while true {
            if position == end { guard try fill() else { throw truncated() } }
            let byte = buffer[position]
            if byte == UInt8(ascii: "\"") { position += 1; return }
            if byte == UInt8(ascii: "\\") {
                try escape(keep: keep)
                continue
            }
            guard byte >= 0x20 else { throw JSONSyntaxError(offset: offset, problem: "an unescaped control character in a string") }
            if keep { scratch.append(byte) }
            position += 1
        }
    }

    private func escape(keep: Bool) throws {
        let start = offset
        position += 1
        guard let code = try peek() else { throw truncated() }
        position += 1
        let simple: UInt8?
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): simple = code
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default: throw JSONSyntaxError(offset: start, problem: "an unknown escape in a string")
        }
        if let simple {
            if keep { scratch.append(simple) }
            return
        }
        var scalar = try hex4(start)
        if (0xDC00...0xDFFF).contains(scalar) {
            throw JSONSyntaxError(offset: start, problem: "a low surrogate \\u escape without a high one")
        }
        if (0xD800...0xDBFF).contains(scalar) {
            for marker in [UInt8(ascii: "\\"), UInt8(ascii: "u")] {
                guard let byte = try peek() else { throw truncated() }
                guard byte == marker else { throw unpaired(start) }
                position += 1
            }
            let low = try hex4(start)
            guard (0xDC00...0xDFFF).contains(low) else { throw unpaired(start) }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        if keep, let decoded = Unicode.Scalar(scalar) { UTF8.encode(decoded) { scratch.append($0) } }
    }

    private func unpaired(_ start: Int) -> JSONSyntaxError {
        JSONSyntaxError(offset: start, problem: "a high surrogate \\u escape without a low one")
    }

    /// Four hex digits of a `\u` escape.
    private func hex4(_ start: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = try peek() else { throw truncated() }
            guard let digit = hexDigit(byte) else {
                throw JSONSyntaxError(offset: start, problem: "a \\u escape without four hex digits")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
