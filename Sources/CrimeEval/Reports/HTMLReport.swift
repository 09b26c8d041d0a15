import CrimeCore
import Foundation

/// A self-contained HTML report: headings, text, tables and inline SVG figures, with no network
/// assets. Hovering an area of an embedded ``ChoroplethMap`` shows its label and values.
public struct HTMLReport: Sendable {
    /// One piece of the report, in reading order.
    public enum Block: Sendable {
        /// A section heading.
        case heading(String)
        /// A paragraph of plain text.
        case paragraph(String)
        /// A table.
        case table(ReportTable)
        /// Preformatted text (a regression summary), in a monospaced block.
        case preformatted(String)
        /// An inline SVG document with a caption.
        case figure(svg: String, caption: String)
    }

    /// The page title and top heading.
    public var title: String
    /// The blocks in order.
    public var blocks: [Block]

    /// Creates a report.
    public init(title: String, blocks: [Block] = []) {
        self.title = title
        self.blocks = blocks
    }

    /// Appends a block.
    public mutating func add(_ block: Block) { blocks.append(block) }

    /// The page as HTML text.
    public func html() -> String {
        var body = ""
        var figureNumber = 0
        for block in blocks {
            switch block {
            case let .heading(text): body += "<h2>\(xmlEscaped(text))</h2>\n"
            case let .paragraph(text): body += "<p>\(xmlEscaped(text))</p>\n"
            case let .table(table): body += table.html()
            case let .preformatted(text): body += "<pre>\(xmlEscaped(text))</pre>\n"
            case let .figure(svg, caption):
                figureNumber += 1
                let inline = svg.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "")
                body += "<figure>\(inline)<figcaption>Figure \(figureNumber). \(xmlEscaped(caption))</figcaption></figure>\n"
            }
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(xmlEscaped(title))</title>
        <style>
        body { font-family: sans-serif; max-width: 980px; margin: 2em auto; padding: 0 1em; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border-bottom: 1px solid #ddd; padding: 4px 10px; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 1.5em 0; }
        pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; font-size: 12px; }
        figcaption { color: #555; font-size: 0.9em; }
        path.area:hover { stroke: #000; stroke-width: 1.5; }
        #tip { position: fixed; display: none; pointer-events: none; background: #fff; border: 1px solid #888;
               padding: 4px 8px; font-size: 12px; box-shadow: 0 1px 4px rgba(0,0,0,0.3); white-space: pre; }
        </style>
        </head>
        <body>
        <h1>\(xmlEscaped(title))</h1>
        \(body)<div id="tip"></div>
        <script>
        (function () {
          var tip = document.getElementById("tip");
          document.querySelectorAll("path.area").forEach(function (area) {
            area.addEventListener("mousemove", function (event) {
              var text = area.getAttribute("data-label") + ": " + area.getAttribute("data-value");
              var details = area.getAttribute("data-details");
              if (details) { text += "\\n" + details.split("; ").join("\\n"); }
              tip.textContent = text;
              tip.style.left = (event.clientX + 12) + "px";
              tip.style.top = (event.clientY + 12) + "px";
              tip.style.display = "block";
            });
            area.addEventListener("mouseleave", function () { tip.style.display = "none"; });
          });
        })();
        </script>
        </body>
        </html>

        """
    }

    /// Writes the page through `OutputFile` (a temporary file, then a rename; links followed).
    public func write(to url: URL) throws {
        try OutputFile.write(html(), to: url)
    }
}
