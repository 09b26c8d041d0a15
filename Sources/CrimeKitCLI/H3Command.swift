import ArgumentParser
import CrimeCore
import CrimeGeo
import Foundation

/// `crimekit h3`: H3 cells of points and descriptions of cells, identical to h3-py's.
struct H3Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "h3",
        abstract: "H3 hexagonal cells (bit-exact with Uber's H3 4.x).",
        subcommands: [H3CellsCommand.self, H3DescribeCommand.self]
    )
}

/// A bad row of `crimekit h3 cells` input.
struct H3InputError: Error, CustomStringConvertible {
    /// The 1-based line number in the input (the header is line 1).
    var line: Int
    /// What is wrong with it.
    var reason: String
    var description: String { "standard input, line \(line): \(reason)" }
}

/// `crimekit h3 cells`: CSV `lat,lng,res` on stdin → CSV `cell`.
///
/// Standard input is read and answered a block of lines at a time, so memory stays flat however many
/// rows arrive; a bad row stops the command after the cells of the blocks before it are printed.
struct H3CellsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cells",
        abstract: "Read CSV with header lat,lng,res on standard input; print CSV with header cell, one H3 index per row."
    )

    /// The reason given for a line whose quoted field does not close.
    static let unclosedQuote = "a quoted field is not closed before the line ends"

    func run() throws {
        let reader = LineBlockReader(descriptor: STDIN_FILENO, source: "standard input")
        guard var block = try reader.next(), let headerLine = block.lines.first else {
            throw H3InputError(line: 1, reason: "no header; expected lat,lng,res")
        }
        let scanner = CSVRecordScanner.lineScanner()
        guard let names = CSVLineFields(block.bytes, line: headerLine, scanner: scanner)?.texts else {
            throw H3InputError(line: 1, reason: Self.unclosedQuote)
        }
        let header = names.joined(separator: ",")
        guard let latColumn = names.firstIndex(of: "lat"), let lngColumn = names.firstIndex(of: "lng"),
              let resColumn = names.firstIndex(of: "res") else {
            throw H3InputError(line: 1, reason: "header '\(header)' lacks one of the columns lat, lng, res")
        }
        var out = Array("cell\n".utf8)
        var skip = 1
        while true {
            out.reserveCapacity(out.count + 16 * block.lines.count)
            for (k, line) in block.lines.enumerated().dropFirst(skip) where !line.isEmpty {
                let number = block.firstLineNumber + k
                guard let fields = CSVLineFields(block.bytes, line: line, scanner: scanner) else {
                    throw H3InputError(line: number, reason: Self.unclosedQuote)
                }
                guard fields.count == names.count else {
                    throw H3InputError(line: number, reason: "expected \(names.count) fields, found \(fields.count)")
                }
                func value<T: LosslessStringConvertible>(_ column: Int, _ name: String) throws -> T {
                    let text = fields.text(column)
                    guard let value = T(text) else { throw H3InputError(line: number, reason: "\(name) '\(text)' is not a number") }
                    return value
                }
                let lat: Double = try value(latColumn, "lat"), lng: Double = try value(lngColumn, "lng")
                let res: Int = try value(resColumn, "res")
                do {
                    out.append(contentsOf: try H3.latLngToCell(latitude: lat, longitude: lng, resolution: res).description.utf8)
                    out.append(UInt8(ascii: "\n"))
                } catch let error as H3Error {
                    throw H3InputError(line: number, reason: error.description)
                }
            }
            try out.withUnsafeBufferPointer { try StandardOutput.write(bytes: $0) }
            out.removeAll(keepingCapacity: true)
            skip = 0
            guard let next = try reader.next() else { return }
            block = next
        }
    }
}

/// `crimekit h3 describe CELL --json`.
struct H3DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Describe one H3 cell: resolution, base cell, pentagon flag, centre, boundary, parent, sorted disk of radius 1."
    )

    @Argument(help: "An H3 index in hexadecimal, e.g. 882a100d25fffff.")
    var cell: String

    @Flag(name: .long, help: "Print one JSON object (the only output format).")
    var json = false

    /// The JSON document.
    struct Description: Encodable {
        var resolution: Int
        var baseCell: Int
        var isPentagon: Bool
        var center: [Double]
        var boundary: [[Double]]
        var parent: String?
        var disk1: [String]

        enum CodingKeys: String, CodingKey {
            case resolution, baseCell = "base_cell", isPentagon = "is_pentagon", center, boundary, parent, disk1
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(resolution, forKey: .resolution)
            try c.encode(baseCell, forKey: .baseCell)
            try c.encode(isPentagon, forKey: .isPentagon)
            try c.encode(center, forKey: .center)
            try c.encode(boundary, forKey: .boundary)
            try c.encode(parent, forKey: .parent)   // null at resolution 0
            try c.encode(disk1, forKey: .disk1)
        }
    }

    func run() throws {
        let index: H3Index
        do { index = try H3Index(cell) } catch let error as H3Error {
            throw ValidationError("argument CELL: \(error.description)")
        }
        let center = try H3.cellToLatLng(index)
        let parent = index.resolution > 0 ? try H3.cellToParent(index, resolution: index.resolution - 1).description : nil
        try JSONOutput.print(Description(
            resolution: index.resolution, baseCell: index.baseCell, isPentagon: index.isPentagon,
            center: [center.latitude, center.longitude],
            boundary: try H3.cellToBoundary(index).map { [$0.latitude, $0.longitude] },
            parent: parent, disk1: try H3.gridDisk(index, 1).map(\.description)))
    }
}
