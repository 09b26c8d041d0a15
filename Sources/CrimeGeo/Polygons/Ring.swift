/// Ring helpers: signed area, orientation, and grouping a shapefile's rings into polygons.
enum Ring {
    /// Twice the signed area (positive when counter-clockwise with y up), shoelace relative to the
    /// first vertex for precision with large coordinates.
    static func doubleSignedArea(_ ring: [PlanarPoint]) -> Double {
        guard ring.count >= 3 else { return 0 }
        let ox = ring[0].x, oy = ring[0].y
        var sum = 0.0
        for i in 1..<(ring.count - 1) {
            sum += (ring[i].x - ox) * (ring[i + 1].y - oy) - (ring[i + 1].x - ox) * (ring[i].y - oy)
        }
        return sum
    }

    /// The ring turned to the orientation asked for.
    static func oriented(_ ring: [PlanarPoint], counterClockwise: Bool) -> [PlanarPoint] {
        (doubleSignedArea(ring) >= 0) == counterClockwise ? ring : ring.reversed()
    }

    /// Drops a closing vertex equal to the first.
    static func opened(_ ring: [PlanarPoint]) -> [PlanarPoint] {
        ring.count > 1 && ring.first == ring.last ? Array(ring.dropLast()) : ring
    }

    /// Even-odd test of a point against one ring (used when grouping rings, not for look-ups).
    static func contains(_ ring: [PlanarPoint], _ p: PlanarPoint) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i], b = ring[j]
            if (a.y > p.y) != (b.y > p.y), p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y) { inside.toggle() }
            j = i
        }
        return inside
    }

    /// Groups shapefile rings into polygons: clockwise rings are outer rings, counter-clockwise
    /// rings are holes of the smallest outer ring holding their first vertex (a hole inside no outer
    /// ring becomes an outer ring of its own).
    static func groupShapefileRings(_ rings: [[PlanarPoint]]) -> [PlanarPolygon] {
        var outers: [(ring: [PlanarPoint], area: Double, holes: [[PlanarPoint]])] = []
        var holes: [[PlanarPoint]] = []
        for ring in rings where ring.count >= 3 {
            let a = doubleSignedArea(ring)
            if a <= 0 { outers.append((ring, -a, [])) } else { holes.append(ring) }
        }
        for hole in holes {
            let owner = outers.indices.filter { contains(outers[$0].ring, hole[0]) }
                .min { outers[$0].area < outers[$1].area }
            if let owner { outers[owner].holes.append(hole) } else { outers.append((hole, abs(doubleSignedArea(hole)), [])) }
        }
        return outers.map { PlanarPolygon(exterior: $0.ring, holes: $0.holes) }
    }
}
