/// The ids seen so far, kept as row numbers of a ``StringColumn`` grouped by a hash of their bytes;
/// a hash match is confirmed by comparing bytes, so collisions never merge different ids.
struct IdSet {
    private var rowsByHash: [Int: [Int]]

    init(capacity: Int) {
        rowsByHash = [:]
        rowsByHash.reserveCapacity(capacity)
    }

    /// Adds the id of `row`; false when the same non-empty id was added before. Empty ids are never added.
    mutating func insert(row: Int, of ids: StringColumn) -> Bool {
        ids.withBytes(ofRow: row) { bytes in
            guard !bytes.isEmpty else { return true }
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            let hash = hasher.finalize()
            if let earlier = rowsByHash[hash] {
                for other in earlier where ids.withBytes(ofRow: other, { $0.elementsEqual(bytes) }) {
                    return false
                }
            }
            rowsByHash[hash, default: []].append(row)
            return true
        }
    }
}
