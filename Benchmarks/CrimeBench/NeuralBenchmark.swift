import CrimeCore
import CrimeModels
import Dispatch
import Foundation

/// Times the neural forecasters at the studies' shapes: one training step (forward, backward, Adam) on a
/// full batch and one evaluation-mode forward pass, best of `repeats` (3 for the ConvLSTM); reports samples per second and the
/// process's peak resident memory.
enum NeuralBenchmark {
    static func random(_ shape: [Int], seed: UInt64, binary: Bool = false) throws -> Tensor {
        var g = SeededGenerator(seed: seed)
        let n = shape.reduce(1, *)
        return try Tensor(shape: shape, values: (0..<n).map { _ in binary ? (g.nextUniform() < 0.2 ? 1 : 0) : Float(g.nextUniform()) })
    }

    static func seconds(_ work: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// CPU seconds used by the whole process (all threads) so far; on a shared machine the CPU time per
    /// sample moves far less than the wall-clock rate.
    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// The mobility ConvLSTM: 16×16, 28 steps, `channels` inputs, hidden 27 ×3, batch 55.
    static func convLSTM(channels: Int, repeats: Int = 3) throws -> [String: Double] {
        let batch = 55
        let x = try random([batch, 28, channels, 16, 16], seed: 1)
        let y = try random([batch, 1, 16, 16], seed: 2, binary: true)
        var model = try ConvLSTMForecaster(inputChannels: channels, hiddenChannels: [27, 27, 27], seed: 3)
        model.options.epochs = 1
        model.options.batchSize = batch
        var train = Double.infinity, infer = Double.infinity, trainCPU = Double.infinity, inferCPU = Double.infinity
        for _ in 0..<repeats {
            var cpu = processCPUSeconds()
            train = min(train, try seconds { try model.fit(x, targets: y) })
            trainCPU = min(trainCPU, processCPUSeconds() - cpu)
            cpu = processCPUSeconds()
            infer = min(infer, try seconds { _ = try model.predict(x) })
            inferCPU = min(inferCPU, processCPUSeconds() - cpu)
        }
        return ["convlstm_train_samples_per_second": Double(batch) / train, "convlstm_infer_samples_per_second": Double(batch) / infer,
                "convlstm_train_cpu_seconds": trainCPU, "convlstm_infer_cpu_seconds": inferCPU,
                "convlstm_channels": Double(channels), "peak_rss_mb": Double(ResidentMemory.read().peak) / 1_048_576]
    }

    /// The Chicago CNN-LSTM: 256×256 images, 10 steps, 77 districts, 8 socio features; the study's batch
    /// is 32 (about 12 GB of activations for training), `batch` can shrink it on a shared machine.
    static func cnnLSTM(batch: Int = 32, repeats: Int = 1) throws -> [String: Double] {
        let input = CNNLSTMInput(images: try random([batch, 10, 1, 256, 256], seed: 1), socio: try random([batch, 10, 8], seed: 2))
        let y = try random([batch, 77], seed: 3)
        var model = try CNNLSTMForecaster(imageSize: 256, socioFeatures: 8, districts: 77, seed: 4)
        model.options.epochs = 1
        model.options.batchSize = batch
        var train = Double.infinity
        for _ in 0..<repeats { train = min(train, try seconds { try model.fit(input, targets: y) }) }
        return ["cnnlstm_train_samples_per_second": Double(batch) / train, "cnnlstm_batch": Double(batch), "peak_rss_mb": Double(ResidentMemory.read().peak) / 1_048_576]
    }
}
