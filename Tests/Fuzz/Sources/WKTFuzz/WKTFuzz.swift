// Fuzz target for CrimeKit's `.prj` reader, `WellKnownText.parse` (corpus: Corpus/wkt). For any text it
// checks that the parser returns a coordinate reference system or throws a `GeometryReadError`, and that a
// Transverse Mercator system it returns is one the projection can use: finite parameters, a positive semi-major
// axis, scale factor and unit, a flattening in [0, 1), a latitude of origin within ±90°, and its origin
// (central meridian, latitude of origin) projected onto its false easting and northing.
// A broken invariant stops the run with a message, which libFuzzer reports as a crash.
import Foundation
import LibFuzzerDriver
import CrimeCore
import CrimeGeo

/// Runs libFuzzer with the command line (corpus folders and `-flags`) on ``test(_:_:)``.
@main enum WKTFuzz {
    static func main() { exit(crimekit_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv, test)) }
}

/// Checks one input; stops the process when an invariant breaks.
private func test(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let crs: CoordinateReferenceSystem
    do {
        crs = try WellKnownText.parse(text, file: "fuzz.prj")
    } catch is GeometryReadError {
        return 0
    } catch {
        fatalError("untyped error: \(error)")
    }
    guard case let .transverseMercator(tm) = crs.method else { return 0 }
    let parameters = [tm.semiMajorAxis, tm.flattening, tm.centralMeridian, tm.latitudeOfOrigin, tm.scaleFactor,
                      tm.falseEasting, tm.falseNorthing, crs.metresPerUnit]
    guard parameters.allSatisfy(\.isFinite), tm.semiMajorAxis > 0, tm.scaleFactor > 0, crs.metresPerUnit > 0,
          tm.flattening >= 0, tm.flattening < 1, abs(tm.latitudeOfOrigin) <= 90 else {
        fatalError("unusable Transverse Mercator parameters: \(tm), \(crs.metresPerUnit) m per unit")
    }
    let origin = tm.project(GeoPoint(latitude: tm.latitudeOfOrigin, longitude: tm.centralMeridian))
    let tolerance = 1e-6 * max(1, abs(tm.falseEasting), abs(tm.falseNorthing))
    guard abs(origin.x - tm.falseEasting) <= tolerance, abs(origin.y - tm.falseNorthing) <= tolerance else {
        fatalError("the origin projects to (\(origin.x), \(origin.y)), not the false origin (\(tm.falseEasting), \(tm.falseNorthing)): \(tm)")
    }
    return 0
}
