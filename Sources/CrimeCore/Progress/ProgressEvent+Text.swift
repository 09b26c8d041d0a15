import Foundation

extension ProgressEvent {
    /// The event as one short line: `forest: 37/100 trees (37%) · 4 s · detail`, or for bytes
    /// `ingest: 12.5 MB of 40.0 MB (31%) · 3 s`.
    func line(elapsed seconds: Double) -> String {
        var amount: String
        switch unit {
        case .bytes:
            amount = Self.bytes(completed) + (total.map { " of " + Self.bytes($0) } ?? "")
        case let .items(name):
            amount = "\(completed)" + (total.map { "/\($0)" } ?? "") + " " + name
        }
        if let fraction { amount += " (\(Int((100 * fraction).rounded(.down)))%)" }
        var parts = ["\(step): \(amount)", Self.duration(seconds)]
        if let detail, !detail.isEmpty { parts.append(detail) }
        return parts.joined(separator: " · ")
    }

    /// A byte count in decimal units: `512 B`, `12.5 kB`, `3.0 MB`, `1.2 GB`.
    static func bytes(_ count: Int) -> String {
        let value = Double(count)
        switch value {
        case ..<1e3: return "\(count) B"
        case ..<1e6: return String(format: "%.1f kB", value / 1e3)
        case ..<1e9: return String(format: "%.1f MB", value / 1e6)
        default: return String(format: "%.1f GB", value / 1e9)
        }
    }

    /// Elapsed time: `7 s`, `2 min 05 s`, `1 h 02 min`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(max(0, seconds).rounded(.down))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return String(format: "%d min %02d s", whole / 60, whole % 60) }
        return String(format: "%d h %02d min", whole / 3600, whole / 60 % 60)
    }
}
