extension IncidentTable {
    /// Makes room for at least `rows` rows whose ids hold `idBytes` bytes in all, so appending up to
    /// that many copies no column. Capacity that is never written to is not resident memory.
    mutating func reserveCapacity(rows: Int, idBytes: Int) {
        ids.reserveCapacity(rows: rows, bytes: idBytes)
        times.reserveCapacity(rows)
        latitudes.reserveCapacity(rows)
        longitudes.reserveCapacity(rows)
        categories.reserveCapacity(rows)
        offenses.reserveCapacity(rows)
        flags.reserveCapacity(rows)
        for k in extras.indices { extras[k].values.reserveCapacity(rows) }
    }

    /// The rows that fit before some column has to be copied to grow.
    var rowCapacity: Int {
        min(ids.rowCapacity, times.capacity, latitudes.capacity, longitudes.capacity, categories.capacity,
            offenses.codes.capacity, flags.capacity)
    }

    /// Keeps the rows whose `keep` entry is true, in order, moving each column down in place (no second
    /// copy of the table). Text dictionaries then hold only the values the kept rows use, in order of
    /// first appearance, as ``selecting(rows:)`` gives.
    mutating func retain(_ keep: [Bool]) {
        precondition(keep.count == count, "one keep entry per row")
        keep.withUnsafeBufferPointer { keep in
            ids.retain(keep)
            Self.retain(&times, keep)
            Self.retain(&latitudes, keep)
            Self.retain(&longitudes, keep)
            Self.retain(&categories, keep)
            offenses.retain(keep)
            Self.retain(&flags, keep)
            for k in extras.indices { extras[k].values.retain(keep) }
        }
    }

    private static func retain<T>(_ column: inout [T], _ keep: UnsafeBufferPointer<Bool>) {
        var written = 0
        column.withUnsafeMutableBufferPointer { values in
            for r in 0..<values.count where keep[r] {
                values[written] = values[r]
                written += 1
            }
        }
        column.removeLast(column.count - written)
    }
}
