import Foundation

// crimebench: release-mode benchmarks of CrimeKit, one JSON object per run.
//   crimebench ingest FILE   ingest + clean of a Chicago-schema extract
//   crimebench cube          cube building from 10 million (cell, time) pairs
//   crimebench synth         a year of the synthetic city: simulate, write, true counts per cell × day
//   crimebench forest DIR    random forest, 60,000 × 8 Friedman rows; writes DIR/train.csv, DIR/test.csv for the peer
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    var results: [String: Double]
    switch (arguments.first, arguments.count) {
    case ("ingest", 2): results = try IngestBenchmark.run(path: arguments[1])
    case ("cube", 1): results = try CubeBenchmark.run()
    case ("synth", 1): results = try SynthBenchmark.run()
    case ("forest", 2): results = try ForestBenchmark.run(directory: arguments[1])
    default:
        FileHandle.standardError.write(Data("usage: crimebench ingest FILE | crimebench cube | crimebench synth | crimebench forest DIR\n".utf8))
        exit(2)
    }
    let data = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data("crimebench: \(error)\n".utf8))
    exit(1)
}
