import Foundation

/// Maps a portal's own offence text to the common ``CrimeCategory`` set.
///
/// Keys are compared after trimming spaces and upper-casing. Text not in the table falls to
/// ``fallback``. Users override single entries with ``overriding(_:)``.
public struct CategoryMapping: Sendable, Equatable {
    /// Offence text (trimmed, upper case) → category.
    public private(set) var table: [String: CrimeCategory]
    /// The category of text not in the table.
    public var fallback: CrimeCategory

    /// A mapping from a table; keys are normalised.
    public init(table: [String: CrimeCategory], fallback: CrimeCategory = .other) {
        var normalised: [String: CrimeCategory] = [:]
        for (k, v) in table { normalised[CategoryMapping.normalise(k)] = v }
        self.table = normalised
        self.fallback = fallback
    }

    /// The category of an offence text.
    public func category(for offense: String) -> CrimeCategory {
        table[CategoryMapping.normalise(offense)] ?? fallback
    }

    /// A copy with some entries replaced or added.
    public func overriding(_ overrides: [String: CrimeCategory]) -> CategoryMapping {
        var copy = self
        for (k, v) in overrides { copy.table[CategoryMapping.normalise(k)] = v }
        return copy
    }

    /// Trims spaces and upper-cases.
    public static func normalise(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).uppercased()
    }
}
