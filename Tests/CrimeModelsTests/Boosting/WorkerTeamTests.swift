@testable import CrimeModels
import Foundation
import Synchronization
import Testing

/// The boosting fit's team of spinning threads.
@Suite struct WorkerTeamTests {
    @Test("Every part runs exactly once, loop after loop, whatever the team's size and the number of parts",
          arguments: [1, 2, 3, 5])
    func everyPartOnce(size: Int) {
        let team = WorkerTeam(size: size)
        defer { team.shutdown() }
        for round in 0..<500 {
            let parts = round % 9
            let runs = Shared([Int](repeating: 0, count: parts))
            team.run(parts) { p in runs.withLock { $0[p] += 1 } }
            #expect(runs.withLock { $0 } == [Int](repeating: 1, count: parts))
        }
    }

    @Test("A loop started after the threads have gone to sleep runs in full")
    func afterSleeping() {
        let team = WorkerTeam(size: 3)
        defer { team.shutdown() }
        for _ in 0..<5 {
            usleep(useconds_t(WorkerTeam.spinNanoseconds / 1000 * 3))
            let total = Atomic<Int>(0)
            team.run(6) { p in total.add(p + 1, ordering: .relaxed) }
            #expect(total.load(ordering: .relaxed) == 21)
        }
    }

    @Test("Parts run on more than one thread when the team has several")
    func usesItsThreads() {
        let team = WorkerTeam(size: 2)
        defer { team.shutdown() }
        let threads = Shared<Set<UInt>>([])
        for _ in 0..<50 {
            team.run(2) { _ in
                let id = UInt(bitPattern: Int(bitPattern: UInt(pthread_self())))
                threads.withLock { _ = $0.insert(id) }
                usleep(200)
            }
        }
        #expect(threads.withLock { $0.count } == 2)
    }

    @Test("Shutting down twice is harmless")
    func shutdownTwice() {
        let team = WorkerTeam(size: 2)
        team.run(4) { _ in }
        team.shutdown()
        team.shutdown()
    }
}

/// A value behind a lock, for closures that run on several threads at once. An `NSLock` (a pthread
/// mutex) rather than `Mutex`, whose futex on Linux ThreadSanitizer cannot see.
private final class Shared<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }

    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&stored)
    }
}
