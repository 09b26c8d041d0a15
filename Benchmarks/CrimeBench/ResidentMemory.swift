/// Resident set size of this process, from `/proc/self/status` (zero where that file does not exist).
enum ResidentMemory {
    /// Current (VmRSS) and peak (VmHWM) resident bytes.
    static func read() -> (current: Int, peak: Int) {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
        func field(_ name: String) -> Int {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
            // the kernel right-aligns the figure in eight columns after a tab, so from 10 GB on no space precedes it
            let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Int($0) }.first ?? 0
            return kilobytes * 1024
        }
        return (field("VmRSS"), field("VmHWM"))
    }

    /// Sets the peak (VmHWM) back to the current resident size (Linux's `clear_refs` value 5), so that a
    /// later ``read()`` gives the peak of what ran in between. Returns false where the kernel refuses.
    @discardableResult
    static func resetPeak() -> Bool {
        (try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)) != nil
    }
}
