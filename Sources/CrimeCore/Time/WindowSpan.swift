/// The windows a space-time cube is built on: a contiguous run of sequential windows over a UTC
/// range, or all `7 × shifts` day-of-week × shift buckets.
///
/// Windows are numbered by ordinal `0..<count`; ordinal `k` is the windowing's index
/// `firstIndex + k` (buckets: the bucket number itself).
public struct WindowSpan: Sendable {
    /// The windowing the span is cut from.
    public let windowing: TimeWindowing
    /// The windowing index of ordinal 0.
    public let firstIndex: Int
    /// Number of windows.
    public let count: Int
    /// The `count + 1` UTC boundaries of sequential windows (window `k` is
    /// `boundaries[k]..<boundaries[k + 1]`); empty for buckets.
    public let boundaries: [Int64]
    let locator: WindowLocator

    /// Sequential windows that meet `start..<end`, or every bucket (tabulated for instants in that
    /// range). Throws for an empty range or more than `limit` windows.
    public init(_ windowing: TimeWindowing, from start: Int64, until end: Int64, limit: Int = 10_000_000) throws {
        guard end > start else { throw WindowError.emptyRange(start: start, end: end) }
        self.windowing = windowing
        if let buckets = windowing.bucketCount {
            firstIndex = 0
            count = buckets
            boundaries = []
            locator = WindowLocator(windowing: windowing, coverage: start..<end)
            return
        }
        let first = windowing.index(utc: start)
        let last = windowing.index(utc: end - 1)
        let n = last - first + 1
        guard n <= limit else { throw WindowError.tooManyWindows(count: n, limit: limit) }
        var bounds = [Int64]()
        bounds.reserveCapacity(n + 1)
        for i in first...last { bounds.append(windowing.interval(ofIndex: i)?.lowerBound ?? 0) }
        bounds.append(windowing.interval(ofIndex: last)?.upperBound ?? 0)
        firstIndex = first
        count = n
        boundaries = bounds
        locator = WindowLocator(boundaries: bounds)
    }

    /// The windows that meet the local days `from..<until` (midnight to midnight on the wall clock).
    public init(_ windowing: TimeWindowing, from firstDay: LocalDay, until endDay: LocalDay, limit: Int = 10_000_000) throws {
        try self.init(windowing, from: firstDay.start(in: windowing.zone), until: endDay.start(in: windowing.zone),
                      limit: limit)
    }

    /// The windows that meet the span of the data's times; throws when there are none.
    public init(_ windowing: TimeWindowing, covering times: [Int64], limit: Int = 10_000_000) throws {
        guard let lo = times.min(), let hi = times.max() else { throw WindowError.noTimes }
        try self.init(windowing, from: lo, until: hi + 1, limit: limit)
    }

    /// The ordinal of the window holding an instant; nil when it lies outside the span.
    public func ordinal(utc t: Int64) -> Int? {
        let k = locator.table.withUnsafeBufferPointer { WindowLookup(span: self, table: $0).ordinal(t) }
        return k < 0 ? nil : k
    }

    /// The window at an ordinal.
    public func window(_ ordinal: Int) -> TimeWindow { windowing.window(ofIndex: firstIndex + ordinal) }

    /// The labels of the windows, by ordinal.
    public var labels: [String] { (0..<count).map { windowing.label(ofIndex: firstIndex + $0) } }

    /// The ordinal of the window with a label (`2024-03-10`, `Saturday Late Night`), or nil.
    public func ordinal(ofLabel label: String) -> Int? {
        (0..<count).first { windowing.label(ofIndex: firstIndex + $0) == label }
    }

    /// The UTC instants the sequential windows cover; nil for buckets.
    public var interval: Range<Int64>? {
        guard let a = boundaries.first, let b = boundaries.last else { return nil }
        return a..<b
    }
}

/// The hot-loop form of a span's lookup, over a borrowed table.
struct WindowLookup {
    let span: WindowSpan
    let table: UnsafeBufferPointer<Int32>

    /// The ordinal holding `t`, or -1 outside the span.
    @inline(__always)
    func ordinal(_ t: Int64) -> Int {
        let locator = span.locator
        if locator.slot > 0 {
            let d = t - locator.origin
            if d >= 0 {
                let s = d / locator.slot
                if s < Int64(table.count) { return Int(table[Int(s)]) }
            }
            if span.boundaries.isEmpty { return span.windowing.index(utc: t) }
            return -1
        }
        if span.boundaries.isEmpty { return span.windowing.index(utc: t) }
        // Binary search: the last boundary at or before t.
        let b = span.boundaries
        guard let first = b.first, let last = b.last, t >= first, t < last else { return -1 }
        var lo = 0
        var hi = b.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) >> 1
            if b[mid] <= t { lo = mid } else { hi = mid }
        }
        return lo
    }
}
