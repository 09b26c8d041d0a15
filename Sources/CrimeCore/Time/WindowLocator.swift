/// A precomputed table from UTC instants to window ordinals of a ``WindowSpan``.
///
/// Every window boundary in the span lies on a grid of `slot` seconds from `origin` (an hour in
/// zones with whole-hour offsets), so an instant's ordinal is one division and one table load.
/// When the grid would be too fine, lookups fall back to a binary search (sequential windows) or
/// to the windowing's own arithmetic (buckets).
struct WindowLocator: Sendable {
    /// The instant of slot 0.
    let origin: Int64
    /// Seconds per slot; 0 when there is no table.
    let slot: Int64
    /// The ordinal of each slot; -1 where no window of the span covers it.
    let table: [Int32]

    /// At most this many slots are tabulated.
    static let slotLimit = 1 << 22

    /// Tabulates sequential windows given by their `count + 1` boundaries.
    init(boundaries: [Int64]) {
        guard let first = boundaries.first, let last = boundaries.last, last > first else {
            self.init(origin: 0, slot: 0, table: [])
            return
        }
        var g: Int64 = 0
        for b in boundaries { g = Self.gcd(g, b - first) }
        let slots = (last - first) / g
        guard slots <= Self.slotLimit else {
            self.init(origin: first, slot: 0, table: [])
            return
        }
        var table = [Int32](repeating: -1, count: Int(slots))
        var k = 0
        for s in 0..<Int(slots) {
            let t = first + Int64(s) * g
            while boundaries[k + 1] <= t { k += 1 }
            table[s] = Int32(k)
        }
        self.init(origin: first, slot: g, table: table)
    }

    /// Tabulates day-of-week × shift buckets for instants in `coverage`.
    init(windowing: TimeWindowing, coverage: Range<Int64>) {
        let zone = windowing.zone
        let lower = coverage.lowerBound
        let offset0 = Int64(zone.offset(atUTC: lower))
        let origin = lower - TimeWindowing.floorMod(lower + offset0, 3600)     // the local hour mark at or before
        // Buckets change only at local hour marks and offset changes; find the grid holding both.
        var g: Int64 = 3600
        for change in zone.offsetChanges(in: coverage) {
            g = Self.gcd(g, change - origin)
            g = Self.gcd(g, TimeWindowing.floorMod(Int64(zone.offset(atUTC: change)) - offset0, 3600))
        }
        let slots = (coverage.upperBound - origin + g - 1) / g
        guard slots <= Self.slotLimit else {
            self.init(origin: origin, slot: 0, table: [])
            return
        }
        let table = (0..<Int(slots)).map { Int32(windowing.index(utc: origin + Int64($0) * g)) }
        self.init(origin: origin, slot: g, table: table)
    }

    private init(origin: Int64, slot: Int64, table: [Int32]) {
        self.origin = origin
        self.slot = slot
        self.table = table
    }

    private static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (abs(a), abs(b))
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
