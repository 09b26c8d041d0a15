import Foundation

/// A JSON value built from a stream: one feature's properties or geometry, never a whole file.
package enum StreamedJSON: Equatable {
    case null
    case bool(Bool)
    /// A number as a `Double` (correctly rounded), with its `Int64` value when it was written as an
    /// integer that fits one.
    case number(Double, integer: Int64?)
    case string(String)
    case array([StreamedJSON])
    /// An object; a repeated key keeps its last value.
    case object([String: StreamedJSON])

    /// The member named `key` of an object; nil for a missing member or a value that is not an object.
    package subscript(key: String) -> StreamedJSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The text of a string value.
    package var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The value of a number.
    package var number: Double? {
        if case .number(let d, _) = self { return d }
        return nil
    }

    /// The elements of an array.
    package var array: [StreamedJSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The members of an object.
    package var object: [String: StreamedJSON]? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The value as `JSONSerialization` gives it (`NSNull`, `NSNumber` typed as Bool, Int or Double,
    /// `String`, arrays, dictionaries), for writing it back out with `JSONSerialization`.
    package var foundationObject: Any {
        switch self {
        case .null: return NSNull()
        case .bool(let b): return NSNumber(value: b)
        case .number(let d, let integer): return integer.map { NSNumber(value: $0) } ?? NSNumber(value: d)
        case .string(let s): return s
        case .array(let a): return a.map(\.foundationObject)
        case .object(let o): return o.mapValues(\.foundationObject)
        }
    }
}
