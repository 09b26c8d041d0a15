import CrimeCore
import CrimeGeo
import Foundation

/// Reads `lat,lng` CSV (other columns ignored) a block of lines at a time, so memory stays flat.
struct PointCSV {
    /// Errors naming the input, row (1-based line number) or column.
    enum InputError: Error, CustomStringConvertible {
        case missingColumn(source: String, column: String)
        case badValue(source: String, line: Int, column: String, value: String)
        case outOfRange(source: String, line: Int, latitude: Double, longitude: Double)
        case unclosedQuote(source: String, line: Int)

        var description: String {
            switch self {
            case let .missingColumn(s, c): return "\(s): the header has no '\(c)' column"
            case let .badValue(s, l, c, v): return "\(s), line \(l): \(c) '\(v)' is not a number"
            case let .outOfRange(s, l, lat, lng):
                return "\(s), line \(l): (\(lat), \(lng)) is outside latitude ±90, longitude ±180"
            case let .unclosedQuote(s, l): return "\(s), line \(l): a quoted field is not closed before the line ends"
            }
        }
    }

    private let reader: LineBlockReader
    private let source: String
    private let latColumn: Int
    private let lngColumn: Int
    private let scanner = CSVRecordScanner.lineScanner()
    /// The block holding the header, whose other lines are the first rows.
    private var first: LineBlockReader.Block?

    /// Reads the header (the first line) from `reader`; `source` names the input in errors.
    init(_ reader: LineBlockReader, source: String) throws {
        self.reader = reader
        self.source = source
        guard let block = try reader.next(), let line = block.lines.first else {
            throw InputError.missingColumn(source: source, column: "lat")
        }
        guard let fields = CSVLineFields(block.bytes, line: line, scanner: scanner) else {
            throw InputError.unclosedQuote(source: source, line: 1)
        }
        let header = fields.texts.map { $0.lowercased() }
        guard let lat = header.firstIndex(of: "lat") else { throw InputError.missingColumn(source: source, column: "lat") }
        guard let lng = header.firstIndex(of: "lng") else { throw InputError.missingColumn(source: source, column: "lng") }
        latColumn = lat
        lngColumn = lng
        first = block
    }

    /// Latitudes and longitudes of the next block's non-empty rows; nil at the end of the input. A value
    /// that is not a number, or a point outside ±90/±180, is an error naming its line.
    mutating func next() throws -> (latitudes: [Double], longitudes: [Double])? {
        let skip = first == nil ? 0 : 1
        guard let block = try first ?? reader.next() else { return nil }
        first = nil
        var lats: [Double] = [], lngs: [Double] = []
        lats.reserveCapacity(block.lines.count)
        lngs.reserveCapacity(block.lines.count)
        for (k, line) in block.lines.enumerated().dropFirst(skip) where !line.isEmpty {
            let number = block.firstLineNumber + k
            guard let fields = CSVLineFields(block.bytes, line: line, scanner: scanner) else {
                throw InputError.unclosedQuote(source: source, line: number)
            }
            func value(_ column: Int, _ name: String) throws -> Double {
                let raw = fields.text(column)
                guard let v = Double(raw), v.isFinite else {
                    throw InputError.badValue(source: source, line: number, column: name, value: raw)
                }
                return v
            }
            let lat = try value(latColumn, "lat"), lng = try value(lngColumn, "lng")
            guard GeoPoint(latitude: lat, longitude: lng).isValid else {
                throw InputError.outOfRange(source: source, line: number, latitude: lat, longitude: lng)
            }
            lats.append(lat)
            lngs.append(lng)
        }
        return (lats, lngs)
    }
}
