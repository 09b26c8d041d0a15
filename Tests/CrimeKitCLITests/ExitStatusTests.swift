import CrimeTestSupport
import Foundation
import Testing

/// `crimekit` exits 2 for usage errors (with the usage line) and 1 for data errors (one sentence, no usage
/// line), and never prints a raw Foundation or encoder error.
@Suite struct ExitStatusTests {
    func temporaryFile(_ name: String, _ text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-exit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func expectNoRawError(_ result: CLIRunner.Output, sourceLocation: SourceLocation = #_sourceLocation) {
        for raw in ["NSCocoaErrorDomain", "EncodingError", "DecodingError", "CommandError", "info -"] {
            #expect(!result.stderr.contains(raw) && !result.stdout.contains(raw), "\(result.stderr)", sourceLocation: sourceLocation)
        }
    }

    func nnArguments(output: String) -> [String] {
        ["nn", "predict", "--model", "lstm", "--weights", Fixtures.url("nn", "lstm_weights.safetensors").path,
         "--input", Fixtures.url("nn", "lstm_io.safetensors").path, "--output", output]
    }

    @Test func anUnknownFlagExitsTwoWithTheUsageLine() throws {
        let result = try CLIRunner.run(["metrics", "--regression", "--data", "-", "--no-such-flag"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--no-such-flag") && result.stderr.contains("Usage: crimekit metrics"))
    }

    @Test func aBadValueExitsTwo() throws {
        let result = try CLIRunner.run(["nn", "predict", "--model", "transformer", "--weights", "w", "--input", "i", "--output", "o"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--model must be convlstm, cnnlstm or lstm"))
    }

    @Test func helpExitsZero() throws {
        let result = try CLIRunner.run(["metrics", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: crimekit metrics"))
    }

    @Test func aMissingFileExitsOneWithoutUsage() throws {
        let result = try CLIRunner.run(["metrics", "--regression", "--data", "/nonexistent-crimekit/scores.csv"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent-crimekit/scores.csv") && result.stderr.contains("no such file or directory"))
        #expect(!result.stderr.contains("Usage"))
        expectNoRawError(result)
    }

    @Test func aDirectoryAsDataIsASentence() throws {
        let folder = FileManager.default.temporaryDirectory.path
        let result = try CLIRunner.run(["ols", "--data", folder, "--formula", "y ~ x"])
        #expect(result.status == 1)
        #expect(result.stderr.contains(folder) && result.stderr.contains("it is a directory"), "\(result.stderr)")
        expectNoRawError(result)
    }

    @Test func nnDataErrorsExitOneWithoutUsage() throws {
        let result = try CLIRunner.run(["nn", "predict", "--model", "lstm",
                                        "--weights", Fixtures.url("nn", "convlstm_weights.safetensors").path,
                                        "--input", Fixtures.url("nn", "convlstm_io.safetensors").path, "--output", "/tmp/unused.safetensors"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("lstm.weight_ih_l0"))
        #expect(!result.stderr.contains("Usage"))
    }

    @Test func aFormulaWithoutColumnsIsASentence() throws {
        let data = try temporaryFile("d.csv", "y,x\n1,2\n2,3\n3,5\n4,4\n")
        let result = try CLIRunner.run(["ols", "--data", data.path, "--formula", "y ~ 0"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the design has no columns"), "\(result.stderr)")
        expectNoRawError(result)
    }

    /// y = x / 2 exactly: the intercept's standard error is 0, so its t value (0 / 0) and p-value are NaN.
    @Test func nanInJSONIsNull() throws {
        let data = try temporaryFile("p.csv", "y,x\n1,2\n2,4\n3,6\n")
        let result = try CLIRunner.run(["ols", "--data", data.path, "--formula", "y ~ x", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let tvalues = try #require(json["tvalues"] as? [String: Any])
        #expect(tvalues["Intercept"] is NSNull)
        expectNoRawError(result)
    }

    @Test func outputToADirectoryIsASentence() throws {
        let folder = FileManager.default.temporaryDirectory.path
        let result = try CLIRunner.run(nnArguments(output: folder))
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write \(folder): it is a directory"), "\(result.stderr)")
        expectNoRawError(result)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs Linux's /dev/full"))
    func aFullDiskIsASentence() throws {
        let result = try CLIRunner.run(nnArguments(output: "/dev/full"))
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write /dev/full: no space left on device"), "\(result.stderr)")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs Linux's /dev/full"))
    func aFullStandardOutputIsASentence() throws {
        let data = try temporaryFile("scores.csv", "y_true,y_pred\n1,2\n3,3\n")
        for json in [false, true] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "'\(CLIRunner.executable.path)' metrics --regression --data '\(data.path)'\(json ? " --json" : "") > /dev/full"]
            let err = Pipe()
            process.standardError = err
            try process.run()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1)
            #expect(stderr.contains("cannot write standard output: no space left on device"), "\(stderr)")
        }
    }

    @Test func outputThroughASymlinkKeepsTheLink() throws {
        let target = try temporaryFile("real.safetensors", "old")
        let link = target.deletingLastPathComponent().appendingPathComponent("link.safetensors")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
        let result = try CLIRunner.run(nnArguments(output: link.path))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try Data(contentsOf: target).count > 8)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path).sorted()
                == ["link.safetensors", "real.safetensors"])
    }

    /// `--output /dev/stdout >> FILE` appends to FILE, as the redirection asks, rather than replacing it.
    @Test func outputToDevStdoutRedirectedToAFileLandsInIt() throws {
        let file = try temporaryFile("redirected.safetensors", "HEAD")
        let direct = file.deletingLastPathComponent().appendingPathComponent("direct.safetensors")
        #expect(try CLIRunner.run(nnArguments(output: direct.path)).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let arguments = nnArguments(output: "/dev/stdout").map { "'\($0)'" }.joined(separator: " ")
        process.arguments = ["-c", "'\(CLIRunner.executable.path)' \(arguments) >> '\(file.path)'"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try Data(contentsOf: file) == Data("HEAD".utf8) + Data(contentsOf: direct))
        #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path).sorted()
                == ["direct.safetensors", "redirected.safetensors"])
    }

    @Test func outputToDevNullLeavesTheDevice() throws {
        let result = try CLIRunner.run(nnArguments(output: "/dev/null"))
        #expect(result.status == 0, "\(result.stderr)")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }
}
