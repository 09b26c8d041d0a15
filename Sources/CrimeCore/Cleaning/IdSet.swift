/// The ids seen so far: an open-addressing hash table of row numbers of a ``StringColumn``, keyed by a
/// 64-bit FNV-1a hash of each id's bytes. A hash match is confirmed by comparing bytes, so collisions
/// never merge different ids. One flat array, no allocation per id.
struct IdSet {
    /// `slots[i]` is a row number, or -1 for an empty slot.
    private var slots: [Int]
    /// The full hash of the id in each occupied slot, to skip most byte comparisons.
    private var hashes: [UInt64]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int](repeating: -1, count: size)
        hashes = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// Adds the id of `row`; false when the same non-empty id was added before. Empty ids are never added.
    mutating func insert(row: Int, of ids: StringColumn) -> Bool {
        ids.withBytes(ofRow: row) { bytes in
            guard !bytes.isEmpty else { return true }
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in bytes { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            hash ^= hash >> 29
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] >= 0 {
                if hashes[i] == hash, ids.withBytes(ofRow: slots[i], { $0.elementsEqual(bytes) }) { return false }
                i = (i + 1) & mask
            }
            slots[i] = row
            hashes[i] = hash
            return true
        }
    }
}
