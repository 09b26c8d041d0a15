// swift-tools-version:6.0
// An outside package that depends on CrimeKit, as an embedding program would: it compiles the design's
// embedding contract and checks that a CrimeKit error reads as its sentence through
// `localizedDescription`. Run from the repository's top: swift run --package-path Tests/Embedding
import PackageDescription

let package = Package(
    name: "EmbeddingCheck",
    dependencies: [.package(name: "CrimeKit", path: "../..")],
    targets: [
        .executableTarget(name: "EmbeddingCheck", dependencies: [
            .product(name: "CrimeCore", package: "CrimeKit"),
            .product(name: "CrimeModels", package: "CrimeKit"),
            .product(name: "CrimeEval", package: "CrimeKit"),
        ]),
    ]
)
