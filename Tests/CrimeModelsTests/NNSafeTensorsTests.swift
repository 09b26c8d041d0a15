import CrimeCore
@testable import CrimeModels
import CrimeTestSupport
import Foundation
import Testing

/// safetensors reading and writing, and the typed errors for bad weight files.
@Suite struct NNSafeTensorsTests {
    func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-nn-\(UUID().uuidString)-\(name)")
    }

    func weights() throws -> ParameterSet { try NNFixture.file("lstm_weights").parameterSet() }

    /// `weights` with one entry's shape or values replaced (nil drops it), written to a file.
    func edited(_ name: String, shape: [Int]? = nil, drop: Bool = false) throws -> URL {
        let p = try weights()
        var tensors: [(name: String, tensor: Tensor)] = []
        for (i, n) in p.names.enumerated() where !(drop && n == name) {
            let s = n == name ? (shape ?? p.shapes[i]) : p.shapes[i]
            tensors.append((n, try Tensor(shape: s, values: Array(repeating: 0.5, count: s.reduce(1, *)))))
        }
        let url = temporary("edited.safetensors")
        try SafeTensorsFile.write(tensors, to: url)
        return url
    }

    @Test func roundTripKeepsNamesShapesValues() throws {
        let p = try weights()
        let url = temporary("round.safetensors")
        try SafeTensorsFile.write(p, to: url)
        let back = try SafeTensorsFile(contentsOf: url).parameterSet()
        #expect(back == p)
        #expect(try LSTMForecaster(parameters: back).hidden == 5)
    }

    /// The round trip SafeTensorsFuzz checks: a name read from a header (where JSON escapes it) did not read back
    /// once written, because control characters went into the header unescaped.
    @Test func namesWithQuotesBackslashesAndControlCharactersRoundTrip() throws {
        let names = ["a\nb", "tab\there", "quote\"and\\backslash", "\u{1}\u{1F}", "é/ü.weight"]
        let tensors = try names.enumerated().map { k, name in (name, try Tensor(shape: [1], values: [Float(k)])) }
        let url = temporary("names.safetensors")
        try SafeTensorsFile.write(tensors, to: url)
        let back = try SafeTensorsFile(contentsOf: url)
        #expect(back.names == names)
        for (k, name) in names.enumerated() { #expect(try back.float32(name).storage == [Float(k)]) }
    }

    @Test func pytorchFileSkipsIntegerCountersAndMarksBuffers() throws {
        let f = try NNFixture.file("convlstm_weights")
        #expect(f.entries["norms.0.num_batches_tracked"]?.dtype == "I64")
        let p = try f.parameterSet()
        #expect(p.position(of: "norms.0.num_batches_tracked") == nil)
        let mean = try #require(p.position(of: "norms.1.running_mean"))
        #expect(!p.trainable[mean])
        #expect(throws: NNError.wrongDtype(tensor: "norms.0.num_batches_tracked", expected: "F32", got: "I64")) {
            try f.float32("norms.0.num_batches_tracked")
        }
    }

    @Test func truncatedFileNamesTheTensor() throws {
        let bytes = try Data(contentsOf: Fixtures.url("nn", "lstm_weights.safetensors"))
        let f = try SafeTensorsFile(bytes: bytes, file: "w.safetensors")
        let lastName = try #require(f.names.last)
        do {
            _ = try SafeTensorsFile(bytes: bytes.dropLast(8), file: "w.safetensors")
            Issue.record("a truncated file was accepted")
        } catch let error as NNError {
            guard case let .malformedFile(file, reason) = error else { Issue.record("unexpected \(error)"); return }
            #expect(file == "w.safetensors" && reason.contains("truncated") && reason.contains(lastName))
        }
        #expect(throws: NNError.self) { try SafeTensorsFile(bytes: bytes.prefix(20), file: "w") }
        #expect(throws: NNError.self) { try SafeTensorsFile(bytes: Data([1, 2, 3]), file: "w") }
    }

    @Test func nonFiniteWeightsNameTheFileAndTensor() throws {
        for bad: Float in [.nan, .infinity, -.infinity] {
            let url = temporary("nan.safetensors")
            try SafeTensorsFile.write([("head.bias", try Tensor(shape: [1], values: [0.5])),
                                       ("head.weight", try Tensor(shape: [1, 3], values: [1, bad, 2]))], to: url)
            #expect(throws: NNError.nonFiniteWeights(tensor: "head.weight", index: 1, file: url.path)) {
                try SafeTensorsFile(contentsOf: url).parameterSet()
            }
        }
    }

    @Test func missingTensorIsNamed() throws {
        let p = try SafeTensorsFile(contentsOf: try edited("head.weight", drop: true)).parameterSet()
        #expect(throws: NNError.missingTensor(name: "head.weight", file: "the weights")) { try LSTMForecaster(parameters: p) }
    }

    @Test func wrongShapeIsNamed() throws {
        let p = try SafeTensorsFile(contentsOf: try edited("lstm.weight_hh_l1", shape: [20, 4])).parameterSet()
        #expect(throws: NNError.wrongShape(tensor: "lstm.weight_hh_l1", expected: "[20, 5]", got: [20, 4])) { try LSTMForecaster(parameters: p) }
    }

    @Test func wrongDtypeIsNamed() throws {
        let header = #"{"head.bias":{"dtype":"F64","shape":[1],"data_offsets":[0,8]}}"#
        var bytes = Data()
        withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: Array(header.utf8))
        bytes.append(contentsOf: [UInt8](repeating: 0, count: 8))
        let f = try SafeTensorsFile(bytes: bytes, file: "f64.safetensors")
        #expect(throws: NNError.wrongDtype(tensor: "head.bias", expected: "F32", got: "F64")) { try f.parameterSet() }
    }

    @Test func absurdShapeIsMalformedNotACrash() throws {
        let header = #"{"w":{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,16]}}"#
        var bytes = Data()
        withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: Array(header.utf8))
        bytes.append(contentsOf: [UInt8](repeating: 0, count: 16))
        #expect(throws: NNError.self) { try SafeTensorsFile(bytes: bytes, file: "huge.safetensors") }
    }

    /// A header naming `shape` and `offsets` as written, over a 16-byte data block.
    func header(shape: String, offsets: String) -> Data {
        let header = #"{"w":{"dtype":"F32","shape":"# + shape + #","data_offsets":"# + offsets + "}}"
        var bytes = Data()
        withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: Array(header.utf8))
        bytes.append(contentsOf: [UInt8](repeating: 0, count: 16))
        return bytes
    }

    @Test func hugeShapesAndNonIntegerNumbersAreMalformedBeforeAnyAllocation() throws {
        // 10⁶ × 10⁶ × 10³ floats are 4·10¹⁵ bytes: consistent offsets, but far past the 16 bytes that follow.
        #expect(throws: NNError.malformedFile(file: "big.safetensors",
                                              reason: "truncated: tensor 'w' ends at byte 4000000000000000 of a 16-byte data block")) {
            try SafeTensorsFile(bytes: header(shape: "[1000000,1000000,1000]", offsets: "[0,4000000000000000]"), file: "big.safetensors")
        }
        for (shape, offsets) in [("[1e300]", "[0,16]"), ("[4]", "[0,1e300]"), ("[2.5]", "[0,10]"), ("[-4]", "[0,16]")] {
            #expect(throws: NNError.self, "shape \(shape), offsets \(offsets)") {
                try SafeTensorsFile(bytes: header(shape: shape, offsets: offsets), file: "odd.safetensors")
            }
        }
        #expect(try SafeTensorsFile(bytes: header(shape: "[4]", offsets: "[0,16]"), file: "ok.safetensors").entries["w"]?.shape == [4])
    }

    @Test func errorsReadAsSentences() {
        #expect(NNError.missingTensor(name: "head.weight", file: "w.safetensors").description == "tensor 'head.weight' is missing from w.safetensors")
        #expect(NNError.nonFiniteLoss(epoch: 2, batch: 3).description.contains("epoch 2, batch 3"))
    }
}
