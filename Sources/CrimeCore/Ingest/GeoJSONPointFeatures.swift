import Foundation

/// The parts of a GeoJSON FeatureCollection that point ingest uses, read in one streaming pass: each
/// feature's location and the values of the properties the schema might name, plus every property key
/// seen. Memory is these values, not the document.
struct GeoJSONPointFeatures {
    /// A property value as point ingest reads it.
    enum Value {
        case text(String)
        case number(Double)
        case bool(Bool)
        /// Absent, null, an array or an object.
        case none
    }

    /// The property keys whose values are kept, in a fixed order.
    let candidates: [String]
    /// Every property key of every feature.
    private(set) var keys: Set<String> = []
    /// Each feature's location, in file order.
    private(set) var locations: [ChunkBuilder.LocationSource] = []
    /// `candidates.count` values per feature, in file order.
    private(set) var values: [Value] = []
    /// The root's `type`, when it is a string.
    private(set) var rootType: String?
    /// Whether the root's `features` member is an array.
    private(set) var hasFeatureArray = false

    /// How many features were read.
    var count: Int { locations.count }

    /// The value of `candidates[slot]` in feature `feature`.
    func value(feature: Int, slot: Int) -> Value { values[feature * candidates.count + slot] }

    /// Reads the document from `parser`; throws `JSONSyntaxError`, or `notObject` when the root is not
    /// an object.
    init(parser: JSONPullParser, candidates: [String]) throws {
        self.candidates = candidates
        guard try parser.peekKind() == .object else {
            try parser.skipValue()
            try parser.finish()
            return
        }
        try parser.beginObject()
        while let key = try parser.nextKey() {
            switch key {
            case "type": rootType = try parser.readValue().string
            case "features" where try parser.peekKind() == .array:
                keys = []
                locations = []
                values = []
                hasFeatureArray = true
                try parser.beginArray()
                while try parser.nextElement() { try readFeature(parser) }
            case "features":
                hasFeatureArray = false
                try parser.skipValue()
            default: try parser.skipValue()
            }
        }
        try parser.finish()
    }

    /// One element of `features`: a non-object counts as a feature with no geometry or properties.
    private mutating func readFeature(_ parser: JSONPullParser) throws {
        var slots = [Value](repeating: .none, count: candidates.count)
        var featureKeys: [String] = []
        var location = ChunkBuilder.LocationSource.missing
        if try parser.peekKind() == .object {
            try parser.beginObject()
            while let key = try parser.nextKey() {
                switch key {
                case "properties":
                    slots = [Value](repeating: .none, count: candidates.count)
                    featureKeys = []
                    guard try parser.peekKind() == .object else { try parser.skipValue(); continue }
                    try parser.beginObject()
                    while let name = try parser.nextKey() {
                        featureKeys.append(name)
                        guard let slot = candidates.firstIndex(of: name) else { try parser.skipValue(); continue }
                        slots[slot] = Self.value(try parser.readValue())
                    }
                case "geometry": location = Self.location(try parser.readValue())
                default: try parser.skipValue()
                }
            }
        } else {
            try parser.skipValue()
        }
        keys.formUnion(featureKeys)
        locations.append(location)
        values.append(contentsOf: slots)
    }

    private static func value(_ json: StreamedJSON) -> Value {
        switch json {
        case .string(let s): return .text(s)
        case .number(let d, _): return .number(d)
        case .bool(let b): return .bool(b)
        case .null, .array, .object: return .none
        }
    }

    /// A Point's `[longitude, latitude]`; a missing or empty geometry is missing, another geometry type
    /// or coordinates that are not numbers (booleans read as 1 and 0, as `JSONSerialization` gives
    /// them) are invalid.
    private static func location(_ geometry: StreamedJSON) -> ChunkBuilder.LocationSource {
        guard geometry.object != nil else { return .missing }
        let type = geometry["type"]?.string ?? "none"
        guard type == "Point" else { return .invalid("geometry type \(type)") }
        guard let coordinates = geometry["coordinates"]?.array, !coordinates.isEmpty else { return .missing }
        func number(_ value: StreamedJSON) -> Double? {
            switch value {
            case .number(let d, _): return d
            case .bool(let b): return b ? 1 : 0
            default: return nil
            }
        }
        guard coordinates.count >= 2, let lon = number(coordinates[0]), let lat = number(coordinates[1]) else {
            return .invalid("coordinates \(coordinates.map(\.foundationObject))")
        }
        return .point(lat, lon)
    }
}
