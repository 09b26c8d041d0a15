import CrimeTestSupport
import Foundation
import Testing
import CrimeCore
import CrimeGeo

private struct CRSFixture: Decodable {
    struct Case: Decodable {
        let crs: String
        let points: [[Double]]
    }
    let cases: [Case]
}

@Suite struct CoordinateReferenceSystemTests {
    @Test func forwardAndInverseWithinAMillimetreOfPyproj() throws {
        let fixture = try Fixtures.json(CRSFixture.self, "areas", "crs_fixture.json")
        #expect(fixture.cases.count == 9)
        for c in fixture.cases {
            let crs = try CoordinateReferenceSystem(code: c.crs)
            let unit = crs.epsg == 3435 ? CoordinateReferenceSystem.usSurveyFoot : 1
            let check = LocalProjection(origin: GeoPoint(latitude: c.points[0][0], longitude: c.points[0][1]))
            for p in c.points {
                let g = GeoPoint(latitude: p[0], longitude: p[1])
                let xy = crs.project(g)
                #expect(abs(xy.x - p[2]) * unit < 1e-3 && abs(xy.y - p[3]) * unit < 1e-3, "\(c.crs) forward \(p)")
                let back = crs.unproject(x: p[2], y: p[3])
                let a = check.project(back), b = check.project(g)
                #expect(hypot(a.x - b.x, a.y - b.y) < 1e-3, "\(c.crs) inverse \(p)")
                let round = crs.unproject(x: xy.x, y: xy.y)
                let r = check.project(round)
                #expect(hypot(r.x - b.x, r.y - b.y) < 1e-3, "\(c.crs) round trip \(p)")
            }
        }
    }

    @Test func illinoisEastParameters() throws {
        let crs = try CoordinateReferenceSystem(code: "EPSG:3435")
        guard case let .transverseMercator(tm) = crs.method else { Issue.record("not TM"); return }
        #expect(tm.falseEasting == 300_000)
        #expect(abs(tm.falseEasting / crs.metresPerUnit - 984_250) < 1e-6)
        #expect(abs(tm.latitudeOfOrigin - 36.666_666_666_666_67) < 1e-12)
        #expect(abs(tm.centralMeridian + 88.333_333_333_333_33) < 1e-12)
        #expect(abs(1 / tm.flattening - 298.257_222_101) < 1e-9)
    }

    @Test func unknownCodesAreTypedErrors() {
        #expect(throws: CRSError.unsupportedCode("EPSG:2263")) { try CoordinateReferenceSystem(code: "EPSG:2263") }
        #expect(throws: CRSError.unsupportedCode("chicago")) { try CoordinateReferenceSystem(code: "chicago") }
        #expect(throws: CRSError.badUTMZone(61)) { try CoordinateReferenceSystem.utm(zone: 61, north: true) }
    }

    @Test func prjTextsAreRecognised() throws {
        // pyproj's CRS("EPSG:3435").to_wkt("WKT1_ESRI"): no AUTHORITY, recognised by its parameters.
        let esri = #"PROJCS["NAD_1983_StatePlane_Illinois_East_FIPS_1201_Feet",GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",984250.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",-88.3333333333333],PARAMETER["Scale_Factor",0.999975],PARAMETER["Latitude_Of_Origin",36.6666666666667],UNIT["US survey foot",0.304800609601219]]"#
        let crs = try WellKnownText.parse(esri, file: "a.prj")
        #expect(crs.epsg == 3435)
        let p = GeoPoint(latitude: 41.88, longitude: -87.63)
        let mine = crs.project(p), reference = CoordinateReferenceSystem.illinoisEastFeet.project(p)
        #expect(abs(mine.x - reference.x) < 1e-4 && abs(mine.y - reference.y) < 1e-4)
        let utm = #"PROJCS["WGS_1984_UTM_Zone_16N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",-87.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]"#
        #expect(try WellKnownText.parse(utm, file: "u.prj").epsg == 32616)
        let geographic = #"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]"#
        #expect(try WellKnownText.parse(geographic, file: "g.prj") == .wgs84)
        let lambert = #"PROJCS["x",GEOGCS["g",DATUM["d",SPHEROID["s",6378137,298.257222101]]],PROJECTION["Lambert_Conformal_Conic"],UNIT["m",1]]"#
        #expect(throws: GeometryReadError.self) { try WellKnownText.parse(lambert, file: "l.prj") }
        do {
            _ = try WellKnownText.parse(lambert, file: "l.prj")
        } catch {
            #expect("\(error)".contains("l.prj") && "\(error)".contains("lambert_conformal_conic"))
        }
    }
}
