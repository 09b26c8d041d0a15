import CrimeTestSupport
import Foundation
import Testing
@testable import CrimeCore
@testable import CrimeSynthetic

/// The synthetic city's true conditional intensity: the kernel against scipy, and the realised counts
/// against the integrated intensity (their difference is a martingale with variance equal to the integral).
@Suite struct SyntheticIntensityTests {
    private struct KernelFixture: Decodable {
        struct Mass: Decodable {
            let alpha, tau, sigma, x, y, t, x0, x1, y0, y1, from, to, expected: Double
        }
        struct Density: Decodable {
            let alpha, tau, sigma, delay, dx, dy, density: Double
        }
        let masses: [Mass]
        let densities: [Density]
    }

    private func close(_ a: Double, _ b: Double, relative: Double) -> Bool {
        (a == 0 && b == 0) || abs(a - b) <= relative * max(abs(a), abs(b))
    }

    /// 60 days of the default city from 2023-06-05 without dirt.
    private func city(branching: Double = 0.3) throws -> SyntheticCity {
        var c = SyntheticCityConfig()
        c.days = 60
        c.start = "2023-06-05"
        c.branchingRatio = branching
        c.dirt = .none
        c.seed = 21
        return try SyntheticCity(config: c)
    }

    /// Raster rows and columns 40–59: the box around the central hot spot.
    private func hotspotBox(_ city: SyntheticCity) -> BoundingBox {
        let sw = city.rasterCell(row: 40, column: 40), ne = city.rasterCell(row: 59, column: 59)
        return BoundingBox(minLatitude: sw.minLatitude, minLongitude: sw.minLongitude,
                           maxLatitude: ne.maxLatitude, maxLongitude: ne.maxLongitude)
    }

    @Test func kernelMassesAndDensitiesMatchScipy() throws {
        let fixture = try Fixtures.json(KernelFixture.self, "synthetic", "kernel_fixture.json")
        #expect(fixture.masses.count == 9 && fixture.densities.count == 4)
        for m in fixture.masses {
            let kernel = NearRepeatKernel(branching: m.alpha, meanDelay: m.tau, spread: m.sigma)
            let got = kernel.expectedOffspring(x: m.x, y: m.y, t: m.t, x0: m.x0, x1: m.x1, y0: m.y0, y1: m.y1,
                                               from: m.from, to: m.to)
            #expect(close(got, m.expected, relative: 1e-8), "\(m): \(got)")
        }
        for d in fixture.densities {
            let kernel = NearRepeatKernel(branching: d.alpha, meanDelay: d.tau, spread: d.sigma)
            let got = kernel.density(delay: d.delay, dx: d.dx, dy: d.dy)
            #expect(close(got, d.density, relative: 1e-12), "\(d): \(got)")
        }
    }

    @Test func countsInAHotspotBoxMatchTheIntegratedIntensity() throws {
        let city = try city()
        let box = hotspotBox(city)
        let from = city.interval.lowerBound + 10 * 86_400, to = city.interval.lowerBound + 50 * 86_400
        let observed = Double(city.events.filter {
            (from..<to).contains($0.time) && box.contains(GeoPoint(latitude: $0.latitude, longitude: $0.longitude))
        }.count)
        let expected = city.expectedCount(in: box, from: from, to: to)
        let background = city.expectedBackground(in: box, from: from, to: to)
        #expect(abs(observed - expected) < 4 * expected.squareRoot(), "observed \(observed), expected \(expected)")
        // The excitation is a real part of the truth: the background alone misses by far more.
        #expect(observed - background > 4 * background.squareRoot(), "observed \(observed), background \(background)")
    }

    @Test func cityWideCountMatchesTheIntegratedIntensity() throws {
        let city = try city()
        let expected = city.expectedCount(in: city.bounds, from: city.interval.lowerBound, to: city.interval.upperBound)
        let observed = Double(city.events.count)
        #expect(abs(observed - expected) < 4 * expected.squareRoot(), "observed \(observed), expected \(expected)")
        // Without offspring the triggered part vanishes.
        let calm = try self.city(branching: 0)
        #expect(calm.expectedTriggered(in: calm.bounds, from: calm.interval.lowerBound, to: calm.interval.upperBound) == 0)
    }

    @Test func intensityIntegratesToTheExpectedCount() throws {
        let city = try city()
        // The raster cell of an early background event in the hot spot, over the whole hour after its hour.
        let event = try #require(city.events.first {
            !$0.isOffspring && hotspotBox(city).contains(GeoPoint(latitude: $0.latitude, longitude: $0.longitude))
                && $0.time > city.interval.lowerBound + 86_400
        })
        let (row, column) = city.rasterPosition(latitude: event.latitude, longitude: event.longitude)
        let cell = city.rasterCell(row: row, column: column)
        let hour = (event.time - city.interval.lowerBound) / 3600 + 1
        let from = city.interval.lowerBound + hour * 3600, to = from + 3600
        // Midpoint rule: 20 × 20 points in the cell, 6 instants in the hour; intensity is per km² per hour.
        let steps = 20, instants = 6
        var sum = 0.0
        for i in 0..<steps {
            for j in 0..<steps {
                let p = GeoPoint(latitude: cell.minLatitude + (Double(i) + 0.5) / Double(steps) * (cell.maxLatitude - cell.minLatitude),
                                 longitude: cell.minLongitude + (Double(j) + 0.5) / Double(steps) * (cell.maxLongitude - cell.minLongitude))
                for k in 0..<instants {
                    sum += city.intensity(at: p, time: from + Int64((Double(k) + 0.5) * 3600 / Double(instants)))
                }
            }
        }
        let km2 = city.config.cellSide * city.config.cellSide / 1_000_000
        let integral = sum / Double(steps * steps * instants) * km2
        let expected = city.expectedCount(in: cell, from: from, to: to)
        let background = city.expectedBackground(row: row, column: column, hour: Int(hour))
        let triggered = city.expectedTriggered(in: cell, from: from, to: to)
        #expect(abs(expected - background - triggered) < 1e-12)
        #expect(triggered > 0)
        // The background is flat in a cell and hour, so the numerical integral's excess over it is the
        // triggered part.
        #expect(abs((integral - background) - triggered) < 0.02 * triggered,
                "integral \(integral), background \(background), triggered \(triggered)")
        // Outside the raster and the interval there is nothing.
        #expect(city.intensity(at: GeoPoint(latitude: 42.5, longitude: -87.63), time: from) == 0)
        #expect(city.intensity(at: GeoPoint(latitude: event.latitude, longitude: event.longitude), time: city.interval.upperBound) == 0)
    }

    @Test func backgroundPerCellAndHourAddsUpToTheHourlyTruth() throws {
        let city = try city()
        let n = city.config.rasterSize
        for hour in [0, 500, city.hourlyExpected.count - 1] {
            var sum = 0.0
            for row in 0..<n { for column in 0..<n { sum += city.expectedBackground(row: row, column: column, hour: hour) } }
            #expect(abs(sum - city.hourlyExpected[hour]) < 1e-9 * city.hourlyExpected[hour])
        }
        #expect(city.expectedBackground(row: n, column: 0, hour: 0) == 0)
        #expect(city.expectedBackground(row: 0, column: 0, hour: city.hourlyExpected.count) == 0)
        // The central hot-spot cell carries more than ten times a corner cell.
        #expect(city.expectedBackground(row: n / 2, column: n / 2, hour: 0) > 10 * city.expectedBackground(row: 0, column: 0, hour: 0))
    }
}
