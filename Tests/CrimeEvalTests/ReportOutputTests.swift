import CrimeCore
import CrimeEval
import CrimeGeo
import Foundation
import FoundationXML
import Testing

@Suite("Maps, GeoJSON and HTML reports")
struct ReportOutputTests {
    let grid: RegularGrid
    let cells: [CellID]

    init() throws {
        grid = try RegularGrid(covering: BoundingBox(minLatitude: 41.80, minLongitude: -87.70,
                                                     maxLatitude: 41.83, maxLongitude: -87.66), side: 1000)
        cells = try grid.cells(covering: BoundingBox(minLatitude: 41.80, minLongitude: -87.70,
                                                     maxLatitude: 41.83, maxLongitude: -87.66))
    }

    @Test func choroplethIsValidSVGWithOneAreaPerCell() throws {
        let values = cells.indices.map { Double($0) - 3 }
        let map = try ChoroplethMap(index: grid, cells: cells, values: values, title: "Residuals <test>",
                                    legendTitle: "residual", ramp: .diverging, highlighted: [cells[0]])
        let document = try XMLDocument(data: Data(map.svg().utf8))
        let root = try #require(document.rootElement())
        #expect(root.name == "svg")
        let areas = try root.nodes(forXPath: "//*[local-name()='path'][@class='area']")
        #expect(areas.count == cells.count)
        let first = try #require(areas.first)
        #expect(try first.nodes(forXPath: "@data-label").first?.stringValue == grid.label(of: cells[0]))
        #expect(try first.nodes(forXPath: "@data-value").first?.stringValue == "-3")
        // The title's markup is escaped, not injected.
        #expect(try root.nodes(forXPath: "//*[local-name()='text']").contains { $0.stringValue == "Residuals <test>" })
        // A residual of zero is drawn neutral on the diverging ramp; the most negative is blue.
        #expect(ColorRamp.diverging.color(0, low: -3, high: 5) == "#f7f7f7")
        #expect(ColorRamp.diverging.color(-5, low: -3, high: 5) == "#2166ac")
        #expect(ColorRamp.sequential.color(5, low: 0, high: 5) == "#bd0026")
    }

    @Test func choroplethRejectsMismatchedValues() throws {
        #expect(throws: ReportError.lengthMismatch(what: "map values", expected: cells.count, got: 1)) {
            try ChoroplethMap(index: grid, cells: cells, values: [1], title: "t", legendTitle: "v")
        }
    }

    @Test func geoJSONHasClosedCounterClockwiseRingsAndProperties() throws {
        let features = try GeoJSONFeatures(index: grid, cells: cells) { i in [("count", .number(Double(i)))] }
        let object = try #require(JSONSerialization.jsonObject(with: Data(features.serialized().utf8)) as? [String: Any])
        #expect(object["type"] as? String == "FeatureCollection")
        let list = try #require(object["features"] as? [[String: Any]])
        #expect(list.count == cells.count)
        let geometry = try #require(list[1]["geometry"] as? [String: Any])
        let ring = try #require((geometry["coordinates"] as? [[[Double]]])?.first)
        #expect(ring.count == 5)
        #expect(ring.first == ring.last)
        // Shoelace sum positive = counter-clockwise in lon/lat.
        var twiceArea = 0.0
        for k in 0..<(ring.count - 1) { twiceArea += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1] }
        #expect(twiceArea > 0)
        let properties = try #require(list[1]["properties"] as? [String: Any])
        #expect(properties["cell"] as? String == grid.label(of: cells[1]))
        #expect(properties["count"] as? Double == 1)
    }

    @Test func jsonTextEscapesAndKeepsOrder() {
        let value = JSONValue.object([("b", .string("say \"hi\"\n")), ("a", .array([.number(1), .number(0.5), .number(.nan), .null, .bool(true)]))])
        #expect(value.serialized() == #"{"b":"say \"hi\"\n","a":[1,0.5,null,null,true]}"#)
    }

    @Test func htmlReportIsSelfContained() throws {
        let map = try ChoroplethMap(index: grid, cells: cells, values: cells.indices.map(Double.init),
                                    title: "Counts", legendTitle: "incidents")
        var report = HTMLReport(title: "Hot spots & patrols")
        report.add(.heading("Accuracy"))
        report.add(.table(ReportTable(columns: ["model", "MAE"], rows: [["forest", "3.26"], ["naive", "4.1"]])))
        report.add(.figure(svg: map.svg(), caption: "Counts per cell"))
        let html = report.html()
        #expect(html.contains("<title>Hot spots &amp; patrols</title>"))
        #expect(html.contains("<td class=\"num\">3.26</td>"))
        #expect(html.contains("Figure 1. Counts per cell"))
        for asset in ["src=", "<link", "url(", "@import"] { #expect(!html.contains(asset)) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-report-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: url) }
        try report.write(to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == html)
    }

    @Test func tablePrintsCSVWithQuoting() {
        let table = ReportTable(columns: ["area", "note"], rows: [["LOOP", "a, b"], ["NEAR \"WEST\""]])
        #expect(table.csv() == "area,note\nLOOP,\"a, b\"\n\"NEAR \"\"WEST\"\"\",\n")
    }
}
