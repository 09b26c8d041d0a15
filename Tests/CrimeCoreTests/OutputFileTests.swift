import CrimeCore
import Foundation
import Testing

/// `OutputFile`: links followed, devices and FIFOs written in place, directories refused, no temporary
/// left behind, and a sentence with the path for every failure.
@Suite struct OutputFileTests {
    /// A fresh empty folder under the system's temporary directory.
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func entries(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test func replacesARegularFileAndKeepsItsPermissions() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("out.csv")
        try OutputFile.write("old\n", to: target)
        #expect(chmod(target.path, 0o640) == 0)
        try OutputFile.write("a,b\n1,2\n", to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "a,b\n1,2\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: target.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        #expect(try entries(dir) == ["out.csv"])
    }

    @Test func writesThroughASymlinkAndKeepsIt() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("real.csv"), link = dir.appendingPathComponent("link.csv")
        try OutputFile.write("old\n", to: target)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.csv")
        try OutputFile.write("new\n", to: link)
        #expect(fileType(link.path) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.csv")
        #expect(try String(contentsOf: target, encoding: .utf8) == "new\n")
        #expect(try entries(dir) == ["link.csv", "real.csv"])
    }

    @Test func aDanglingSymlinkCreatesItsTarget() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let link = dir.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "made.csv")
        try OutputFile.write("x\n", to: link)
        #expect(fileType(link.path) == S_IFLNK)
        #expect(try String(contentsOf: dir.appendingPathComponent("made.csv"), encoding: .utf8) == "x\n")
    }

    @Test func devNullIsWrittenInPlaceAndStaysADevice() throws {
        try OutputFile.write("discarded\n", to: URL(fileURLWithPath: "/dev/null"))
        #expect(fileType("/dev/null") == S_IFCHR)
    }

    @Test func aFIFOWithAReaderReceivesTheBytes() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        try OutputFile.write("through the pipe\n", to: URL(fileURLWithPath: fifo))
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &buffer, buffer.count)
        #expect(count == 17)
        #expect(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self) == "through the pipe\n")
        #expect(fileType(fifo) == S_IFIFO)
    }

    @Test func aFIFOWithoutAReaderIsRefusedNotWaitedOn() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: OutputFileError.noReader(path: fifo)) { try OutputFile.write("x", to: URL(fileURLWithPath: fifo)) }
    }

    @Test func aDirectoryIsRefusedWithItsPath() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let error = OutputFileError.isDirectory(path: dir.path)
        #expect(throws: error) { try OutputFile.write("x", to: dir) }
        #expect(error.localizedDescription == "cannot write \(dir.path): it is a directory; give a file name")
        #expect(try entries(dir).isEmpty)
    }

    @Test func aMissingFolderIsASentence() throws {
        let path = "/nonexistent-crimekit-folder/out.csv"
        let error = OutputFileError.system(path: path, code: ENOENT)
        #expect(throws: error) { try OutputFile.write("x", to: URL(fileURLWithPath: path)) }
        #expect(error.localizedDescription == "cannot write \(path): no such file or directory")
    }

    @Test(.enabled(if: getuid() != 0, "root ignores file permissions"))
    func aReadOnlyFolderIsAPermissionSentence() throws {
        let dir = try folder()
        defer { chmod(dir.path, 0o700); try? FileManager.default.removeItem(at: dir) }
        #expect(chmod(dir.path, 0o500) == 0)
        let path = dir.appendingPathComponent("out.csv").path
        #expect(throws: OutputFileError.system(path: path, code: EACCES)) { try OutputFile.write("x", to: URL(fileURLWithPath: path)) }
        #expect(OutputFileError.system(path: path, code: EACCES).localizedDescription == "cannot write \(path): permission denied")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs Linux's /dev/full"))
    func aFullDiskIsASentence() throws {
        let error = OutputFileError.system(path: "/dev/full", code: ENOSPC)
        #expect(throws: error) { try OutputFile.write("x", to: URL(fileURLWithPath: "/dev/full")) }
        #expect(error.localizedDescription == "cannot write /dev/full: no space left on device")
    }

    struct Interrupted: Error {}

    @Test func aFailedWriteLeavesNoTemporaryAndTheTargetUntouched() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("out.csv")
        try OutputFile.write("old\n", to: target)
        #expect(throws: Interrupted.self) {
            try OutputFile.write(to: target) { file in
                try file.write("half a row")
                #expect(try entries(dir).count == 2)   // the hidden temporary exists while writing
                throw Interrupted()
            }
        }
        #expect(try entries(dir) == ["out.csv"])
        #expect(try String(contentsOf: target, encoding: .utf8) == "old\n")
    }

    @Test func aHandleDroppedWithoutCommitLeavesNothing() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            let file = try OutputFile(url: dir.appendingPathComponent("new.csv"))
            try file.write([UInt8]("abc".utf8))
        }
        #expect(try entries(dir).isEmpty)
    }

    @Test func foldersAreCreatedAndAFileInTheWayIsASentence() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let nested = dir.appendingPathComponent("a/b/c")
        try OutputFolder.create(nested)
        try OutputFolder.create(nested)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: nested.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        let file = dir.appendingPathComponent("file")
        try OutputFile.write("x", to: file)
        let error = OutputFileError.notAFolder(path: file.path)
        #expect(throws: error) { try OutputFolder.create(file.appendingPathComponent("sub")) }
        #expect(error.localizedDescription == "cannot create the folder \(file.path): a file with that name exists")
    }

    @Test func readingADirectoryOrAMissingFileIsASentence() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: InputFileError.notAFile(path: dir.path, kind: "directory")) { try InputFile.read(dir) }
        #expect(InputFileError.notAFile(path: dir.path, kind: "directory").localizedDescription
                == "cannot read \(dir.path): it is a directory, not a file")
        let missing = dir.appendingPathComponent("missing.csv")
        #expect(throws: InputFileError.system(path: missing.path, code: ENOENT)) { try InputFile.read(missing) }
        try OutputFile.write("a,b\n", to: missing)
        #expect(try InputFile.read(missing) == Data("a,b\n".utf8))
    }
}
