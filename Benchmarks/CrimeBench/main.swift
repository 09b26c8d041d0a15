import Foundation

// crimebench: release-mode benchmarks of CrimeKit, one JSON object per run.
//   crimebench ingest FILE   ingest + clean of a Chicago-schema extract
//   crimebench cube          cube building from 10 million (cell, time) pairs
//   crimebench synth         a year of the synthetic city: simulate, write, true counts per cell × day
//   crimebench ols FILE K    OLS fit + summary on raw doubles (rows of y, x1…xK) from Benchmarks/compare/ols_peer.py
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    var results: [String: Double]
    switch (arguments.first, arguments.count) {
    case ("ingest", 2): results = try IngestBenchmark.run(path: arguments[1])
    case ("cube", 1): results = try CubeBenchmark.run()
    case ("synth", 1): results = try SynthBenchmark.run()
    case ("ols", 3): results = try OLSBenchmark.run(path: arguments[1], columns: Int(arguments[2]) ?? 0)
    default:
        FileHandle.standardError.write(Data("usage: crimebench ingest FILE | crimebench cube | crimebench synth | crimebench ols FILE K\n".utf8))
        exit(2)
    }
    let data = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data("crimebench: \(error)\n".utf8))
    exit(1)
}
