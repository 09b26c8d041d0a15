import Testing
import CrimeCore
@testable import CrimeGeo

@Suite("H3 index bits, strings and typed errors")
struct H3IndexTests {
    @Test("Bit fields of a known resolution-8 cell (Las Vegas example from the H3 docs)")
    func bits() throws {
        let h = try H3Index("882a100d25fffff")
        #expect(h.rawValue == 0x882a100d25fffff)
        #expect(h.resolution == 8)
        #expect(h.baseCell == 21)
        #expect(!h.isPentagon)
        #expect(h.description == "882a100d25fffff")
        #expect(H3.h3ToString(try H3.stringToH3("882A100D25FFFFF")) == "882a100d25fffff")
        #expect(CellID(h.rawValue) == h.cellID)
    }

    @Test("isValidCell rejects bad mode, unused digits, digit 7 and a deleted pentagon sub-sequence")
    func validity() {
        #expect(H3Index(rawValue: 0x882a100d25fffff).isValid)
        #expect(!H3Index(rawValue: 0).isValid)
        #expect(!H3Index(rawValue: 0x982a100d25fffff).isValid)   // mode 3
        #expect(!H3Index(rawValue: 0x882a100d25ffff0).isValid)   // digit after resolution not 7
        #expect(!H3Index(rawValue: 0x882a100d2ffffff).isValid)   // digit 7 inside the resolution
        #expect(H3Index(rawValue: 0x80f3fffffffffff).isValid)    // base cell 121 is the last…
        #expect(!H3Index(rawValue: 0x80f5fffffffffff).isValid)   // …base cell 122 is not
        #expect(!H3Index(rawValue: 0x81087ffffffffff).isValid)   // pentagon 4 with leading digit 1
        #expect(H3Index(rawValue: 0x81083ffffffffff).isValid)    // pentagon 4 centre child
        #expect(H3Index(rawValue: 0x8108bffffffffff).isValid)    // pentagon 4, digit 2
    }

    @Test("Typed errors for bad coordinates, resolutions, strings and cells")
    func errors() {
        #expect(throws: H3Error.latitudeOutOfRange(91)) { try H3.latLngToCell(latitude: 91, longitude: 0, resolution: 5) }
        #expect(throws: H3Error.self) { try H3.latLngToCell(latitude: .nan, longitude: 0, resolution: 5) }
        #expect(throws: H3Error.longitudeOutOfRange(-.infinity)) {
            try H3.latLngToCell(latitude: 0, longitude: -.infinity, resolution: 5)
        }
        #expect(throws: H3Error.resolutionOutOfRange(16)) { try H3.latLngToCell(latitude: 0, longitude: 0, resolution: 16) }
        #expect(throws: H3Error.invalidString("zzz")) { try H3Index("zzz") }
        #expect(throws: H3Error.invalidString("882a100d2ffffff")) { try H3Index("882a100d2ffffff") }
        #expect(throws: H3Error.invalidString("")) { try H3Index("") }
        #expect(throws: H3Error.invalidCell(0)) { try H3.cellToLatLng(H3Index(rawValue: 0)) }
        #expect(throws: H3Error.resolutionMismatch(cell: 8, requested: 9)) {
            try H3.cellToParent(H3Index(rawValue: 0x882a100d25fffff), resolution: 9)
        }
        #expect(throws: H3Error.negativeDistance(-1)) { try H3.gridDisk(H3Index(rawValue: 0x882a100d25fffff), -1) }
        #expect(throws: H3Error.resolutionOutOfRange(16)) { try H3Grid(resolution: 16) }
        #expect(H3Error.longitudeOutOfRange(.infinity).description.contains("longitude inf"))
    }
}
