// Fuzz target for CrimeKit's safetensors reader, `SafeTensorsFile` (corpus: Corpus/safetensors). For any
// bytes it checks that the reader returns a file or throws an `NNError`, and, when it returns, that
// - every name is listed once, and every `F32` tensor reads with as many values as its shape holds (a tensor
//   of another dtype is refused with an `NNError`); `parameterSet()` returns or throws an `NNError`;
// - the `F32` tensors, written back with `SafeTensorsFile.write` and read again, come back with the same names,
//   shapes and bits.
// A broken invariant stops the run with a message, which libFuzzer reports as a crash.
import Foundation
import LibFuzzerDriver
import CrimeCore
import CrimeModels

/// Runs libFuzzer with the command line (corpus folders and `-flags`) on ``test(_:_:)``.
@main enum SafeTensorsFuzz {
    static func main() { exit(crimekit_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv, test)) }
}

/// One file per process for the round trip, rewritten for every input that parses.
private let url = URL(fileURLWithPath: NSTemporaryDirectory() + "crimekit-safetensors-fuzz-\(getpid()).safetensors")

/// Checks one input; stops the process when an invariant breaks.
private func test(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file: SafeTensorsFile
    do {
        file = try SafeTensorsFile(bytes: Data(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.safetensors")
    } catch is NNError {
        return 0
    } catch {
        fatalError("untyped error from the reader: \(error)")
    }
    guard file.names.count == file.entries.count, Set(file.names) == Set(file.entries.keys) else {
        fatalError("names \(file.names) do not list the entries \(file.entries.keys.sorted())")
    }
    var tensors: [(name: String, tensor: Tensor)] = []
    for name in file.names {
        do {
            let tensor = try file.float32(name)
            guard tensor.shape == file.entries[name]?.shape, tensor.storage.count == tensor.shape.reduce(1, *) else {
                fatalError("tensor '\(name)' reads as shape \(tensor.shape) with \(tensor.storage.count) values")
            }
            tensors.append((name, tensor))
        } catch let error as NNError {
            guard file.entries[name]?.dtype != "F32" else { fatalError("F32 tensor '\(name)' is refused: \(error)") }
        } catch {
            fatalError("untyped error reading tensor '\(name)': \(error)")
        }
    }
    do { _ = try file.parameterSet() } catch is NNError {} catch { fatalError("untyped error from parameterSet: \(error)") }
    checkRoundTrip(tensors)
    return 0
}

/// Writes the tensors, reads them back and compares names, shapes and bit patterns.
private func checkRoundTrip(_ tensors: [(name: String, tensor: Tensor)]) {
    let again: SafeTensorsFile
    do {
        try SafeTensorsFile.write(tensors, to: url)
        again = try SafeTensorsFile(contentsOf: url)
    } catch {
        fatalError("the F32 tensors \(tensors.map(\.name)) do not round-trip: \(error)")
    }
    guard again.names.count == tensors.count else { fatalError("wrote \(tensors.count) tensors, read back \(again.names.count)") }
    for (name, tensor) in tensors {
        guard let back = try? again.float32(name), back.shape == tensor.shape,
              back.storage.map(\.bitPattern) == tensor.storage.map(\.bitPattern) else {
            fatalError("tensor '\(name)' does not round-trip")
        }
    }
}
