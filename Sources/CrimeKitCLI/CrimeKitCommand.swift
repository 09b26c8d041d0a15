import ArgumentParser
import Foundation

/// The `crimekit` command-line tool: the main CrimeKit pipelines for people and scripts.
///
/// Exit status: 0 on success, 2 for a usage error (an unknown flag, a missing or malformed value; the
/// usage line follows the message), 1 for a data error (a file that cannot be read or written, data a
/// command cannot use; one sentence, no usage line).
@main
struct CrimeKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crimekit",
        abstract: "Spatio-temporal crime forecasting and police-resource analysis.",
        subcommands: [DemoCommand.self, SynthCommand.self, IngestCommand.self, H3Command.self, AreasCommand.self,
                      MetricsCommand.self, OLSCommand.self, ForestCommand.self, GBMCommand.self, NNCommand.self,
                      BacktestCommand.self, ForecastCommand.self, CubeCommand.self]
    )

    /// Parses and runs the command, mapping failures to the exit statuses above.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            try StandardOutput.flush()
        } catch {
            switch exitCode(for: error) {
            case .validationFailure:
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usageError)
            case .failure where !(error is ExitCode):
                FileHandle.standardError.write(Data("Error: \(ErrorSentence.text(for: error))\n".utf8))
                Foundation.exit(ExitStatus.dataError)
            default:
                // Help and version requests (status 0) and explicit exit codes.
                exit(withError: error)
            }
        }
    }
}
