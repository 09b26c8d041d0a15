import ArgumentParser
import CrimeCore
import Foundation

/// The cleaning flags `crimekit ingest` and `crimekit cube` share: period, box and duplicates.
struct CleaningFlags: ParsableArguments {
    @Option(name: .long, help: "Keep only points inside MIN_LAT,MIN_LNG,MAX_LAT,MAX_LNG.")
    var bbox: String?

    @Option(name: .long, help: "Drop rows before this local day (YYYY-MM-DD) as out_of_period.")
    var since: String?

    @Option(name: .long, help: "Drop rows after this local day (YYYY-MM-DD; the day is kept) as out_of_period.")
    var until: String?

    @Flag(name: .long, help: "Keep rows whose id repeats an earlier row's.")
    var keepDuplicates = false

    /// Default cleaning with these flags, naming `file` in the report's samples; a malformed flag is a
    /// usage error naming it.
    func options(file: String) throws -> CleaningOptions {
        CleaningOptions(bounds: try bbox.map(Self.parseBox), dropDuplicates: !keepDuplicates, file: file,
                        since: try Self.parseDay(since, flag: "--since"), until: try Self.parseDay(until, flag: "--until"))
    }

    /// Reads `--since` / `--until`.
    private static func parseDay(_ text: String?, flag: String) throws -> LocalDay? {
        guard let text else { return nil }
        do { return try LocalDay(text) } catch { throw ValidationError("\(flag) must be a day YYYY-MM-DD, not '\(text)'") }
    }

    /// Reads `--bbox MIN_LAT,MIN_LNG,MAX_LAT,MAX_LNG`.
    private static func parseBox(_ text: String) throws -> BoundingBox {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 4, let a = parts[0], let b = parts[1], let c = parts[2], let d = parts[3], a < c, b < d else {
            throw ValidationError("--bbox must be MIN_LAT,MIN_LNG,MAX_LAT,MAX_LNG with min < max, not '\(text)'")
        }
        return BoundingBox(minLatitude: a, minLongitude: b, maxLatitude: c, maxLongitude: d)
    }
}
