import Foundation
import Testing

/// Checks what an embedding app prints for an error from CrimeKit: `body` must throw an `E`, and
/// that error, caught as `any Error`, must give its own `description` as Foundation's
/// `localizedDescription` (not "The operation could not be completed. (… error 0.)").
public func expectLocalizedDescription<E: Error & CustomStringConvertible>(
    _ type: E.Type, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    let caught: any Error
    do {
        try body()
        Issue.record("expected a \(E.self), nothing was thrown", sourceLocation: sourceLocation)
        return
    } catch {
        caught = error
    }
    guard let typed = caught as? E else {
        Issue.record("expected a \(E.self), got \(Swift.type(of: caught)): \(caught)", sourceLocation: sourceLocation)
        return
    }
    #expect(!typed.description.isEmpty, sourceLocation: sourceLocation)
    #expect(caught.localizedDescription == typed.description, sourceLocation: sourceLocation)
}
