extension IncidentTable {
    /// The table after the cleaning steps of `options`, and the midnight spike measured on the rows that
    /// survived the location and duplicate checks.
    ///
    /// Steps, in order, each row counted in `report` under the first reason that drops it:
    /// 0. `out_of_period`: a local day before ``CleaningOptions/since`` or after ``CleaningOptions/until``.
    /// 1. `out_of_bounds`: outside ``CleaningOptions/bounds`` or with no cell in ``CleaningOptions/area``.
    /// 2. `duplicate`: a non-empty id already seen on an earlier kept row (empty ids never clash;
    ///    a row dropped in step 1 does not claim its id).
    /// 3. The midnight spike is measured; when significant, ``CleaningOptions/midnight`` is applied
    ///    (`midnight_spike` drops, `midnight_flagged` / `midnight_spread` changes).
    /// 4. Categories are re-mapped from the offence text when a mapping or overrides are given; rows whose
    ///    category changes are counted as `category_overridden`.
    ///
    /// Last, ``CleaningReport/bulk`` records the span of local days that holds the middle 99.9 % of the
    /// kept rows and how many fall outside it: incidents reported years after they happened show up
    /// there, and ``CleaningOptions/since`` drops them.
    ///
    /// `report.rowsRead` is left as it is and `report.rowsKept` is set to the output's count, so a report
    /// that balanced before (`rowsKept == count`) still balances. Sample rows are record numbers of the
    /// source file, from ``CleaningOptions/sourceRecords``. Work is O(n).
    public consuming func cleaned(options: CleaningOptions, report: inout CleaningReport) -> CleaningResult {
        var out = self
        let spike = out.clean(options: options, report: &report)
        return CleaningResult(table: out, midnightSpike: spike)
    }

    /// Cleans the table in place, by the steps of ``cleaned(options:report:)``, and returns the midnight
    /// spike measured on the rows that survived the location and duplicate checks.
    ///
    /// Rows are dropped by moving the kept ones down column by column, so a table held only here is never
    /// copied: memory beyond the table is one byte per row and the duplicate check's id set (about 12 bytes
    /// per row).
    @discardableResult
    public mutating func clean(options: CleaningOptions, report: inout CleaningReport) -> MidnightSpike {
        var keep = [Bool](repeating: true, count: count)
        var keptCount = 0
        var midnightRows: [Int] = []
        var counter = HourMarkCounter()
        var seen = IdSet(capacity: options.dropDuplicates ? count : 0)
        let first = options.since.map { $0.start(in: zone) } ?? .min
        let end = options.until.map { $0.adding(days: 1).start(in: zone) } ?? .max
        for row in 0..<count {
            keep[row] = false
            if options.dropDuplicates, row % IdSet.batch == 0 {
                if row == 0 { seen.prefetch(rows: 0..<min(count, IdSet.batch), of: ids) }
                seen.prefetch(rows: min(count, row + IdSet.batch)..<min(count, row + 2 * IdSet.batch), of: ids)
            }
            guard times[row] >= first, times[row] < end else {
                report.drop(issue(row, "time", .outOfPeriod, zone.iso8601(utc: times[row]), options))
                continue
            }
            let point = location(row)
            if let box = options.bounds, !box.contains(point) {
                report.drop(issue(row, "location", .outOfBounds, point.description, options))
                continue
            }
            if let area = options.area, area.cell(containing: point) == nil {
                report.drop(issue(row, "location", .outOfBounds, point.description, options))
                continue
            }
            if options.dropDuplicates, !seen.insert(row: row, of: ids) {
                report.drop(issue(row, "id", .duplicate, ids[row], options))
                continue
            }
            if counter.count(secondOfDay: MidnightSpike.localSecondOfDay(times[row], zone: zone)) {
                midnightRows.append(row)
            }
            keep[row] = true
            keptCount += 1
        }
        seen = IdSet(capacity: 0)
        let spike = counter.spike(threshold: options.spikeThreshold)
        let policy: MidnightPolicy = spike.isSignificant ? options.midnight : .keep
        if case .drop = policy {
            for row in midnightRows {
                report.drop(issue(row, "time", .midnightSpike, zone.iso8601(utc: times[row]), options))
                keep[row] = false
                keptCount -= 1
            }
        }
        if keptCount != count { retain(keep) }
        keep = []
        applyMidnight(policy, report: &report)
        remapCategories(options, report: &report)
        report.rowsKept = count
        report.bulk = TimeBulk(times: times, zone: zone)
        return spike
    }

    private func issue(_ row: Int, _ column: String, _ reason: DropReason, _ value: String,
                       _ options: CleaningOptions) -> RowIssue {
        RowIssue(file: options.file, row: options.sourceRecords.record(ofRow: row), column: column, reason: reason, value: value)
    }

    /// Flags or spreads the rows stamped exactly local midnight.
    private mutating func applyMidnight(_ policy: MidnightPolicy, report: inout CleaningReport) {
        switch policy {
        case .keep, .drop:
            return
        case .flag:
            var n = 0
            for row in 0..<count where MidnightSpike.localSecondOfDay(times[row], zone: zone) == 0 {
                flags[row].insert(.suspectMidnight)
                n += 1
            }
            if n > 0 { report.changed["midnight_flagged", default: 0] += n }
        case let .spread(seed):
            var generator = SeededGenerator(seed: seed)
            var n = 0
            for row in 0..<count {
                let wall = zone.wallSeconds(utc: times[row])
                let (day, second) = CivilDate.split(wallSeconds: wall)
                guard second == 0 else { continue }
                let start = zone.utc(wallSeconds: Int64(day) * 86_400)
                let end = zone.utc(wallSeconds: Int64(day + 1) * 86_400)
                let length = max(1, end - start)
                let offset = min(length - 1, Int64(generator.nextUniform() * Double(length)))
                times[row] = start + offset
                flags[row].insert(.timeSpread)
                n += 1
            }
            if n > 0 { report.changed["midnight_spread", default: 0] += n }
        }
    }

    /// Re-maps categories from the offence text, once per distinct text.
    private mutating func remapCategories(_ options: CleaningOptions, report: inout CleaningReport) {
        guard options.mapping != nil || !options.categoryOverrides.isEmpty else { return }
        let mapping = options.mapping?.overriding(options.categoryOverrides)
        var overrides: [String: CrimeCategory] = [:]
        for (k, v) in options.categoryOverrides { overrides[CategoryMapping.normalise(k)] = v }
        let byCode: [CrimeCategory?] = offenses.dictionary.map { text in
            mapping?.category(for: text) ?? overrides[CategoryMapping.normalise(text)]
        }
        var n = 0
        offenses.codes.withUnsafeBufferPointer { codes in
            for row in 0..<codes.count {
                if let category = byCode[Int(codes[row])], category != categories[row] {
                    categories[row] = category
                    n += 1
                }
            }
        }
        if n > 0 { report.changed["category_overridden", default: 0] += n }
    }
}
