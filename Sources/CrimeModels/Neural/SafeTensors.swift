import CrimeCore
import Foundation

/// The safetensors format (Hugging Face): an 8-byte little-endian header length, a JSON header mapping each
/// tensor name to `dtype`, `shape` and `data_offsets` [begin, end) relative to the data block, then the
/// data. CrimeKit reads and writes `F32` tensors; other dtypes are listed but refused when a tensor is used.
public struct SafeTensorsFile: Sendable {
    /// One tensor's header entry.
    public struct Entry: Sendable, Equatable {
        /// The dtype string (`F32`, `F64`, `I64`, …).
        public let dtype: String
        /// The shape.
        public let shape: [Int]
        let range: Range<Int>
    }

    /// Where the file came from, for error messages.
    public let file: String
    /// The header entries by tensor name.
    public let entries: [String: Entry]
    /// Tensor names in data order.
    public let names: [String]
    private let data: Data

    private static let elementSizes = ["F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1, "BOOL": 1]

    /// Reads and validates a file's header; throws ``NNError`` for a truncated or malformed file.
    public init(contentsOf url: URL) throws {
        let bytes: Data
        do throws(InputFileError) { bytes = try InputFile.read(url) } catch { throw NNError.io(file: url.path, reason: error.reason) }
        try self.init(bytes: bytes, file: url.path)
    }

    /// Parses a file held in memory.
    public init(bytes: Data, file: String) throws {
        self.file = file
        guard bytes.count >= 8 else { throw NNError.malformedFile(file: file, reason: "shorter than the 8-byte header length") }
        let headerLength = bytes.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw NNError.malformedFile(file: file, reason: "truncated: the header claims \(headerLength) bytes but \(bytes.count - 8) follow")
        }
        let headerEnd = 8 + Int(headerLength)
        let header = bytes.subdata(in: bytes.startIndex + 8 ..< bytes.startIndex + headerEnd)
        guard let json = try? JSONSerialization.jsonObject(with: header) as? [String: Any] else {
            throw NNError.malformedFile(file: file, reason: "the header is not a JSON object")
        }
        data = bytes.subdata(in: bytes.startIndex + headerEnd ..< bytes.endIndex)
        var entries: [String: Entry] = [:]
        for (name, value) in json where name != "__metadata__" {
            guard let info = value as? [String: Any], let dtype = info["dtype"] as? String,
                  let shape = Self.integers(info["shape"]),
                  let offsets = Self.integers(info["data_offsets"]), offsets.count == 2 else {
                throw NNError.malformedFile(file: file, reason: "tensor '\(name)' has an incomplete header entry")
            }
            guard let size = Self.elementSizes[dtype] else { throw NNError.malformedFile(file: file, reason: "tensor '\(name)' has unknown dtype \(dtype)") }
            let bytesNeeded = shape.reduce(Optional(size)) { total, axis in
                guard let total, axis >= 0 else { return nil }
                let (product, overflow) = total.multipliedReportingOverflow(by: axis)
                return overflow ? nil : product
            }
            guard let bytesNeeded, offsets[0] >= 0, offsets[1] >= offsets[0], offsets[1] - offsets[0] == bytesNeeded else {
                throw NNError.malformedFile(file: file, reason: "tensor '\(name)' has offsets \(offsets) that do not fit shape \(shape)")
            }
            guard offsets[1] <= data.count else {
                throw NNError.malformedFile(file: file, reason: "truncated: tensor '\(name)' ends at byte \(offsets[1]) of a \(data.count)-byte data block")
            }
            entries[name] = Entry(dtype: dtype, shape: shape, range: offsets[0]..<offsets[1])
        }
        self.entries = entries
        names = entries.sorted { ($0.value.range.lowerBound, $0.key) < ($1.value.range.lowerBound, $1.key) }.map(\.key)
    }

    /// A JSON array of whole numbers as `Int`s; nil when an element is not a whole number that `Int` holds
    /// exactly (a fraction, 1e300, a string), so no conversion can trap or round.
    private static func integers(_ value: Any?) -> [Int]? {
        guard let numbers = value as? [Any] else { return nil }
        var out: [Int] = []
        for element in numbers {
            guard let n = element as? NSNumber, let i = Int(exactly: n.doubleValue),
                  abs(i) <= 1 << 53 else { return nil }
            out.append(i)
        }
        return out
    }

    /// A float32 tensor's shape and values; throws naming the tensor when it is absent or not `F32`.
    public func float32(_ name: String) throws -> Tensor {
        guard let entry = entries[name] else { throw NNError.missingTensor(name: name, file: file) }
        guard entry.dtype == "F32" else { throw NNError.wrongDtype(tensor: name, expected: "F32", got: entry.dtype) }
        var values = [Float](repeating: 0, count: entry.shape.reduce(1, *))
        // CrimeKit runs on little-endian hosts (x86-64, arm64), so the bytes are copied as they are.
        data.withUnsafeBytes { raw in
            values.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[entry.range])) }
        }
        return Tensor(unchecked: entry.shape, values)
    }

    /// Every tensor as a parameter set in data order, buffers (`running_mean`, `running_var`) marked
    /// untrainable and PyTorch's integer `num_batches_tracked` counters skipped; any other tensor that is
    /// not `F32`, or that holds NaN or infinity, is an error naming it.
    public func parameterSet() throws -> ParameterSet {
        var set = ParameterSet()
        for name in names where !name.hasSuffix("num_batches_tracked") {
            let a = try float32(name)
            if let i = a.storage.firstIndex(where: { !$0.isFinite }) {
                throw NNError.nonFiniteWeights(tensor: name, index: i, file: file)
            }
            let buffer = name.hasSuffix(".running_mean") || name.hasSuffix(".running_var")
            try set.add(name, shape: a.shape, values: a.storage, trainable: !buffer)
        }
        return set
    }

    /// Writes named float32 tensors as a safetensors file (header padded with spaces to 8 bytes), through
    /// `OutputFile`: a failed write leaves the previous file, or none, and no temporary.
    public static func write(_ tensors: [(name: String, tensor: Tensor)], to url: URL) throws {
        var header = "{"
        var offset = 0
        for (k, t) in tensors.enumerated() {
            let shape = t.tensor.shape.map(String.init).joined(separator: ",")
            header += (k > 0 ? "," : "") + "\(jsonString(t.name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(offset + 4 * t.tensor.count)]}"
            offset += 4 * t.tensor.count
        }
        header += "}"
        while (header.utf8.count % 8) != 0 { header += " " }
        var bytes = Data(capacity: 8 + header.utf8.count + offset)
        withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: Array(header.utf8))
        for t in tensors {
            t.tensor.storage.withUnsafeBytes { bytes.append(contentsOf: $0) }
        }
        try OutputFile.write(bytes, to: url)
    }

    /// `text` as a quoted JSON string: quotes, backslashes and control characters (a newline in a tensor
    /// name) escaped, so that any name reads back.
    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Writes a parameter set under its names.
    public static func write(_ parameters: ParameterSet, to url: URL) throws {
        try write(parameters.names.indices.map { (parameters.names[$0], Tensor(unchecked: parameters.shapes[$0], parameters.values[$0])) }, to: url)
    }
}
