import Dispatch
import Testing
@testable import CrimeCore

/// A token starts clear, stays cancelled once any thread cancels it, and its check throws
/// `CancellationError` only then (or inside a cancelled task).
@Suite struct CancellationTokenTests {
    @Test func aCancelFromAnyThreadIsSeenEverywhere() throws {
        let token = CancellationToken()
        #expect(!token.isCancelled)
        try CancellationToken.check(token)
        try CancellationToken.check(nil)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in token.cancel() }
        #expect(token.isCancelled)
        #expect(throws: CancellationError.self) { try CancellationToken.check(token) }
    }

    @Test func theCheckHonoursACancelledTask() async {
        let task = Task {
            while !Task.isCancelled { await Task.yield() }
            try CancellationToken.check(nil)
        }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
