import CrimeCore

// Archive payloads of the linear models and the mean baseline. Every stored number is written as its
// 64-bit pattern, so a loaded model predicts, and an OLS summarises, exactly as the saved one did.

extension ArchiveWriter {
    mutating func write(_ m: Matrix) {
        write(Int64(m.rows))
        write(Int64(m.columns))
        write(m.values)
    }

    mutating func write(_ strings: [String]) {
        write(Int64(strings.count))
        for s in strings { write(s) }
    }

    mutating func writeOptional(_ value: Int?) {
        write(value != nil)
        write(Int64(value ?? 0))
    }
}

extension ArchiveReader {
    mutating func readMatrix() throws -> Matrix {
        let rows = Int(try read(Int64.self)), columns = Int(try read(Int64.self))
        let values = try readDoubles()
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard rows >= 0, columns >= 0, !overflow, values.count == count else {
            throw ArchiveError.corruptPayload(path: path, reason: "a \(rows) × \(columns) matrix with \(values.count) values")
        }
        return Matrix(rows: rows, columns: columns, values: values)
    }

    mutating func readStrings() throws -> [String] {
        let count = try read(Int64.self)
        guard count >= 0, count < 1 << 24 else { throw ArchiveError.corruptPayload(path: path, reason: "\(count) names") }
        return try (0..<Int(count)).map { _ in try readString() }
    }

    mutating func readOptionalInt() throws -> Int? {
        let present = try readBool()
        let value = Int(try read(Int64.self))
        return present ? value : nil
    }
}

extension OLS: PersistableModel {
    /// `ols`.
    public static var archiveKind: String { "ols" }

    /// Writes the whole ``OLSResult`` (every figure of the summary) and the intercept setting.
    public func encodePayload(into w: inout ArchiveWriter) throws {
        guard let r = result else { throw ArchiveError.notSavable(reason: "the OLS model has not been fitted") }
        w.write(addIntercept)
        w.write(r.termNames)
        w.write(r.responseName)
        for v in [r.params, r.bse, r.tvalues, r.pvalues, r.residuals, r.fittedValues, r.vif] { w.write(v) }
        for m in [r.covParams, r.normalizedCovParams, r.covHC0, r.covHC1, r.covHC2, r.covHC3] { w.write(m) }
        w.write(r.covCluster != nil)
        if let cluster = r.covCluster { w.write(cluster) }
        w.writeOptional(r.clusterCount)
        w.write(Int64(r.nobs))
        w.writeOptional(r.interceptIndex)
        w.write(r.hasIntercept)
        for x in [r.dfModel, r.dfResid, r.rsquared, r.rsquaredAdj, r.fvalue, r.fPvalue, r.llf, r.aic, r.bic, r.ssr,
                  r.scale, r.conditionNumber] { w.write(x) }
    }

    /// Rebuilds a fitted OLS.
    public static func decodePayload(from r: inout ArchiveReader) throws -> OLS {
        var model = OLS(addIntercept: try r.readBool())
        let names = try r.readStrings(), response = try r.readString()
        let vectors = try (0..<7).map { _ in try r.readDoubles() }
        let matrices = try (0..<6).map { _ in try r.readMatrix() }
        let cluster = try r.readBool() ? try r.readMatrix() : nil
        let clusterCount = try r.readOptionalInt()
        let nobs = Int(try r.read(Int64.self))
        let interceptIndex = try r.readOptionalInt(), hasIntercept = try r.readBool()
        let s = try (0..<12).map { _ in try r.readDouble() }
        guard vectors[0].count == names.count else {
            throw ArchiveError.corruptPayload(path: r.path, reason: "\(names.count) terms but \(vectors[0].count) coefficients")
        }
        model.result = OLSResult(termNames: names, responseName: response, params: vectors[0], bse: vectors[1],
                                 tvalues: vectors[2], pvalues: vectors[3], covParams: matrices[0],
                                 normalizedCovParams: matrices[1], covHC0: matrices[2], covHC1: matrices[3],
                                 covHC2: matrices[4], covHC3: matrices[5], covCluster: cluster, clusterCount: clusterCount,
                                 nobs: nobs, dfModel: s[0], dfResid: s[1], interceptIndex: interceptIndex,
                                 hasIntercept: hasIntercept, rsquared: s[2], rsquaredAdj: s[3], fvalue: s[4], fPvalue: s[5],
                                 llf: s[6], aic: s[7], bic: s[8], ssr: s[9], scale: s[10], residuals: vectors[4],
                                 fittedValues: vectors[5], vif: vectors[6], conditionNumber: s[11])
        return model
    }
}

extension LogisticRegression: PersistableModel {
    /// `logistic-regression`.
    public static var archiveKind: String { "logistic-regression" }

    /// Writes the settings, classes, coefficients and convergence record.
    public func encodePayload(into w: inout ArchiveWriter) throws {
        guard classes.count == 2 else { throw ArchiveError.notSavable(reason: "the logistic regression has not been fitted") }
        w.write(c)
        w.write(classWeight.archiveText)
        w.write(fitIntercept)
        w.write(Int64(maxIterations))
        w.write(tolerance)
        w.write(classes)
        w.write(coefficients)
        w.write(intercept)
        w.write(Int64(iterations))
        w.write(converged)
    }

    /// Rebuilds a fitted logistic regression.
    public static func decodePayload(from r: inout ArchiveReader) throws -> LogisticRegression {
        let c = try r.readDouble(), weightText = try r.readString()
        guard let weight = ClassWeight(archiveText: weightText) else {
            throw ArchiveError.corruptPayload(path: r.path, reason: "unknown class weight \(weightText)")
        }
        var model = LogisticRegression(c: c, classWeight: weight, fitIntercept: try r.readBool(),
                                       maxIterations: Int(try r.read(Int64.self)), tolerance: try r.readDouble())
        model.classes = try r.readDoubles()
        model.coefficients = try r.readDoubles()
        model.intercept = try r.readDouble()
        model.iterations = Int(try r.read(Int64.self))
        model.converged = try r.readBool()
        guard model.classes.count == 2 else { throw ArchiveError.corruptPayload(path: r.path, reason: "\(model.classes.count) classes") }
        return model
    }
}

extension MeanRegressor: PersistableModel {
    /// `mean`.
    public static var archiveKind: String { "mean" }

    /// Writes the mean and the feature count.
    public func encodePayload(into w: inout ArchiveWriter) throws {
        guard let mean else { throw ArchiveError.notSavable(reason: "the mean baseline has not been fitted") }
        w.write(mean)
        w.write(Int64(featureCount))
    }

    /// Rebuilds the fitted baseline.
    public static func decodePayload(from r: inout ArchiveReader) throws -> MeanRegressor {
        var model = MeanRegressor()
        model.mean = try r.readDouble()
        model.featureCount = Int(try r.read(Int64.self))
        return model
    }
}
