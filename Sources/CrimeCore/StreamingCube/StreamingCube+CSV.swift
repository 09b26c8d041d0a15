import Foundation

extension StreamingCube {
    /// Writes `cell,window_start,count` for every non-zero entry, in the order of ``forEachEntry(_:)``,
    /// through `OutputFile` (atomic), a megabyte at a time. Cells are written as `index` labels them (H3
    /// hex, `r07c12`, an area's label, quoted when it holds a comma or quote); window starts as
    /// ``windowStart(ofIndex:)`` writes them.
    public func writeCSV(to url: URL, index: some SpatialIndex) throws {
        try OutputFile.write(to: url) { file in
            var buffer: [UInt8] = Array("cell,window_start,count\n".utf8)
            buffer.reserveCapacity(1 << 20 + 256)
            var startText: [Int: [UInt8]] = [:]
            var lastCell: CellID?
            var cellText: [UInt8] = []
            try forEachEntry { cell, window, count in
                if cell != lastCell {
                    cellText = Array(CSVField.quoted(index.label(of: cell)).utf8)
                    lastCell = cell
                }
                let start: [UInt8]
                if let known = startText[window] {
                    start = known
                } else {
                    start = Array(windowStart(ofIndex: window).utf8)
                    startText[window] = start
                }
                buffer.append(contentsOf: cellText)
                buffer.append(0x2C)
                buffer.append(contentsOf: start)
                buffer.append(0x2C)
                buffer.append(contentsOf: String(count).utf8)
                buffer.append(0x0A)
                if buffer.count >= 1 << 20 {
                    try file.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try file.write(buffer)
        }
    }
}
