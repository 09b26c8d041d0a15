/// The features ``RegressorForecaster`` reads for one cell and one target window t, every one computed
/// from the cell's (and its neighbours') counts in windows strictly before t.
///
/// A column of a feature matrix is one case, in declaration (`allCases`) order. With v(j) the cell's count in window
/// j, m the cell's mean over the windows before t, P the seasonal period (``NaiveBaseline/seasonPeriod(for:)``:
/// 7 for days, 52 for weeks) and the season of a window its windowing index modulo P:
///
/// | feature | value | where the history is too short |
/// | --- | --- | --- |
/// | `lag1` | v(t−1) | — (every row has at least one earlier window) |
/// | `lag2` | v(t−2) | m |
/// | `lagSeason` | v(t−P) | m |
/// | `mean4` | mean of v over the last 4 windows | mean over the windows there are |
/// | `mean13` | mean of v over the last 13 windows | mean over the windows there are |
/// | `seasonalMean` | mean of v(t−P), v(t−2P), … | m |
/// | `neighbourLag1` | mean of the neighbours' v(t−1) | the cell's own v(t−1) when it has no neighbours |
/// | `margins` | N_c · N_s / N / n_s | m when no earlier window has t's season; 0 when N = 0 |
/// | `trend` | least-squares slope of v over the last 13 windows, per window | over the windows there are; 0 with one |
///
/// When the training windows start less than P windows into the history, `lagSeason`, `seasonalMean` and
/// `margins` hold m in every row, the forecast rows included (see ``RegressorForecaster``).
///
/// `margins` is ``NaiveBaseline/Rule/margins(period:)`` on the windows before t: N_c the cell's total,
/// N_s the total over all cells of the windows of t's season, N the grand total, n_s the number of
/// windows of t's season.
public enum CountFeature: String, CaseIterable, Sendable {
    /// The count in the previous window.
    case lag1
    /// The count two windows back.
    case lag2
    /// The count one season back (the same weekday last week, the same week last year).
    case lagSeason
    /// The mean count of the last 4 windows.
    case mean4
    /// The mean count of the last 13 windows.
    case mean13
    /// The mean count of the earlier windows of the target's season.
    case seasonalMean
    /// The mean count of the cell's neighbours in the previous window.
    case neighbourLag1
    /// The margins expectation: cell total × season share per window of that season.
    case margins
    /// The least-squares slope of the last 13 windows' counts.
    case trend

    /// The feature names in column order.
    public static var names: [String] { allCases.map(\.rawValue) }
}
