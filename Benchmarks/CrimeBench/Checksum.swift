/// A 64-bit FNV-1a digest of a run of values, folded to 52 bits so that it survives a JSON `Double`:
/// two runs of a benchmark print the same value exactly when they computed the same results.
struct Checksum {
    private var state: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Adds one value's 64 bits.
    mutating func add(_ value: UInt64) {
        var v = value
        for _ in 0..<8 {
            state = (state ^ (v & 0xFF)) &* 0x0000_0100_0000_01B3
            v >>= 8
        }
    }

    /// Adds a `Double`'s bit pattern.
    mutating func add(_ value: Double) { add(value.bitPattern) }

    /// The digest as a whole number below 2⁵².
    var value: Double { Double(state >> 12) }
}
