extension ZoneClock {
    /// The UTC instants inside `range` at which the zone's offset changes, ascending.
    ///
    /// Found with public lookups only: the offset is probed every hour and each change is narrowed
    /// to the second by bisection. Zones never change their offset twice within an hour.
    func offsetChanges(in range: Range<Int64>) -> [Int64] {
        var changes: [Int64] = []
        var probe = range.lowerBound
        var offset = self.offset(atUTC: probe)
        while probe < range.upperBound {
            let next = min(probe + 3600, range.upperBound)
            let nextOffset = self.offset(atUTC: next)
            if nextOffset != offset {
                // The change lies in (probe, next]: find the first second with the new offset.
                var lo = probe
                var hi = next
                while hi - lo > 1 {
                    let mid = lo + (hi - lo) / 2
                    if self.offset(atUTC: mid) == offset { lo = mid } else { hi = mid }
                }
                if hi < range.upperBound { changes.append(hi) }
                offset = nextOffset
            }
            probe = next
        }
        return changes
    }
}
