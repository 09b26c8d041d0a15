import CrimeCore
/// Writes one synthetic incident as a row of the 22 Chicago columns, straight into a `ByteWriter`.
///
/// Every constant text (offence codes, streets, places, `Updated On`) is CSV-encoded once; numbers and
/// dates are formatted byte by byte. Beat, District, Ward and Community Area are synthetic codes derived
/// from the raster position: District 1–25 from 20 × 20-cell blocks, Beat = district × 100 + one of 16
/// 5 × 5-cell blocks inside it, Ward 1–50 from 20 × 10-cell blocks, Community Area 1–100 from 10 × 10-cell
/// blocks. `X Coordinate`/`Y Coordinate` (State Plane feet) are left empty.
struct ChicagoRowWriter {
    /// One offence's fixed fields, CSV-encoded.
    private struct OffenseFields {
        let iucr: [UInt8], primaryType: [UInt8], description: [UInt8], fbiCode: [UInt8]
    }

    private let offenses: [OffenseFields]
    private let streets: [[UInt8]]
    private let places: [[UInt8]]
    private let updatedOn: [UInt8]
    private let trueText = Array("true".utf8), falseText = Array("false".utf8)

    /// Creates a writer whose rows carry `updatedOn` in the `Updated On` column.
    init(updatedOn: String) {
        offenses = SyntheticOffense.all.map {
            OffenseFields(iucr: ByteWriter.csvField($0.iucr), primaryType: ByteWriter.csvField($0.primaryType),
                          description: ByteWriter.csvField($0.description), fbiCode: ByteWriter.csvField($0.fbiCode))
        }
        streets = ["MADISON ST", "STATE ST", "HALSTED ST", "ASHLAND AVE", "WESTERN AVE", "CICERO AVE", "PULASKI RD"]
            .map { ByteWriter.csvField(" W " + $0) }
        places = ["STREET", "APARTMENT", "RESIDENCE", "SIDEWALK", "RESTAURANT", "PARKING LOT / GARAGE (NON RESIDENTIAL)"]
            .map(ByteWriter.csvField)
        self.updatedOn = ByteWriter.csvField(updatedOn)
    }

    /// Writes row `index` (the `ID` is 20,000,000 + index) of an event of offence `offense`
    /// (an index into `SyntheticOffense.all`) at local wall seconds `wall` and raster cell (`row`, `column`);
    /// coordinates only when `located`.
    func write(into out: inout ByteWriter, index i: Int, offense: Int, wall: Int64, row: Int, column: Int,
               latitude: Double, longitude: Double, located: Bool) throws {
        let comma: UInt8 = 44
        let fields = offenses[offense]
        out.write(20_000_000 + i); out.write(byte: comma)
        out.write(byte: 74); out.write(byte: 75); out.write(100_000 + i); out.write(byte: comma)
        writeDate(into: &out, wall: wall); out.write(byte: comma)
        out.write(column, width: 3); out.write(byte: 88); out.write(byte: 88); out.write(streets[row % streets.count])
        out.write(byte: comma)
        out.write(fields.iucr); out.write(byte: comma)
        out.write(fields.primaryType); out.write(byte: comma)
        out.write(fields.description); out.write(byte: comma)
        out.write(places[i % places.count]); out.write(byte: comma)
        writeBool(into: &out, i % 7 == 0); out.write(byte: comma)
        writeBool(into: &out, i % 11 == 0); out.write(byte: comma)
        let district = 1 + (row / 20) * 5 + column / 20
        out.write(district * 100 + (row % 20) / 5 * 4 + (column % 20) / 5 + 1, width: 4); out.write(byte: comma)
        out.write(district); out.write(byte: comma)
        out.write(1 + (row / 20) * 10 + column / 10); out.write(byte: comma)
        out.write(1 + (row / 10) * 10 + column / 10); out.write(byte: comma)
        out.write(fields.fbiCode); out.write(byte: comma)
        out.write(byte: comma)
        out.write(byte: comma)
        out.write(CivilDate.date(dayNumber: CivilDate.split(wallSeconds: wall).day).year); out.write(byte: comma)
        out.write(updatedOn); out.write(byte: comma)
        if located {
            out.writeNineDecimals(latitude); out.write(byte: comma)
            out.writeNineDecimals(longitude); out.write(byte: comma)
            out.write(byte: 34); out.write(byte: 40)
            out.writeNineDecimals(latitude); out.write(byte: comma); out.write(byte: 32)
            out.writeNineDecimals(longitude)
            out.write(byte: 41); out.write(byte: 34)
        } else {
            out.write(byte: comma); out.write(byte: comma)
        }
        try out.endRow()
    }

    /// `MM/dd/yyyy hh:mm:ss AM|PM` of local wall seconds.
    private func writeDate(into out: inout ByteWriter, wall: Int64) {
        let (day, second) = CivilDate.split(wallSeconds: wall)
        let (y, m, d) = CivilDate.date(dayNumber: day)
        let hour = second / 3600
        out.write(m, width: 2); out.write(byte: 47); out.write(d, width: 2); out.write(byte: 47); out.write(y, width: 4)
        out.write(byte: 32)
        out.write(hour % 12 == 0 ? 12 : hour % 12, width: 2); out.write(byte: 58)
        out.write(second / 60 % 60, width: 2); out.write(byte: 58); out.write(second % 60, width: 2)
        out.write(byte: 32); out.write(byte: hour < 12 ? 65 : 80); out.write(byte: 77)
    }

    private func writeBool(into out: inout ByteWriter, _ value: Bool) {
        out.write(value ? trueText : falseText)
    }
}
