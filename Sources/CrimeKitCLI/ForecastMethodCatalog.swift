import ArgumentParser
import CrimeCore
import CrimeForecast
import CrimeSynthetic

/// The forecasting methods the command line knows, by name.
enum ForecastMethodCatalog {
    /// Every method name, in the order tables list them.
    static let names = ["previous", "seasonal", "historical", "margins", "glm", "oracle"]

    /// The methods named in `list` (comma-separated; nil: all, without `oracle` when there is no city).
    static func methods(_ list: String?, windowing: TimeWindowing, city: SyntheticCity?) throws -> [any SpaceTimeForecaster] {
        let wanted = list.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            ?? names.filter { $0 != "oracle" || city != nil }
        guard !wanted.isEmpty else { throw ValidationError("--methods lists no method") }
        return try wanted.map { try make($0, windowing: windowing, city: city) }
    }

    /// One method by name.
    static func make(_ name: String, windowing: TimeWindowing, city: SyntheticCity?) throws -> any SpaceTimeForecaster {
        if let baseline = NaiveBaseline.forecasters(for: windowing).first(where: { $0.name == name }) { return baseline }
        switch name {
        case "glm": return GLMForecaster()
        case "oracle":
            guard city != nil else { throw ValidationError("method oracle needs the synthetic city (--synthetic): real data has no known truth") }
            throw ValidationError("method oracle is not available yet")
        default:
            throw ValidationError("unknown method '\(name)'; known: \(names.joined(separator: ", "))")
        }
    }
}
