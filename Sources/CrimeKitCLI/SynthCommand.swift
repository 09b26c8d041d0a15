import ArgumentParser

/// `crimekit synth`: writes a synthetic extract in the Chicago schema.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a synthetic incident extract (Chicago schema) from the seeded synthetic city."
    )

    @Option(name: .long, help: "Output CSV file.")
    var out: String

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Number of days to simulate.")
    var days: Int = 365

    func run() throws {
        print("synth: not yet assembled")
    }
}
