extension DataTable {
    /// The table restricted to rows with no missing value in `used`, and how many rows were dropped; with
    /// ``MissingValues/error``, the first missing cell (in row order, then in the order of `used`) is an
    /// error naming its row, column and text. Unknown names in `used` are ignored (the caller reports them).
    public func handlingMissing(_ policy: MissingValues, in used: [String]) throws -> (table: DataTable, dropped: Int) {
        let indices = used.compactMap { names.firstIndex(of: $0) }
        var droppedRows = Set<Int>()
        for j in indices { droppedRows.formUnion(missing[j].keys) }
        guard let first = droppedRows.min() else { return (self, 0) }
        if policy == .error, let j = indices.first(where: { missing[$0][first] != nil }) {
            throw DataTableError.missingValue(file: source, record: records[first], column: names[j], value: missing[j][first] ?? "")
        }
        let kept = (0..<rowCount).filter { !droppedRows.contains($0) }
        guard !kept.isEmpty else { throw DataTableError.allRowsMissing(file: source, rows: rowCount, columns: indices.map { names[$0] }) }
        return (try selecting(rows: kept), droppedRows.count)
    }

    /// The table of the given rows, in the order given, keeping their record numbers and missing cells.
    func selecting(rows kept: [Int]) throws -> DataTable {
        let position = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        let pairs = zip(names, columns).map { name, column -> (name: String, column: Column) in
            switch column {
            case let .numeric(values): return (name, .numeric(kept.map { values[$0] }))
            case let .text(values): return (name, .text(kept.map { values[$0] }))
            }
        }
        let missingKept = missing.map { cells in
            Dictionary(uniqueKeysWithValues: cells.compactMap { row, text in position[row].map { ($0, text) } })
        }
        return try DataTable(pairs, source: source, records: kept.map { records[$0] }, missing: missingKept)
    }
}
