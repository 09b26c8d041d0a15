import Testing
@testable import CrimeCore

@Suite struct CubeTests {
    /// Expected counts keyed by "row,col,label".
    static func expectedCounts(_ file: String) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for r in try CubeFixture.rows(file) {
            out["\(r["row"] ?? ""),\(r["col"] ?? ""),\(r["label"] ?? "")"] = Int(r["count"] ?? "")
        }
        return out
    }

    static func check(_ cube: SpaceTimeCube, against expected: [String: Int]) {
        var seen = 0
        for (c, cell) in cube.cells.enumerated() {
            for w in 0..<cube.windowCount {
                let key = "\(cell.row),\(cell.column),\(cube.windows.window(w).label)"
                #expect(cube.count(cell: c, window: w) == expected[key] ?? 0, "\(key)")
                if expected[key] != nil { seen += 1 }
            }
        }
        #expect(seen == expected.count)
    }

    @Test func tableCubeMatchesPandasGroupby() throws {
        let table = try CubeFixture.incidents()
        let index = TestGrid3x3()
        let cells = try index.cells(covering: BoundingBox(minLatitude: 41.8, minLongitude: -87.7, maxLatitude: 41.83, maxLongitude: -87.67))
        let cube = try SpaceTimeCube(table: table, index: index, cells: cells, windows: CubeFixture.dailySpan())
        #expect(cube.cellCount == 9 && cube.windowCount == 20)
        Self.check(cube, against: try Self.expectedCounts("daily_counts.csv"))
        // Cell (2, 2) has no incidents but is in the cube with zeros.
        let empty = try #require(cube.ordinal(of: CellID(row: 2, column: 2)))
        #expect(cube.series(cell: empty) == [Double](repeating: 0, count: 20))
        let offGrid = try CubeFixture.rows("incidents.csv").filter { $0["row"] == "-1" }.count
        #expect(offGrid > 0)
        #expect(cube.report.outsideIndex == offGrid)
        #expect(cube.report.counted == table.count - offGrid)
        #expect(cube.total == cube.report.counted)
        // Totals per cell and per day are sums of pandas' groupby counts.
        var perCell: [String: Int] = [:], perDay: [String: Int] = [:]
        for (key, n) in try Self.expectedCounts("daily_counts.csv") {
            let parts = key.split(separator: ",", maxSplits: 2).map(String.init)
            perCell["\(parts[0]),\(parts[1])", default: 0] += n
            perDay[parts[2], default: 0] += n
        }
        for (c, total) in cube.cellTotals().enumerated() {
            #expect(total == perCell["\(cube.cells[c].row),\(cube.cells[c].column)"] ?? 0)
        }
        for (w, total) in cube.windowTotals().enumerated() {
            #expect(total == perDay[cube.windows.window(w).label] ?? 0)
        }
        // Window starts are pandas' local midnights.
        for r in try CubeFixture.rows("daily_counts.csv") {
            let w = try #require(cube.windows.ordinal(ofLabel: r["label"] ?? ""))
            #expect(cube.windows.boundaries[w] == Int64(r["start"] ?? ""))
        }
    }

    @Test func precomputedCellsGiveTheSameCubeAndReportTheRest() throws {
        let rows = try CubeFixture.rows("incidents.csv")
        let cells = rows.map { r -> CellID in
            let row = Int(r["row"] ?? "") ?? -1
            return row < 0 ? CellID(row: 9, column: 9) : CellID(row: row, column: Int(r["col"] ?? "") ?? 0)
        }
        let times = rows.map { Int64($0["time"] ?? "") ?? 0 }
        let cube = try SpaceTimeCube(incidentCells: cells, times: times, cells: CubeFixture.allCells,
                                     windows: CubeFixture.dailySpan())
        Self.check(cube, against: try Self.expectedCounts("daily_counts.csv"))
        #expect(cube.report.outsideCells == rows.filter { $0["row"] == "-1" }.count)
        #expect(cube.report.outsideIndex == 0)

        // A shorter span reports the incidents after it instead of losing them.
        let firstWeek = try WindowSpan(.sequential(.daily, zone: ZoneClock(identifier: "America/Chicago")),
                                       from: LocalDay("2024-03-01"), until: LocalDay("2024-03-08"))
        let short = try SpaceTimeCube(incidentCells: cells, times: times, cells: CubeFixture.allCells, windows: firstWeek)
        let r = short.report
        #expect(r.outsideWindows > 0)
        #expect(r.offered == r.counted + r.outsideCells + r.outsideWindows + r.outsideIndex + r.filteredOut)
        #expect(r.offered == rows.count)
    }

    @Test func categoryFilterMatchesPandas() throws {
        let cube = try SpaceTimeCube(table: CubeFixture.incidents(), index: TestGrid3x3(), cells: CubeFixture.allCells,
                                     windows: CubeFixture.dailySpan(), keeping: [.theft])
        Self.check(cube, against: try Self.expectedCounts("daily_counts_theft.csv"))
        #expect(cube.report.filteredOut > 0)
    }

    @Test(arguments: ["standard", "crossing"])
    func shiftBucketCountsMatchPandas(scheme name: String) throws {
        let table = try CubeFixture.incidents()
        let scheme = name == "standard" ? ShiftScheme.standard
            : try ShiftScheme([("Morning", 4), ("Afternoon", 12), ("Evening", 17), ("Late Night", 22)])
        let span = try WindowSpan(.dayOfWeekShifts(scheme, zone: table.zone), covering: table.times)
        let one = [CellID(0)]
        let cube = try SpaceTimeCube(incidentCells: Array(repeating: CellID(0), count: table.count), times: table.times,
                                     cells: one, windows: span)
        let expected = try CubeFixture.rows("bucket_counts.csv").filter { $0["scheme"] == name }
        #expect(!expected.isEmpty)
        for r in expected {
            let b = try #require(span.windowing.bucket(named: r["label"] ?? ""))
            #expect(cube.count(cell: 0, window: b) == Int(r["count"] ?? ""), "\(r["label"] ?? "")")
        }
        #expect(cube.total == table.count)
        if name == "crossing" {
            #expect(cube.count(cell: 0, window: try #require(span.ordinal(ofLabel: "Friday Late Night"))) >= 6)
        }
    }

    @Test func denseExportsAgreeWithCounts() throws {
        let cube = try SpaceTimeCube(table: CubeFixture.incidents(), index: TestGrid3x3(), cells: CubeFixture.allCells,
                                     windows: CubeFixture.dailySpan())
        let byCell = cube.matrix(.cellsByWindows)
        let byWindow = cube.matrix(.windowsByCells)
        #expect(byCell.rows == 9 && byCell.columns == 20)
        #expect(byWindow == byCell.transposed())
        let flat = try cube.tensor()
        let grid = try cube.gridTensor()
        #expect(flat.shape == [20, 9])
        #expect(grid.shape == [20, 3, 3])
        for c in 0..<9 {
            for w in 0..<20 {
                let n = Double(cube.count(cell: c, window: w))
                #expect(byCell[c, w] == n)
                #expect(Double(flat[w, c]) == n)
                #expect(Double(grid[w, cube.cells[c].row, cube.cells[c].column]) == n)
            }
        }
    }

    @Test func badInputThrows() throws {
        let span = try CubeFixture.dailySpan()
        #expect(throws: CubeError.duplicateCell(CellID(3))) {
            try SpaceTimeCube(incidentCells: [], times: [], cells: [CellID(3), CellID(3)], windows: span)
        }
        #expect(throws: CubeError.lengthMismatch(what: "incidentCells", expected: 2, got: 1)) {
            try SpaceTimeCube(incidentCells: [CellID(1)], times: [0, 1], cells: [CellID(1)], windows: span)
        }
        #expect(throws: CubeError.noCells) {
            try SpaceTimeCube(incidentCells: [], times: [], cells: [], windows: span)
        }
        #expect(throws: CubeError.lengthMismatch(what: "categories", expected: 1, got: 0)) {
            try SpaceTimeCube(incidentCells: [CellID(1)], times: [0], keeping: [.theft], cells: [CellID(1)], windows: span)
        }
    }
}
