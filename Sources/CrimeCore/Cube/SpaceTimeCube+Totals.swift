extension SpaceTimeCube {
    /// Incidents per cell over all windows, by cell ordinal (zeros included).
    public func cellTotals() -> [Int] {
        var out = [Int](repeating: 0, count: cellCount)
        let w = Int64(max(windowCount, 1))
        for (key, n) in zip(keys, counts) { out[Int(key / w)] += Int(n) }
        return out
    }

    /// Incidents per window over all cells, by window ordinal (zeros included).
    public func windowTotals() -> [Int] {
        var out = [Int](repeating: 0, count: windowCount)
        let w = Int64(max(windowCount, 1))
        for (key, n) in zip(keys, counts) { out[Int(key % w)] += Int(n) }
        return out
    }
}
