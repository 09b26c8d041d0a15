import Foundation

// crimebench: release-mode benchmarks of CrimeKit, one JSON object per run.
//   crimebench ingest FILE   ingest + clean of a Chicago-schema extract
//   crimebench cube          cube building from 10 million (cell, time) pairs
//   crimebench synth         a year of the synthetic city: simulate, write, true counts per cell × day
//   crimebench convlstm C    the mobility ConvLSTM (C input channels): training and inference samples/s
//   crimebench nnstudy       ConvLSTM vs LSTM vs historical average, F1 on the synthetic city's last 10 weeks
//   crimebench cnnlstm [B]   the Chicago CNN-LSTM (batch B, default 32): training samples/s
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    var results: [String: Double]
    switch (arguments.first, arguments.count) {
    case ("ingest", 2): results = try IngestBenchmark.run(path: arguments[1])
    case ("cube", 1): results = try CubeBenchmark.run()
    case ("synth", 1): results = try SynthBenchmark.run()
    case ("convlstm", 2): results = try NeuralBenchmark.convLSTM(channels: Int(arguments[1]) ?? 1)
    case ("cnnlstm", 1): results = try NeuralBenchmark.cnnLSTM()
    case ("nnstudy", 1): results = try NeuralStudy.run()
    case ("cnnlstm", 2): results = try NeuralBenchmark.cnnLSTM(batch: Int(arguments[1]) ?? 32)
    default:
        FileHandle.standardError.write(Data("usage: crimebench ingest FILE | crimebench cube | crimebench synth | crimebench convlstm CHANNELS | crimebench cnnlstm [BATCH] | crimebench nnstudy\n".utf8))
        exit(2)
    }
    let data = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data("crimebench: \(error)\n".utf8))
    exit(1)
}
