import CrimeTestSupport
import Testing
@testable import CrimeCore

struct MatrixFixture: Decodable {
    struct M: Decodable { let rows: Int; let columns: Int; let values: [Double] }
    let a: M, b: M
    let v: [Double], ab: [Double], gram: [Double], av: [Double]
    let fa: [Float], fb: [Float], fafb: [Float]
}

private func close(_ x: [Double], _ y: [Double], tolerance: Double = 1e-12) -> Bool {
    x.count == y.count && zip(x, y).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
}

@Suite struct MatrixTests {
    let fixture: MatrixFixture
    init() throws { fixture = try Fixtures.json(MatrixFixture.self, "core", "matrix_fixture.json") }

    @Test func productsMatchNumpy() throws {
        let a = try Matrix(rows: fixture.a.rows, columns: fixture.a.columns, checking: fixture.a.values)
        let b = try Matrix(rows: fixture.b.rows, columns: fixture.b.columns, checking: fixture.b.values)
        #expect(close(try a.multiplied(by: b).values, fixture.ab))
        #expect(close(try a.gram().values, fixture.gram))
        #expect(close(try a.multiplied(by: fixture.v), fixture.av))
    }

    @Test func floatTensorProductMatchesNumpy() throws {
        let a = try Tensor(shape: [3, 6], values: fixture.fa)
        let b = try Tensor(shape: [6, 2], values: fixture.fb)
        let c = try a.matmul(b)
        #expect(c.shape == [3, 2])
        #expect(zip(c.storage, fixture.fafb).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) })
    }

    @Test func shapeErrorsAreTyped() throws {
        let bad = Matrix(rows: 2, columns: 2, values: [1, 2, 3])
        #expect(throws: MatrixError.valueCountMismatch(rows: 2, columns: 2, count: 3)) { try bad.validate() }
        let a = Matrix(rows: 2, columns: 3, repeating: 1)
        #expect(throws: MatrixError.self) { try a.multiplied(by: a) }
        #expect(throws: MatrixError.raggedRow(row: 1, expected: 2, got: 1)) { try Matrix(rowVectors: [[1, 2], [3]]) }
        #expect(throws: MatrixError.self) { try Tensor(shape: [2, 2], values: [1]) }
        #expect(throws: MatrixError.indexOutOfRange(index: 5, count: 2)) { try a.selectingRows([5]) }
    }

    @Test func indexingAndTranspose() throws {
        var m = Matrix(rows: 2, columns: 3, values: [1, 2, 3, 4, 5, 6])
        #expect(m[1, 2] == 6)
        m[0, 1] = 9
        #expect(m.row(0) == [1, 9, 3])
        #expect(m.column(2) == [3, 6])
        #expect(m.transposed().values == [1, 4, 9, 5, 3, 6])
        var t = try Tensor(shape: [2, 3, 4])
        t[1, 2, 3] = 7
        #expect(t.storage[23] == 7)
        #expect(t.strides == [12, 4, 1])
    }
}
