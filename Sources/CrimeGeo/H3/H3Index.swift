import CrimeCore

/// A 64-bit H3 index of a cell, bit for bit the value Uber's H3 library (version 4) uses.
///
/// Layout, from the high bit down: 1 reserved bit (0), 4 mode bits (1 = cell), 3 reserved bits, 4 resolution
/// bits, 7 base-cell bits, then fifteen 3-bit digits for resolutions 1...15 (unused digits are 7).
public struct H3Index: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The raw 64-bit index.
    public var rawValue: UInt64

    /// Wraps a raw value without checking it; see ``isValid``.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// The cell of a `CellID` made by an H3 index (the 64 bits are the same).
    public init(_ cell: CellID) { rawValue = cell.rawValue }

    /// Parses the hexadecimal form h3-py prints (upper or lower case); throws unless it is a valid cell.
    public init(_ string: String) throws {
        guard !string.isEmpty, string.utf8.count <= 16, let value = UInt64(string, radix: 16) else {
            throw H3Error.invalidString(string)
        }
        let index = H3Index(rawValue: value)
        guard index.isValid else { throw H3Error.invalidString(string) }
        self = index
    }

    /// The lowercase hexadecimal form, as h3-py prints it.
    public var description: String { String(rawValue, radix: 16) }

    /// The same 64 bits as a `CellID`.
    public var cellID: CellID { CellID(rawValue) }

    public static func < (a: H3Index, b: H3Index) -> Bool { a.rawValue < b.rawValue }

    /// The resolution, 0...15.
    public var resolution: Int { Int((rawValue >> 52) & 0xF) }

    /// The base cell, 0...121 for a valid cell.
    public var baseCell: Int { Int((rawValue >> 45) & 0x7F) }

    /// True for one of the twelve pentagons at its resolution.
    public var isPentagon: Bool {
        baseCell < H3BaseCell.count && H3BaseCell.isPentagon(baseCell) && leadingNonZeroDigit == 0
    }

    /// True when the bits describe a valid H3 cell (mode 1, resolution digits 0...6, unused digits 7,
    /// no deleted pentagon subsequence), as `isValidCell` of H3.
    public var isValid: Bool {
        guard rawValue >> 56 == 0b0000_1000 else { return false }
        let res = resolution, bc = baseCell
        guard bc < H3BaseCell.count else { return false }
        for r in stride(from: 1, through: 15, by: 1) {
            let d = digit(r)
            if r <= res {
                if d == 7 { return false }
            } else if d != 7 {
                return false
            }
        }
        // Below a pentagon the k sub-sequence is deleted: the first non-zero digit cannot be 1.
        return !(H3BaseCell.isPentagon(bc) && leadingNonZeroDigit == H3Digit.k)
    }

    /// The digit at resolution r (1...15).
    @inline(__always) func digit(_ r: Int) -> Int { Int((rawValue >> UInt64((15 - r) * 3)) & 7) }

    /// Replaces the digit at resolution r (1...15).
    @inline(__always) mutating func setDigit(_ r: Int, _ d: Int) {
        let shift = UInt64((15 - r) * 3)
        rawValue = (rawValue & ~(7 << shift)) | (UInt64(d) << shift)
    }

    /// Replaces the resolution bits.
    @inline(__always) mutating func setResolution(_ res: Int) {
        rawValue = (rawValue & ~(UInt64(0xF) << 52)) | (UInt64(res) << 52)
    }

    /// Replaces the base-cell bits.
    @inline(__always) mutating func setBaseCell(_ bc: Int) {
        rawValue = (rawValue & ~(UInt64(0x7F) << 45)) | (UInt64(bc) << 45)
    }

    /// A cell header with the given resolution and base cell and every digit set to 7.
    static func header(resolution: Int, baseCell: Int) -> H3Index {
        // mode 1 (cell) in bits 59...62, all fifteen digits 7.
        var h = H3Index(rawValue: (UInt64(1) << 59) | ((UInt64(1) << 45) - 1))
        h.setResolution(resolution)
        h.setBaseCell(baseCell)
        return h
    }

    /// The first non-zero digit, or 0 when every digit is zero (the centre child chain).
    var leadingNonZeroDigit: Int {
        let res = resolution
        var r = 1
        while r <= res {
            let d = digit(r)
            if d != 0 { return d }
            r += 1
        }
        return 0
    }

    /// Rotates every digit 60° counter-clockwise.
    func rotated60ccw() -> H3Index {
        var h = self
        let res = resolution
        var r = 1
        while r <= res { h.setDigit(r, H3Digit.rotate60ccw(h.digit(r))); r += 1 }
        return h
    }

    /// Rotates every digit 60° counter-clockwise `n` times (0...5), all fifteen digits at once.
    ///
    /// On a digit's bits (i, j, k) one counter-clockwise turn of a unit vector is (¬j, ¬k, ¬i): `n` turns
    /// are the cyclic bit shift (i, j, k) → (k, i, j) applied 2n mod 3 times, complemented when n is odd.
    /// Digits whose three bits agree — the centre 0 and the unused 7 — stay as they are.
    @inline(__always) func rotated60ccw(times n: Int) -> H3Index {
        if n == 0 { return self }
        let field: UInt64 = (1 << 45) - 1
        let low: UInt64 = 0o111_111_111_111_111          // bit 0 of every digit (one octal digit each)
        let x = rawValue & field
        var y: UInt64
        switch (2 &* n) % 3 {
        case 0: y = x
        case 1: y = ((x << 2) & (low << 2)) | ((x >> 1) & (low &* 3))
        default: y = ((x << 1) & (low &* 6)) | ((x >> 2) & low)
        }
        if n & 1 == 1 { y ^= field }
        let e = x ^ (x >> 1)                               // per digit: bit 0 = (k ≠ j), bit 1 = (j ≠ i)
        let turning = ((e | (e >> 1)) & low) &* 7          // all three bits of every digit 1...6
        return H3Index(rawValue: (rawValue & ~field) | (y & turning) | (x & ~turning))
    }

    /// Rotates every digit 60° clockwise.
    func rotated60cw() -> H3Index {
        var h = self
        let res = resolution
        var r = 1
        while r <= res { h.setDigit(r, H3Digit.rotate60cw(h.digit(r))); r += 1 }
        return h
    }

    /// Rotates a pentagon's descendant 60° counter-clockwise, skipping the deleted k sub-sequence.
    func rotatedPentagon60ccw() -> H3Index {
        var h = self
        var foundFirst = false
        let res = resolution
        var r = 1
        while r <= res {
            h.setDigit(r, H3Digit.rotate60ccw(h.digit(r)))
            if !foundFirst && h.digit(r) != 0 {
                foundFirst = true
                if h.leadingNonZeroDigit == H3Digit.k { h = h.rotated60ccw() }
            }
            r += 1
        }
        return h
    }
}
