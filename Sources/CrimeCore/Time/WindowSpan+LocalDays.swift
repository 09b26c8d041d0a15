extension WindowSpan {
    /// The ordinals of the windows whose local start date lies in `from..<until` (e.g. 2023-01-01 ..<
    /// 2024-01-01 for "the year 2023"), as a contiguous range (possibly empty).
    ///
    /// - Throws: ``WindowError/needsSequentialWindows(_:)`` for day-of-week buckets.
    public func ordinals(from first: LocalDay, until end: LocalDay) throws -> Range<Int> {
        guard !windowing.isCyclic else { throw WindowError.needsSequentialWindows("a split by date") }
        let zone = windowing.zone
        let lo = first.start(in: zone)
        let hi = end.start(in: zone)
        let b = boundaries.dropLast()
        let a = b.firstIndex { $0 >= lo } ?? count
        let z = b.firstIndex { $0 >= hi } ?? count
        return a..<max(a, z)
    }
}
