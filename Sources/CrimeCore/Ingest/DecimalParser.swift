import Foundation

/// Reads decimal numbers from raw bytes with the same result as `strtod` (correctly rounded).
///
/// Numbers with at most 15 significant digits and a decimal exponent within ±22 take Clinger's
/// fast path: the digits form an exact integer below 2^53 and the power of ten is an exact double,
/// so one IEEE multiplication or division gives the correctly rounded result. Anything else is
/// handed to `strtod` on a NUL-terminated copy. Only plain decimal syntax is accepted
/// (`[+-]digits[.digits][(e|E)[+-]digits]`, surrounding spaces allowed): `nan`, `inf` and hex
/// floats are rejected.
enum DecimalParser {
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The value of the bytes, or nil when they are not a decimal number.
    static func parse(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let base = field.baseAddress else { return nil }
        var start = 0
        var end = field.count
        while start < end && base[start] == 0x20 { start += 1 }
        while end > start && base[end - 1] == 0x20 { end -= 1 }
        var i = start
        var negative = false
        if i < end && (base[i] == 0x2D || base[i] == 0x2B) {
            negative = base[i] == 0x2D
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var digits = 0
        var exponent = 0
        while i < end, base[i] &- 0x30 < 10 {
            let d = UInt64(base[i] &- 0x30)
            if significant > 0 || d != 0 { significant += 1 }
            if significant <= 19 { mantissa = mantissa &* 10 &+ d } else { exponent += 1 }
            digits += 1
            i += 1
        }
        if i < end && base[i] == 0x2E {
            i += 1
            while i < end, base[i] &- 0x30 < 10 {
                let d = UInt64(base[i] &- 0x30)
                if significant > 0 || d != 0 { significant += 1 }
                if significant <= 19 {
                    mantissa = mantissa &* 10 &+ d
                    exponent -= 1
                }
                digits += 1
                i += 1
            }
        }
        guard digits > 0 else { return nil }
        if i < end && (base[i] | 0x20) == 0x65 {
            i += 1
            var expNegative = false
            if i < end && (base[i] == 0x2D || base[i] == 0x2B) {
                expNegative = base[i] == 0x2D
                i += 1
            }
            var expDigits = 0
            var e = 0
            while i < end, base[i] &- 0x30 < 10 {
                if e < 100_000 { e = e * 10 + Int(base[i] &- 0x30) }
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            exponent += expNegative ? -e : e
        }
        guard i == end else { return nil }
        if significant <= 15 && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            if exponent < 0 { value /= powersOfTen[-exponent] } else { value *= powersOfTen[exponent] }
            return negative ? -value : value
        }
        return slowParse(UnsafeBufferPointer(rebasing: field[start..<end]))
    }

    /// `strtod` on a NUL-terminated copy of bytes already known to be plain decimal syntax.
    private static func slowParse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
            guard let text = buffer.baseAddress else { return .nan }
            for k in 0..<bytes.count { text[k] = CChar(bitPattern: bytes[k]) }
            text[bytes.count] = 0
            return strtod(text, nil)
        }
    }
}
