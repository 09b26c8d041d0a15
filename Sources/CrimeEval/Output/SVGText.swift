/// Escapes text for SVG and HTML content and attribute values.
func xmlEscaped(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for c in s {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(c)
        }
    }
    return out
}

/// A number for SVG coordinates: two decimals, no trailing zeros.
func svgNumber(_ x: Double) -> String {
    guard x.isFinite else { return "0" }
    let rounded = (x * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    return String(rounded)
}

/// A value for legends and tooltips: integers plainly, others with up to three significant decimals.
package func displayNumber(_ x: Double) -> String {
    guard x.isFinite else { return "–" }
    if x == x.rounded(), abs(x) < 1e12 { return String(Int(x)) }
    let magnitude = abs(x)
    let decimals = magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : 3
    var text = String(format: "%.\(decimals)f", x)
    while text.contains("."), text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}
