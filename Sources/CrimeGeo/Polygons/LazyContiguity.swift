import Synchronization

/// An index's contiguity tables, built on first use (assigning points never needs them) and then kept.
/// Threads may share it: the first caller builds the tables while the others wait for them.
final class LazyContiguity: Sendable {
    private let features: [AreaFeature]
    private let state = Mutex<Contiguity?>(nil)

    /// Tables to be built over these features when first asked for.
    init(features: [AreaFeature]) { self.features = features }

    /// The tables, built now if no caller has asked for them before.
    var tables: Contiguity {
        state.withLock { built in
            if let built { return built }
            let tables = Contiguity(features: features)
            built = tables
            return tables
        }
    }
}
