/// The seven H3 digits (directions) as unit IJK vectors, and their rotations.
enum H3Digit {
    /// The centre digit.
    static let center = 0
    /// The k-axis digit (deleted below a pentagon).
    static let k = 1
    /// The j-axis digit.
    static let j = 2
    /// The jk digit.
    static let jk = 3
    /// The i-axis digit.
    static let i = 4
    /// The ik digit.
    static let ik = 5
    /// The ij digit.
    static let ij = 6

    /// The digit 60° counter-clockwise: k→ik→i→ij→j→jk→k.
    @inline(__always) static func rotate60ccw(_ d: Int) -> Int {
        switch d {
        case 1: 5
        case 5: 4
        case 4: 6
        case 6: 2
        case 2: 3
        case 3: 1
        default: d
        }
    }

    /// The digit 60° clockwise: k→jk→j→ij→i→ik→k.
    @inline(__always) static func rotate60cw(_ d: Int) -> Int {
        switch d {
        case 1: 3
        case 3: 2
        case 2: 6
        case 6: 4
        case 4: 5
        case 5: 1
        default: d
        }
    }

    /// The unit IJK vector of a digit.
    @inline(__always) static func unit(_ d: Int) -> H3CoordIJK {
        H3CoordIJK(i: (d >> 2) & 1, j: (d >> 1) & 1, k: d & 1)
    }
}
