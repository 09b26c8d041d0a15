import ArgumentParser
import CrimeCore
import Foundation
import CrimeSynthetic

/// `crimekit synth`: writes a synthetic extract in the Chicago schema and prints its manifest, including
/// the city's true trigger parameters (`branching_ratio`, `trigger_decay_days`, `trigger_sigma_m`).
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a synthetic incident extract (Chicago schema) from the seeded synthetic city."
    )

    @Option(name: .long, help: "Output CSV file.")
    var out: String

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Number of local days to simulate (1 to 36500).")
    var days: Int = 365

    @Option(name: .long, help: "Expected background events per day (offspring come on top); days × rate, grown by the city's 5 % a year, may expect at most 20,000,000 events.")
    var rate: Double = 250

    @Option(name: .long, help: "First local day, YYYY-MM-DD.")
    var start: String = "2023-01-01"

    @Flag(name: .long, help: "Write no dirt: no missing coordinates, duplicates or midnight stamps.")
    var clean = false

    @Flag(name: .long, help: "Print one JSON object instead of CSV.")
    var json = false

    func validate() throws {
        guard (1...SyntheticCityConfig.maximumDays).contains(days) else {
            throw ValidationError("--days must be between 1 and \(SyntheticCityConfig.maximumDays), got \(days)")
        }
        guard rate.isFinite, rate >= 0 else { throw ValidationError("--rate must be a finite number ≥ 0, got \(rate)") }
        var config = SyntheticCityConfig()
        (config.days, config.dailyRate) = (days, rate)
        guard config.expectedBackgroundEvents <= Double(SyntheticCityConfig.maximumBackgroundEvents) else {
            throw ValidationError("--rate \(rate) over --days \(days) expects about \(Int(config.expectedBackgroundEvents.rounded())) "
                                  + "background events, more than the \(SyntheticCityConfig.maximumBackgroundEvents) a synthetic city may have")
        }
        guard let last = SyntheticCity.lastDay(start: start, days: days) else {
            throw ValidationError("--start must be a date written YYYY-MM-DD, got '\(start)'")
        }
        guard last.year <= 9999 else {
            throw ValidationError("--start \(start) with --days \(days) ends after 9999-12-31, the last date ingest reads; "
                                  + "start earlier or simulate fewer days")
        }
    }

    func run() throws {
        var config = SyntheticCityConfig()
        config.seed = seed
        config.days = days
        config.dailyRate = rate
        config.start = start
        if clean { config.dirt = .none }
        let manifest = try SyntheticCity(config: config).writeChicagoExtract(to: URL(fileURLWithPath: out))
        if json {
            try JSONOutput.print(manifest)
        } else {
            print("key,value")
            print("rows_written,\(manifest.rowsWritten)")
            print("events,\(manifest.events)")
            print("offspring,\(manifest.offspring)")
            print("missing_location,\(manifest.missingLocation)")
            print("duplicate,\(manifest.duplicate)")
            print("midnight_stamped,\(manifest.midnightStamped)")
            print("expected_rows_kept,\(manifest.expectedRowsKept)")
            for (category, count) in manifest.categories.sorted(by: { $0.key < $1.key }) { print("category.\(category),\(count)") }
            print("first_time,\(manifest.firstTime ?? "")")
            print("last_time,\(manifest.lastTime ?? "")")
            print("branching_ratio,\(manifest.branchingRatio)")
            print("trigger_decay_days,\(manifest.triggerDecayDays)")
            print("trigger_sigma_m,\(manifest.triggerSigmaMetres)")
        }
    }
}
