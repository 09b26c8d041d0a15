/// One neighbourhood of a deployment audit: how often police were seen there, how much it was
/// looked at, and who lives there.
public struct DeploymentArea: Sendable, Equatable {
    /// The neighbourhood's name.
    public var name: String
    /// Police sightings (dashcam frames with a police vehicle, patrol cells chosen, stops).
    public var sightings: Double
    /// Observation effort in the same units for every area (frames captured, vehicle-hours driven,
    /// candidate cells); rates are sightings per unit of coverage.
    public var coverage: Double
    /// The group the audit compares (majority group, income tertile).
    public var group: String
    /// Numeric attributes for regressions with controls (median income, population density).
    public var covariates: [String: Double]

    /// Creates an area.
    public init(name: String, sightings: Double, coverage: Double, group: String, covariates: [String: Double] = [:]) {
        self.name = name
        self.sightings = sightings
        self.coverage = coverage
        self.group = group
        self.covariates = covariates
    }

    /// The area's sightings per unit of coverage; NaN without coverage.
    public var rate: Double { coverage > 0 ? sightings / coverage : .nan }

    /// Quantile group labels for a numeric attribute: "Q1" holds the lowest values. Ties share the
    /// group of their first position in sorted order, so equal values never split.
    public static func quantileGroups(_ values: [Double], count: Int) throws -> [String] {
        guard count >= 2, values.count >= count else { throw DisparityError.tooFewGroups(min(count, values.count)) }
        if let bad = values.first(where: { !$0.isFinite }) { throw DisparityError.invalidValue(what: "attribute", value: bad) }
        let order = values.indices.sorted { values[$0] != values[$1] ? values[$0] < values[$1] : $0 < $1 }
        var labels = [String](repeating: "", count: values.count)
        var position = 0
        while position < order.count {
            var end = position
            while end + 1 < order.count, values[order[end + 1]] == values[order[position]] { end += 1 }
            let q = position * count / values.count + 1
            for k in position...end { labels[order[k]] = "Q\(q)" }
            position = end + 1
        }
        return labels
    }
}
