import CrimeCore
import Foundation

extension SyntheticCity {
    /// The 22 columns of the City of Chicago "Crimes - 2001 to Present" extract, in its order.
    public static let chicagoHeader = ["ID", "Case Number", "Date", "Block", "IUCR", "Primary Type", "Description",
                                       "Location Description", "Arrest", "Domestic", "Beat", "District", "Ward",
                                       "Community Area", "FBI Code", "X Coordinate", "Y Coordinate", "Year",
                                       "Updated On", "Latitude", "Longitude", "Location"]

    /// Writes the events as a Chicago-schema CSV with the configured dirt, and returns the manifest (with
    /// the city's true trigger parameters).
    ///
    /// `Date` is the local wall time `MM/dd/yyyy hh:mm:ss a`; Latitude and Longitude carry nine decimals
    /// and `Location` is the quoted `"(lat, lng)"`. Beat, District, Ward and Community Area are
    /// synthetic codes derived from the raster position (District 1–25 from 20 × 20-cell blocks,
    /// Community Area 1–100 from 10 × 10-cell blocks); `X Coordinate`/`Y Coordinate` are left empty, as
    /// the real extract leaves them for unlocated rows. Rows without coordinates leave Latitude,
    /// Longitude and Location empty, as the real extract does. The file is written through a 1 MB buffer and an `OutputFile`.
    public func writeChicagoExtract(to url: URL) throws -> SyntheticManifest {
        var out = try ByteWriter(path: url.path)
        var rng = SeededGenerator(seed: config.seed).split(1)
        var manifest = SyntheticManifest()
        manifest.events = events.count
        manifest.branchingRatio = config.branchingRatio
        manifest.triggerDecayDays = config.offspringMeanDelay / 86_400
        manifest.triggerSigmaMetres = config.offspringSpread
        out.write(Array(SyntheticCity.chicagoHeader.joined(separator: ",").utf8))
        try out.endRow()
        let (ey, em, ed) = CivilDate.date(dayNumber: CivilDate.split(wallSeconds: zone.wallSeconds(utc: interval.upperBound)).day)
        let rows = ChicagoRowWriter(updatedOn: "\(two(em))/\(two(ed))/\(ey) 03:40:37 PM")
        let offenseIndex = Dictionary(uniqueKeysWithValues: SyntheticOffense.all.enumerated().map { ($1.primaryType, $0) })
        let categoryNames = SyntheticOffense.all.map { CategoryMapping.chicago.category(for: $0.primaryType).name }
        var categoryCounts = [Int](repeating: 0, count: categoryNames.count)
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
            let offense = offenseIndex[event.primaryType] ?? 0
            if located {
                categoryCounts[offense] += 1
                span = span.map { (min($0.0, time), max($0.1, time)) } ?? (time, time)
            } else {
                manifest.missingLocation += 1
            }
            manifest.duplicate += copies - 1
            let (row, column) = rasterPosition(latitude: event.latitude, longitude: event.longitude)
            let wall = zone.wallSeconds(utc: time)
            for _ in 0..<copies {
                try rows.write(into: &out, index: i, offense: offense, wall: wall, row: row, column: column,
                           latitude: event.latitude, longitude: event.longitude, located: located)
                manifest.rowsWritten += 1
            }
        }
        try out.close()
        for (k, name) in categoryNames.enumerated() where categoryCounts[k] > 0 {
            manifest.categories[name, default: 0] += categoryCounts[k]
        }
        manifest.expectedRowsKept = manifest.events - manifest.missingLocation
        manifest.firstTime = span.map { zone.iso8601(utc: $0.0) }
        manifest.lastTime = span.map { zone.iso8601(utc: $0.1) }
        return manifest
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
