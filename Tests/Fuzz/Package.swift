// swift-tools-version:6.0
// libFuzzer targets for CrimeKit's readers of untrusted input, as an outside package that depends on
// CrimeKit by path. Each fuzz target is one file, Sources/<Target>/<Target>.swift, whose `@main` hands its
// test function to libFuzzer through `crimekit_fuzz_main` (the Driver target), listed in `fuzzTargets`
// below with the CrimeKit libraries it uses; its seed corpus is Corpus/<target without "Fuzz",
// lower-cased>/. Build and run them all with Tests/Fuzz/run.sh, which passes the flags libFuzzer needs
// (-sanitize=fuzzer,address, and -enable-testing so that a target may `@testable import` a module to
// check internal invariants).
import PackageDescription

/// Every fuzz target and the CrimeKit libraries it imports.
let fuzzTargets: [(name: String, libraries: [String])] = [
    ("CSVFuzz", ["CrimeCore"]),
    ("CSVIngestFuzz", ["CrimeCore"]),
    ("GeoJSONFuzz", ["CrimeCore", "CrimeGeo"]),
    ("WKTFuzz", ["CrimeCore", "CrimeGeo"]),
    ("ShapefileFuzz", ["CrimeGeo"]),
    ("SafeTensorsFuzz", ["CrimeCore", "CrimeModels"]),
    ("FormulaFuzz", ["CrimeCore", "CrimeModels"]),
]

let package = Package(
    name: "CrimeKitFuzz",
    dependencies: [.package(name: "CrimeKit", path: "../..")],
    targets: [.target(name: "LibFuzzerDriver", path: "Driver")] + fuzzTargets.map { target in
        .executableTarget(name: target.name, dependencies: ["LibFuzzerDriver"] + target.libraries.map {
            .product(name: $0, package: "CrimeKit")
        })
    }
)
