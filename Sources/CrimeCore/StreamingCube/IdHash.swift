/// The 64-bit hash by which the streaming cube recognises an id it has seen, without keeping the id.
///
/// Eight bytes at a time are folded into the state through SplitMix64's finaliser, the length going in
/// with the last word, so ids of different lengths differ. Taking the hash to behave like a random
/// function, `n` distinct ids share a hash somewhere with probability about n² / 2⁶⁵: 8 × 10⁻⁶ for
/// 17 million ids, 3 × 10⁻⁴ for 100 million. A shared hash drops the later row as a `duplicate`.
enum IdHash {
    /// The hash of an id's bytes; never 0 (0 marks an empty id, which is never a duplicate).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        var i = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                h = ShardedKeyTable.mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
        }
        var tail = UInt64(truncatingIfNeeded: n) << 56
        var shift: UInt64 = 0
        while i < n {
            tail ^= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = ShardedKeyTable.mix(h ^ tail)
        return h == 0 ? 1 : h
    }
}
