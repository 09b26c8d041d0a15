extension SpaceTimeCube {
    /// Entries up to which a part counts into a dense array; larger cubes collect their keys and sort them
    /// (``KeyRadixSort``, linear in the number of incidents).
    static let denseLimit = 1 << 23

    /// Builds a cube from incidents whose cells are already known.
    ///
    /// - Parameters:
    ///   - incidentCells: each incident's cell.
    ///   - times: each incident's UTC time (seconds since 1970).
    ///   - categories: each incident's category, needed only with `keeping`.
    ///   - keeping: count only these categories (nil: all).
    ///   - cells: the cube's cells; incidents in other cells are reported as `outsideCells`.
    ///   - windows: the cube's windows; incidents outside them are reported as `outsideWindows`.
    public init(incidentCells: [CellID], times: [Int64], categories: [CrimeCategory]? = nil,
                keeping: Set<CrimeCategory>? = nil, cells: [CellID], windows: WindowSpan) throws {
        guard incidentCells.count == times.count else {
            throw CubeError.lengthMismatch(what: "incidentCells", expected: times.count, got: incidentCells.count)
        }
        let map = try CellOrdinalMap(cells)
        let filter = try Self.categoryFilter(categories, keeping: keeping, count: times.count)
        let parts = ParallelParts.map(count: times.count) { range in
            map.withLookup { lookup in
                incidentCells.withUnsafeBufferPointer { cellIDs in
                    Self.countPart(range, times: times, filter: filter, cellCount: cells.count, windows: windows) { i in
                        let c = lookup(cellIDs[i].rawValue)
                        return c < 0 ? -2 : c
                    }
                }
            }
        }
        try self.init(merging: parts, cells: cells, cellMap: map, windows: windows)
    }

    /// Builds a cube from a table: each row's cell is `index.cell(containing:)` of its location.
    ///
    /// - Parameters:
    ///   - table: the incidents.
    ///   - index: the spatial index; rows it does not cover are reported as `outsideIndex`.
    ///   - cells: the cube's cells, e.g. `index.cells(covering:)`; cells without incidents keep zero counts.
    ///   - windows: the cube's windows.
    ///   - keeping: count only these categories (nil: all).
    public init(table: IncidentTable, index: some SpatialIndex, cells: [CellID], windows: WindowSpan,
                keeping: Set<CrimeCategory>? = nil) throws {
        let map = try CellOrdinalMap(cells)
        let lats = table.latitudes
        let lngs = table.longitudes
        // Cell ordinal per row: -1 outside the index, -2 a cell of the index not in the cube.
        let located = ParallelParts.map(count: table.count, minimumPart: 1 << 14) { range in
            range.map { i -> Int32 in
                guard let cell = index.cell(containing: GeoPoint(latitude: lats[i], longitude: lngs[i])) else { return -1 }
                let c = map.ordinal(cell)
                return c < 0 ? -2 : Int32(c)
            }
        }
        let ordinals = Array(located.joined())
        let filter = try Self.categoryFilter(keeping == nil ? nil : table.categories, keeping: keeping, count: table.count)
        let times = table.times
        let parts = ParallelParts.map(count: table.count) { range in
            ordinals.withUnsafeBufferPointer { o in
                Self.countPart(range, times: times, filter: filter, cellCount: cells.count, windows: windows) { Int(o[$0]) }
            }
        }
        try self.init(merging: parts, cells: cells, cellMap: map, windows: windows)
    }

    /// One part's tallies: a dense count array or a list of keys, and its report.
    struct PartCounts: Sendable {
        var dense: [Int32]
        var keys: [Int64]
        var report = CubeBuildReport()
    }

    /// A category filter: the rows' category codes and a bit mask of the kept ones.
    struct CategoryFilter: Sendable {
        let codes: [UInt8]
        let mask: UInt64
    }

    private static func categoryFilter(_ categories: [CrimeCategory]?, keeping: Set<CrimeCategory>?,
                                       count: Int) throws -> CategoryFilter? {
        guard let keeping else { return nil }
        guard let categories, categories.count == count else {
            throw CubeError.lengthMismatch(what: "categories", expected: count, got: categories?.count ?? 0)
        }
        let mask = keeping.reduce(UInt64(0)) { $0 | (1 << UInt64($1.rawValue)) }
        return CategoryFilter(codes: categories.map(\.rawValue), mask: mask)
    }

    /// Counts rows `range`; `cellOrdinal(i)` gives row i's cell ordinal, -1 outside the index,
    /// -2 outside the cube's cells.
    @inline(__always)
    static func countPart(_ range: Range<Int>, times: [Int64], filter: CategoryFilter?, cellCount: Int,
                          windows: WindowSpan, cellOrdinal: (Int) -> Int) -> PartCounts {
        let windowCount = windows.count
        let dense = cellCount * windowCount <= denseLimit
        var part = PartCounts(dense: dense ? [Int32](repeating: 0, count: cellCount * windowCount) : [], keys: [])
        var report = CubeBuildReport()
        report.offered = range.count
        let locator = windows.locator
        let origin = locator.origin
        let slot = locator.slot
        let codes = filter?.codes ?? []
        let mask = filter?.mask ?? 0
        let filtering = filter != nil
        times.withUnsafeBufferPointer { t in
            codes.withUnsafeBufferPointer { code in
                locator.table.withUnsafeBufferPointer { table in
                    part.dense.withUnsafeMutableBufferPointer { counts in
                        let lookup = WindowLookup(span: windows, table: table)
                        let slots = Int64(table.count)
                        for i in range {
                            if filtering && mask & (1 << UInt64(code[i])) == 0 { report.filteredOut += 1; continue }
                            let c = cellOrdinal(i)
                            if c < 0 {
                                if c == -1 { report.outsideIndex += 1 } else { report.outsideCells += 1 }
                                continue
                            }
                            var w = -1
                            let d = t[i] &- origin
                            if slot > 0 && d >= 0 {
                                let s = d / slot
                                w = s < slots ? Int(table[Int(s)]) : lookup.ordinal(t[i])
                            } else {
                                w = lookup.ordinal(t[i])
                            }
                            if w < 0 { report.outsideWindows += 1; continue }
                            let key = c * windowCount + w
                            if dense { counts[key] &+= 1 } else { part.keys.append(Int64(key)) }
                        }
                    }
                }
            }
        }
        report.counted = report.offered - report.filteredOut - report.outsideIndex - report.outsideCells
            - report.outsideWindows
        part.report = report
        return part
    }

    /// Combines the parts in order into sorted keys and counts.
    private init(merging parts: [PartCounts], cells: [CellID], cellMap: CellOrdinalMap, windows: WindowSpan) throws {
        guard !cells.isEmpty else { throw CubeError.noCells }
        var report = CubeBuildReport()
        for p in parts { report.add(p.report) }
        var keys: [Int64] = []
        var counts: [Int32] = []
        if cells.count * windows.count <= Self.denseLimit {
            var total = parts.first?.dense ?? [Int32](repeating: 0, count: cells.count * windows.count)
            total.withUnsafeMutableBufferPointer { sum in
                for p in parts.dropFirst() {
                    p.dense.withUnsafeBufferPointer { d in for k in 0..<d.count { sum[k] &+= d[k] } }
                }
                for k in 0..<sum.count where sum[k] != 0 {
                    keys.append(Int64(k))
                    counts.append(sum[k])
                }
            }
        } else {
            for key in KeyRadixSort.sorted(parts.map(\.keys), below: Int64(cells.count) * Int64(windows.count)) {
                if let last = keys.last, last == key {
                    counts[counts.count - 1] += 1
                } else {
                    keys.append(key)
                    counts.append(1)
                }
            }
        }
        self.init(cells: cells, cellMap: cellMap, windows: windows, keys: keys, counts: counts, report: report)
    }
}
