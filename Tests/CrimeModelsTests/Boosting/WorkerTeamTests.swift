@testable import CrimeModels
import CrimeTestSupport
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
            let runs = LockedRecorder<Int>()
            team.run(parts) { p in runs.add(p) }
            #expect(runs.values.sorted() == Array(0..<parts))
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
        let threads = LockedRecorder<UInt>()
        for _ in 0..<50 {
            team.run(2) { _ in
                let id = UInt(bitPattern: Int(bitPattern: UInt(pthread_self())))
                threads.add(id)
                usleep(200)
            }
        }
        #expect(Set(threads.values).count == 2)
    }

    @Test("Shutting down twice is harmless")
    func shutdownTwice() {
        let team = WorkerTeam(size: 2)
        team.run(4) { _ in }
        team.shutdown()
        team.shutdown()
    }
}
