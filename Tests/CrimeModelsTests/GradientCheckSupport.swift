import CrimeCore
@testable import CrimeModels
import Foundation
import Testing

/// Checks the engine's hand-written `Float` backward passes against central finite differences of the independent
/// `Double` references (DoubleReferenceLayers.swift, DoubleReferenceForecasters.swift), for every layer,
/// every loss and the three forecasters on tiny shapes, at every parameter entry and, for layers, every
/// input entry; and the engine's forward pass against the same reference, so that the differentiated
/// function is known to be the engine's.
///
/// Finite differences: step h = 1e-6 in `Double`. The truncation error h²·|f‴|/6 is about 1e-13 and the
/// rounding error about 2⁻⁵³·|L|/h ≈ 1e-10·|L|, so the differences are exact to far below the tolerance
/// and all of the measured discrepancy is the engine's.
///
/// Tolerance: `|g_engine − g_fd| ≤ 1e-4·|g_fd| + 1e-5·s`, with `s` the largest |g_fd| of the check. The
/// engine rounds to `Float` (u = 2⁻²⁴ ≈ 6e-8) in every operation, and its exp, tanh and sigmoid are good
/// to about 2 ulp. On these shapes a gradient entry is a sum of at most a few hundred products along chains
/// of a few dozen operations, so the worst-case bound (terms + depth)·u·Σ|terms| is about 200·6e-8 ≈ 1e-5
/// of Σ|terms|, which is of the order of the check's scale `s` rather than of the entry (terms can cancel):
/// hence the floor 1e-5·s. Entries well above the floor carry the forward pass's relative error (≈ 1e-6,
/// see ``forwardTolerance``) amplified by a few steps of back-propagation: hence 1e-4 relative. Measured on
/// these checks: at most 3.6e-7·s, and 7e-6 relative on entries above 1 % of `s`, so the worst entry uses
/// 1/60 of its allowance. A wrong backward formula fails by orders of magnitude, and even scaling one
/// layer's weight gradient by 1.001 fails the convolution check.
enum GradientCheck {
    /// The finite-difference step.
    static let step = 1e-6
    /// Relative and scale-relative parts of the gradient tolerance (see the type's comment).
    static let relativeTolerance = 1e-4, scaleTolerance = 1e-5
    /// Largest relative difference of the engine's `Float` forward pass from the reference, relative to
    /// the output's largest magnitude.
    static let forwardTolerance = 1e-5

    /// Seeded uniform values in [−bound, bound].
    static func random(_ count: Int, seed: UInt64, bound: Double = 1) -> [Float] {
        var g = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Float((g.nextUniform() * 2 - 1) * bound) }
    }

    /// The reference's weights: the engine's `Float` values converted exactly to `Double`.
    static func weights(_ set: ParameterSet) -> DoubleReference.Weights {
        DoubleReference.Weights(values: Dictionary(uniqueKeysWithValues: zip(set.names, set.values.map { $0.map(Double.init) })))
    }

    /// Central differences of `f` with respect to every entry of `point`.
    static func centralDifferences(_ point: [Double], _ f: ([Double]) throws -> Double) rethrows -> [Double] {
        var x = point
        return try point.indices.map { k in
            x[k] = point[k] + step
            let plus = try f(x)
            x[k] = point[k] - step
            let minus = try f(x)
            x[k] = point[k]
            return (plus - minus) / (2 * step)
        }
    }

    /// The finite-difference gradient of `objective` with respect to every trainable entry of `set`, by name.
    static func parameterDifferences(_ set: ParameterSet, _ objective: (DoubleReference.Weights) throws -> Double) throws -> [String: [Double]] {
        let base = weights(set)
        var result: [String: [Double]] = [:]
        for (e, name) in set.names.enumerated() where set.trainable[e] {
            var w = base
            result[name] = try centralDifferences(try base[name]) { v in
                w.values[name] = v
                return try objective(w)
            }
        }
        return result
    }

    /// Expects every `(engine, finite-difference)` pair within the tolerance, the scale being the largest
    /// finite-difference magnitude over all pairs; one expectation per tensor reports its worst entry and
    /// how many entries are out of tolerance.
    static func expectGradients(_ pairs: [(name: String, engine: [Float], numeric: [Double])],
                                sourceLocation: SourceLocation = #_sourceLocation) {
        let scale = pairs.flatMap(\.numeric).reduce(0) { max($0, abs($1)) }
        #expect(scale > 0, "all finite differences vanish", sourceLocation: sourceLocation)
        for (name, engine, numeric) in pairs {
            #expect(engine.count == numeric.count, "\(name): \(engine.count) engine entries, \(numeric.count) differences",
                    sourceLocation: sourceLocation)
            var (worst, worstRatio, failures) = (0, 0.0, 0)
            for (k, (g, d)) in zip(engine, numeric).enumerated() {
                let ratio = abs(Double(g) - d) / (relativeTolerance * abs(d) + scaleTolerance * scale)
                if ratio > 1 { failures += 1 }
                if ratio > worstRatio { (worst, worstRatio) = (k, ratio) }
            }
            #expect(failures == 0, """
                \(name): \(failures) of \(numeric.count) entries out of tolerance; worst [\(worst)] engine \(engine[worst]), \
                finite difference \(numeric[worst]) (\(worstRatio)× the tolerance, scale \(scale))
                """, sourceLocation: sourceLocation)
        }
    }

    /// Expects the engine's output to match the reference's within ``forwardTolerance`` of its scale.
    static func expectForward(_ engine: [Float], _ reference: [Double], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let scale = reference.reduce(0) { max($0, abs($1)) }
        let worst = zip(engine, reference).reduce(0) { max($0, abs(Double($1.0) - $1.1)) }
        #expect(engine.count == reference.count && worst <= forwardTolerance * max(scale, 1e-12),
                "\(what): largest difference \(worst) at scale \(scale)", sourceLocation: sourceLocation)
    }

    /// Checks a layer in training mode. `reference` maps the weights and the engine-layout input to the
    /// engine-layout output. The layer's output must match; its backward pass, fed a fixed random `dy`, must
    /// match the finite differences of `Σ dy·y` with respect to every trainable entry and every input entry.
    static func checkLayer<L: NNLayer>(_ layer: L, _ set: ParameterSet, input x: Tensor,
                                reference: (DoubleReference.Weights, [Double]) throws -> [Double],
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        var context = ForwardContext(parameters: set, training: true)
        let (y, cache) = try layer.forward(x, &context)
        let x64 = x.storage.map(Double.init)
        expectForward(y.storage, try reference(weights(set), x64), "output", sourceLocation: sourceLocation)
        let dy = random(y.count, seed: 99)
        var gradients = Gradients(zeroFor: set)
        let dx = layer.backward(Tensor(unchecked: y.shape, dy), cache, set, &gradients)
        let dy64 = dy.map(Double.init)
        func objective(_ w: DoubleReference.Weights, _ input: [Double]) throws -> Double {
            zip(try reference(w, input), dy64).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let numeric = try parameterDifferences(set) { try objective($0, x64) }
        var pairs = set.names.indices.compactMap { e in numeric[set.names[e]].map { (set.names[e], gradients.values[e], $0) } }
        let base = weights(set)
        pairs.append(("input", dx.storage, try centralDifferences(x64) { try objective(base, $0) }))
        expectGradients(pairs, sourceLocation: sourceLocation)
    }

    /// `[outer, pixels, channels]` ⇄ `[outer, channels, pixels]`: pass `(pixels, channels)` to go to
    /// channels-first and `(channels, pixels)` to come back.
    static func transpose(_ x: [Double], outer: Int, _ rows: Int, _ columns: Int) -> [Double] {
        var y = x
        for o in 0..<outer {
            for r in 0..<rows { for c in 0..<columns { y[(o * columns + c) * rows + r] = x[(o * rows + r) * columns + c] } }
        }
        return y
    }
}
