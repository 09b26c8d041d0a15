/// An open-addressing hash table of non-zero 64-bit keys, with an optional 32-bit count per key, split
/// into 64 shards by the key's mixed bits.
///
/// Each shard probes linearly and grows by half when it is 85 % full, so between 57 % and 85 % of its
/// slots are in use: 9–14 bytes per key without counts, 14–21 bytes with them. Growing copies one
/// shard (1/64 of the keys), so there is no moment when two copies of the whole table are alive.
struct ShardedKeyTable {
    private static let shardBits = 6
    private var shards: [Shard]
    private let counting: Bool
    /// Number of keys held.
    private(set) var count = 0

    /// An empty table; with `counting`, each key carries the number of times it was added.
    init(counting: Bool) {
        self.counting = counting
        shards = (0..<(1 << Self.shardBits)).map { _ in Shard(capacity: 16, counting: counting) }
    }

    /// Adds a key (which must not be 0); true when it was not held before. With counting, its count goes up by one.
    @inline(__always)
    mutating func insert(_ key: UInt64) -> Bool {
        let h = Self.mix(key)
        let s = Int(h >> UInt64(64 - Self.shardBits))
        let isNew = shards[s].insert(key, hash: h << UInt64(Self.shardBits), counting: counting)
        if isNew { count += 1 }
        return isNew
    }

    /// Calls `body` with every key and its count (0 without counting), in no particular order.
    func forEach(_ body: (UInt64, UInt32) throws -> Void) rethrows {
        for shard in shards {
            for k in 0..<shard.keys.count where shard.keys[k] != 0 {
                try body(shard.keys[k], counting ? shard.counts[k] : 0)
            }
        }
    }

    /// A bijective mix of the 64 bits (SplitMix64's finaliser), so that keys with few differing bits spread out.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private struct Shard {
        var keys: [UInt64]
        var counts: [UInt32]
        var used = 0

        init(capacity: Int, counting: Bool) {
            keys = [UInt64](repeating: 0, count: capacity)
            counts = counting ? [UInt32](repeating: 0, count: capacity) : []
        }

        /// The first slot of a hash: its top bits scaled to the capacity.
        @inline(__always)
        private static func slot(_ hash: UInt64, capacity: Int) -> Int {
            Int(hash.multipliedFullWidth(by: UInt64(capacity)).high)
        }

        mutating func insert(_ key: UInt64, hash: UInt64, counting: Bool) -> Bool {
            if (used + 1) * 20 > keys.count * 17 { grow(counting: counting) }
            let capacity = keys.count
            var i = Self.slot(hash, capacity: capacity)
            while true {
                let k = keys[i]
                if k == key {
                    if counting { counts[i] &+= 1 }
                    return false
                }
                if k == 0 {
                    keys[i] = key
                    if counting { counts[i] = 1 }
                    used += 1
                    return true
                }
                i += 1
                if i == capacity { i = 0 }
            }
        }

        private mutating func grow(counting: Bool) {
            let oldKeys = keys, oldCounts = counts
            let capacity = keys.count + keys.count / 2
            keys = []
            counts = []
            keys = [UInt64](repeating: 0, count: capacity)
            if counting { counts = [UInt32](repeating: 0, count: capacity) }
            for k in 0..<oldKeys.count where oldKeys[k] != 0 {
                let key = oldKeys[k]
                var i = Self.slot(ShardedKeyTable.mix(key) << UInt64(ShardedKeyTable.shardBits), capacity: capacity)
                while keys[i] != 0 {
                    i += 1
                    if i == capacity { i = 0 }
                }
                keys[i] = key
                if counting { counts[i] = oldCounts[k] }
            }
        }
    }
}
