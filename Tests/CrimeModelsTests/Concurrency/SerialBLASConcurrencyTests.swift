import CrimeCore
@testable import CrimeModels
import CrimeTestSupport
import Dispatch
import Foundation
import Testing

/// OLS fits from several threads at once: each gives the coefficients it gives alone, and OpenBLAS's
/// process-wide thread count is what it was once every fit has ended.
@Suite("BLAS from concurrent fits")
struct SerialBLASConcurrencyTests {
    @Test func concurrentOLSFitsMatchSerialOnesAndRestoreTheThreadCount() throws {
        let designs = [OLSLargeDesignTests.design(rows: 3_000, seed: 11), OLSLargeDesignTests.design(rows: 2_000, seed: 12)]
        let names = ["a", "b", "c", "d"]
        let serial = try designs.map { try OLS.fit(design: $0.0, response: $0.1, termNames: names).params }
        // The serial fits agree with the normal equations solved independently.
        for (design, params) in zip(designs, serial) {
            let beta = OLSLargeDesignTests.normalEquations(design.0, design.1).beta
            #expect(zip(beta, params).allSatisfy { abs($0 - $1) < 1e-8 * max(1, abs($0)) })
        }
        let before = SerialBLAS.threadsOutsideSections
        let rounds = 200
        let results = LockedRecorder<(design: Int, params: [Double])>()
        DispatchQueue.concurrentPerform(iterations: rounds) { k in
            let (x, y) = designs[k % 2]
            do {
                results.add((k % 2, try OLS.fit(design: x, response: y, termNames: names).params))
            } catch {
                results.add((k % 2, []))
            }
        }
        let collected = results.values
        #expect(collected.count == rounds)
        #expect(collected.allSatisfy { $0.params == serial[$0.design] })
        #expect(SerialBLAS.threadsOutsideSections == before)
    }

    @Test func nestedAndOverlappingSectionsRestoreTheCountOnce() {
        let before = SerialBLAS.threadsOutsideSections
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            SerialBLAS.run { SerialBLAS.run { } }
        }
        #expect(SerialBLAS.threadsOutsideSections == before)
    }
}
