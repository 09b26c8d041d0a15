/// An open-addressing hash map from `CellID` to its position in a cube's cell list.
///
/// Built once per cell universe; a lookup is a multiply, a shift and usually one probe, cheap
/// enough for every incident of a large extract.
struct CellOrdinalMap: Sendable {
    private let keys: [UInt64]
    private let values: [Int32]
    private let shift: UInt64

    /// Maps each cell to its position; throws when a cell repeats.
    init(_ cells: [CellID]) throws {
        var bits: UInt64 = 4
        while (1 << bits) < cells.count * 2 { bits += 1 }
        var keys = [UInt64](repeating: 0, count: 1 << bits)
        var values = [Int32](repeating: -1, count: 1 << bits)
        let shift = 64 - bits
        let mask = (1 << Int(bits)) - 1
        for (ordinal, cell) in cells.enumerated() {
            var slot = Int(truncatingIfNeeded: (cell.rawValue &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while values[slot] >= 0 {
                if keys[slot] == cell.rawValue { throw CubeError.duplicateCell(cell) }
                slot = (slot + 1) & mask
            }
            keys[slot] = cell.rawValue
            values[slot] = Int32(ordinal)
        }
        self.keys = keys
        self.values = values
        self.shift = shift
    }

    /// The position of a cell, or -1 when it is not in the universe.
    func ordinal(_ cell: CellID) -> Int {
        keys.withUnsafeBufferPointer { k in
            values.withUnsafeBufferPointer { v in Self.probe(cell.rawValue, keys: k, values: v, shift: shift) }
        }
    }

    /// Runs `body` with a lookup that borrows the tables, for hot loops.
    func withLookup<R>(_ body: ((UInt64) -> Int) throws -> R) rethrows -> R {
        try keys.withUnsafeBufferPointer { k in
            try values.withUnsafeBufferPointer { v in
                let s = shift
                return try body { Self.probe($0, keys: k, values: v, shift: s) }
            }
        }
    }

    @inline(__always)
    private static func probe(_ key: UInt64, keys: UnsafeBufferPointer<UInt64>, values: UnsafeBufferPointer<Int32>,
                              shift: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let v = values[slot]
            if v < 0 { return -1 }
            if keys[slot] == key { return Int(v) }
            slot = (slot + 1) & mask
        }
    }
}
