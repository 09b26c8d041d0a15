/// How a classifier weights each class's samples (scikit-learn's `class_weight`).
public enum ClassWeight: Sendable, Equatable {
    /// Every sample weighs 1.
    case none
    /// `n / (classes × count(class))`, so that each class carries the same total weight.
    case balanced
    /// A weight per class label; labels not listed weigh 1.
    case explicit([Double: Double])

    /// The weight of each class, in the order of `classes`, from the targets.
    func weights(classes: [Double], targets: [Double]) throws -> [Double] {
        switch self {
        case .none:
            return classes.map { _ in 1 }
        case .balanced:
            return classes.map { c in Double(targets.count) / (Double(classes.count) * Double(targets.filter { $0 == c }.count)) }
        case let .explicit(table):
            for (label, weight) in table {
                guard classes.contains(label) else {
                    throw LinearModelError.invalidClassWeight("class \(label) does not occur in the targets \(classes)")
                }
                guard weight > 0, weight.isFinite else {
                    throw LinearModelError.invalidClassWeight("class \(label) has weight \(weight); weights must be positive")
                }
            }
            return classes.map { table[$0] ?? 1 }
        }
    }
}

extension ClassWeight {
    /// The weighting as text for model files: `none`, `balanced`, or `explicit:` followed by
    /// `label=weight` pairs in label order, numbers written so that they read back exactly.
    var archiveText: String {
        switch self {
        case .none: return "none"
        case .balanced: return "balanced"
        case let .explicit(table):
            return "explicit:" + table.keys.sorted().map { "\($0)=\(table[$0] ?? 1)" }.joined(separator: ",")
        }
    }

    /// Reads ``archiveText``; nil for anything else.
    init?(archiveText text: String) {
        switch text {
        case "none": self = .none
        case "balanced": self = .balanced
        default:
            guard text.hasPrefix("explicit:") else { return nil }
            var table: [Double: Double] = [:]
            for pair in text.dropFirst("explicit:".count).split(separator: ",") {
                let parts = pair.split(separator: "=")
                guard parts.count == 2, let label = Double(parts[0]), let weight = Double(parts[1]) else { return nil }
                table[label] = weight
            }
            self = .explicit(table)
        }
    }
}
