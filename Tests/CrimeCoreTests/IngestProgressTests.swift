import CrimeCore
import CrimeTestSupport
import Foundation
import Testing

/// Ingest reports bytes read of the file's size, block by block, without changing what it reads.
@Suite struct IngestProgressTests {
    @Test func bytesClimbToTheFileSize() throws {
        var text = "id,t,lat,lon,type,note\n"
        for i in 0..<300 {
            text += "\(i),2023-01-\(String(format: "%02d", i % 28 + 1)) 10:00:00,41.\(1000 + i),-87.\(2000 + i),THEFT,\"a, b\"\n"
        }
        let path = try IngestTestSupport.write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let size = text.utf8.count
        let options = IngestOptions(blockSize: 1024, threads: 2)
        let events = LockedRecorder<ProgressEvent>()
        let watched = try IncidentReader.read(URL(fileURLWithPath: path), schema: IngestTestSupport.schema, options: options,
                                              progress: { events.add($0) })
        let plain = try IncidentReader.read(URL(fileURLWithPath: path), schema: IngestTestSupport.schema, options: options)
        #expect(watched.table == plain.table)
        #expect(watched.report == plain.report)
        #expect(watched.table.count == 300)

        let seen = events.values
        #expect(seen.count >= 5, "a 1 kB block size over \(size) bytes reports several rounds")
        #expect(seen.allSatisfy { $0.step == "ingest" && $0.unit == .bytes && $0.total == size })
        #expect(seen.first?.completed == 0)
        #expect(seen.last?.completed == size)
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.completed <= $1.completed })
    }
}
