import Foundation

/// The one sentence `crimekit` prints for an error: CrimeKit's own errors print their `LocalizedError`
/// sentence; Foundation, encoder and decoder errors, which would print codes such as `NSCocoaErrorDomain`
/// or `EncodingError.invalidValue`, are turned into sentences naming the file or field.
enum ErrorSentence {
    static func text(for error: any Error) -> String {
        switch error {
        case let EncodingError.invalidValue(value, context):
            return "cannot write \(value) as JSON at '\(path(context.codingPath))': \(context.debugDescription)"
        case let DecodingError.dataCorrupted(context), let DecodingError.typeMismatch(_, context),
             let DecodingError.valueNotFound(_, context), let DecodingError.keyNotFound(_, context):
            return "cannot read JSON at '\(path(context.codingPath))': \(context.debugDescription)"
        default:
            break
        }
        let bridged = error as NSError
        guard bridged.domain == NSCocoaErrorDomain || bridged.domain == NSPOSIXErrorDomain else {
            return (error as? LocalizedError)?.errorDescription ?? String(describing: error)
        }
        let file = (bridged.userInfo[NSFilePathErrorKey] as? String) ?? (bridged.userInfo[NSURLErrorKey] as? URL)?.path
        let posix = bridged.domain == NSPOSIXErrorDomain ? bridged : bridged.userInfo[NSUnderlyingErrorKey] as? NSError
        let reason = posix.map { String(cString: strerror(Int32($0.code))) } ?? "the operating system reported error \(bridged.code)"
        return "\(file.map { "\($0): " } ?? "")\(reason.prefix(1).lowercased() + reason.dropFirst())"
    }

    /// A coding path as `a.b[2]`.
    private static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce("") { text, key in
            if let index = key.intValue { return text + "[\(index)]" }
            return text.isEmpty ? key.stringValue : text + "." + key.stringValue
        }
    }
}
