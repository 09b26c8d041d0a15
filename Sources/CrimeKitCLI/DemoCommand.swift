import ArgumentParser

/// `crimekit demo`: the hot-spot study end to end on the built-in synthetic city.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the hot-spot pipeline end to end on the built-in synthetic city."
    )

    @Option(name: .long, help: "Folder for the outputs.")
    var out: String = "crimekit-demo"

    func run() throws {
        print("demo: not yet assembled")
    }
}
