// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CrimeKit",
    products: [
        .library(name: "CrimeCore", targets: ["CrimeCore"]),
        .library(name: "CrimeGeo", targets: ["CrimeGeo"]),
        .library(name: "CrimeModels", targets: ["CrimeModels"]),
        .library(name: "CrimeForecast", targets: ["CrimeForecast"]),
        .library(name: "CrimeEval", targets: ["CrimeEval"]),
        .library(name: "CrimeSynthetic", targets: ["CrimeSynthetic"]),
        .library(name: "CrimeStudies", targets: ["CrimeStudies"]),
        .executable(name: "crimekit", targets: ["CrimeKitCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `swift package generate-documentation --target <Module>` builds each library's DocC catalog.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
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
        // The forecasting seam: SpaceTimeForecaster and the hot-spot methods that plug into it.
        .target(name: "CrimeForecast", dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CNeuralKernels"]),
        .target(name: "CrimeEval", dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeForecast"]),
        // The synthetic city and the study-shaped generators with their truths; no library layer imports it.
        .target(name: "CrimeSynthetic", dependencies: ["CrimeCore", "CrimeGeo", "CrimeForecast", "COpenBLAS"]),
        // The five studies' pipelines, each a composition of the layers below.
        .target(name: "CrimeStudies",
                dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeForecast", "CrimeEval", "CrimeSynthetic"]),
        .executableTarget(
            name: "CrimeKitCLI",
            dependencies: [
                "CrimeCore", "CrimeGeo", "CrimeModels", "CrimeForecast", "CrimeEval", "CrimeSynthetic", "CrimeStudies",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "QuickStart",
            dependencies: ["CrimeCore", "CrimeGeo", "CrimeSynthetic"],
            path: "Examples/QuickStart"
        ),
        // The five studies, one executable each (Examples/<Study>/main.swift).
        .executableTarget(
            name: "LasVegasHotspots",
            dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeForecast", "CrimeEval", "CrimeSynthetic", "CrimeStudies",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/LasVegasHotspots"
        ),
        .executableTarget(
            name: "DeploymentDisparities",
            dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeEval", "CrimeSynthetic", "CrimeStudies",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/DeploymentDisparities"
        ),
        .executableTarget(
            name: "TrustAndUseOfForce",
            dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeEval", "CrimeSynthetic", "CrimeStudies",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/TrustAndUseOfForce"
        ),
        .executableTarget(
            name: "ChicagoCNNLSTM",
            dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeEval", "CrimeSynthetic", "CrimeStudies",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/ChicagoCNNLSTM",
            exclude: ["data"]
        ),
        .executableTarget(
            name: "MobilityConvLSTM",
            dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeEval", "CrimeSynthetic", "CrimeStudies",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/MobilityConvLSTM",
            exclude: ["data"]
        ),
        .executableTarget(
            name: "CrimeBench",
            dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeForecast", "CrimeEval", "CrimeSynthetic", "CrimeStudies"],
            path: "Benchmarks/CrimeBench"
        ),
        // Fixtures live in Tests/Fixtures/<area>/ beside the scripts that made them; tests find them
        // through #filePath, so they are not bundled as resources.
        .target(name: "CrimeTestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CrimeCoreTests", dependencies: ["CrimeCore", "CrimeTestSupport"]),
        .testTarget(name: "CrimeGeoTests", dependencies: ["CrimeCore", "CrimeGeo", "CrimeTestSupport"]),
        .testTarget(name: "CrimeModelsTests",
                    dependencies: ["CrimeCore", "CrimeModels", "COpenBLAS", "CNeuralKernels", "CrimeTestSupport"]),
        .testTarget(name: "CrimeEvalTests", dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeEval", "CrimeTestSupport"]),
        .testTarget(name: "CrimeForecastTests",
                    dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeForecast", "CrimeTestSupport"]),
        .testTarget(name: "CrimeSyntheticTests",
                    dependencies: ["CrimeCore", "CrimeGeo", "CrimeForecast", "CrimeSynthetic", "CrimeTestSupport"]),
        .testTarget(name: "CrimeStudiesTests",
                    dependencies: ["CrimeCore", "CrimeGeo", "CrimeModels", "CrimeEval", "CrimeSynthetic",
                                   "CrimeStudies", "CrimeTestSupport"]),
        .testTarget(name: "CrimeKitCLITests", dependencies: ["CrimeCore", "CrimeTestSupport"]),
    ]
)
