import CrimeCore
import CrimeForecast
import CrimeGeo
import CrimeTestSupport
import Foundation
import Testing

/// Tests/Fixtures/kde/kde.json, made by make_kde.py with scikit-learn, scipy and numpy.
private struct KDEFixture: Decodable {
    struct Densities: Decodable {
        let bandwidth: Double
        let gaussianUnweightedSklearn, gaussianUnweightedScipy, quarticUnweightedNumpy: [Double]
        let gaussianDecaySklearn, gaussianDecayScipy, quarticDecayNumpy: [Double]
    }

    struct Masses: Decodable {
        let bandwidth, x, y: Double
        let squares: [[[Double]]]
        let hexagon: [[Double]]
        let gaussianSquares, quarticSquares: [Double]
        let gaussianHexagon, quarticHexagon: Double
    }

    let x, y: [Double]
    let times: [Int64]
    let reference: Int64
    let decayDays: Double
    let decayWeights: [Double]
    let queryX, queryY: [Double]
    let densities: [Densities]
    let masses: [Masses]

    static func load() throws -> KDEFixture {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(KDEFixture.self, from: Data(contentsOf: Fixtures.url("kde", "kde.json")))
    }
}

/// The largest |a/b − 1| over pairs, counting exact zeros on both sides as agreement.
private func maxRelativeError(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { $0 == $1 ? 0 : abs($0 / $1 - 1) }.max() ?? .infinity
}

private func ring(_ vertices: [[Double]]) -> [PlanarPoint] { vertices.map { PlanarPoint(x: $0[0], y: $0[1]) } }

@Suite("Kernel density")
struct KDETests {
    /// Exact densities at 48 points from 300 incidents, two bandwidths, with and without decay weights:
    /// the Gaussian against scikit-learn's KernelDensity and scipy's gaussian_kde (covariance h²I), the
    /// quartic against numpy (by both evaluations, the bucketed one being exact too), all within 1e-9.
    @Test func densitiesMatchScikitLearnAndScipy() throws {
        let f = try KDEFixture.load()
        let weights = try KernelDensity.decayWeights(times: f.times, reference: f.reference, decayDays: f.decayDays)
        #expect(maxRelativeError(weights, f.decayWeights) < 1e-12)
        for d in f.densities {
            for (w, sklearn, scipy, numpy) in [(nil, d.gaussianUnweightedSklearn, d.gaussianUnweightedScipy, d.quarticUnweightedNumpy),
                                               (weights, d.gaussianDecaySklearn, d.gaussianDecayScipy, d.quarticDecayNumpy)] {
                let gaussian = try KernelDensity(kernel: .gaussian, bandwidth: d.bandwidth, x: f.x, y: f.y, weights: w)
                let ours = try gaussian.density(atX: f.queryX, y: f.queryY)
                #expect(maxRelativeError(ours, sklearn) < 1e-9)
                #expect(maxRelativeError(ours, scipy) < 1e-9)
                let quartic = try KernelDensity(kernel: .quartic, bandwidth: d.bandwidth, x: f.x, y: f.y, weights: w)
                #expect(maxRelativeError(try quartic.density(atX: f.queryX, y: f.queryY), numpy) < 1e-9)
                #expect(maxRelativeError(try quartic.density(atX: f.queryX, y: f.queryY, evaluation: .fast), numpy) < 1e-9)
                #expect(numpy.contains(0) && numpy.contains { $0 > 0 })
            }
        }
    }

    /// One incident's kernel mass over nine squares and a hexagon, by quadrature at the kernel's
    /// ``KernelDensity/quadratureSpacing``, against the closed form (Gaussian over squares) and scipy's
    /// dblquad (the rest): the Gaussian within 5e-4 relative (1e-7 absolute near 0), the quartic within
    /// 3e-3 relative and 4e-4 absolute.
    @Test func cellMassesMatchClosedFormAndDblquad() throws {
        let f = try KDEFixture.load()
        for m in f.masses {
            for (kernel, reference) in [(KernelDensity.Kernel.gaussian, m.gaussianSquares + [m.gaussianHexagon]),
                                        (.quartic, m.quarticSquares + [m.quarticHexagon])] {
                let density = try KernelDensity(kernel: kernel, bandwidth: m.bandwidth, x: [m.x], y: [m.y])
                let quadrature = try CellQuadrature(rings: m.squares.map(ring) + [ring(m.hexagon)], spacing: density.quadratureSpacing)
                let (relative, absolute) = kernel == .gaussian ? (5e-4, 1e-7) : (3e-3, 4e-4)
                for (a, b) in zip(density.cellMasses(quadrature, evaluation: .exact), reference) {
                    #expect(abs(a - b) <= relative * b + absolute, "\(kernel) h=\(m.bandwidth): \(a) vs \(b)")
                }
            }
        }
    }

    /// 2,000 clustered incidents: the Gaussian's binned fast path against exact evaluation, at points and
    /// as masses over a grid of 150 m squares: within 1e-3 relative wherever the exact value is at least
    /// 1e-3 of the largest. Two runs give identical numbers.
    @Test func fastGaussianAgreesWithExact() throws {
        var rng = SeededGenerator(seed: 7)
        var xs = [Double](), ys = [Double]()
        for k in 0..<2_000 {
            let (a, b) = rng.nextGaussianPair()
            let centre = k % 3 == 0 ? (-800.0, 500.0) : k % 3 == 1 ? (700.0, -300.0) : (0.0, 0.0)
            xs.append(centre.0 + a * (k % 3 == 2 ? 1_500 : 200))
            ys.append(centre.1 + b * (k % 3 == 2 ? 1_500 : 200))
        }
        let density = try KernelDensity(kernel: .gaussian, bandwidth: 200, x: xs, y: ys)
        let qx = (0..<900).map { -2_000 + Double($0 % 30) * 137.9 }, qy = (0..<900).map { -2_000 + Double($0 / 30) * 141.3 }
        let exact = try density.density(atX: qx, y: qy)
        let fast = try density.density(atX: qx, y: qy, evaluation: .fast)
        let peak = exact.max() ?? 0
        for (e, a) in zip(exact, fast) where e >= 1e-3 * peak { #expect(abs(a / e - 1) < 1e-3) }
        #expect(try density.density(atX: qx, y: qy, evaluation: .fast) == fast)

        let squares = (0..<(24 * 24)).map { k -> [PlanarPoint] in
            let x0 = -1_800 + Double(k % 24) * 150, y0 = -1_800 + Double(k / 24) * 150
            return [PlanarPoint(x: x0, y: y0), PlanarPoint(x: x0 + 150, y: y0), PlanarPoint(x: x0 + 150, y: y0 + 150), PlanarPoint(x: x0, y: y0 + 150)]
        }
        let quadrature = try CellQuadrature(rings: squares, spacing: 200.0 / 3)
        let exactMass = density.cellMasses(quadrature, evaluation: .exact)
        let fastMass = density.cellMasses(quadrature, evaluation: .fast)
        let largest = exactMass.max() ?? 0
        for (e, a) in zip(exactMass, fastMass) where e >= 1e-3 * largest { #expect(abs(a / e - 1) < 1e-3) }
    }

    /// A 40 × 40 grid of 100 m squares with incidents well inside it (at least 12 bandwidths from the
    /// edge): the masses add up to the density's total, 1 (Gaussian to 1e-6, quartic to 1e-4, with the
    /// fast path to 1e-3).
    @Test func massOverALargeGridIsOne() throws {
        let squares = (0..<1_600).map { k -> [PlanarPoint] in
            let x0 = -2_000 + Double(k % 40) * 100, y0 = -2_000 + Double(k / 40) * 100
            return [PlanarPoint(x: x0, y: y0), PlanarPoint(x: x0 + 100, y: y0), PlanarPoint(x: x0 + 100, y: y0 + 100), PlanarPoint(x: x0, y: y0 + 100)]
        }
        let xs: [Double] = [0, 130, -420, 333, -75, 510], ys: [Double] = [0, -250, 180, 444, -515, 20]
        for kernel in KernelDensity.Kernel.allCases {
            let density = try KernelDensity(kernel: kernel, bandwidth: 120, x: xs, y: ys, weights: [1, 2, 0.5, 1, 3, 1])
            let quadrature = try CellQuadrature(rings: squares, spacing: density.quadratureSpacing)
            #expect(abs(density.cellMasses(quadrature, evaluation: .exact).reduce(0, +) - 1) < (kernel == .gaussian ? 1e-6 : 1e-4))
            #expect(abs(density.cellMasses(quadrature, evaluation: .fast).reduce(0, +) - 1) < 1e-3)
        }
    }

    /// Decay weights are exp(−age/τ): an incident τ days older weighs 1/e of a newer one.
    @Test func decayWeightsFollowTheAge() throws {
        let day: Int64 = 86_400
        let w = try KernelDensity.decayWeights(times: [0, 10 * day, 20 * day], reference: 20 * day, decayDays: 10)
        #expect(abs(w[2] - 1) < 1e-15 && abs(w[1] - exp(-1)) < 1e-15 && abs(w[0] - exp(-2)) < 1e-15)
        #expect(throws: ForecastError.badParameter(name: "decayDays", reason: "must be a finite number of days above 0, got 0.0")) {
            try KernelDensity.decayWeights(times: [0], reference: 0, decayDays: 0)
        }
    }

    /// A bandwidth that is not a finite number above 0, mismatched lengths and bad weights are typed
    /// errors naming the parameter.
    @Test func badParametersAreNamed() throws {
        for h in [0, -5, .nan, .infinity] {
            expectBadParameter("bandwidth") { try KernelDensity(bandwidth: h, x: [0], y: [0]) }
        }
        let cases: [(String, () throws -> KernelDensity)] = [
            ("x", { try KernelDensity(bandwidth: 1, x: [], y: []) }),
            ("y", { try KernelDensity(bandwidth: 1, x: [0, 1], y: [0]) }),
            ("x", { try KernelDensity(bandwidth: 1, x: [.nan], y: [0]) }),
            ("weights", { try KernelDensity(bandwidth: 1, x: [0], y: [0], weights: [-1]) }),
            ("weights", { try KernelDensity(bandwidth: 1, x: [0], y: [0], weights: [0]) }),
        ]
        for (name, make) in cases { expectBadParameter(name, make) }
        expectBadParameter("spacing") { try CellQuadrature(rings: [], spacing: 0) }
    }
}
