import ArgumentParser

/// The `crimekit` command-line tool: the main CrimeKit pipelines for people and scripts.
@main
struct CrimeKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crimekit",
        abstract: "Spatio-temporal crime forecasting and police-resource analysis.",
        subcommands: [DemoCommand.self, SynthCommand.self, IngestCommand.self, H3Command.self, AreasCommand.self,
                      MetricsCommand.self, OLSCommand.self, ForestCommand.self, GBMCommand.self, NNCommand.self,
                      BacktestCommand.self, ForecastCommand.self]
    )
}
