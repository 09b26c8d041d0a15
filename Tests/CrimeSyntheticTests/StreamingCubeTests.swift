import Foundation
import Testing
@testable import CrimeCore
import CrimeGeo
@testable import CrimeSynthetic

/// The streaming cube against the in-memory path on a dirty synthetic extract: `IncidentReader.read`,
/// `cleaned` with the index as the area, and `SpaceTimeCube` over the kept rows' cells and windows.
@Suite struct StreamingCubeTests {
    /// A 40-day city across the spring-forward day, with every kind of dirt at a few per cent.
    private static let extract: String = {
        var c = SyntheticCityConfig()
        c.days = 40
        c.start = "2024-02-20"
        c.seed = 11
        c.dirt = SyntheticDirt(missingLocation: 0.03, duplicate: 0.03, midnightStamped: 0.05)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-streaming-cube-\(UUID().uuidString).csv").path
        _ = try? SyntheticCity(config: c).writeChicagoExtract(to: URL(fileURLWithPath: path))
        return path
    }()

    /// Two rectangles over the southern two thirds of the extent, so that northern rows fall outside.
    private func areas(over box: BoundingBox) throws -> PolygonIndex {
        let midLng = (box.minLongitude + box.maxLongitude) / 2
        let top = box.minLatitude + (box.maxLatitude - box.minLatitude) * 2 / 3
        func ring(_ w: Double, _ e: Double) -> String {
            let s = box.minLatitude - 0.001
            return "[[\(w),\(s)],[\(e),\(s)],[\(e),\(top)],[\(w),\(top)],[\(w),\(s)]]"
        }
        let features = [("West, south", box.minLongitude - 0.001, midLng), ("East", midLng, box.maxLongitude + 0.001)].map {
            "{\"type\":\"Feature\",\"properties\":{\"NAME\":\"\($0.0)\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[\(ring($0.1, $0.2))]}}"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-areas-\(UUID().uuidString).geojson")
        defer { try? FileManager.default.removeItem(at: url) }
        try ("{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",") + "]}").write(to: url, atomically: true, encoding: .utf8)
        return try PolygonIndex(contentsOf: url, labelProperty: "NAME")
    }

    /// The in-memory cube's entries (cell, window index, count), sorted by cell then window, its report and spike.
    private func inMemory(index: some SpatialIndex, frequency: WindowFrequency)
        throws -> (entries: [(CellID, Int, Int)], report: CleaningReport, spike: MidnightSpike) {
        let path = Self.extract
        let read = try IncidentReader.read(URL(fileURLWithPath: path), schema: .chicago)
        var report = read.report
        let cleaned = read.table.cleaned(options: CleaningOptions(area: index, file: path, sourceRecords: read.sourceRecords),
                                         report: &report)
        let table = cleaned.table
        let cells = Set(table.latitudes.indices.compactMap { index.cell(containing: table.location($0)) }).sorted()
        let windows = try WindowSpan(.sequential(frequency, zone: table.zone), covering: table.times)
        let cube = try SpaceTimeCube(table: table, index: index, cells: cells, windows: windows)
        #expect(cube.report.counted == table.count)
        let entries = zip(cube.keys, cube.counts).map { key, n in
            (cells[Int(key) / windows.count], windows.firstIndex + Int(key) % windows.count, Int(n))
        }
        return (entries, report, cleaned.midnightSpike)
    }

    private func expectSame(_ streamed: StreamingCube, _ memory: (entries: [(CellID, Int, Int)], report: CleaningReport, spike: MidnightSpike)) {
        let entries = streamed.entries
        #expect(entries.count == memory.entries.count)
        #expect(zip(entries, memory.entries).allSatisfy { $0.cell == $1.0 && $0.window == $1.1 && $0.count == $1.2 })
        #expect(streamed.report == memory.report)
        #expect(streamed.midnightSpike == memory.spike)
        #expect(entries.reduce(0) { $0 + $1.count } == streamed.report.rowsKept)
        #expect(streamed.cells.count == Set(memory.entries.map(\.0)).count)
        #expect(streamed.windowCount == Set(memory.entries.map(\.1)).count)
    }

    @Test(arguments: [WindowFrequency.daily, .weekly, .halfDay])
    func h3CubeEqualsTheInMemoryCube(_ frequency: WindowFrequency) throws {
        let h3 = try H3Grid(resolution: 8)
        let streamed = try StreamingCubeBuilder(schema: .chicago, frequency: frequency, cleaning: CleaningOptions(file: Self.extract))
            .build(URL(fileURLWithPath: Self.extract), index: h3)
        let memory = try inMemory(index: h3, frequency: frequency)
        expectSame(streamed, memory)
        #expect(memory.report.dropped[.duplicate, default: 0] > 0 && memory.report.dropped[.missingLocation, default: 0] > 0)
        #expect(memory.report.changed["midnight_flagged", default: 0] > 0)
    }

    @Test(arguments: [WindowFrequency.daily, .weekly, .halfDay])
    func gridCubeEqualsTheInMemoryCube(_ frequency: WindowFrequency) throws {
        let builder = StreamingCubeBuilder(schema: .chicago, frequency: frequency, cleaning: CleaningOptions(file: Self.extract))
        let url = URL(fileURLWithPath: Self.extract)
        let extent = try #require(try builder.keptExtent(url))
        // The in-memory grid is laid over the cleaned table's extent, as `crimekit forecast --index grid` lays it.
        let read = try IncidentReader.read(url, schema: .chicago)
        var report = read.report
        let table = read.table.cleaned(options: CleaningOptions(sourceRecords: read.sourceRecords), report: &report).table
        #expect(extent == BoundingBox(enclosing: table.latitudes.indices.map(table.location)))
        let grid = try RegularGrid(covering: extent, side: 1000)
        expectSame(try builder.build(url, index: grid), try inMemory(index: grid, frequency: frequency))
    }

    @Test(arguments: [WindowFrequency.daily, .weekly, .halfDay])
    func areasCubeEqualsTheInMemoryCube(_ frequency: WindowFrequency) throws {
        let builder = StreamingCubeBuilder(schema: .chicago, frequency: frequency, cleaning: CleaningOptions(file: Self.extract))
        let url = URL(fileURLWithPath: Self.extract)
        let areas = try areas(over: try #require(try builder.keptExtent(url)))
        let streamed = try builder.build(url, index: areas)
        expectSame(streamed, try inMemory(index: areas, frequency: frequency))
        #expect(streamed.report.dropped[.outOfBounds, default: 0] > 0, "the northern third lies outside both areas")
        #expect(streamed.cells.count == 2)
    }

    /// Small blocks on one thread and on three give the same cube as the default blocks.
    @Test func blocksAndThreadsDoNotChangeTheCube() throws {
        let url = URL(fileURLWithPath: Self.extract)
        let h3 = try H3Grid(resolution: 7)
        let reference = try StreamingCubeBuilder(schema: .chicago, cleaning: CleaningOptions(file: Self.extract)).build(url, index: h3)
        for threads in [1, 3] {
            let small = try StreamingCubeBuilder(schema: .chicago, cleaning: CleaningOptions(file: Self.extract),
                                                 options: IngestOptions(blockSize: 4096, threads: threads)).build(url, index: h3)
            #expect(small.report == reference.report)
            #expect(small.entries.map { "\($0.cell)/\($0.window)/\($0.count)" } == reference.entries.map { "\($0.cell)/\($0.window)/\($0.count)" })
        }
    }
}
