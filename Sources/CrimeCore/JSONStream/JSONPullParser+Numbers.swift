extension JSONPullParser {
    /// The next value, which must be a number: its `Double` and, when written as an integer that fits,
    /// its `Int64`.
    package func readNumber() throws -> (value: Double, integer: Int64?) {
        _ = try nextNonSpace()
        let start = offset
        scratch.removeAll(keepingCapacity: true)
        var integral = true
        if try peek() == UInt8(ascii: "-") { try take() }
        guard let lead = try peek() else { throw truncated() }
        guard isDigit(lead) else { throw JSONSyntaxError(offset: offset, problem: "a malformed number") }
        try take()
        if lead != UInt8(ascii: "0") { try takeDigits() }
        if try peek() == UInt8(ascii: ".") {
            integral = false
            try take()
            guard try takeDigits() > 0 else { throw try malformedNumber() }
        }
        if let e = try peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            integral = false
            try take()
            if let sign = try peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { try take() }
            guard try takeDigits() > 0 else { throw try malformedNumber() }
        }
        let text = String(decoding: scratch, as: UTF8.self)
        if integral, let integer = Int64(text) { return (Double(integer), integer) }
        guard let value = Double(text), value.isFinite else {
            throw JSONSyntaxError(offset: start, problem: "the number \(text) is beyond the range of a Double")
        }
        return (value, nil)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Moves the next byte into `scratch`.
    private func take() throws {
        scratch.append(buffer[position])
        position += 1
    }

    /// Moves a run of digits into `scratch`; how many.
    @discardableResult
    private func takeDigits() throws -> Int {
        var count = 0
        while let byte = try peek(), isDigit(byte) {
            try take()
            count += 1
        }
        return count
    }

    private func malformedNumber() throws -> JSONSyntaxError {
        guard try peek() != nil else { return truncated() }
        return JSONSyntaxError(offset: offset, problem: "a malformed number")
    }
}
