import CrimeModels
import CrimeEval
import Foundation

/// Reads per-neighbourhood deployment data from CSV: columns `name`, `sightings`, `coverage`,
/// `group`, and any further numeric columns as covariates (income, density, …).
public enum DeploymentTable {
    /// The areas of a CSV file; a missing column, a non-numeric count or an empty file is a typed
    /// error naming the file and column, and a missing cell (empty, `NA`, …) one naming its line and column.
    public static func read(_ url: URL) throws -> [DeploymentArea] {
        let path = url.path
        let loaded = try DataTable.load(csv: url)
        guard loaded.rowCount > 0 else { throw DisparityError.tooFewGroups(0) }
        let table = try loaded.handlingMissing(.error, in: loaded.names).table
        func numbers(_ name: String) throws -> [Double] {
            guard let column = table.column(name) else { throw DeploymentTableError.missingColumn(file: path, name: name) }
            guard case let .numeric(values) = column else { throw DeploymentTableError.notNumeric(file: path, name: name) }
            return values
        }
        func texts(_ name: String) throws -> [String] {
            switch table.column(name) {
            case let .text(values): return values
            case let .numeric(values): return values.map { $0 == $0.rounded() ? String(Int($0)) : String($0) }
            case nil: throw DeploymentTableError.missingColumn(file: path, name: name)
            }
        }
        let names = try texts("name"), groups = try texts("group")
        let sightings = try numbers("sightings"), coverage = try numbers("coverage")
        var covariates: [String: [Double]] = [:]
        for (name, column) in zip(table.names, table.columns) where !["name", "group", "sightings", "coverage"].contains(name) {
            if case let .numeric(values) = column { covariates[name] = values }
        }
        return (0..<table.rowCount).map { i in
            DeploymentArea(name: names[i], sightings: sightings[i], coverage: coverage[i], group: groups[i],
                           covariates: covariates.mapValues { $0[i] })
        }
    }
}

/// Errors reading a deployment table.
public enum DeploymentTableError: Error, Equatable, CustomStringConvertible {
    case missingColumn(file: String, name: String)
    case notNumeric(file: String, name: String)

    public var description: String {
        switch self {
        case let .missingColumn(file, name): return "\(file): no column '\(name)' (need name, sightings, coverage, group)"
        case let .notNumeric(file, name): return "\(file): column '\(name)' must hold numbers"
        }
    }
}

extension DeploymentTableError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
