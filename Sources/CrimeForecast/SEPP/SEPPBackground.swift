/// Where a ``SEPPForecaster``'s forecast takes each cell's background rate from.
public enum SEPPBackground: Sendable, Equatable {
    /// The EM's own rate per cell, μ(c) (Mohler et al. 2011's background per cell, from the incidents the
    /// EM saw).
    case fitted
    /// The EM's total background rate Σ μ spread over the cells in proportion to each cell's incidents over
    /// the whole history handed to `fit` — longer than the EM's window when `historyWindows` is set. A
    /// smoothed background: the recent window gives the level, the long history the places, so a fit on a
    /// few weeks does not rank cells by a few weeks' noise. A history without incidents in the cells keeps
    /// the EM's rates.
    case historyShares
}
