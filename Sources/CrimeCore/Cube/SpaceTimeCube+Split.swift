extension SpaceTimeCube {
    /// The window ordinals whose local start date lies in `from..<until` (e.g. 2023-01-01 ..<
    /// 2024-01-01 for "the year 2023"), as a contiguous range (possibly empty).
    public func windowOrdinals(from first: LocalDay, until end: LocalDay) throws -> Range<Int> {
        guard !windows.windowing.isCyclic else { throw WindowError.needsSequentialWindows("a split by date") }
        let zone = windows.windowing.zone
        let lo = first.start(in: zone)
        let hi = end.start(in: zone)
        let b = windows.boundaries.dropLast()
        let a = b.firstIndex { $0 >= lo } ?? windowCount
        let z = b.firstIndex { $0 >= hi } ?? windowCount
        return a..<max(a, z)
    }

    /// Splits feature rows by the local date of their window: train on `[trainFrom, testFrom)`, test
    /// on `[testFrom, testUntil)`.
    public func split(_ table: FeatureTable, trainFrom a: LocalDay, testFrom b: LocalDay,
                      testUntil c: LocalDay) throws -> (train: FeatureTable, test: FeatureTable) {
        (try table.selecting(windows: windowOrdinals(from: a, until: b)),
         try table.selecting(windows: windowOrdinals(from: b, until: c)))
    }
}
