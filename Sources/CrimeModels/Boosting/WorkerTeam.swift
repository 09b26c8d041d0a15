import CNeuralKernels
import Dispatch
import Foundation
import Synchronization

/// The calling thread and `size − 1` threads of its own that run many short parallel loops one after
/// another, as a fit's tree growing does, far apart by a few microseconds each.
///
/// Between loops the team's threads wait by spinning for up to ``spinNanoseconds`` and then sleep, so a
/// loop that follows another one closely starts within a fraction of a microsecond instead of the several
/// microseconds it takes to wake a sleeping thread (as `DispatchQueue.concurrentPerform` must). Parts are
/// dealt statically: part `p` runs on member `p % size` (member 0 is the caller), so which thread runs a
/// part never changes a result. Call ``shutdown()`` when done: the threads hold the team.
final class WorkerTeam: @unchecked Sendable {
    /// The caller plus the team's threads.
    let size: Int
    /// How long an idle thread spins before it sleeps.
    static let spinNanoseconds: UInt64 = 200_000

    private let members: [Member]
    /// The current loop, read by members only between their `go` and `done` marks.
    private nonisolated(unsafe) var body: ((Int) -> Void)?
    private nonisolated(unsafe) var parts = 0
    private var epoch = 0

    /// A team of `size` (at least 1; 1 runs every part on the caller).
    init(size: Int) {
        self.size = max(1, size)
        members = (1..<max(1, size)).map { _ in Member() }
        for (k, member) in members.enumerated() {
            let thread = Thread { [self] in self.serve(member, index: k + 1) }
            thread.name = "CrimeKit boosting \(k + 1)"
            thread.start()
        }
    }

    /// Runs `body(p)` for every part `p` in `0..<parts` and returns when all have run.
    func run(_ parts: Int, _ body: (Int) -> Void) {
        guard parts > 1 && size > 1 else {
            for p in 0..<parts { body(p) }
            return
        }
        withoutActuallyEscaping(body) { body in
            self.body = body
            self.parts = parts
            epoch += 1
            let active = members.prefix(min(size, parts) - 1)
            for member in active { member.start(epoch) }
            for p in stride(from: 0, to: parts, by: size) { body(p) }
            for member in active { member.awaitDone(epoch) }
            self.body = nil
        }
    }

    /// Stops the team's threads (idempotent).
    func shutdown() {
        for member in members { member.stop() }
    }

    private func serve(_ member: Member, index: Int) {
        var seen = 0
        while let next = member.awaitStart(after: seen) {
            seen = next
            runShare(index: index)
            member.done.store(next, ordering: .releasing)
        }
    }

    /// Runs member `index`'s parts of the current loop. A function of its own, so that its reference to
    /// the loop's body is gone before the member marks the loop done.
    @inline(never)
    private func runShare(index: Int) {
        guard let body else { return }
        for p in stride(from: index, to: parts, by: size) { body(p) }
    }
}

/// One thread's start and done marks, and the semaphore it sleeps on.
private final class Member: Sendable {
    /// The epoch of the loop the thread should run (−1: stop).
    let go = Atomic<Int>(0)
    let done = Atomic<Int>(0)
    let sleeping = Atomic<Bool>(false)
    let wake = DispatchSemaphore(value: 0)

    func start(_ epoch: Int) {
        go.store(epoch, ordering: .sequentiallyConsistent)
        if sleeping.compareExchange(expected: true, desired: false, ordering: .sequentiallyConsistent).exchanged {
            wake.signal()
        }
    }

    func stop() { start(-1) }

    /// Waits until `go` moves past `seen`; nil when told to stop.
    func awaitStart(after seen: Int) -> Int? {
        let began = DispatchTime.now().uptimeNanoseconds
        var spins = 0
        while true {
            let next = go.load(ordering: .sequentiallyConsistent)
            if next < 0 { return nil }
            if next != seen { return next }
            spins += 1
            bk_spin_pause()
            if spins & 1023 == 0 && DispatchTime.now().uptimeNanoseconds - began > WorkerTeam.spinNanoseconds {
                sleeping.store(true, ordering: .sequentiallyConsistent)
                if go.load(ordering: .sequentiallyConsistent) != seen,
                   sleeping.compareExchange(expected: true, desired: false, ordering: .sequentiallyConsistent).exchanged {
                    continue  // started (or stopped) before it slept, and nobody will signal
                }
                wake.wait()  // signalled by `start`, now or after the check above
            }
        }
    }

    /// Waits (spinning, then yielding) until the thread marks `epoch` done.
    func awaitDone(_ epoch: Int) {
        var spins = 0
        while done.load(ordering: .acquiring) != epoch {
            spins += 1
            if spins < 1 << 16 { bk_spin_pause() } else { sched_yield() }
        }
    }
}
