import CrimeCore
import CrimeSynthetic
import CrimeTestSupport
import Foundation
import Testing

/// Every public error type of CrimeSynthetic, thrown by public API and caught as `any Error`, prints
/// its own sentence through `localizedDescription`.
@Suite struct SyntheticLocalizedErrorTests {
    @Test func syntheticCityError() {
        var config = SyntheticCityConfig()
        config.days = 0
        expectLocalizedDescription(SyntheticCityError.self) { _ = try SyntheticCity(config: config) }
    }

    @Test func syntheticLayoutError() {
        let box = BoundingBox(minLatitude: 41.80, minLongitude: -87.70, maxLatitude: 41.83, maxLongitude: -87.66)
        expectLocalizedDescription(SyntheticLayoutError.self) {
            _ = try SyntheticAreaLayout(rows: 2, columns: 2, bounds: box, jitter: 1.5, seed: 1)
        }
    }
}
