// swift-tools-version:6.0
// libFuzzer targets for CrimeKit's readers of untrusted input, as an outside package that depends on
// CrimeKit by path. Every folder of Sources/ is one fuzz target: an executable of one file whose `@main`
// hands its test function to libFuzzer (`LLVMFuzzerRunDriver`, declared by the Driver target), with its
// seed corpus in Corpus/<name without "Fuzz", lower-cased>/. Build and run them all with
// Tests/Fuzz/run.sh, which passes the flags libFuzzer needs (-sanitize=fuzzer,address, and
// -enable-testing so that a target may `@testable import` a module to check internal invariants).
import Foundation
import PackageDescription

/// The CrimeKit libraries a target uses, when more than CrimeCore.
let extraLibraries: [String: [String]] = [:]

let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Sources")
let names = ((try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()

let package = Package(
    name: "CrimeKitFuzz",
    dependencies: [.package(name: "CrimeKit", path: "../..")],
    targets: [.target(name: "LibFuzzerDriver", path: "Driver")] + names.map { name in
        .executableTarget(name: name, dependencies: ["LibFuzzerDriver"] + (["CrimeCore"] + (extraLibraries[name] ?? [])).map {
            .product(name: $0, package: "CrimeKit")
        })
    }
)
