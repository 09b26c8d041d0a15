import CrimeCore
extension SyntheticCity {
    /// The city's events as an incident table, straight from the simulation (no extract, no dirt):
    /// ids `S0`, `S1`, … in time order, categories from the Chicago primary types.
    public func incidentTable() -> IncidentTable {
        var table = IncidentTable(zone: zone)
        for (i, event) in events.enumerated() {
            table.append(id: "S\(i)", time: event.time,
                         location: GeoPoint(latitude: event.latitude, longitude: event.longitude),
                         category: CategoryMapping.chicago.category(for: event.primaryType), offense: event.primaryType)
        }
        return table
    }
}
