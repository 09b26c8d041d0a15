extension TimeBulk {
    /// The bulk from the number of rows on each local day (day numbers): the same span and counts as
    /// ``init(times:zone:)`` on those rows whenever the local day never goes back as time goes on (true
    /// unless a zone turns its clocks back across midnight). Memory is one entry per distinct day.
    init?(dayCounts: [Int32: Int]) {
        let days = dayCounts.keys.sorted()
        let total = dayCounts.values.reduce(0, +)
        guard total > 0 else { return nil }
        let tail = (1 - Self.share) / 2
        let lo = min(total - 1, Int((tail * Double(total)).rounded(.down)))
        let hi = max(0, min(total - 1, Int(((1 - tail) * Double(total)).rounded(.up)) - 1))
        // The day holding the k-th smallest time (0-based).
        func day(ofRank k: Int) -> Int32 {
            var seen = 0
            for d in days {
                seen += dayCounts[d] ?? 0
                if seen > k { return d }
            }
            return days[days.count - 1]
        }
        let firstDay = day(ofRank: lo), lastDay = day(ofRank: hi)
        self.firstDay = TimeWindowing.dateText(Int(firstDay))
        self.lastDay = TimeWindowing.dateText(Int(lastDay))
        before = days.filter { $0 < firstDay }.reduce(0) { $0 + (dayCounts[$1] ?? 0) }
        after = days.filter { $0 > lastDay }.reduce(0) { $0 + (dayCounts[$1] ?? 0) }
    }
}
