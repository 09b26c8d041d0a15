import Foundation

/// Reads dBASE III `.dbf` attribute tables: C (text), N and F (number), L (logical) and D (date,
/// kept as `YYYY-MM-DD` text) fields; other field types are kept as trimmed text. Blank numbers,
/// `?` logicals and blank or all-zero dates are null.
public enum DBaseReader {
    /// One field descriptor.
    public struct Field: Sendable, Hashable {
        /// The field name.
        public var name: String
        /// The type letter (C, N, F, L, D, …).
        public var type: Character
        /// Width in bytes.
        public var length: Int
    }

    /// A whole `.dbf`: its field descriptors and one attribute dictionary per record.
    public struct Table: Sendable, Hashable {
        /// The field descriptors, in file order.
        public var fields: [Field]
        /// Every record's values by field name, in file order.
        public var records: [[String: AttributeValue]]
    }

    /// Reads the field descriptors and every record, deleted-flagged ones included, so that record
    /// numbers stay aligned with the `.shp`'s shapes. A header whose record count and record length
    /// need more bytes than the file holds is ``GeometryReadError/badHeader(file:detail:)``.
    public static func read(_ url: URL) throws -> Table {
        let path = url.path
        let r = try BinaryReader(path: path)
        try r.need(0, 32, record: nil, what: "the 32-byte header")
        let count = Int(r.uint32LE(4))
        let headerLength = r.uint16LE(8)
        let recordLength = r.uint16LE(10)
        try r.need(0, headerLength, record: nil, what: "the field descriptors")
        var fields: [Field] = []
        var o = 32
        while o + 32 <= headerLength, r.bytes[o] != 0x0D {
            let nameBytes = r.bytes[o..<(o + 11)].prefix { $0 != 0 }
            fields.append(Field(name: String(decoding: nameBytes, as: UTF8.self).trimmingCharacters(in: .whitespaces),
                                type: Character(UnicodeScalar(r.bytes[o + 11])), length: Int(r.bytes[o + 16])))
            o += 32
        }
        guard 1 + fields.reduce(0, { $0 + $1.length }) <= recordLength else {
            throw GeometryReadError.badHeader(file: path, detail: "fields are wider than the record length \(recordLength)")
        }
        // Every declared record must fit in the file before any space is set aside for them.
        let (declared, overflow) = count.multipliedReportingOverflow(by: recordLength)
        guard !overflow, declared <= r.bytes.count - headerLength else {
            throw GeometryReadError.badHeader(file: path, detail: "the header declares \(count) records of \(recordLength) bytes, "
                                              + "more than the \(r.bytes.count - headerLength) bytes after the header hold")
        }
        var records: [[String: AttributeValue]] = []
        records.reserveCapacity(count)
        for k in 0..<count {
            let start = headerLength + k * recordLength
            try r.need(start, recordLength, record: k, what: "dBASE record")
            var values: [String: AttributeValue] = [:]
            var f = start + 1
            for field in fields {
                values[field.name] = value(r.bytes[f..<(f + field.length)], type: field.type)
                f += field.length
            }
            records.append(values)
        }
        return Table(fields: fields, records: records)
    }

    private static func value(_ raw: ArraySlice<UInt8>, type: Character) -> AttributeValue {
        let text = decode(raw).trimmingCharacters(in: .whitespaces)
        switch type {
        case "N", "F":
            guard !text.isEmpty, let v = Double(text) else { return .null }
            return .number(v)
        case "L":
            switch text.uppercased() {
            case "T", "Y": return .bool(true)
            case "F", "N": return .bool(false)
            default: return .null
            }
        case "D":
            // A blank or all-zero date (as pyshp writes for None) is null.
            if text.isEmpty || text.allSatisfy({ $0 == "0" }) { return .null }
            guard text.count == 8, Int(text) != nil else { return .text(text) }
            let s = Array(text)
            return .text("\(String(s[0..<4]))-\(String(s[4..<6]))-\(String(s[6..<8]))")
        default:
            return .text(text)
        }
    }

    /// UTF-8 when valid, otherwise Latin-1 (the usual code page of older files).
    private static func decode(_ raw: ArraySlice<UInt8>) -> String {
        let trimmed = raw.prefix { $0 != 0 }
        if let s = String(validating: trimmed, as: UTF8.self) { return s }
        return String(trimmed.map { Character(UnicodeScalar($0)) })
    }
}
