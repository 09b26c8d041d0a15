import CrimeCore

extension DeploymentArea {
    /// The deployment a patrol plan implies, as areas for a ``DisparityAudit``: for each neighbourhood,
    /// its sightings are the plan's chosen cells in it and its coverage its candidate cells, so its rate
    /// is the share of its cells the model sends police to.
    ///
    /// - Parameters:
    ///   - plan: the patrol plan.
    ///   - candidates: every candidate cell the plan chose from.
    ///   - neighbourhood: the neighbourhood of a cell (nil: the cell is left out of the audit).
    ///   - group: the audit group of a neighbourhood (majority group, income tertile).
    public static func patrolExposure(plan: PatrolPlan, candidates: [PatrolCandidate],
                                      neighbourhood: (CellID) -> String?,
                                      group: (String) -> String) -> [DeploymentArea] {
        let chosen = plan.cells
        var cells: [String: (chosen: Double, all: Double)] = [:]
        for c in candidates {
            guard let name = neighbourhood(c.cell) else { continue }
            cells[name, default: (0, 0)].all += 1
            if chosen.contains(c.cell) { cells[name, default: (0, 0)].chosen += 1 }
        }
        return cells.keys.sorted().map { name in
            DeploymentArea(name: name, sightings: cells[name]?.chosen ?? 0, coverage: cells[name]?.all ?? 0,
                           group: group(name))
        }
    }
}
