import Foundation

/// User-defined column mappings, read from JSON.
///
/// ```json
/// {"time": ["When"], "format": "yyyy-MM-dd HH:mm", "zone": "Europe/London",
///  "latitude": "lat", "longitude": "lon", "category": "type", "id": "ref", "extras": ["ward"]}
/// ```
///
/// Column keys take one name or a list of candidates. Optional keys: `id` (ids are empty without it),
/// `time_of_day` + `time_of_day_format`, `extras`, `placeholders` (`[[lat, lon], …]`), `name`, and
/// `categories`: the name of a category mapping preset (`chicago`, `lapd`, `nypd`, `philadelphia`,
/// `baltimore`, `lvmpd`) or `keywords` (the default, generic keyword rules).
extension IngestSchema {
    private struct Mapping: Decodable {
        var name: String?
        var zone: String
        var time: Names
        var format: String
        var timeOfDay: Names?
        var timeOfDayFormat: String?
        var id: Names?
        var latitude: Names
        var longitude: Names
        var category: Names
        var categories: String?
        var extras: [String]?
        var placeholders: [[Double]]?

        enum CodingKeys: String, CodingKey {
            case name, zone, time, format, id, latitude, longitude, category, categories, extras, placeholders
            case timeOfDay = "time_of_day"
            case timeOfDayFormat = "time_of_day_format"
        }
    }

    /// One column name or a list of candidates.
    private struct Names: Decodable {
        var list: [String]
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) { list = [one] } else { list = try container.decode([String].self) }
        }
    }

    /// Reads a column mapping from a JSON file; throws ``IngestError/badMapping(file:reason:)`` when it
    /// cannot be decoded, names an unknown zone, or has a bad time format.
    public init(mappingFile url: URL) throws {
        let path = url.path
        let data: Data
        do throws(InputFileError) { data = try InputFile.read(url) } catch {
            throw IngestError.unreadable(file: path, reason: error.reason)
        }
        let m: Mapping
        do { m = try JSONDecoder().decode(Mapping.self, from: data) } catch {
            throw IngestError.badMapping(file: path, reason: IngestSchema.explain(error, in: data))
        }
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
           let unknown = object.keys.sorted().first(where: { !Self.mappingKeys.contains($0) }) {
            throw IngestError.badMapping(file: path, reason: "unknown key '\(unknown)'; the keys are "
                                         + Self.mappingKeys.sorted().joined(separator: ", "))
        }
        let categories = m.categories ?? "keywords"
        let mapping: CategoryMapping
        if categories == "keywords" {
            mapping = .keywords
        } else if let preset = IngestSchema.presets.first(where: { $0.name == categories }) {
            mapping = preset.categoryMapping
        } else {
            throw IngestError.badMapping(file: path, reason: "unknown category mapping '\(categories)'; use keywords or "
                                         + IngestSchema.presets.map(\.name).joined(separator: ", "))
        }
        var points: [GeoPoint] = []
        for pair in m.placeholders ?? [] {
            guard pair.count == 2 else {
                throw IngestError.badMapping(file: path, reason: "a placeholder must be [latitude, longitude]")
            }
            points.append(GeoPoint(latitude: pair[0], longitude: pair[1]))
        }
        guard m.latitude.list.count == m.longitude.list.count else {
            throw IngestError.badMapping(file: path, reason: "latitude and longitude need the same number of candidates")
        }
        self.init(name: m.name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
                  zone: m.zone, timeColumns: m.time.list, timeFormat: m.format,
                  timeOfDayColumns: m.timeOfDay?.list ?? [], timeOfDayFormat: m.timeOfDayFormat ?? "HH:mm:ss",
                  idColumns: m.id?.list ?? [], latitudeColumns: m.latitude.list, longitudeColumns: m.longitude.list,
                  placeholders: points, categoryColumns: m.category.list, categoryMapping: mapping,
                  extraColumns: m.extras ?? [])
        do {
            _ = try ZoneClock(identifier: zone)
            _ = try TimestampFormat(timeFormat)
            _ = try TimestampFormat(timeOfDayFormat)
        } catch {
            throw IngestError.badMapping(file: path, reason: "\(error)")
        }
    }

    /// Every key a column mapping may hold.
    public static let mappingKeys: Set<String> = ["name", "zone", "time", "format", "time_of_day", "time_of_day_format", "id",
                                                  "latitude", "longitude", "category", "categories", "extras", "placeholders"]

    /// A column mapping when the argument names an existing file (whatever its extension) or ends in
    /// `.json`; otherwise a preset by name.
    public static func resolve(_ nameOrPath: String) throws -> IngestSchema {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: nameOrPath, isDirectory: &isDirectory), !isDirectory.boolValue {
            return try IngestSchema(mappingFile: URL(fileURLWithPath: nameOrPath))
        }
        if presets.contains(where: { $0.name == nameOrPath.lowercased() }) { return try named(nameOrPath) }
        if nameOrPath.lowercased().hasSuffix(".json") { return try IngestSchema(mappingFile: URL(fileURLWithPath: nameOrPath)) }
        return try named(nameOrPath)
    }

    private static func explain(_ error: Error, in data: Data) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, _): return "missing key '\(key.stringValue)'"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case let DecodingError.dataCorrupted(context):
            guard let syntax = context.underlyingError else {
                return "bad value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)"
            }
            return "not valid JSON: " + JSONProblem.describe(syntax, in: data)
        default: return "\(error)"
        }
    }
}

extension CategoryMapping {
    /// Generic keyword rules for extracts without a preset: the common offence words of English-speaking
    /// portals (US, Canadian, British, Australian usage). Rules are tried in order, so the vehicle-theft
    /// phrases come before plain theft, and "theft from a vehicle" stays theft.
    ///
    /// | category | phrases |
    /// | --- | --- |
    /// | homicide | homicide, murder, manslaughter |
    /// | robbery | robbery, mugging, hold-up |
    /// | burglary | burglary, break and enter, breaking and entering, B&E, B & E, housebreaking |
    /// | motor-vehicle theft | motor vehicle theft, auto theft, stolen vehicle, vehicle - stolen, theft of motor vehicle, theft of vehicle, vehicle crime, car theft, grand theft auto, taking without consent |
    /// | assault | assault, battery, rape, wounding, grievous bodily harm |
    /// | theft | theft from (motor) vehicle, larceny, theft (theft over, theft under, grand theft, petty theft), shoplifting, pickpocketing |
    public static let keywords = CategoryMapping(table: [:], rules: [
        Rule("HOMICIDE", .homicide), Rule("MURDER", .homicide), Rule("MANSLAUGHTER", .homicide),
        Rule("ROBBERY", .robbery), Rule("MUGGING", .robbery), Rule("HOLD-UP", .robbery),
        Rule("BURGLARY", .burglary), Rule("BREAK AND ENTER", .burglary), Rule("BREAKING AND ENTERING", .burglary),
        Rule("B&E", .burglary), Rule("B & E", .burglary), Rule("HOUSEBREAKING", .burglary),
        Rule("THEFT FROM MOTOR VEHICLE", .theft), Rule("THEFT FROM VEHICLE", .theft),
        Rule("MOTOR VEHICLE THEFT", .motorVehicleTheft), Rule("AUTO THEFT", .motorVehicleTheft),
        Rule("STOLEN VEHICLE", .motorVehicleTheft), Rule("VEHICLE - STOLEN", .motorVehicleTheft),
        Rule("THEFT OF MOTOR VEHICLE", .motorVehicleTheft), Rule("THEFT OF VEHICLE", .motorVehicleTheft),
        Rule("VEHICLE CRIME", .motorVehicleTheft), Rule("CAR THEFT", .motorVehicleTheft),
        Rule("GRAND THEFT AUTO", .motorVehicleTheft), Rule("TAKING WITHOUT CONSENT", .motorVehicleTheft),
        Rule("ASSAULT", .assault), Rule("BATTERY", .assault), Rule("RAPE", .assault), Rule("WOUNDING", .assault),
        Rule("GRIEVOUS BODILY HARM", .assault),
        Rule("LARCENY", .theft), Rule("THEFT", .theft), Rule("SHOPLIFT", .theft), Rule("PICKPOCKET", .theft),
    ])
}
