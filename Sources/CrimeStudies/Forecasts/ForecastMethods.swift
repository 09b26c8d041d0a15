import CrimeCore
import CrimeForecast
import CrimeSynthetic

/// The forecasting methods by the names the command line, the demo and the studies use.
public enum ForecastMethods {
    /// Every method name, in the order tables list them: the four naive baselines, kernel density,
    /// prospective hot-spotting, the Poisson GLM, a random forest and Poisson gradient boosting on lag
    /// features, a self-exciting point process (fitted on the last 56 days of history, at most 30 EM
    /// steps, to keep a 52-origin backtest quick, with its background spread over the cells by their share of
    /// the whole history, `SEPPBackground.historyShares`), then the synthetic city's oracle.
    public static let names = ["previous", "seasonal", "historical", "margins", "kde", "promap", "glm", "forest", "gbm", "sepp", "oracle"]

    /// The methods named in `list` (nil: all of them, the oracle only when there is a city), each with
    /// its defaults for `windowing`. Throws `ForecastError.unknownMethod` for a name it
    /// does not know and `ForecastError.badParameter` for an empty list or an oracle
    /// without a city.
    public static func make(_ list: [String]? = nil, windowing: TimeWindowing, city: SyntheticCity?) throws -> [any SpaceTimeForecaster] {
        let wanted = list ?? names.filter { $0 != "oracle" || city != nil }
        guard !wanted.isEmpty else { throw ForecastError.badParameter(name: "methods", reason: "name at least one method") }
        return try wanted.map { try make($0, windowing: windowing, city: city) }
    }

    /// The windows of 56 days (eight weeks) in `windowing`.
    static func windowsIn56Days(_ windowing: TimeWindowing) -> Int {
        guard case let .sequential(frequency) = windowing.kind else { return 8 }
        switch frequency {
        case .hourly: return 56 * 24
        case .halfDay: return 112
        case .daily: return 56
        case .weekly: return 8
        }
    }

    /// One method by name.
    public static func make(_ name: String, windowing: TimeWindowing, city: SyntheticCity?) throws -> any SpaceTimeForecaster {
        if let baseline = NaiveBaseline.forecasters(for: windowing).first(where: { $0.name == name }) { return baseline }
        switch name {
        case "kde": return try KDEForecaster()
        case "promap": return try ProMapForecaster()
        case "glm": return GLMForecaster()
        case "forest": return RegressorForecaster.forest()
        case "gbm": return RegressorForecaster.gbm()
        case "sepp": return try SEPPForecaster(maximumIterations: 30, historyWindows: windowsIn56Days(windowing), background: .historyShares)
        case "oracle":
            guard let city else {
                throw ForecastError.badParameter(name: "methods", reason: "oracle needs the synthetic city: real data has no known truth")
            }
            return OracleForecaster(city: city)
        default:
            throw ForecastError.unknownMethod(name, known: names)
        }
    }
}
