import ArgumentParser

/// `crimekit ingest`: reads a portal extract and reports what was kept and dropped.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read a portal extract, clean it and report rows kept and dropped by reason."
    )

    @Argument(help: "The extract: CSV, or GeoJSON for lvmpd.")
    var file: String

    @Option(name: .long, help: "Schema preset: chicago, lapd, nypd, philadelphia, baltimore, lvmpd.")
    var schema: String

    @Flag(name: .long, help: "Print one JSON object instead of CSV.")
    var json = false

    func run() throws {
        print("ingest: not yet assembled")
    }
}
