import ArgumentParser
import CrimeCore

/// `--quiet` and the progress line of every long-running command: CrimeCore's `ProgressLine` on
/// standard error, redrawn in place on a terminal, plain lines otherwise, shown only for steps that run
/// longer than two seconds. Standard output is never touched.
struct ProgressOptions: ParsableArguments {
    @Flag(name: .long, help: "Print no progress on standard error.")
    var quiet = false

    @Option(name: .long, help: .hidden)
    var progressDelay: Double = 2

    func validate() throws {
        guard progressDelay >= 0, progressDelay.isFinite else {
            throw ValidationError("--progress-delay must be a number of seconds, 0 or more, got \(progressDelay)")
        }
    }

    /// The progress line these options ask for; call its `finish()` when the work is over.
    func line() -> ProgressLine { ProgressLine.standardError(quiet: quiet, delay: progressDelay) }
}
