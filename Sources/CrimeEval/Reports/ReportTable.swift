import CrimeCore
/// A small table of text cells for reports, printable as CSV, aligned text or HTML.
public struct ReportTable: Sendable, Equatable {
    /// Column headings.
    public var columns: [String]
    /// Rows, each with one cell per column.
    public var rows: [[String]]

    /// Creates a table; rows shorter than the header are padded with empty cells.
    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows.map { $0.count >= columns.count ? $0 : $0 + Array(repeating: "", count: columns.count - $0.count) }
    }

    /// RFC 4180 CSV with a header line.
    public func csv() -> String {
        ([columns] + rows).map { $0.map(CSVField.quoted).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// Columns padded to equal width for a terminal; numbers right-aligned.
    public func text() -> String {
        let widths = columns.indices.map { c in ([columns] + rows).map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, s in
                let pad = String(repeating: " ", count: widths[c] - s.count)
                return Double(s) != nil ? pad + s : s + pad
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(columns), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// An HTML `<table>`.
    func html() -> String {
        var out = "<table><thead><tr>" + columns.map { "<th>\(xmlEscaped($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in rows {
            out += "<tr>" + row.map { Double($0) != nil ? "<td class=\"num\">\(xmlEscaped($0))</td>" : "<td>\(xmlEscaped($0))</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }
}
