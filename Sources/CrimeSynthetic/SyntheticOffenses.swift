import CrimeCore
/// The Chicago `Primary Type` values the synthetic city writes, with their shares and codes.
///
/// Shares are rounded from the City of Chicago's published counts; IUCR and FBI codes are each type's
/// most common code in that extract.
struct SyntheticOffense: Sendable {
    let primaryType: String
    let share: Double
    let iucr: String
    let fbiCode: String
    let description: String

    static let all: [SyntheticOffense] = [
        .init(primaryType: "THEFT", share: 0.22, iucr: "0820", fbiCode: "06", description: "$500 AND UNDER"),
        .init(primaryType: "BATTERY", share: 0.18, iucr: "0486", fbiCode: "08B", description: "DOMESTIC BATTERY SIMPLE"),
        .init(primaryType: "CRIMINAL DAMAGE", share: 0.10, iucr: "1320", fbiCode: "14", description: "TO VEHICLE"),
        .init(primaryType: "ASSAULT", share: 0.09, iucr: "0560", fbiCode: "08A", description: "SIMPLE"),
        .init(primaryType: "MOTOR VEHICLE THEFT", share: 0.08, iucr: "0910", fbiCode: "07", description: "AUTOMOBILE"),
        .init(primaryType: "DECEPTIVE PRACTICE", share: 0.07, iucr: "1153", fbiCode: "11", description: "FINANCIAL IDENTITY THEFT OVER $ 300"),
        .init(primaryType: "OTHER OFFENSE", share: 0.06, iucr: "2825", fbiCode: "26", description: "HARASSMENT BY TELEPHONE"),
        .init(primaryType: "BURGLARY", share: 0.05, iucr: "0610", fbiCode: "05", description: "FORCIBLE ENTRY"),
        .init(primaryType: "NARCOTICS", share: 0.04, iucr: "1811", fbiCode: "18", description: "POSS: CANNABIS 30GMS OR LESS"),
        .init(primaryType: "ROBBERY", share: 0.04, iucr: "031A", fbiCode: "03", description: "ARMED: HANDGUN"),
        .init(primaryType: "WEAPONS VIOLATION", share: 0.03, iucr: "143A", fbiCode: "15", description: "UNLAWFUL POSS OF HANDGUN"),
        .init(primaryType: "CRIMINAL TRESPASS", share: 0.025, iucr: "1330", fbiCode: "26", description: "TO LAND"),
        .init(primaryType: "PUBLIC PEACE VIOLATION", share: 0.013, iucr: "2820", fbiCode: "24", description: "TELEPHONE THREAT"),
        .init(primaryType: "HOMICIDE", share: 0.002, iucr: "0110", fbiCode: "01A", description: "FIRST DEGREE MURDER"),
    ]

    /// Cumulative shares for drawing a type with one uniform number.
    static let cumulative: [Double] = {
        var total = 0.0
        let sum = all.reduce(0) { $0 + $1.share }
        return all.map { total += $0.share / sum; return total }
    }()

    /// The index of the type a uniform number in [0, 1) draws.
    static func draw(_ u: Double) -> Int {
        cumulative.firstIndex(where: { u < $0 }) ?? all.count - 1
    }
}
