import CNeuralKernels
import CrimeCore
@testable import CrimeModels
import Foundation
import Testing

/// The C loops of gradient boosting (binning, histograms, partitions) against plain loops over the same
/// data.
@Suite struct BoostingKernelTests {
    @Test("A value's code is the number of edges below it, edges themselves and values beyond them included",
          arguments: [0, 1, 5, 254])
    func binCodes(edgeCount: Int) {
        var rng = SeededGenerator(seed: UInt64(edgeCount) + 1)
        let edges = (0..<edgeCount).map { Double($0) * 0.5 - 10 }
        var padded = [Double](repeating: .infinity, count: 256)
        padded.replaceSubrange(0..<edges.count, with: edges)
        // Values on the edges, between them and beyond both ends; 1,003 of them so the tail of eight is used.
        let values = (0..<1003).map { i -> Double in
            switch i % 4 {
            case 0: return edges.isEmpty ? 0 : edges[i % edges.count]
            case 1: return -1e300
            case 2: return 1e300
            default: return rng.nextUniform() * 200 - 100
            }
        }
        var codes = [UInt8](repeating: 0, count: values.count)
        bk_bin_codes(values, values.count, padded, &codes)
        for (value, code) in zip(values, codes) { #expect(Int(code) == edges.filter { $0 < value }.count) }
    }

    @Test("Binning puts every value in the bin whose edges enclose it")
    func binnedFeaturesEncloseValues() {
        var rng = SeededGenerator(seed: 3)
        let rows = 3000
        // A continuous feature, a few small counts, and a constant.
        let values = (0..<rows).flatMap { _ in [rng.nextUniform(), Double(rng.nextPoisson(mean: 3)), 7.0] }
        let data = BinnedFeatures(Matrix(rows: rows, columns: 3, values: values), maxBins: 255, threads: 2)
        defer { data.release() }
        for f in 0..<3 {
            let edges = data.thresholds[f]
            for i in 0..<rows {
                let code = Int(data.codes[f * rows + i]), value = values[i * 3 + f]
                #expect(code == 0 || edges[code - 1] < value)
                #expect(code == edges.count || value <= edges[code])
                #expect(data.rowCodes[i * 3 + f] == data.codes[f * rows + i])
            }
        }
        #expect(data.thresholds[2].isEmpty)
    }

    @Test("Few distinct values are found without sorting; more than the limit gives nil")
    func fewDistinct() {
        let values: [Double] = [3, -0.0, 2, 3, 0.0, 2, 1e-300, -5, 3]
        let found = values.withUnsafeBufferPointer { BinnedFeatures.fewDistinct($0, limit: 255) }
        #expect(found == [-5, 0, 1e-300, 2, 3])
        #expect(values.withUnsafeBufferPointer { BinnedFeatures.fewDistinct($0, limit: 4) } == nil)
        let many = (0..<300).map(Double.init)
        #expect(many.withUnsafeBufferPointer { BinnedFeatures.fewDistinct($0, limit: 255) } == nil)
        #expect(many.withUnsafeBufferPointer { BinnedFeatures.fewDistinct($0, limit: 299) } == nil)
        #expect(many.withUnsafeBufferPointer { BinnedFeatures.fewDistinct($0, limit: 300) } == many)
    }

    @Test("The partition is stable, from a row list or from every row in order")
    func partition() {
        var rng = SeededGenerator(seed: 5)
        let rows = 5000
        let column = (0..<rows).map { _ in UInt8(rng.nextUniform() * 40) }
        let list = (0..<rows).filter { $0 % 3 != 0 }.map(UInt32.init)
        for source in [list, nil] {
            let count = source?.count ?? rows
            var order = source ?? [UInt32](repeating: 0, count: rows)
            var scratch = [UInt32](repeating: 0, count: rows)
            let lefts = source == nil
                ? bk_partition(column, 17, nil, &order, &scratch, 0, count)
                : order.withUnsafeMutableBufferPointer { bk_partition(column, 17, $0.baseAddress, $0.baseAddress, &scratch, 0, count) }
            let rowsIn = source ?? (0..<UInt32(rows)).map { $0 }
            let expectedLeft = rowsIn.filter { column[Int($0)] <= 17 }
            let expectedRight = rowsIn.filter { column[Int($0)] > 17 }
            #expect(lefts == expectedLeft.count)
            #expect(Array(order[0..<lefts]) == expectedLeft)
            #expect(Array(scratch[0..<(count - lefts)]) == expectedRight)
        }
    }

    @Test("Histograms sum each row's gradient, hessian and count into its bins", arguments: [true, false])
    func histogram(withHessian: Bool) {
        var rng = SeededGenerator(seed: 8)
        let rows = 2000, columns = 3, stride = NodeHistograms.stride
        let codes = (0..<(rows * columns)).map { _ in UInt8(rng.nextUniform() * 30) }
        let gradients = (0..<rows).map { _ in Float(rng.nextUniform() - 0.5) }
        let hessians = (0..<rows).map { _ in Float(rng.nextUniform()) }
        let list = (0..<rows).filter { $0 % 5 == 1 || $0 % 7 == 0 }.map(UInt32.init)
        for (source, countRows) in [(list, Int32(1)), (nil, 1), (nil, 0)] {
            var histogram = [HistogramBin](repeating: HistogramBin(), count: columns * stride)
            var expected = histogram
            let selected = source.map { $0.map(Int.init) } ?? Array(0..<rows)
            list.withUnsafeBufferPointer { l in
                bk_histogram(&histogram, stride, codes, columns, source == nil ? nil : l.baseAddress, 0, selected.count,
                             gradients, withHessian ? hessians : nil, countRows)
            }
            for r in selected {
                for f in 0..<columns {
                    let k = f * stride + Int(codes[r * columns + f])
                    expected[k].gradient += Double(gradients[r])
                    if withHessian { expected[k].hessian += Double(hessians[r]) }
                    if countRows != 0 { expected[k].count += 1 }
                }
            }
            for k in histogram.indices {
                #expect(histogram[k].count == expected[k].count)
                #expect(abs(histogram[k].gradient - expected[k].gradient) <= 1e-12)
                #expect(abs(histogram[k].hessian - expected[k].hessian) <= 1e-12)
            }
        }
    }
}

/// Boosting's own tree walk against the forests' row-block walk of the same trees.
@Suite struct BoostedTreeWalkerTests {
    @Test("Leaf sums equal the forests' walk bit for bit, on one thread or several", arguments: [1, 2, 3])
    func matchesForestWalk(threads: Int) throws {
        var rng = SeededGenerator(seed: 12)
        let rows = 6001, columns = 4
        let values = (0..<(rows * columns)).map { _ in rng.nextUniform() * 10 - 5 }
        var y: [Double] = []
        for i in 0..<rows {
            let eta: Double = 0.3 * values[i * columns] - 0.2 * values[i * columns + 1]
            y.append(Double(rng.nextPoisson(mean: exp(eta))))
        }
        let x = Matrix(rows: rows, columns: columns, values: values)
        var model = GradientBoostingRegressor(loss: .poisson, maxIterations: 7, maxLeafNodes: 9, earlyStopping: .off)
        try model.fit(x, targets: y)
        // A one-leaf tree as well (a tree with no split).
        let ensemble = try #require(model.ensemble)
        let trees = ensemble.trees + [TreeArrays(features: [-1], thresholds: [0.25], rightChildren: [0], leafProbabilities: [],
                                                 importances: [Double](repeating: 0, count: columns))]
        let reference = ForestEnsemble(trees: trees, featureCount: columns, classes: []).leafSums(x, threads: 1)
        #expect(BoostedTreeWalker.leafSums(trees, x, threads: threads) == reference)
        let few = Matrix(rows: 3, columns: columns, values: Array(values.prefix(3 * columns)))
        #expect(BoostedTreeWalker.leafSums(trees, few, threads: threads) == Array(reference.prefix(3)))
    }
}
