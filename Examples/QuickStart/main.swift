// The README's "Depending on CrimeKit" example as a runnable program: a synthetic extract is written
// first so that the example needs no download. Run: swift run QuickStart
import CrimeCore
import CrimeGeo
import Foundation
import CrimeSynthetic

let path = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-quickstart.csv").path
var config = SyntheticCityConfig()
config.days = 90
_ = try SyntheticCity(config: config).writeChicagoExtract(to: URL(fileURLWithPath: path))

let result = try IncidentReader.read(URL(fileURLWithPath: path), schema: .chicago)
var report = result.report
let table = result.table.cleaned(options: CleaningOptions(midnight: .flag), report: &report).table
print(report.rowsRead, "read,", report.rowsKept, "kept; dropped:", report.dropped.map { "\($0.key.rawValue) \($0.value)" })

let grid = try RegularGrid(covering: BoundingBox(minLatitude: 41.64, minLongitude: -87.94,
                                                 maxLatitude: 42.03, maxLongitude: -87.52),
                           side: RegularGrid.side(forAreaSquareKilometres: 0.2))
let windows = try WindowSpan(.sequential(.daily, zone: table.zone), covering: table.times)
let cube = try SpaceTimeCube(table: table, index: grid, cells: grid.allCells, windows: windows)
let counts = cube.matrix(.cellsByWindows)          // cells × days, zeros included
print("cube:", counts.rows, "cells ×", counts.columns, "days,", cube.total, "incidents,",
      cube.report.outsideIndex, "outside the grid")
try? FileManager.default.removeItem(atPath: path)
