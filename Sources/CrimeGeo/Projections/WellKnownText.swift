import CrimeCore
import Foundation

/// Reads the WKT1 text of a `.prj` file (ESRI or OGC flavour) into a ``CoordinateReferenceSystem``.
///
/// Understood: a `GEOGCS` (any datum, treated as WGS84), and a `PROJCS` whose `PROJECTION` is
/// Transverse Mercator (parameters and linear unit read from the text, so every UTM and State Plane
/// TM zone works) or Web Mercator. An EPSG code is taken from a top-level `AUTHORITY`, or recognised
/// when the parameters are those of EPSG:3435 or a UTM zone.
public enum WellKnownText {
    /// A parsed WKT node: `KEYWORD[child, …]`; leaves are quoted strings or numbers.
    indirect enum Node {
        case keyword(String, [Node])
        case text(String)
        case number(Double)

        var children: [Node] { if case let .keyword(_, c) = self { return c } else { return [] } }
        func child(_ name: String) -> Node? {
            children.first { if case let .keyword(n, _) = $0 { return n.uppercased() == name } else { return false } }
        }
        func all(_ name: String) -> [Node] {
            children.filter { if case let .keyword(n, _) = $0 { return n.uppercased() == name } else { return false } }
        }
        var firstText: String? { children.lazy.compactMap { if case let .text(t) = $0 { return t } else { return nil } }.first }
        var numbers: [Double] { children.compactMap { if case let .number(v) = $0 { return v } else { return nil } } }
    }

    /// Reads a `.prj` file.
    public static func read(_ url: URL) throws -> CoordinateReferenceSystem {
        let path = url.path
        let data: Data
        do throws(InputFileError) { data = try InputFile.read(url) } catch { throw GeometryReadError.cannotRead(file: path) }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// Parses WKT text; `file` names the source in errors. Transverse Mercator parameters the projection cannot
    /// use (NaN or infinite, a scale factor not in (0, 10], a semi-major axis outside 6,300–6,400 km, an inverse
    /// flattening that is neither 0 nor above 1, a latitude of origin beyond ±90°) and brackets nested more than
    /// 64 deep are ``GeometryReadError/unknownCRS(file:detail:)``.
    public static func parse(_ text: String, file: String) throws -> CoordinateReferenceSystem {
        var parser = Parser(bytes: Array(text.utf8))
        let root = parser.node()
        guard !parser.tooDeep else {
            throw GeometryReadError.unknownCRS(file: file, detail: "brackets nest deeper than \(Parser.maximumDepth)")
        }
        guard let root, case let .keyword(kind, _) = root else {
            throw GeometryReadError.unknownCRS(file: file, detail: "not WKT text")
        }
        let name = root.firstText ?? kind
        let authority = root.child("AUTHORITY").flatMap { a -> Int? in
            guard a.firstText?.uppercased() == "EPSG" else { return nil }
            if case let .text(t)? = a.children.last { return Int(t) }
            return a.numbers.first.flatMap { Int(exactly: $0) }
        }
        switch kind.uppercased() {
        case "GEOGCS":
            return CoordinateReferenceSystem(name: name, epsg: authority ?? 4326, method: .geographic)
        case "PROJCS":
            return try projected(root, name: name, authority: authority, file: file)
        default:
            throw GeometryReadError.unknownCRS(file: file, detail: "\(kind) is not GEOGCS or PROJCS")
        }
    }

    private static func projected(_ root: Node, name: String, authority: Int?, file: String) throws -> CoordinateReferenceSystem {
        let projection = (root.child("PROJECTION")?.firstText ?? "").lowercased()
        let unit = root.child("UNIT")?.numbers.first ?? 1
        let spheroid = root.child("GEOGCS")?.child("DATUM")?.child("SPHEROID")?.numbers ?? []
        var params: [String: Double] = [:]
        for p in root.all("PARAMETER") {
            if let key = p.firstText?.lowercased(), let v = p.numbers.first { params[key] = v }
        }
        if projection.contains("mercator_auxiliary_sphere") || projection.contains("pseudo_mercator")
            || projection.contains("popular_visualisation") {
            return CoordinateReferenceSystem(name: name, epsg: 3857, method: .webMercator)
        }
        guard projection == "transverse_mercator" || projection == "gauss_kruger" else {
            throw GeometryReadError.unknownCRS(file: file, detail: "projection '\(projection)' is not Transverse Mercator or Web Mercator")
        }
        guard unit > 0, unit.isFinite else { throw GeometryReadError.unknownCRS(file: file, detail: "bad linear unit \(unit)") }
        let a = spheroid.count >= 2 ? spheroid[0] : Ellipsoid.wgs84.semiMajorAxis
        // Earth's ellipsoids and spheres have semi-major axes of 6,371–6,379 km. An inverse flattening of 0 is a
        // sphere; one of 1 or less would flatten the ellipsoid to nothing.
        guard spheroid.count < 2
            || ((6_300_000...6_400_000).contains(a) && (spheroid[1] == 0 || (spheroid[1] > 1 && spheroid[1].isFinite))) else {
            throw GeometryReadError.unknownCRS(file: file, detail: "bad spheroid: semi-major axis \(a), inverse flattening \(spheroid[1])")
        }
        let f = spheroid.count >= 2 ? (spheroid[1] > 0 ? 1 / spheroid[1] : 0) : Ellipsoid.wgs84.flattening
        let tm = TransverseMercator(centralMeridian: params["central_meridian"] ?? 0,
                                    latitudeOfOrigin: params["latitude_of_origin"] ?? 0,
                                    scaleFactor: params["scale_factor"] ?? 1,
                                    falseEasting: (params["false_easting"] ?? 0) * unit,
                                    falseNorthing: (params["false_northing"] ?? 0) * unit,
                                    semiMajorAxis: a, flattening: f)
        try checkParameters(tm, file: file)
        let crs = CoordinateReferenceSystem(name: name, epsg: authority, method: .transverseMercator(tm), metresPerUnit: unit)
        return authority == nil ? recognise(crs) : crs
    }

    /// Throws unless the projection can place points: finite parameters, a scale factor above 0 and at most 10
    /// (real ones are within a few parts in ten thousand of 1; a huge one loses the origin's northing to rounding)
    /// and a latitude of origin within ±90°.
    private static func checkParameters(_ tm: TransverseMercator, file: String) throws {
        let values = [tm.centralMeridian, tm.latitudeOfOrigin, tm.falseEasting, tm.falseNorthing]
        guard values.allSatisfy(\.isFinite), tm.scaleFactor > 0, tm.scaleFactor <= 10, abs(tm.latitudeOfOrigin) <= 90 else {
            throw GeometryReadError.unknownCRS(file: file, detail: "Transverse Mercator parameters out of range (central meridian "
                + "\(tm.centralMeridian), latitude of origin \(tm.latitudeOfOrigin), scale factor \(tm.scaleFactor), false easting "
                + "\(tm.falseEasting) m, false northing \(tm.falseNorthing) m)")
        }
    }

    /// Gives a known EPSG code to a TM system whose parameters match EPSG:3435 or a UTM zone.
    private static func recognise(_ crs: CoordinateReferenceSystem) -> CoordinateReferenceSystem {
        guard case let .transverseMercator(tm) = crs.method else { return crs }
        func near(_ a: Double, _ b: Double, _ tol: Double) -> Bool { abs(a - b) <= tol }
        let known = CoordinateReferenceSystem.illinoisEastFeet
        if case let .transverseMercator(k) = known.method, near(tm.centralMeridian, k.centralMeridian, 1e-9),
           near(tm.latitudeOfOrigin, k.latitudeOfOrigin, 1e-9), near(tm.scaleFactor, k.scaleFactor, 1e-12),
           near(tm.falseEasting, k.falseEasting, 1e-3), tm.falseNorthing == 0,
           near(crs.metresPerUnit, known.metresPerUnit, 1e-12) {
            return CoordinateReferenceSystem(name: crs.name, epsg: 3435, method: crs.method, metresPerUnit: crs.metresPerUnit)
        }
        let zone = (tm.centralMeridian + 183) / 6
        if tm.latitudeOfOrigin == 0, tm.scaleFactor == 0.9996, tm.falseEasting == 500_000, crs.metresPerUnit == 1,
           let whole = Int(exactly: zone), (1...60).contains(whole), tm.falseNorthing == 0 || tm.falseNorthing == 10_000_000 {
            let code = (tm.falseNorthing == 0 ? 32600 : 32700) + whole
            return CoordinateReferenceSystem(name: crs.name, epsg: code, method: crs.method, metresPerUnit: 1)
        }
        return crs
    }

    /// A recursive-descent reader of WKT1 bracket syntax.
    struct Parser {
        /// The deepest bracket nesting read (a `.prj` nests five deep); deeper text sets `tooDeep` instead
        /// of recursing until the stack runs out.
        static let maximumDepth = 64

        let bytes: [UInt8]
        var i = 0
        var depth = 0
        /// Whether the text nests deeper than `maximumDepth`; the node read is then incomplete.
        var tooDeep = false

        mutating func skipSpace() { while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 } }

        mutating func node() -> Node? {
            skipSpace()
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: "\"") {
                let start = i + 1
                i = start
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") { i += 1 }
                let s = String(decoding: bytes[start..<min(i, bytes.count)], as: UTF8.self)
                i += 1
                return .text(s)
            }
            let start = i
            while i < bytes.count, ![UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: ","), UInt8(ascii: "]"),
                                     UInt8(ascii: ")")].contains(bytes[i]) { i += 1 }
            let word = String(decoding: bytes[start..<i], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "[") || bytes[i] == UInt8(ascii: "(") else {
                if let v = Double(word) { return .number(v) }
                return word.isEmpty ? nil : .text(word)
            }
            i += 1
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else { tooDeep = true; return nil }
            var children: [Node] = []
            while true {
                if let child = node() { children.append(child) }
                skipSpace()
                guard i < bytes.count else { return .keyword(word, children) }
                let c = bytes[i]
                i += 1
                if c == UInt8(ascii: "]") || c == UInt8(ascii: ")") { return .keyword(word, children) }
                if c != UInt8(ascii: ",") { return nil }
            }
        }
    }
}
