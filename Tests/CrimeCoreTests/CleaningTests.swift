import Testing
import CrimeTestSupport
@testable import CrimeCore

/// A report that balances for a freshly ingested table of `n` rows.
private func freshReport(_ n: Int) -> CleaningReport {
    var report = CleaningReport()
    report.rowsRead = n
    report.rowsKept = n
    return report
}

private func balances(_ report: CleaningReport) -> Bool {
    report.rowsRead == report.rowsKept + report.droppedTotal
}

/// An incident at a local wall-clock time in `zone`.
private func incident(_ id: String, _ zone: ZoneClock, _ y: Int, _ m: Int, _ d: Int, _ hh: Int, _ mm: Int = 0,
                      _ ss: Int = 0, lat: Double = 41.8, lon: Double = -87.6, offense: String = "THEFT",
                      category: CrimeCategory = .theft) -> Incident {
    let wall = CivilDate.wallSeconds(year: y, month: m, day: d, hour: hh, minute: mm, second: ss)
    return Incident(id: id, time: zone.utc(wallSeconds: wall), location: GeoPoint(latitude: lat, longitude: lon),
                    category: category, offense: offense)
}

/// `midnights` records at 00:00:00 on successive January days, one at each neighbouring hour mark
/// (baseline 1) and a few at other times.
private func spikeIncidents(_ zone: ZoneClock, midnights: Int) -> [Incident] {
    var rows: [Incident] = []
    for k in 0..<midnights { rows.append(incident("m\(k)", zone, 2024, 1, 1 + k, 0)) }
    for (k, hour) in [22, 23, 1, 2].enumerated() { rows.append(incident("h\(k)", zone, 2024, 1, 3, hour)) }
    for k in 0..<3 { rows.append(incident("o\(k)", zone, 2024, 1, 5, 12, 30, k)) }
    return rows
}

/// An area covering the northern hemisphere only.
private struct NorthOnly: SpatialIndex {
    func cell(containing point: GeoPoint) -> CellID? { point.latitude > 0 ? CellID(1) : nil }
    func boundary(of cell: CellID) throws -> [GeoPoint] { [] }
    func center(of cell: CellID) throws -> GeoPoint { GeoPoint(latitude: 45, longitude: 0) }
    func label(of cell: CellID) -> String { "north" }
    func cells(covering box: BoundingBox) throws -> [CellID] { [CellID(1)] }
    func neighbors(of cell: CellID) throws -> [CellID] { [] }
}

@Suite("Cleaning")
struct CleaningTests {
    let utc = ZoneClock.utc

    @Test("Poisson upper tail matches scipy.stats.poisson.sf")
    func poissonTail() throws {
        struct Case: Decodable { let k: Int; let mu: Double; let tail: Double }
        struct File: Decodable { let cases: [Case] }
        let file = try Fixtures.json(File.self, "cleaning", "poisson_tail.json")
        #expect(file.cases.count >= 10)
        for c in file.cases {
            let got = poissonUpperTail(atLeast: c.k, mean: c.mu)
            let scale = max(abs(c.tail), 1e-300)
            #expect(abs(got - c.tail) / scale < 1e-9, "k=\(c.k) mu=\(c.mu): \(got) vs \(c.tail)")
        }
    }

    @Test("A midnight spike is measured against the neighbouring hour marks")
    func detectSpike() {
        let table = IncidentTable(zone: utc, incidents: spikeIncidents(utc, midnights: 10))
        let spike = MidnightSpike.detect(in: table)
        #expect(spike.atMidnight == 10)
        #expect(spike.baseline == 1)
        #expect(spike.excess == 9)
        #expect(spike.isSignificant)
        let small = MidnightSpike.detect(in: IncidentTable(zone: utc, incidents: spikeIncidents(utc, midnights: 2)))
        #expect(small.atMidnight == 2 && small.excess == 1)
        #expect(!small.isSignificant)
        // P(X >= 2 | 1) = 0.264: significant only with a looser threshold.
        #expect(MidnightSpike.detect(in: IncidentTable(zone: utc, incidents: spikeIncidents(utc, midnights: 2)),
                                     threshold: 0.3).isSignificant)
    }

    @Test("Midnight is read in the table's zone, not UTC")
    func localMidnight() throws {
        let chicago = try ZoneClock(identifier: "America/Chicago")
        let rows = [incident("a", chicago, 2024, 7, 1, 0), incident("b", chicago, 2024, 7, 1, 5)]
        let spike = MidnightSpike.detect(in: IncidentTable(zone: chicago, incidents: rows))
        #expect(spike.atMidnight == 1)
        // 00:00 in Chicago (CDT) is 05:00 UTC; 05:00 Chicago is 10:00 UTC: no UTC midnight.
        #expect(MidnightSpike.detect(in: IncidentTable(zone: utc, incidents: rows)).atMidnight == 0)
    }

    @Test("Out-of-bounds rows are dropped with samples naming the row")
    func outOfBounds() {
        let rows = [incident("a", utc, 2024, 1, 1, 9), incident("b", utc, 2024, 1, 1, 9, lat: 10),
                    incident("c", utc, 2024, 1, 1, 9), incident("d", utc, 2024, 1, 1, 9, lat: -5)]
        let table = IncidentTable(zone: utc, incidents: rows)
        var report = freshReport(4)
        let box = BoundingBox(minLatitude: 41, minLongitude: -88, maxLatitude: 42, maxLongitude: -87)
        let out = table.cleaned(options: CleaningOptions(bounds: box, file: "x.csv"), report: &report).table
        #expect((0..<out.count).map { out.ids[$0] } == ["a", "c"])
        #expect(report.dropped == [.outOfBounds: 2])
        #expect(report.samples.map(\.row) == [3, 5])
        #expect(report.samples.allSatisfy { $0.file == "x.csv" && $0.column == "location" })
        #expect(report.rowsKept == 2 && balances(report))

        var areaReport = freshReport(4)
        let inArea = table.cleaned(options: CleaningOptions(area: NorthOnly()), report: &areaReport).table
        #expect((0..<inArea.count).map { inArea.ids[$0] } == ["a", "b", "c"])
        #expect(areaReport.dropped == [.outOfBounds: 1] && balances(areaReport))
    }

    @Test("Duplicate ids are dropped after the first; empty ids never clash")
    func duplicates() {
        let ids = ["a", "b", "a", "", "", "b", "ab"]
        let table = IncidentTable(zone: utc, incidents: ids.map { incident($0, utc, 2024, 1, 1, 9) })
        var report = freshReport(ids.count)
        let out = table.cleaned(options: CleaningOptions(), report: &report).table
        #expect((0..<out.count).map { out.ids[$0] } == ["a", "b", "", "", "ab"])
        #expect(report.dropped == [.duplicate: 2])
        #expect(report.samples.map(\.row) == [4, 7])
        #expect(report.samples.map(\.value) == ["a", "b"])
        #expect(balances(report))

        var keepAll = freshReport(ids.count)
        let all = table.cleaned(options: CleaningOptions(dropDuplicates: false), report: &keepAll).table
        #expect(all.count == ids.count && keepAll.dropped.isEmpty)
    }

    @Test("Category overrides re-map rows and are counted")
    func categoryOverrides() {
        let rows = [incident("a", utc, 2024, 1, 1, 9, offense: "BATTERY", category: .other),
                    incident("b", utc, 2024, 1, 1, 9, offense: "battery ", category: .other),
                    incident("c", utc, 2024, 1, 1, 9, offense: "THEFT", category: .theft),
                    incident("d", utc, 2024, 1, 1, 9, offense: "ARSON", category: .other)]
        let table = IncidentTable(zone: utc, incidents: rows)
        var report = freshReport(4)
        let out = table.cleaned(options: CleaningOptions(categoryOverrides: ["Battery": .assault]), report: &report).table
        #expect(out.categories == [.assault, .assault, .theft, .other])
        #expect(report.changed == ["category_overridden": 2])

        // With a mapping, every row is re-mapped through it; the override still wins.
        let mapping = CategoryMapping(table: ["ARSON": .burglary, "BATTERY": .robbery, "THEFT": .theft])
        var mapped = freshReport(4)
        let out2 = table.cleaned(options: CleaningOptions(mapping: mapping, categoryOverrides: ["BATTERY": .assault]),
                                 report: &mapped).table
        #expect(out2.categories == [.assault, .assault, .theft, .burglary])
        #expect(mapped.changed == ["category_overridden": 3])
        #expect(balances(mapped))
    }

    @Test("Flag policy marks exact-midnight rows only when the spike is significant")
    func flagPolicy() {
        let table = IncidentTable(zone: utc, incidents: spikeIncidents(utc, midnights: 10))
        var report = freshReport(table.count)
        let cleaned = table.cleaned(options: CleaningOptions(), report: &report)
        let out = cleaned.table, spike = cleaned.midnightSpike
        #expect(spike.isSignificant)
        #expect(out.count == table.count)
        #expect(out.flags.filter { $0.contains(.suspectMidnight) }.count == 10)
        #expect(out.flags[10].isEmpty)
        #expect(report.changed == ["midnight_flagged": 10] && balances(report))

        let quiet = IncidentTable(zone: utc, incidents: spikeIncidents(utc, midnights: 2))
        var quietReport = freshReport(quiet.count)
        let quietOut = quiet.cleaned(options: CleaningOptions(), report: &quietReport).table
        #expect(quietOut.flags.allSatisfy { $0.isEmpty } && quietReport.changed.isEmpty)
    }

    @Test("Drop policy removes every exact-midnight row")
    func dropPolicy() {
        let table = IncidentTable(zone: utc, incidents: spikeIncidents(utc, midnights: 10))
        var report = freshReport(table.count)
        let out = table.cleaned(options: CleaningOptions(midnight: .drop), report: &report).table
        #expect(out.count == 7)
        #expect(!(0..<out.count).contains { out.ids[$0].hasPrefix("m") })
        #expect(report.dropped == [.midnightSpike: 10])
        #expect(report.samples.count == CleaningReport.samplesPerReason)
        #expect(report.samples.first?.row == 2 && report.samples.first?.column == "time")
        #expect(report.rowsKept == 7 && balances(report))
    }

    @Test("Spread policy is seeded and keeps times inside the local day, DST days included")
    func spreadPolicy() throws {
        let chicago = try ZoneClock(identifier: "America/Chicago")
        var rows: [Incident] = []
        for k in 0..<12 {
            rows.append(incident("s\(k)", chicago, 2024, 3, 10, 0))
            rows.append(incident("f\(k)", chicago, 2024, 11, 3, 0))
        }
        for (k, hour) in [22, 23, 1, 2].enumerated() { rows.append(incident("h\(k)", chicago, 2024, 5, 3, hour)) }
        let table = IncidentTable(zone: chicago, incidents: rows)
        var report = freshReport(table.count)
        let a = table.cleaned(options: CleaningOptions(midnight: .spread(seed: 7)), report: &report).table
        var again = freshReport(table.count)
        let b = table.cleaned(options: CleaningOptions(midnight: .spread(seed: 7)), report: &again).table
        var other = freshReport(table.count)
        let c = table.cleaned(options: CleaningOptions(midnight: .spread(seed: 8)), report: &other).table
        #expect(a.times == b.times)
        #expect(a.times != c.times)
        #expect(report.changed == ["midnight_spread": 24] && balances(report))

        let march = CivilDate.dayNumber(year: 2024, month: 3, day: 10)
        let november = CivilDate.dayNumber(year: 2024, month: 11, day: 3)
        // 2024-03-10 has 23 hours in Chicago (05:00Z to 04:00Z next day); 2024-11-03 has 25.
        let marchStart = chicago.utc(wallSeconds: Int64(march) * 86_400)
        let marchEnd = chicago.utc(wallSeconds: Int64(march + 1) * 86_400)
        #expect(marchEnd - marchStart == 23 * 3600)
        let novStart = chicago.utc(wallSeconds: Int64(november) * 86_400)
        let novEnd = chicago.utc(wallSeconds: Int64(november + 1) * 86_400)
        #expect(novEnd - novStart == 25 * 3600)
        var moved = 0
        for row in 0..<24 {
            let day = CivilDate.split(wallSeconds: chicago.wallSeconds(utc: a.times[row])).day
            #expect(day == (row % 2 == 0 ? march : november))
            let (lo, hi) = row % 2 == 0 ? (marchStart, marchEnd) : (novStart, novEnd)
            #expect(a.times[row] >= lo && a.times[row] < hi)
            #expect(a.flags[row] == .timeSpread)
            if a.times[row] != table.times[row] { moved += 1 }
        }
        #expect(moved >= 22)
        #expect(a.times[24...] == table.times[24...])
    }

    @Test("An empty table cleans to an empty table")
    func emptyTable() {
        var report = CleaningReport()
        let cleaned = IncidentTable(zone: utc).cleaned(options: CleaningOptions(midnight: .drop), report: &report)
        let out = cleaned.table, spike = cleaned.midnightSpike
        #expect(out.isEmpty)
        #expect(spike.atMidnight == 0 && !spike.isSignificant && spike.excess == 0)
        #expect(report == CleaningReport())
    }

    @Test("Every row can be dropped and the report still balances")
    func allDropped() {
        let rows = (0..<7).map { incident("r\($0)", utc, 2024, 1, 1, 9, lat: -10) }
        var report = freshReport(7)
        let box = BoundingBox(minLatitude: 0, minLongitude: -180, maxLatitude: 90, maxLongitude: 180)
        let out = IncidentTable(zone: utc, incidents: rows).cleaned(options: CleaningOptions(bounds: box), report: &report).table
        #expect(out.isEmpty)
        #expect(report.rowsKept == 0 && report.dropped == [.outOfBounds: 7])
        #expect(report.samples.count == CleaningReport.samplesPerReason)
        #expect(balances(report))
    }

    @Test("Cleaning continues an ingest's report and keeps it balanced")
    func continuesIngestReport() throws {
        let ingested = try IncidentReader.read(Fixtures.url("ingest", "chicago.csv"), schema: .chicago)
        var report = ingested.report
        #expect(report.rowsRead == 10)
        let box = BoundingBox(minLatitude: 41.8, minLongitude: -88, maxLatitude: 42.1, maxLongitude: -87.5)
        let out = ingested.table.cleaned(options: CleaningOptions(bounds: box, file: "chicago.csv"), report: &report).table
        #expect(report.rowsRead == 10)
        #expect(report.rowsKept == out.count)
        #expect(report.dropped[.outOfBounds, default: 0] > 0)
        #expect(balances(report))
    }
}
