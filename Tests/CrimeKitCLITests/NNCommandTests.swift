import CrimeTestSupport
import Foundation
import Testing

/// `crimekit nn predict` against the PyTorch fixtures of Tests/Fixtures/nn.
@Suite struct NNCommandTests {
    /// A minimal independent safetensors reader for F32 tensors: name → (shape, values).
    func read(_ url: URL) throws -> [String: ([Int], [Float])] {
        let bytes = try Data(contentsOf: url)
        let n = Int(bytes.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        let header = try #require(try JSONSerialization.jsonObject(with: bytes.subdata(in: 8..<(8 + n))) as? [String: Any])
        var out: [String: ([Int], [Float])] = [:]
        for (name, value) in header {
            guard let info = value as? [String: Any], info["dtype"] as? String == "F32",
                  let shape = info["shape"] as? [Int], let offsets = info["data_offsets"] as? [Int] else { continue }
            let values = stride(from: 8 + n + offsets[0], to: 8 + n + offsets[1], by: 4).map { i in
                Float(bitPattern: (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[i + $1]) << (8 * UInt32($1)) })
            }
            out[name] = (shape, values)
        }
        return out
    }

    @Test(arguments: ["convlstm", "cnnlstm", "lstm"])
    func predictMatchesPyTorch(_ model: String) throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-nn-\(UUID().uuidString).safetensors")
        let result = try CLIRunner.run(["nn", "predict", "--model", model,
                                        "--weights", Fixtures.url("nn", "\(model)_weights.safetensors").path,
                                        "--input", Fixtures.url("nn", "\(model)_io.safetensors").path, "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let got = try #require(try read(output)["y"])
        let want = try #require(try read(Fixtures.url("nn", "\(model)_io.safetensors"))["y"])
        #expect(got.0 == want.0)
        let scale = want.1.map { abs($0) }.max() ?? 1
        let error = zip(got.1, want.1).map { abs($0 - $1) }.max() ?? .infinity
        #expect(error <= 1e-4 * scale, "\(model): max difference \(error)")
    }

    @Test func wrongModelForWeightsNamesTheTensor() throws {
        let result = try CLIRunner.run(["nn", "predict", "--model", "lstm",
                                        "--weights", Fixtures.url("nn", "convlstm_weights.safetensors").path,
                                        "--input", Fixtures.url("nn", "convlstm_io.safetensors").path, "--output", "/tmp/unused.safetensors"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("lstm.weight_ih_l0"))
    }

    @Test func missingInputTensorNamesItAndTheFile() throws {
        let io = Fixtures.url("nn", "lstm_io.safetensors").path
        let result = try CLIRunner.run(["nn", "predict", "--model", "cnnlstm",
                                        "--weights", Fixtures.url("nn", "cnnlstm_weights.safetensors").path,
                                        "--input", io, "--output", "/tmp/unused.safetensors"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("images") && result.stderr.contains(io))
    }
}
