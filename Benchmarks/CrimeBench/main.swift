import Foundation

// crimebench: release-mode benchmarks of CrimeKit, one JSON object per run.
//   crimebench ingest FILE   ingest + clean of a Chicago-schema extract
//   crimebench scale FILE SHP   ingest + clean once, then each later step per incident: H3, areas (SHP), study area, cube, forecast features
//   crimebench cube          cube building from 10 million (cell, time) pairs
//   crimebench synth         a year of the synthetic city: simulate, write, true counts per cell × day, the oracle
//   crimebench h3 [POINTS]   H3 latLngToCell per point at resolutions 8 and 15 (optionally writes the points)
//   crimebench h3index       resolution-8 H3 cells over the Las Vegas valley, 1 M points assigned; peak memory
//   crimebench areas SHP POINTS OUT   points (float64 lat,lng pairs) to Chicago's areas; ordinals to OUT
//   crimebench eval          ROC AUC/AP of 1 M scores, Moran's I with 999 permutations, a BCa bootstrap
//   crimebench ols FILE K    OLS fit + summary on raw doubles (rows of y, x1…xK) from Benchmarks/compare/ols_peer.py
//   crimebench forest DIR    random forest, 60,000 × 8 rows, 100 trees (split written to DIR as CSV)
//   crimebench forest-histogram DIR   the same with 255-bin histogram split search
//   crimebench gbm DIR [T]   Poisson gradient boosting, 200,000 × 10 count rows, 100 iterations (split written to DIR; T threads, default every core)
//   crimebench forecast-forest   the `forest` forecaster: 540 cells × a year of days, one fit and 52 origins
//   crimebench convlstm C    the mobility ConvLSTM (C input channels): training and inference samples/s
//   crimebench nnstudy [S,…] ConvLSTM vs LSTM vs historical average, F1 on the flaring synthetic city's last 10 weeks (seeds S, default 1)
//   crimebench cnnlstm [B]   the Chicago CNN-LSTM (batch B, default 32): training samples/s
//   crimebench glm           the glm forecaster at 52 origins on 600 cells × 365 days; the dense PoissonRegression beside it
//   crimebench kde [DIR]     KDE (Gaussian, quartic, decay) and ProMap, 1 M incidents onto 10,000 cells; data to DIR for kde_peer.py
//   crimebench sepp          the sepp forecaster's EM on about 1 M simulated Hawkes incidents over 2,500 cells, fitted vs true
//   crimebench sepp-city     the sepp forecaster on three years of the synthetic city, fitted vs the manifest's trigger values
//   crimebench studyarea SHP cells of the incidents' box, inside Chicago's areas (SHP, EPSG:3435) and around incidents, H3 res 8 and 9
let usage = "usage: crimebench ingest FILE | scale FILE SHP | cube | synth | h3 [POINTS] | h3index | areas SHP POINTS OUT | eval | ols FILE K | forest DIR | forest-histogram DIR | gbm DIR [THREADS] | forecast-forest | convlstm C | cnnlstm [B] | nnstudy [SEEDS] | glm | kde [DIR] | sepp | sepp-city | studyarea SHP\n"
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    var results: [String: Double]
    switch (arguments.first, arguments.count) {
    case ("ingest", 2): results = try IngestBenchmark.run(path: arguments[1])
    case ("scale", 3): results = try ScaleBenchmark.run(path: arguments[1], areas: arguments[2])
    case ("cube", 1): results = try CubeBenchmark.run()
    case ("synth", 1): results = try SynthBenchmark.run()
    case ("h3", 1): results = try H3Benchmark.run(pointsPath: nil)
    case ("h3", 2): results = try H3Benchmark.run(pointsPath: arguments[1])
    case ("h3index", 1): results = try H3MetroIndexBenchmark.run()
    case ("areas", 4): results = try AreasBenchmark.run(shapefile: arguments[1], points: arguments[2], out: arguments[3])
    case ("eval", 1): results = try EvalBenchmark.run()
    case ("ols", 3): results = try OLSBenchmark.run(path: arguments[1], columns: Int(arguments[2]) ?? 0)
    case ("forest", 2): results = try ForestBenchmark.run(directory: arguments[1], histogram: false)
    case ("forest-histogram", 2): results = try ForestBenchmark.run(directory: arguments[1], histogram: true)
    case ("gbm", 2): results = try GBMBenchmark.run(directory: arguments[1])
    case ("gbm", 3) where (Int(arguments[2]) ?? 0) >= 1:
        results = try GBMBenchmark.run(directory: arguments[1], threads: Int(arguments[2]))
    case ("forecast-forest", 1): results = try ForecastForestBenchmark.run()
    case ("convlstm", 2): results = try NeuralBenchmark.convLSTM(channels: Int(arguments[1]) ?? 1)
    case ("cnnlstm", 1): results = try NeuralBenchmark.cnnLSTM()
    case ("glm", 1): results = try GLMBenchmark.run()
    case ("nnstudy", 1): results = try NeuralStudy.run()
    case ("nnstudy", 2): results = try NeuralStudy.run(seeds: NeuralStudy.seeds(arguments[1]))
    case ("cnnlstm", 2): results = try NeuralBenchmark.cnnLSTM(batch: Int(arguments[1]) ?? 32)
    case ("kde", 1): results = try KDEBenchmark.run(directory: nil)
    case ("kde", 2): results = try KDEBenchmark.run(directory: arguments[1])
    case ("sepp", 1): results = try SEPPBenchmark.run()
    case ("sepp-city", 1): results = try SEPPBenchmark.city()
    case ("studyarea", 2): results = try StudyAreaBenchmark.run(shapefile: arguments[1])
    default:
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
    }
    let data = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data("crimebench: \(error)\n".utf8))
    exit(1)
}
