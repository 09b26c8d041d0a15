import CrimeCore
import CrimeTestSupport
import Foundation
import Testing

/// The progress line's throttling, modes and text, driven by a hand-set clock and a string sink.
@Suite struct ProgressLineTests {
    /// A clock the test moves by hand.
    final class ManualClock: @unchecked Sendable {
        private let lock = NSLock()
        private var time = 0.0
        var now: Double {
            get { lock.withLock { time } }
            set { lock.withLock { time = newValue } }
        }
    }

    /// A progress line on a manual clock, and everything it wrote.
    func line(_ mode: ProgressLine.Mode, delay: Double = 2) -> (ProgressLine, ManualClock, LockedRecorder<String>) {
        let clock = ManualClock(), sink = LockedRecorder<String>()
        return (ProgressLine(mode: mode, delay: delay, clock: { clock.now }, write: { sink.add($0) }), clock, sink)
    }

    func trees(_ completed: Int, of total: Int = 100) -> ProgressEvent {
        ProgressEvent(step: "forest", completed: completed, total: total, unit: .items("trees"))
    }

    /// Plain lines: nothing in the first 2 s, then the first line, then one only when both 2 s and a
    /// tenth of the work have passed since the last, and always the last.
    @Test func plainLinesAreThrottled() {
        let (progress, clock, sink) = line(.plain)
        for (time, done) in [(0.0, 0), (1.0, 10), (2.5, 20), (3.0, 30), (4.6, 40), (7.0, 45), (7.5, 50), (8.0, 60), (9.9, 100)] {
            clock.now = time
            progress.report(trees(done))
        }
        #expect(sink.values == [
            "forest: 20/100 trees (20%) · 2 s\n",
            "forest: 40/100 trees (40%) · 4 s\n",
            "forest: 50/100 trees (50%) · 7 s\n",
            "forest: 100/100 trees (100%) · 9 s\n",
        ])
    }

    /// A step that completes within the delay prints nothing, in every mode.
    @Test func quickStepsAreSilent() {
        for mode in [ProgressLine.Mode.plain, .terminal] {
            let (progress, clock, sink) = line(mode)
            for done in 0...100 {
                clock.now = Double(done) * 0.019
                progress.report(trees(done))
            }
            progress.finish()
            #expect(sink.values.isEmpty, "\(mode)")
        }
    }

    /// `--quiet`: a silent line writes nothing however long the step runs.
    @Test func silentWritesNothing() {
        let (progress, clock, sink) = line(.silent)
        for done in 0...100 {
            clock.now = Double(done)
            progress.report(trees(done))
        }
        progress.finish()
        #expect(sink.values.isEmpty)
    }

    /// On a terminal the line is redrawn in place at most every 0.1 s and ended by a newline when
    /// the step completes.
    @Test func terminalRedrawsInPlace() {
        let (progress, clock, sink) = line(.terminal)
        for (time, done) in [(0.0, 0), (2.0, 10), (2.05, 11), (2.15, 12), (2.2, 13), (3.0, 100)] {
            clock.now = time
            progress.report(trees(done))
        }
        progress.finish()
        #expect(sink.values == [
            "\rforest: 10/100 trees (10%) · 2 s\u{1B}[K",
            "\rforest: 12/100 trees (12%) · 2 s\u{1B}[K",
            "\rforest: 100/100 trees (100%) · 3 s\u{1B}[K\n",
        ])
    }

    /// A new step, or `finish()`, ends a terminal line left open; a new step restarts the delay.
    @Test func terminalLineIsClosedByTheNextStep() {
        let (progress, clock, sink) = line(.terminal)
        clock.now = 0
        progress.report(ProgressEvent(step: "ingest", completed: 0, total: nil, unit: .bytes))
        clock.now = 3
        progress.report(ProgressEvent(step: "ingest", completed: 12_500_000, total: nil, unit: .bytes))
        progress.report(trees(0))
        clock.now = 4.9
        progress.report(trees(5))
        clock.now = 5
        progress.report(trees(6))
        progress.finish()
        progress.finish()
        #expect(sink.values == [
            "\ringest: 12.5 MB · 3 s\u{1B}[K", "\n",
            "\rforest: 6/100 trees (6%) · 2 s\u{1B}[K", "\n",
        ])
    }

    /// A count back at 0 starts the step again, with its own delay.
    @Test func aRestartedStepWaitsAgain() {
        let (progress, clock, sink) = line(.plain, delay: 1)
        clock.now = 0
        progress.report(trees(0, of: 2))
        clock.now = 1.5
        progress.report(trees(2, of: 2))
        progress.report(trees(0, of: 2))
        clock.now = 2
        progress.report(trees(2, of: 2))
        #expect(sink.values == ["forest: 2/2 trees (100%) · 1 s\n"])
    }

    /// Sizes in decimal units, the share rounded down, the detail last.
    @Test func textOfBytesAndDetail() {
        let (progress, clock, sink) = line(.plain, delay: 0)
        clock.now = 0
        progress.report(ProgressEvent(step: "ingest", completed: 12_500_000, total: 40_000_000, unit: .bytes))
        progress.report(ProgressEvent(step: "training", completed: 0, total: 20, unit: .items("epochs")))
        clock.now = 125
        progress.report(ProgressEvent(step: "training", completed: 20, total: 20, unit: .items("epochs"), detail: "loss 0.25"))
        #expect(sink.values == [
            "ingest: 12.5 MB of 40.0 MB (31%) · 0 s\n",
            "training: 0/20 epochs (0%) · 0 s\n",
            "training: 20/20 epochs (100%) · 2 min 05 s · loss 0.25\n",
        ])
    }

    /// An event's share of the work and whether it completes the step.
    @Test func fractionAndCompletion() {
        #expect(trees(25).fraction == 0.25)
        #expect(!trees(25).isComplete)
        #expect(trees(100).isComplete)
        #expect(ProgressEvent(step: "ingest", completed: 7, total: nil, unit: .bytes).fraction == nil)
        #expect(ProgressEvent(step: "ingest", completed: 0, total: 0, unit: .bytes).fraction == nil)
    }
}
