import Foundation

/// Runs the `crimekit` executable built beside the test bundle and captures what it prints.
enum CLIRunner {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The built `crimekit`, found next to the running test executable.
    static var executable: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !dir.path.isEmpty, dir.path != "/" {
            let candidate = dir.appendingPathComponent("crimekit")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/crimekit")
    }

    /// Runs `crimekit` with the arguments and optional standard input.
    static func run(_ arguments: [String], stdin: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Standard input is written and standard error read beside the read of standard output: a
        // command that answers while it reads would otherwise fill one pipe while this waits on another.
        // A command that stops reading early closes its end; the write then fails instead of raising SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let writer = Thread {
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
            try? input.fileHandleForWriting.close()
        }
        let errData = ReadBox()
        let errDone = DispatchSemaphore(value: 0)
        let errReader = Thread {
            errData.data = err.fileHandleForReading.readDataToEndOfFile()
            errDone.signal()
        }
        writer.start()
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.data, as: UTF8.self))
    }
}

/// Bytes one thread reads for another, handed over after a semaphore.
private final class ReadBox: @unchecked Sendable {
    var data = Data()
}
