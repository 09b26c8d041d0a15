import ArgumentParser
import CrimeCore
import CrimeModels
import Foundation

/// `crimekit nn`: the neural forecasters (weights exchanged with PyTorch as safetensors).
struct NNCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nn",
        abstract: "Neural forecasters: ConvLSTM, CNN-LSTM and LSTM with PyTorch state-dict weights.",
        subcommands: [NNPredictCommand.self]
    )
}

/// `crimekit nn predict`: an evaluation-mode forward pass from safetensors to safetensors.
struct NNPredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Run a model in evaluation mode; writes the tensor 'y' (logits, or counts for cnnlstm)."
    )

    @Option(name: .long, help: "convlstm, cnnlstm or lstm.")
    var model: String

    @Option(name: .long, help: "Weights as safetensors with PyTorch state-dict names.")
    var weights: String

    @Option(name: .long, help: "Input safetensors: 'x' (convlstm, lstm) or 'images' and 'socio' (cnnlstm), float32.")
    var input: String

    @Option(name: .long, help: "Where to write the output safetensors holding 'y'.")
    var output: String

    func validate() throws {
        guard ["convlstm", "cnnlstm", "lstm"].contains(model) else {
            throw ValidationError("--model must be convlstm, cnnlstm or lstm, not '\(model)'")
        }
    }

    func run() throws {
        let parameters = try SafeTensorsFile(contentsOf: URL(fileURLWithPath: weights)).parameterSet()
        let inputs = try SafeTensorsFile(contentsOf: URL(fileURLWithPath: input))
        let y: Tensor
        do {
            switch model {
            case "convlstm": y = try ConvLSTMForecaster(parameters: parameters).predict(try inputs.float32("x"))
            case "lstm": y = try LSTMForecaster(parameters: parameters).predict(try inputs.float32("x"))
            default:
                let x = CNNLSTMInput(images: try inputs.float32("images"), socio: try inputs.float32("socio"))
                y = try CNNLSTMForecaster(parameters: parameters).predict(x)
            }
        } catch let error as NNError {
            throw DataError("\(error) (weights \(weights), input \(input))")
        }
        try SafeTensorsFile.write([("y", y)], to: URL(fileURLWithPath: output))
    }
}
