import Foundation
import Testing

/// `crimekit backtest` and `crimekit forecast` on a small synthetic city, and their bad input.
@Suite struct ForecastCommandTests {
    /// The JSON contract: `origins` and per method `hit_rate`/`pai`/`pei` keyed by area share, `mae`,
    /// `rmse`, `deviance`, `fit_seconds`, `params`, and `oracle_share_pai05` with the synthetic city.
    @Test func backtestJSON() throws {
        let out = try CLIRunner.run(["backtest", "--synthetic", "--days", "84", "--window", "day", "--origins", "3",
                                     "--methods", "previous,historical,oracle", "--json", "--quiet"])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(json["origins"] as? Int == 3)
        let methods = try #require(json["methods"] as? [[String: Any]])
        #expect(methods.compactMap { $0["name"] as? String } == ["previous", "historical", "oracle"])
        for m in methods {
            for key in ["hit_rate", "pai", "pei"] {
                let byShare = try #require(m[key] as? [String: Double], "\(key)")
                #expect(Set(byShare.keys) == ["0.01", "0.02", "0.05", "0.1"])
            }
            let hits = try #require(m["hit_rate"] as? [String: Double])
            #expect(hits.values.allSatisfy { (0...1).contains($0) })
            #expect((hits["0.01"] ?? 1) <= (hits["0.1"] ?? 0))
            for key in ["mae", "rmse", "deviance", "fit_seconds", "oracle_share_pai05"] { #expect(m[key] is Double, "\(key)") }
            #expect(m["params"] is [String: Any])
        }
        let oracle = try #require(methods.last)
        #expect(oracle["oracle_share_pai05"] as? Double == 1)
        let params = try #require(oracle["params"] as? [String: Double])
        #expect(params["branching_ratio"] != nil)
    }

    /// The forecast's CSV has one row per cell with the next window's start, and the GeoJSON and SVG exist.
    @Test func forecastWritesItsFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-forecast-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIRunner.run(["forecast", "--synthetic", "--days", "56", "--method", "historical", "--out", dir.path])
        #expect(out.status == 0, "\(out.stderr)")
        let csv = try String(contentsOf: dir.appendingPathComponent("forecast.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "cell,window_start,expected")
        #expect(lines.count > 100)
        let starts = Set(lines.dropFirst().map { $0.split(separator: ",")[1] })
        #expect(starts.count == 1)
        #expect(lines.dropFirst().allSatisfy { (Double($0.split(separator: ",")[2]) ?? -1) >= 0 })
        let geojson = try String(contentsOf: dir.appendingPathComponent("forecast.geojson"), encoding: .utf8)
        #expect(geojson.contains("\"FeatureCollection\""))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("forecast.svg").path))
    }

    @Test func badInputSaysWhat() throws {
        let cases: [([String], String)] = [
            (["backtest", "--synthetic", "--methods", "nope"], "unknown forecasting method 'nope'"),
            (["backtest", "--synthetic", "--origins", "0"], "--origins"),
            (["backtest"], "--synthetic"),
            (["backtest", "--synthetic", "--window", "month"], "--window"),
            (["backtest", "--synthetic", "--index", "hex:8"], "--index"),
            (["backtest", "--synthetic", "--index", "h3:15"], "at most 250000"),
            (["backtest", "--synthetic", "--index", "grid:1"], "at most 250000"),
            (["forecast", "--data", "x.csv", "--schema", "chicago", "--method", "oracle", "--out", "/tmp/x"], "x.csv"),
            (["forecast", "--synthetic", "--days", "56", "--method", "kde", "--out", "/dev/null/x"], "/dev/null"),
        ]
        for (arguments, phrase) in cases {
            let out = try CLIRunner.run(arguments)
            #expect(out.status != 0, "\(arguments)")
            #expect(out.stderr.contains(phrase), "\(arguments): \(out.stderr)")
        }
    }
}
