import CrimeCore
@testable import CrimeModels
import Testing

/// Counts a saved model declares are checked before anything is sized from them: a gradient-boosting
/// payload claiming 4 billion features and a matrix whose shape overflows `Int` are corrupt payloads.
@Suite struct ArchiveBoundTests {
    @Test func aBoostingPayloadClaimingBillionsOfFeaturesIsCorrupt() throws {
        // The documented payload, field by field, of a model with no trees and UInt32.max features.
        var w = ArchiveWriter()
        w.write("squared_error")
        w.write(0.1)
        w.write(UInt32(100))
        w.write(Int32(31))
        w.write(Int32(-1))
        w.write(UInt32(20))
        w.write(0.0)
        w.write(UInt16(255))
        w.write("off")
        w.write(0.1)
        w.write(UInt32(10))
        w.write(1e-7)
        w.write(UInt64(0))
        w.write(Int32(-1))
        w.write(2.5)
        w.write([Double]())
        w.write(UInt32.max)
        w.write(UInt32(0))
        var reader = ArchiveReader(bytes: w.bytes, path: "huge.ckm")
        #expect(throws: ArchiveError.corruptPayload(path: "huge.ckm",
                                                    reason: "4294967295 features, more than the 16777216 a saved model may have")) {
            try GradientBoostingRegressor.decodePayload(from: &reader)
        }
    }

    @Test func aMatrixShapeWhoseProductOverflowsIsCorrupt() throws {
        var w = ArchiveWriter()
        w.write(Int64.max / 2)
        w.write(Int64(3))
        w.write([1.0, 2.0, 3.0])
        var reader = ArchiveReader(bytes: w.bytes, path: "m.ckm")
        #expect(throws: ArchiveError.corruptPayload(path: "m.ckm", reason: "a 4611686018427387903 × 3 matrix with 3 values")) {
            try reader.readMatrix()
        }
    }
}
