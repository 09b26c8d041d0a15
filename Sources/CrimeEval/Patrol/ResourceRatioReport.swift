/// Expected load of each time window against a baseline — the Las Vegas study's finding that
/// weekend late nights need about three times the resources of a weekday shift.
public struct ResourceRatioReport: Sendable, Equatable {
    /// One window's expected incidents and its ratio to the baseline.
    public struct Row: Sendable, Equatable {
        /// The window's name ("Sat Late Night").
        public var window: String
        /// Expected incidents in the window over the area considered.
        public var expected: Double
        /// `expected` divided by the baseline load.
        public var ratio: Double
    }

    /// The windows, in the order given.
    public var rows: [Row]
    /// The baseline windows.
    public var baselineWindows: [String]
    /// The baseline load: the mean expected incidents of the baseline windows.
    public var baseline: Double

    /// Compares each window's load with the mean load of the `baseline` windows.
    public init(loads: [(window: String, expected: Double)], baseline: [String]) throws {
        var byName: [String: Double] = [:]
        for load in loads {
            guard load.expected.isFinite, load.expected >= 0 else {
                throw PatrolError.invalidForecast(cell: load.window, value: load.expected)
            }
            byName[load.window] = load.expected
        }
        guard !baseline.isEmpty else { throw PatrolError.zeroBaseline([]) }
        var sum = 0.0
        for name in baseline {
            guard let value = byName[name] else { throw PatrolError.unknownWindow(name) }
            sum += value
        }
        let mean = sum / Double(baseline.count)
        guard mean > 0 else { throw PatrolError.zeroBaseline(baseline) }
        rows = loads.map { Row(window: $0.window, expected: $0.expected, ratio: $0.expected / mean) }
        baselineWindows = baseline
        self.baseline = mean
    }

    /// The ratio of one window, or nil when it was not given.
    public func ratio(of window: String) -> Double? { rows.first { $0.window == window }?.ratio }

    /// The mean ratio of several windows (for example the two weekend late nights).
    public func meanRatio(of windows: [String]) throws -> Double {
        guard !windows.isEmpty else { throw PatrolError.unknownWindow("") }
        var sum = 0.0
        for w in windows {
            guard let r = ratio(of: w) else { throw PatrolError.unknownWindow(w) }
            sum += r
        }
        return sum / Double(windows.count)
    }

    /// Window, expected incidents and ratio, as a table.
    public func table() -> ReportTable {
        ReportTable(columns: ["window", "expected", "ratio_to_baseline"],
                    rows: rows.map { [$0.window, displayNumber($0.expected), displayNumber($0.ratio)] })
    }
}
