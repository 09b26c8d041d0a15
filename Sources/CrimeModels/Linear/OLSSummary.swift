import Foundation

extension OLSResult {
    /// The residual diagnostics of this fit.
    public var diagnostics: ResidualDiagnostics { ResidualDiagnostics(residuals: residuals) }

    /// A text table laid out like statsmodels' `summary()`: model figures, the coefficient table under the
    /// chosen covariance (z and normal p-values for robust ones), residual diagnostics and notes.
    public func summary(covariance type: CovarianceType = .nonrobust, alpha: Double = 0.05, date: Date = Date()) throws -> String {
        let inference = try inference(type)
        let f = try fTest(type)
        let rsquaredType = hasIntercept ? "" : " (uncentered)"
        let clock = DateFormatter()
        clock.locale = Locale(identifier: "en_US_POSIX")
        clock.dateFormat = "EEE, dd MMM yyyy"
        let day = clock.string(from: date)
        clock.dateFormat = "HH:mm:ss"
        let time = clock.string(from: date)
        let left: [(String, String)] = [
            ("Dep. Variable:", responseName), ("Model:", "OLS"), ("Method:", "Least Squares"), ("Date:", day),
            ("Time:", time), ("No. Observations:", "\(nobs)"), ("Df Residuals:", SummaryFormat.integer(dfResid)),
            ("Df Model:", SummaryFormat.integer(dfModel)), ("Covariance Type:", type.rawValue),
        ]
        let right: [(String, String)] = [
            ("R-squared\(rsquaredType):", SummaryFormat.c("%#8.3f", rsquared)),
            ("Adj. R-squared\(rsquaredType):", SummaryFormat.c("%#8.3f", rsquaredAdj)),
            ("F-statistic:", SummaryFormat.c("%#8.4g", f.fvalue)),
            ("Prob (F-statistic):", SummaryFormat.c("%#6.3g", f.pvalue)),
            ("Log-Likelihood:", SummaryFormat.c("%#8.5g", llf)),
            ("AIC:", SummaryFormat.c("%#8.4g", aic)), ("BIC:", SummaryFormat.c("%#8.4g", bic)),
        ]
        let top = SummaryFormat.pairs(left: left, right: right)
        let width = top.first?.count ?? 78
        var lines = [SummaryFormat.center("OLS Regression Results", width), String(repeating: "=", count: width)] + top

        let ci = inference.confInt(alpha: alpha)
        let nameWidth = max(10, termNames.map(\.count).max() ?? 0)
        let tableWidth = nameWidth + 68
        let letter = type == .nonrobust ? "t" : "z"
        let lowLabel = "[" + SummaryFormat.quantileLabel(alpha / 2), highLabel = SummaryFormat.quantileLabel(1 - alpha / 2) + "]"
        lines.append(String(repeating: "=", count: tableWidth))
        lines.append(SummaryFormat.pad("", nameWidth) + SummaryFormat.right("coef", 11) + SummaryFormat.right("std err", 11)
                     + SummaryFormat.right(letter, 11) + SummaryFormat.right("P>|\(letter)|", 11)
                     + SummaryFormat.right(lowLabel, 12) + SummaryFormat.right(highLabel, 12))
        lines.append(String(repeating: "-", count: tableWidth))
        for i in termNames.indices {
            lines.append(SummaryFormat.pad(termNames[i], nameWidth)
                         + SummaryFormat.right(SummaryFormat.forg(params[i], 4), 11)
                         + SummaryFormat.right(SummaryFormat.forg(inference.bse[i], 3), 11)
                         + SummaryFormat.right(SummaryFormat.forg(inference.statistics[i], 3), 11)
                         + SummaryFormat.right(SummaryFormat.c("%#6.3f", inference.pvalues[i]), 11)
                         + SummaryFormat.right(SummaryFormat.forg(ci[i].low, 3), 12)
                         + SummaryFormat.right(SummaryFormat.forg(ci[i].high, 3), 12))
        }
        let d = diagnostics
        let foot = SummaryFormat.pairs(
            left: [("Omnibus:", SummaryFormat.c("%#6.3f", d.omnibus)), ("Prob(Omnibus):", SummaryFormat.c("%#6.3f", d.omnibusPvalue)),
                   ("Skew:", SummaryFormat.c("%#6.3f", d.skew)), ("Kurtosis:", SummaryFormat.c("%#6.3f", d.kurtosis))],
            right: [("Durbin-Watson:", SummaryFormat.c("%#8.3f", d.durbinWatson)), ("Jarque-Bera (JB):", SummaryFormat.c("%#8.3f", d.jarqueBera)),
                    ("Prob(JB):", SummaryFormat.c("%#8.3g", d.jarqueBeraPvalue)), ("Cond. No.", SummaryFormat.c("%#8.3g", conditionNumber))])
        let footWidth = foot.first?.count ?? 78
        lines.append(String(repeating: "=", count: footWidth))
        lines += foot
        lines.append(String(repeating: "=", count: footWidth))
        lines += ["", "Notes:"] + notes(type).enumerated().map { "[\($0.offset + 1)] \($0.element)" }
        return lines.joined(separator: "\n")
    }

    private func notes(_ type: CovarianceType) -> [String] {
        var out: [String] = []
        if !hasIntercept {
            out.append("R² is computed without centering (uncentered) since the model does not contain a constant.")
        }
        switch type {
        case .nonrobust: out.append("Standard Errors assume that the covariance matrix of the errors is correctly specified.")
        case .cluster: out.append("Standard Errors are robust to cluster correlation (cluster)")
        default: out.append("Standard Errors are heteroscedasticity robust (\(type.rawValue))")
        }
        if conditionNumber > 1000 {
            out.append("The condition number is large, \(SummaryFormat.c("%.3g", conditionNumber)). This might indicate that there are\nstrong multicollinearity or other numerical problems.")
        }
        return out
    }
}

/// Number and column formatting of the summary, following statsmodels' printf formats.
enum SummaryFormat {
    static func c(_ format: String, _ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return String(format: format, value)
    }

    /// statsmodels' `forg`: fixed 3 or 4 decimals, or `g` for very large or small magnitudes.
    static func forg(_ value: Double, _ precision: Int) -> String {
        let general = abs(value) >= 1e4 || abs(value) < 1e-4
        return c(general ? "%.\(precision)g" : "%.\(precision)f", value)
    }

    static func integer(_ value: Double) -> String { String(Int(value.rounded())) }

    /// `0.025`, `0.975`: the quantile as statsmodels prints it in the confidence-interval header.
    static func quantileLabel(_ p: Double) -> String {
        var text = String(format: "%.3f", p)
        while text.hasSuffix("0"), text.count > 3 { text.removeLast() }
        return text
    }

    static func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
    static func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }

    /// Python's `str.center`.
    static func center(_ text: String, _ width: Int) -> String {
        let space = max(0, width - text.count)
        let left = space / 2 + (space & width & 1)
        return String(repeating: " ", count: left) + text + String(repeating: " ", count: space - left)
    }

    /// Two label/value columns side by side, separated by three spaces, as statsmodels lays them out: the
    /// left cell is at least 37 wide (the longest label, four spaces and the longest value), the right cell
    /// at least 38 (the longest label + 19); missing right cells are blank.
    static func pairs(left: [(String, String)], right: [(String, String)]) -> [String] {
        let leftLabel = left.map(\.0.count).max() ?? 0
        let leftValue = left.map { $0.1.trimmingCharacters(in: .whitespaces).count }.max() ?? 0
        let leftWidth = max(37, leftLabel + 4 + leftValue)
        let rightWidth = max(38, (right.map(\.0.count).max() ?? 0) + 19)
        return left.indices.map { i in
            let l = left[i].0 + Self.right(left[i].1.trimmingCharacters(in: .whitespaces), leftWidth - left[i].0.count)
            guard i < right.count else { return l + String(repeating: " ", count: 3 + rightWidth) }
            let value = right[i].1.trimmingCharacters(in: .whitespaces)
            return l + "   " + right[i].0 + Self.right(value, rightWidth - right[i].0.count)
        }
    }
}
