// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CrimeKit",
    products: [
        .library(name: "CrimeCore", targets: ["CrimeCore"]),
        .library(name: "CrimeGeo", targets: ["CrimeGeo"]),
        .library(name: "CrimeModels", targets: ["CrimeModels"]),
        .library(name: "CrimeEval", targets: ["CrimeEval"]),
        .executable(name: "crimekit", targets: ["CrimeKitCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(name: "CrimeCore", dependencies: ["COpenBLAS"]),
        .target(name: "CrimeGeo", dependencies: ["CrimeCore"]),
        // Pointwise neural kernels in C: eight floats at a time, with an AVX2 build chosen at run time.
        .target(name: "CNeuralKernels"),
        .target(name: "CrimeModels", dependencies: ["CrimeCore", "COpenBLAS", "CNeuralKernels"]),
        .target(name: "CrimeEval", dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels"]),
        .executableTarget(
            name: "CrimeKitCLI",
            dependencies: [
                "CrimeCore", "CrimeGeo", "CrimeModels", "CrimeEval",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "QuickStart",
            dependencies: ["CrimeCore", "CrimeGeo"],
            path: "Examples/QuickStart"
        ),
        // The five studies, one executable each (Examples/<Study>/main.swift).
        .executableTarget(
            name: "LasVegasHotspots",
            dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeEval",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/LasVegasHotspots"
        ),
        .executableTarget(
            name: "DeploymentDisparities",
            dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeEval",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/DeploymentDisparities"
        ),
        .executableTarget(
            name: "TrustAndUseOfForce",
            dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeEval",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/TrustAndUseOfForce"
        ),
        .executableTarget(
            name: "ChicagoCNNLSTM",
            dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeEval",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/ChicagoCNNLSTM",
            exclude: ["data"]
        ),
        .executableTarget(
            name: "MobilityConvLSTM",
            dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeEval",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/MobilityConvLSTM"
        ),
        .executableTarget(
            name: "CrimeBench",
            dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeEval"],
            path: "Benchmarks/CrimeBench"
        ),
        // Fixtures live in Tests/Fixtures/<area>/ beside the scripts that made them; tests find them
        // through #filePath, so they are not bundled as resources.
        .target(name: "CrimeTestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CrimeCoreTests", dependencies: ["CrimeCore", "CrimeTestSupport"]),
        .testTarget(name: "CrimeGeoTests", dependencies: ["CrimeCore", "CrimeGeo", "CrimeTestSupport"]),
        .testTarget(name: "CrimeModelsTests", dependencies: ["CrimeCore", "CrimeModels", "CrimeTestSupport"]),
        .testTarget(name: "CrimeEvalTests", dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeEval", "CrimeTestSupport"]),
        .testTarget(name: "CrimeKitCLITests", dependencies: ["CrimeCore", "CrimeTestSupport"]),
    ]
)
