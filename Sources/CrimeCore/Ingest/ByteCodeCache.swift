/// A small open-addressing hash map from byte strings to codes, owned by one chunk of an ingest.
///
/// It lets a categorical field be looked up by its raw bytes, so a `String` is made only the first
/// time a value is seen in the chunk.
struct ByteCodeCache {
    private var pool: [UInt8] = []
    private var keyStart: [Int] = []
    private var keyEnd: [Int] = []
    private var values: [UInt32] = []
    /// Slot → entry index + 1 (0 = empty).
    private var slots: [Int32] = Array(repeating: 0, count: 64)

    /// The code stored for the bytes, or nil.
    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let h = ByteCodeCache.hash(key)
        let mask = slots.count - 1
        var s = h & mask
        while true {
            let entry = Int(slots[s])
            if entry == 0 { return nil }
            if matches(entry - 1, key) { return values[entry - 1] }
            s = (s + 1) & mask
        }
    }

    /// Stores a code for bytes not yet present.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, code: UInt32) {
        if (values.count + 1) * 2 > slots.count { grow() }
        keyStart.append(pool.count)
        pool.append(contentsOf: key)
        keyEnd.append(pool.count)
        values.append(code)
        place(values.count - 1, hash: ByteCodeCache.hash(key))
    }

    private func matches(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = keyStart[entry]
        guard keyEnd[entry] - start == key.count else { return false }
        return pool.withUnsafeBufferPointer { p in
            for k in 0..<key.count where p[start + k] != key[k] { return false }
            return true
        }
    }

    private mutating func place(_ entry: Int, hash: Int) {
        let mask = slots.count - 1
        var s = hash & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = Int32(entry + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for entry in values.indices {
            let h = pool.withUnsafeBufferPointer {
                ByteCodeCache.hash(UnsafeBufferPointer(rebasing: $0[keyStart[entry]..<keyEnd[entry]]))
            }
            place(entry, hash: h)
        }
    }

    /// FNV-1a, folded to a non-negative Int.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h >> 1)
    }
}
