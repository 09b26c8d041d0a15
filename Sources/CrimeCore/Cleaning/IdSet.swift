/// The ids seen so far: an open-addressing hash table of row numbers of a ``StringColumn``.
///
/// Each slot is one 64-bit word: the row number plus one in the low 40 bits (0 marks an empty slot) and
/// 24 bits of the id's hash above them, so most probes that meet another id are settled without touching
/// its bytes; a hash match is confirmed by comparing bytes, so collisions never merge different ids.
/// The table has half again as many slots as rows (8 × 1.5 = 12 bytes per row) and never grows.
///
/// Once the table outgrows the caches, each insert waits for memory. ``prefetch(rows:of:)`` reads the
/// first slots of a batch of rows ahead of time in one tight loop, so their waits overlap instead of
/// following one another.
struct IdSet {
    private var slots: [UInt64]
    private let size: UInt64
    /// Hashes of the rows given to ``prefetch(rows:of:)``, by row modulo their count, with their rows.
    private var aheadHashes = [UInt64](repeating: 0, count: 2 * IdSet.batch)
    private var aheadRows = [Int](repeating: -1, count: 2 * IdSet.batch)
    /// Folds in every slot read ahead, so the reads are not optimised away.
    private(set) var touched: UInt64 = 0

    /// The number of rows ``prefetch(rows:of:)`` is meant for: the batch after the one being inserted.
    static let batch = 32

    /// Room for `capacity` ids; rows numbered up to 2⁴⁰ − 2 (far more than memory holds).
    init(capacity: Int) {
        let size = max(16, capacity + capacity / 2)
        slots = [UInt64](repeating: 0, count: size)
        self.size = UInt64(size)
    }

    /// Reads the slots where the ids of `rows` (at most ``batch`` rows, to be inserted soon) start their
    /// search, to bring them into the cache, and keeps their hashes for ``insert(row:of:)``.
    mutating func prefetch(rows: Range<Int>, of ids: StringColumn) {
        let n = min(rows.count, Self.batch)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.batch) { homes in
            for k in 0..<n {
                let row = rows.lowerBound + k
                let hash = ids.withBytes(ofRow: row) { Self.hash($0) }
                aheadHashes[row % aheadHashes.count] = hash
                aheadRows[row % aheadRows.count] = row
                homes[k] = Int(truncatingIfNeeded: hash.multipliedFullWidth(by: size).high)
            }
            // Independent loads, issued back to back.
            slots.withUnsafeBufferPointer { slots in
                var folded: UInt64 = 0
                for k in 0..<n { folded ^= slots[homes[k]] }
                touched ^= folded
            }
        }
    }

    /// Adds the id of `row`; false when the same non-empty id was added before. Empty ids are never added.
    mutating func insert(row: Int, of ids: StringColumn) -> Bool {
        let ahead = aheadRows[row % aheadRows.count] == row ? aheadHashes[row % aheadHashes.count] : nil
        return ids.withBytes(ofRow: row) { bytes in
            guard !bytes.isEmpty else { return true }
            let hash = ahead ?? Self.hash(bytes)
            let tag = (hash & 0xFF_FFFF) << 40
            var i = Int(truncatingIfNeeded: hash.multipliedFullWidth(by: size).high)
            return slots.withUnsafeMutableBufferPointer { slots in
                while slots[i] != 0 {
                    let slot = slots[i]
                    if slot & ~Self.rowMask == tag,
                       ids.withBytes(ofRow: Int(slot & Self.rowMask) - 1, { $0.elementsEqual(bytes) }) {
                        return false
                    }
                    i += 1
                    if i == slots.count { i = 0 }
                }
                slots[i] = tag | UInt64(row + 1)
                return true
            }
        }
    }

    private static let rowMask: UInt64 = (1 << 40) - 1

    /// FNV-1a over the bytes, then the MurmurHash3 finaliser so that every output bit depends on every input bit.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
