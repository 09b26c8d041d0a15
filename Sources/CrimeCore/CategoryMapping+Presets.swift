/// The mapping tables of the portals CrimeKit reads.
///
/// The common set follows the FBI's UCR Part I grouping: battery and aggravated assault are
/// assault; sexual assault is assault; theft from a vehicle and shoplifting are theft; a stolen
/// vehicle is motor-vehicle theft; everything else (damage, narcotics, fraud, …) is other.
extension CategoryMapping {
    /// City of Chicago, `Primary Type`.
    public static let chicago = CategoryMapping(table: [
        "ASSAULT": .assault, "BATTERY": .assault,
        "CRIM SEXUAL ASSAULT": .assault, "CRIMINAL SEXUAL ASSAULT": .assault,
        "BURGLARY": .burglary,
        "HOMICIDE": .homicide,
        "MOTOR VEHICLE THEFT": .motorVehicleTheft,
        "ROBBERY": .robbery,
        "THEFT": .theft,
    ])

    /// LAPD, `Crm Cd Desc`: detailed descriptions, matched by keyword.
    public static let lapd = CategoryMapping(table: [
        "VEHICLE - STOLEN": .motorVehicleTheft,
        "VEHICLE - ATTEMPT STOLEN": .motorVehicleTheft,
        "BURGLARY FROM VEHICLE": .theft,
        "BURGLARY FROM VEHICLE, ATTEMPTED": .theft,
        "THEFT FROM MOTOR VEHICLE - PETTY ($950 & UNDER)": .theft,
        "THEFT FROM MOTOR VEHICLE - GRAND ($950.01 AND OVER)": .theft,
    ], rules: [
        Rule("HOMICIDE", .homicide), Rule("MANSLAUGHTER", .homicide),
        Rule("ROBBERY", .robbery),
        Rule("BURGLARY", .burglary),
        Rule("VEHICLE - STOLEN", .motorVehicleTheft),
        Rule("ASSAULT", .assault), Rule("BATTERY", .assault), Rule("RAPE", .assault),
        Rule("THEFT", .theft), Rule("SHOPLIFTING", .theft), Rule("PICKPOCKET", .theft),
        Rule("PURSE SNATCHING", .theft), Rule("BIKE - STOLEN", .theft),
    ])

    /// NYPD complaints, `OFNS_DESC`.
    public static let nypd = CategoryMapping(table: [
        "MURDER & NON-NEGL. MANSLAUGHTER": .homicide,
        "HOMICIDE-NEGLIGENT,UNCLASSIFIE": .homicide,
        "HOMICIDE-NEGLIGENT-VEHICLE": .homicide,
        "FELONY ASSAULT": .assault, "ASSAULT 3 & RELATED OFFENSES": .assault, "RAPE": .assault,
        "BURGLARY": .burglary,
        "ROBBERY": .robbery,
        "GRAND LARCENY OF MOTOR VEHICLE": .motorVehicleTheft,
        "PETIT LARCENY OF MOTOR VEHICLE": .motorVehicleTheft,
        "GRAND LARCENY": .theft, "PETIT LARCENY": .theft,
    ], rules: [
        Rule("LARCENY OF MOTOR VEHICLE", .motorVehicleTheft),
        Rule("LARCENY", .theft),
    ])

    /// Philadelphia, `text_general_code`.
    public static let philadelphia = CategoryMapping(table: [
        "HOMICIDE - CRIMINAL": .homicide, "HOMICIDE - GROSS NEGLIGENCE": .homicide,
        "HOMICIDE - JUSTIFIABLE": .other,
        "AGGRAVATED ASSAULT FIREARM": .assault, "AGGRAVATED ASSAULT NO FIREARM": .assault,
        "OTHER ASSAULTS": .assault, "RAPE": .assault,
        "BURGLARY RESIDENTIAL": .burglary, "BURGLARY NON-RESIDENTIAL": .burglary,
        "ROBBERY FIREARM": .robbery, "ROBBERY NO FIREARM": .robbery,
        "MOTOR VEHICLE THEFT": .motorVehicleTheft, "RECOVERED STOLEN MOTOR VEHICLE": .other,
        "THEFTS": .theft, "THEFT FROM VEHICLE": .theft,
    ])

    /// Baltimore Part 1 crime, `Description`.
    public static let baltimore = CategoryMapping(table: [
        "HOMICIDE": .homicide,
        "AGG. ASSAULT": .assault, "COMMON ASSAULT": .assault, "RAPE": .assault, "SHOOTING": .assault,
        "BURGLARY": .burglary,
        "ROBBERY": .robbery, "ROBBERY - CARJACKING": .robbery, "ROBBERY - COMMERCIAL": .robbery,
        "ROBBERY - RESIDENCE": .robbery, "ROBBERY - STREET": .robbery,
        "AUTO THEFT": .motorVehicleTheft,
        "LARCENY": .theft, "LARCENY FROM AUTO": .theft,
    ])

    /// Las Vegas Metropolitan Police calls for service: call types, matched by keyword.
    public static let lvmpd = CategoryMapping(table: [:], rules: [
        Rule("HOMICIDE", .homicide), Rule("MURDER", .homicide),
        Rule("ROBBERY", .robbery),
        Rule("BURGLARY", .burglary),
        Rule("STOLEN VEHICLE", .motorVehicleTheft), Rule("AUTO THEFT", .motorVehicleTheft),
        Rule("ASSAULT", .assault), Rule("BATTERY", .assault), Rule("FIGHT", .assault),
        Rule("LARCENY", .theft), Rule("THEFT", .theft), Rule("SHOPLIFT", .theft),
    ])
}
