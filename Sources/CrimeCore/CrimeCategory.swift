/// The common offence categories every portal's own categories map into.
public enum CrimeCategory: UInt8, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case assault, burglary, homicide, motorVehicleTheft, robbery, theft, other

    /// The snake-case name used in files and reports: `motor_vehicle_theft`.
    public var name: String {
        switch self {
        case .assault: return "assault"
        case .burglary: return "burglary"
        case .homicide: return "homicide"
        case .motorVehicleTheft: return "motor_vehicle_theft"
        case .robbery: return "robbery"
        case .theft: return "theft"
        case .other: return "other"
        }
    }

    /// Reads a snake-case name (`motor_vehicle_theft`); nil for anything else.
    public init?(name: String) {
        guard let match = CrimeCategory.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }

    public var description: String { name }
}
