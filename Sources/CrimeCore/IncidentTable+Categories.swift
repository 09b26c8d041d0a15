/// How a table's rows fall into the common categories, and which offence texts no rule recognised.
extension IncidentTable {
    /// Rows per category (categories without rows are left out).
    public var categoryCounts: [CrimeCategory: Int] {
        var counts: [CrimeCategory: Int] = [:]
        for c in categories { counts[c, default: 0] += 1 }
        return counts
    }

    /// The offence texts of rows in `other`, with their row counts, most frequent first (ties by text):
    /// where a category mapping may be missing a synonym.
    public func otherOffenses(limit: Int = 20) -> [OffenseCount] {
        var counts = [Int](repeating: 0, count: offenses.dictionary.count)
        offenses.codes.withUnsafeBufferPointer { codes in
            for row in 0..<codes.count where categories[row] == .other { counts[Int(codes[row])] += 1 }
        }
        return counts.indices.filter { counts[$0] > 0 }
            .map { OffenseCount(offense: offenses.dictionary[$0], rows: counts[$0]) }
            .sorted { ($0.rows, $1.offense) > ($1.rows, $0.offense) }
            .prefix(max(0, limit)).map { $0 }
    }
}

/// An offence text and how many rows carry it.
public struct OffenseCount: Sendable, Equatable, Codable {
    /// The offence text as the portal wrote it.
    public var offense: String
    /// Rows with that text.
    public var rows: Int

    /// An offence text and its row count.
    public init(offense: String, rows: Int) {
        self.offense = offense
        self.rows = rows
    }
}
