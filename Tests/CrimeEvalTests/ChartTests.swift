import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import CrimeEval

/// Parses an SVG with Foundation's XMLParser and counts elements and collects text.
private final class SVGInspector: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var texts: [String] = []
    var root: String?
    private var current = ""

    static func parse(_ svg: String) throws -> SVGInspector {
        let inspector = SVGInspector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = inspector
        try #require(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        return inspector
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil { root = name }
        counts[name, default: 0] += 1
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" || name == "title" { texts.append(current) }
        current = ""
    }
}

@Suite struct ChartTests {
    @Test func lineChartIsValidSVGWithAxesAndLegend() throws {
        let chart = LineChart(frame: ChartFrame(title: "Loss <train & valid>", xLabel: "epoch", yLabel: "loss"),
                              series: [.init(name: "train", y: [1, 0.6, 0.4, 0.3]), .init(name: "valid", y: [1.1, 0.8, 0.7, 0.72])])
        let svg = try SVGInspector.parse(try chart.svg())
        #expect(svg.root == "svg")
        #expect(svg.counts["polyline"] == 2)
        #expect(svg.texts.contains("Loss <train & valid>"))
        #expect(svg.texts.contains("epoch") && svg.texts.contains("loss") && svg.texts.contains("train") && svg.texts.contains("valid"))
        #expect(svg.texts.contains("0") && svg.texts.contains("3"))      // x ticks 0…3
    }

    @Test func barChartAndHistogram() throws {
        let bars = try SVGInspector.parse(try BarChart(frame: ChartFrame(title: "MAE"), labels: ["last", "seasonal", "forest"],
                                                       values: [1.2, 0.9, -0.3]).svg())
        #expect(bars.counts["rect"] == 4)   // background + 3 bars
        #expect(bars.texts.contains("forest: -0.3"))
        // Hand-counted: 0, 0.5, 1, 1, 3.9, 4 in 4 bins over [0, 4] → [0,1): 2, [1,2): 2, [2,3): 0, [3,4]: 2.
        let hist = HistogramChart(frame: ChartFrame(title: "Residuals"), values: [0, 0.5, 1, 1, 3.9, 4], bins: 4)
        let binned = try hist.counts()
        let edges = binned.edges, counts = binned.counts
        #expect(edges == [0, 1, 2, 3, 4] && counts == [2, 2, 0, 2])
        let h = try SVGInspector.parse(try hist.svg())
        #expect(h.counts["rect"] == 5)
    }

    @Test func niceTicks() {
        let axis = ChartAxis(minimum: 0.13, maximum: 0.87)
        #expect(axis.ticks.first == 0 && abs((axis.ticks.last ?? 0) - 1) < 1e-12 && axis.ticks.count == 6)
        #expect(ChartAxis(minimum: 3, maximum: 3).ticks.contains(3))
        #expect(ChartAxis(minimum: -7, maximum: 42).ticks == [-10, 0, 10, 20, 30, 40, 50])
    }

    @Test func badInputs() {
        #expect(throws: ChartError.self) { try LineChart(frame: ChartFrame(title: "t"), series: []).svg() }
        #expect(throws: ChartError.self) { try LineChart(frame: ChartFrame(title: "t"), series: [.init(name: "a", x: [1], y: [1, 2])]).svg() }
        #expect(throws: ChartError.self) { try BarChart(frame: ChartFrame(title: "t"), labels: ["a"], values: [.nan]).svg() }
        #expect(throws: ChartError.self) { try HistogramChart(frame: ChartFrame(title: "t"), values: [1], bins: 0).svg() }
        #expect(throws: ChartError.self) { try HistogramChart(frame: ChartFrame(title: "t", width: 10), values: [1]).svg() }
    }
}
