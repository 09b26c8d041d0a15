import Foundation

/// Maps a portal's own offence text to the common ``CrimeCategory`` set.
///
/// Text is compared after trimming spaces and upper-casing. An exact entry in ``table`` wins;
/// otherwise the first keyword rule whose keyword the text contains decides; otherwise
/// ``fallback``. Users override single entries with ``overriding(_:)``.
public struct CategoryMapping: Sendable, Equatable {
    /// A keyword rule: text containing `keyword` maps to `category`.
    public struct Rule: Sendable, Equatable {
        /// Upper-case text to look for.
        public var keyword: String
        /// The category it means.
        public var category: CrimeCategory

        /// Creates a rule; the keyword is normalised.
        public init(_ keyword: String, _ category: CrimeCategory) {
            self.keyword = CategoryMapping.normalise(keyword)
            self.category = category
        }
    }

    /// Offence text (trimmed, upper case) → category.
    public private(set) var table: [String: CrimeCategory]
    /// Keyword rules tried in order when the text is not in the table.
    public private(set) var rules: [Rule]
    /// The category of text matched by nothing.
    public var fallback: CrimeCategory

    /// A mapping from exact entries and keyword rules; keys are normalised.
    public init(table: [String: CrimeCategory], rules: [Rule] = [], fallback: CrimeCategory = .other) {
        var normalised: [String: CrimeCategory] = [:]
        for (k, v) in table { normalised[CategoryMapping.normalise(k)] = v }
        self.table = normalised
        self.rules = rules
        self.fallback = fallback
    }

    /// The category of an offence text.
    public func category(for offense: String) -> CrimeCategory {
        let key = CategoryMapping.normalise(offense)
        if let exact = table[key] { return exact }
        for rule in rules where key.contains(rule.keyword) { return rule.category }
        return fallback
    }

    /// A copy with some exact entries replaced or added (they win over every rule).
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
