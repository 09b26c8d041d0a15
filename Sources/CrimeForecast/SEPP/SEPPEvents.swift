/// The events a SEPP is fitted to, as contiguous arrays: times in days since the start of the
/// observation window `0..<duration`, ascending; positions in metres; cell ordinals (every event lies in
/// a cell); each event's hour of the week; the cells' areas; and the days of each hour of the week
/// the window holds.
struct SEPPEvents: Sendable {
    let t: [Double]
    let x: [Double], y: [Double]
    let cell: [Int32]
    let hour: [Int32]
    let areas: [Double]
    let exposure: [Double]
    let duration: Double

    var count: Int { t.count }
}

/// The state of a SEPP: background rate per cell (events per day at the mean of the rhythm), the
/// hour-of-week rhythm (its integral over the window equals the window's length), branching ratio θ,
/// trigger decay ω (per day) and trigger distance σ (metres).
struct SEPPState: Sendable, Equatable {
    var background: [Double]
    var rhythm: [Double]
    var theta: Double
    var omega: Double
    var sigma: Double
}

/// Cut-offs, limits and floors of the EM (see ``SEPPForecaster``).
struct SEPPLimits: Sendable {
    /// The time cut-off is `decayMultiple / ω` days, at most `maximumWindowDays`.
    var decayMultiple = 5.0
    var maximumWindowDays = 60.0
    /// The space cut-off is `sigmaMultiple × σ` metres.
    var sigmaMultiple = 4.0
    /// σ is kept at or above this many metres, 1/ω at or above this many days, θ at or below this.
    var minimumSigma = 1.0
    var minimumDelayDays = 1.0 / 1440
    var maximumTheta = 0.99

    func timeWindow(_ s: SEPPState) -> Double { min(decayMultiple / s.omega, maximumWindowDays) }
    func radius(_ s: SEPPState) -> Double { sigmaMultiple * s.sigma }
}
