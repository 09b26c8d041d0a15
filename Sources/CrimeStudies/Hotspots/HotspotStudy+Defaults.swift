import CrimeCore
import CrimeEval

extension HotspotStudy {
    /// The study's time-of-day buckets: Late Night 22:00–06:00 (counted on the day it starts),
    /// Morning 06–12, Afternoon 12–18 and Evening 18–22.
    public static func studyShifts() throws -> ShiftScheme {
        try ShiftScheme([(name: "Late Night", startHour: 22), (name: "Morning", startHour: 6),
                         (name: "Afternoon", startHour: 12), (name: "Evening", startHour: 18)])
    }

    /// Monday to Friday mornings, afternoons and evenings: the resource baseline.
    public static let weekdayDayShifts: [String] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"].flatMap { day in
        ["Morning", "Afternoon", "Evening"].map { "\(day) \($0)" }
    }

    /// The Friday and Saturday late nights.
    public static let weekendLateNights = ["Friday Late Night", "Saturday Late Night"]
}

extension HotspotReportOptions {
    /// The study's report: patrol plans for Saturday Late Night and Tuesday Morning, weekend late
    /// nights against weekday day shifts.
    public static func study(patrolCells: Int = 15, planner: PatrolPlanner = PatrolPlanner()) -> HotspotReportOptions {
        HotspotReportOptions(queries: ["Saturday Late Night", "Tuesday Morning"], patrolCells: patrolCells,
                             planner: planner, baselineBuckets: HotspotStudy.weekdayDayShifts,
                             focusBuckets: HotspotStudy.weekendLateNights)
    }
}
