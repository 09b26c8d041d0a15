import Foundation

extension ForestCore {
    /// Appends the trees: per tree the node count, then `Int32` features, left and right children,
    /// `Float64` thresholds and `Float64` node values; then the importances.
    func encode(into writer: inout BinaryWriter) {
        writer.write(Int32(featureCount))
        writer.write(Int32(valueWidth))
        writer.write(UInt64(trees.count))
        for tree in trees {
            writer.write(tree.feature)
            writer.write(tree.left)
            writer.write(tree.right)
            writer.write(tree.threshold)
            writer.write(tree.value)
        }
        writer.write(importances)
    }

    /// Reads what `encode` wrote, checking that every tree is well formed (children after their parent
    /// with the left child next in depth-first order, inside the tree; features inside the feature count) so that prediction always terminates.
    static func decode(from reader: inout BinaryReader) throws -> ForestCore {
        let path = reader.path
        func invalid(_ reason: String) -> ModelFileError { .invalidContents(path: path, reason: reason) }
        let featureCount = Int(try reader.read(Int32.self))
        let valueWidth = Int(try reader.read(Int32.self))
        guard featureCount > 0, valueWidth > 0 else { throw invalid("feature count \(featureCount), value width \(valueWidth)") }
        let treeCount = try reader.read(UInt64.self)
        guard treeCount <= UInt64(reader.remaining) else { throw ModelFileError.truncated(path: path) }
        var trees: [FlatTree] = []
        for t in 0..<Int(treeCount) {
            var tree = FlatTree(valueWidth: valueWidth)
            tree.feature = try reader.readInt32s()
            tree.left = try reader.readInt32s()
            tree.right = try reader.readInt32s()
            tree.threshold = try reader.readDoubles()
            tree.value = try reader.readDoubles()
            let n = tree.feature.count
            guard n > 0, tree.left.count == n, tree.right.count == n, tree.threshold.count == n,
                  tree.value.count == n * valueWidth else { throw invalid("tree \(t) has arrays of different lengths") }
            for i in 0..<n where tree.feature[i] >= 0 {
                let l = Int(tree.left[i]), r = Int(tree.right[i])
                guard Int(tree.feature[i]) < featureCount, l == i + 1, l < n, r > l, r < n else {
                    throw invalid("tree \(t), node \(i) points outside the tree")
                }
            }
            trees.append(tree)
        }
        let importances = try reader.readDoubles()
        guard importances.count == featureCount else { throw invalid("\(importances.count) importances for \(featureCount) features") }
        return ForestCore(trees: trees, featureCount: featureCount, valueWidth: valueWidth, importances: importances)
    }
}

extension MaxFeatures {
    func encode(into writer: inout BinaryWriter) {
        switch self {
        case .sqrt: writer.write(UInt8(0)); writer.write(0.0)
        case .log2: writer.write(UInt8(1)); writer.write(0.0)
        case .fraction(let f): writer.write(UInt8(2)); writer.write(f)
        case .count(let n): writer.write(UInt8(3)); writer.write(Double(n))
        case .all: writer.write(UInt8(4)); writer.write(0.0)
        }
    }

    static func decode(from reader: inout BinaryReader) throws -> MaxFeatures {
        let tag = try reader.read(UInt8.self)
        let value = try reader.readDouble()
        switch tag {
        case 0: return .sqrt
        case 1: return .log2
        case 2: return .fraction(value)
        case 3 where value >= 1 && value < 1e9: return .count(Int(value))
        case 4: return .all
        default: throw ModelFileError.invalidContents(path: reader.path, reason: "unknown maxFeatures tag \(tag)")
        }
    }
}
