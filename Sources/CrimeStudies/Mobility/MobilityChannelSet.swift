import CrimeEval
/// The input channels of the mobility study's four experiments.
public enum MobilityChannelSet: String, Sendable, CaseIterable, Codable {
    /// Crime counts only.
    case crime = "crime"
    /// Crime counts and footfall.
    case crimeMobility = "crime+mobility"
    /// Crime counts and the static sociodemographic layers.
    case crimeCensus = "crime+sociodemographic"
    /// Crime counts, footfall and the sociodemographic layers.
    case all = "all"

    /// Whether the set includes the footfall channel.
    public var includesMobility: Bool { self == .crimeMobility || self == .all }
    /// Whether the set includes the sociodemographic channels.
    public var includesCensus: Bool { self == .crimeCensus || self == .all }
}
