import Foundation

extension SyntheticCity {
    /// The 22 columns of the City of Chicago "Crimes - 2001 to Present" extract, in its order.
    public static let chicagoHeader = ["ID", "Case Number", "Date", "Block", "IUCR", "Primary Type", "Description",
                                       "Location Description", "Arrest", "Domestic", "Beat", "District", "Ward",
                                       "Community Area", "FBI Code", "X Coordinate", "Y Coordinate", "Year",
                                       "Updated On", "Latitude", "Longitude", "Location"]

    /// Writes the events as a Chicago-schema CSV with the configured dirt, and returns the manifest.
    ///
    /// `Date` is the local wall time `MM/dd/yyyy hh:mm:ss a`. Beat, District, Ward and Community Area are
    /// synthetic codes derived from the raster position (District 1–25 from 20 × 20-cell blocks,
    /// Community Area 1–100 from 10 × 10-cell blocks); `X Coordinate`/`Y Coordinate` are left empty, as
    /// the real extract leaves them for unlocated rows. Rows without coordinates leave Latitude,
    /// Longitude and Location empty, as the real extract does.
    public func writeChicagoExtract(to path: String) throws -> SyntheticManifest {
        var out = try ByteWriter(path: path)
        var rng = SeededGenerator(seed: config.seed).split(1)
        var manifest = SyntheticManifest()
        manifest.events = events.count
        out.write(SyntheticCity.chicagoHeader.joined(separator: ",") + "\n")
        let (ey, em, ed) = CivilDate.date(dayNumber: CivilDate.split(wallSeconds: zone.wallSeconds(utc: interval.upperBound)).day)
        let updatedOn = "\(two(em))/\(two(ed))/\(ey) 03:40:37 PM"
        var span: (Int64, Int64)?
        for (i, event) in events.enumerated() {
            if event.isOffspring { manifest.offspring += 1 }
            var time = event.time
            let dirtDraws = (rng.nextUniform(), rng.nextUniform(), rng.nextUniform())
            let located = dirtDraws.0 >= config.dirt.missingLocation
            if dirtDraws.1 < config.dirt.midnightStamped {
                let day = CivilDate.split(wallSeconds: zone.wallSeconds(utc: time)).day
                time = zone.utc(wallSeconds: Int64(day) * 86_400)
                if located { manifest.midnightStamped += 1 }
            }
            let copies = located && dirtDraws.2 < config.dirt.duplicate ? 2 : 1
            if located {
                let category = CategoryMapping.chicago.category(for: event.primaryType).name
                manifest.categories[category, default: 0] += 1
                span = span.map { (min($0.0, time), max($0.1, time)) } ?? (time, time)
            } else {
                manifest.missingLocation += 1
            }
            manifest.duplicate += copies - 1
            let row = chicagoRow(index: i, event: event, time: time, located: located, updatedOn: updatedOn)
            for _ in 0..<copies {
                for (k, field) in row.enumerated() {
                    if k > 0 { out.write(",") }
                    out.writeField(field)
                }
                out.write("\n")
                manifest.rowsWritten += 1
            }
        }
        try out.close()
        manifest.expectedRowsKept = manifest.events - manifest.missingLocation
        manifest.firstTime = span.map { zone.iso8601(utc: $0.0) }
        manifest.lastTime = span.map { zone.iso8601(utc: $0.1) }
        return manifest
    }

    private func chicagoRow(index i: Int, event: SyntheticEvent, time: Int64, located: Bool, updatedOn: String) -> [String] {
        let offense = SyntheticOffense.all.first(where: { $0.primaryType == event.primaryType }) ?? SyntheticOffense.all[0]
        let (day, secondOfDay) = CivilDate.split(wallSeconds: zone.wallSeconds(utc: time))
        let (y, m, d) = CivilDate.date(dayNumber: day)
        let hour24 = secondOfDay / 3600
        let hour12 = hour24 % 12 == 0 ? 12 : hour24 % 12
        let date = "\(two(m))/\(two(d))/\(y) \(two(hour12)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) \(hour24 < 12 ? "AM" : "PM")"
        let (row, column) = rasterPosition(latitude: event.latitude, longitude: event.longitude)
        let district = 1 + (row / 20) * 5 + column / 20
        let beat = district * 100 + (row % 20) / 5 * 4 + (column % 20) / 5 + 1
        let streets = ["MADISON ST", "STATE ST", "HALSTED ST", "ASHLAND AVE", "WESTERN AVE", "CICERO AVE", "PULASKI RD"]
        let block = String(repeating: "0", count: max(0, 3 - String(column).count)) + "\(column)XX W \(streets[row % streets.count])"
        let places = ["STREET", "APARTMENT", "RESIDENCE", "SIDEWALK", "RESTAURANT", "PARKING LOT / GARAGE (NON RESIDENTIAL)"]
        let lat = String(format: "%.9f", event.latitude), lng = String(format: "%.9f", event.longitude)
        return ["\(20_000_000 + i)", "JK\(100_000 + i)", date, block, offense.iucr, offense.primaryType, offense.description,
                places[i % places.count], i % 7 == 0 ? "true" : "false", i % 11 == 0 ? "true" : "false",
                String(repeating: "0", count: max(0, 4 - String(beat).count)) + String(beat), "\(district)",
                "\(1 + (row / 20) * 10 + column / 10)", "\(1 + (row / 10) * 10 + column / 10)", offense.fbiCode, "", "",
                "\(y)", updatedOn, located ? lat : "", located ? lng : "", located ? "(\(lat), \(lng))" : ""]
    }

    /// The raster row and column of a point, clamped to the raster.
    func rasterPosition(latitude: Double, longitude: Double) -> (row: Int, column: Int) {
        let box = bounds
        let n = config.rasterSize
        let r = Int((latitude - box.minLatitude) / (box.maxLatitude - box.minLatitude) * Double(n))
        let c = Int((longitude - box.minLongitude) / (box.maxLongitude - box.minLongitude) * Double(n))
        return (min(max(r, 0), n - 1), min(max(c, 0), n - 1))
    }
}

private func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
