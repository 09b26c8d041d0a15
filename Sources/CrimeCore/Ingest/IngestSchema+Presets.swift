/// The portal presets.
extension IngestSchema {
    /// City of Chicago, "Crimes - 2001 to Present".
    public static let chicago = IngestSchema(
        name: "chicago", zone: "America/Chicago",
        timeColumns: ["Date"], timeFormat: "MM/dd/yyyy hh:mm:ss a",
        idColumns: ["ID"], latitudeColumns: ["Latitude"], longitudeColumns: ["Longitude"],
        categoryColumns: ["Primary Type"], categoryMapping: .chicago,
        extraColumns: ["Community Area", "District", "Beat"])

    /// LAPD, "Crime Data from 2020 to Present": the date from `DATE OCC` (its time part, always
    /// midnight, is ignored) and the time from `TIME OCC` as HHMM; `LAT`/`LON` of 0 mean unknown.
    public static let lapd = IngestSchema(
        name: "lapd", zone: "America/Los_Angeles",
        timeColumns: ["DATE OCC"], timeFormat: "MM/dd/yyyy hh:mm:ss a",
        timeOfDayColumns: ["TIME OCC"], timeOfDayFormat: "HHmm",
        idColumns: ["DR_NO"], latitudeColumns: ["LAT"], longitudeColumns: ["LON"],
        categoryColumns: ["Crm Cd Desc"], categoryMapping: .lapd,
        extraColumns: ["AREA NAME", "Rpt Dist No"])

    /// NYPD Complaint Data Historic: the start of the complaint, `CMPLNT_FR_DT` + `CMPLNT_FR_TM`.
    public static let nypd = IngestSchema(
        name: "nypd", zone: "America/New_York",
        timeColumns: ["CMPLNT_FR_DT"], timeFormat: "MM/dd/yyyy",
        timeOfDayColumns: ["CMPLNT_FR_TM"], timeOfDayFormat: "HH:mm:ss",
        idColumns: ["CMPLNT_NUM"], latitudeColumns: ["Latitude"], longitudeColumns: ["Longitude"],
        categoryColumns: ["OFNS_DESC"], categoryMapping: .nypd,
        extraColumns: ["ADDR_PCT_CD", "LAW_CAT_CD", "BORO_NM"])

    /// Philadelphia crime incidents: `lat`/`lng`, or `point_y`/`point_x` where those are empty.
    public static let philadelphia = IngestSchema(
        name: "philadelphia", zone: "America/New_York",
        timeColumns: ["dispatch_date_time"], timeFormat: "yyyy-MM-dd HH:mm:ss",
        idColumns: ["dc_key", "objectid"], latitudeColumns: ["lat", "point_y"], longitudeColumns: ["lng", "point_x"],
        categoryColumns: ["text_general_code"], categoryMapping: .philadelphia,
        extraColumns: ["dc_dist", "psa"])

    /// Baltimore Part 1 crime (`CrimeDateTime` like `2023/01/01 05:00:00+00`).
    public static let baltimore = IngestSchema(
        name: "baltimore", zone: "America/New_York",
        timeColumns: ["CrimeDateTime"], timeFormat: "yyyy/MM/dd HH:mm:ss",
        idColumns: ["CCNumber", "RowID"], latitudeColumns: ["Latitude"], longitudeColumns: ["Longitude"],
        categoryColumns: ["Description"], categoryMapping: .baltimore,
        extraColumns: ["District"])

    /// LVMPD calls for service, a GeoJSON FeatureCollection of points (the location is the geometry).
    ///
    /// The property names are the defaults of LVMPD's ArcGIS "Calls For Service" layers as far as they
    /// could be confirmed (`Event_Number`); the time and type names are documented defaults
    /// (`Incident_Date` or `Event_Date`; `Type_Description` or `Classification`; extras `Sector`, `Beat`).
    /// A time property holding a number is read as ArcGIS epoch milliseconds.
    public static let lvmpd = IngestSchema(
        name: "lvmpd", zone: "America/Los_Angeles",
        timeColumns: ["Incident_Date", "Event_Date"], timeFormat: "yyyy-MM-dd HH:mm:ss",
        idColumns: ["Event_Number", "OBJECTID"], latitudeColumns: [], longitudeColumns: [],
        categoryColumns: ["Type_Description", "Classification"], categoryMapping: .lvmpd,
        extraColumns: ["Sector", "Beat"])

    /// Every preset, in a fixed order.
    public static let presets: [IngestSchema] = [.chicago, .lapd, .nypd, .philadelphia, .baltimore, .lvmpd]

    /// The preset with this name; throws ``IngestError/unknownSchema(name:known:)`` listing the known names.
    public static func named(_ name: String) throws -> IngestSchema {
        guard let preset = presets.first(where: { $0.name == name.lowercased() }) else {
            throw IngestError.unknownSchema(name: name, known: presets.map(\.name))
        }
        return preset
    }
}
