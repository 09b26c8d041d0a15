import CrimeForecast
import Testing

/// Expects `body` to throw ``ForecastError/badParameter(name:reason:)`` naming `name`.
func expectBadParameter(_ name: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Any) {
    let error = #expect(throws: ForecastError.self, sourceLocation: sourceLocation) { _ = try body() }
    guard let error else { return }
    guard case let .badParameter(got, _) = error else {
        Issue.record("expected a bad \(name), got: \(error)", sourceLocation: sourceLocation)
        return
    }
    #expect(got == name, sourceLocation: sourceLocation)
}

/// Expects `body` to throw ``ForecastError/spanOverlapsHistory(spanStart:origin:)``.
func expectSpanOverlap(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Any) {
    let error = #expect(throws: ForecastError.self, sourceLocation: sourceLocation) { _ = try body() }
    guard let error else { return }
    guard case .spanOverlapsHistory = error else {
        Issue.record("expected an overlapping span, got: \(error)", sourceLocation: sourceLocation)
        return
    }
}
