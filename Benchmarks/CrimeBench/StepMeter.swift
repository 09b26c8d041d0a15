import CrimeCore
import Dispatch
import Foundation

/// Times steps of a pipeline over one table and records, per step, its wall time, its cost per incident
/// (wall and CPU time of the whole process, which other loads on the machine disturb less) and the growth
/// of resident memory per incident from just before the step to the step's peak.
struct StepMeter {
    /// The incidents the per-incident figures divide by.
    let incidents: Int
    /// `<step>_seconds`, `<step>_ns_per_incident`, `<step>_cpu_ns_per_incident` and
    /// `<step>_peak_bytes_per_incident` of every step so far.
    private(set) var results: [String: Double] = [:]

    init(incidents: Int) {
        self.incidents = max(incidents, 1)
    }

    /// Runs `body` as step `name` and returns what it returns. Freed heap is handed back and the peak
    /// reset first, so the peak growth is the step's own (its output included).
    mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        AllocatorTrim.releaseFreeMemory()
        let resettable = ResidentMemory.resetPeak()
        let before = ResidentMemory.read()
        let cpuStart = Self.processCPUSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = Self.processCPUSeconds() - cpuStart
        let after = ResidentMemory.read()
        record(name, seconds: seconds, peakGrowth: resettable ? after.peak - before.current : nil)
        notePeak(after.peak)
        results["\(name)_cpu_ns_per_incident"] = cpu * 1e9 / Double(incidents)
        return value
    }

    /// Records a step timed elsewhere; `peakGrowth` nil when it could not be measured.
    mutating func record(_ name: String, seconds: Double, peakGrowth: Int?) {
        results["\(name)_seconds"] = seconds
        results["\(name)_ns_per_incident"] = seconds * 1e9 / Double(incidents)
        if let peakGrowth { results["\(name)_peak_bytes_per_incident"] = Double(peakGrowth) / Double(incidents) }
    }

    /// CPU seconds (user and system, all threads) this process has used.
    static func processCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Raises `process_peak_rss_bytes` to `bytes` if that is higher: the peak of the whole run, which the
    /// resets of ``measure(_:_:)`` hide from the kernel's own high-water mark (and from `/usr/bin/time`).
    mutating func notePeak(_ bytes: Int) {
        results["process_peak_rss_bytes"] = max(results["process_peak_rss_bytes"] ?? 0, Double(bytes))
    }

    /// Adds a figure that is not a step's (counts, check sums).
    mutating func note(_ key: String, _ value: Double) {
        results[key] = value
    }
}
