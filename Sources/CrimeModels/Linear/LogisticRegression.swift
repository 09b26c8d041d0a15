import COpenBLAS
import CrimeCore
import Foundation

/// Binary logistic regression with an L2 penalty, scikit-learn's `LogisticRegression` objective:
/// minimise `Σᵢ sᵢ · logloss(yᵢ, xᵢw + b) + ‖w‖² / (2C)` with sample weights sᵢ from the class weights and
/// the intercept b unpenalised. Fitted to convergence by Newton's method (IRLS) with a backtracking
/// line search, so the coefficients are the optimum scikit-learn's lbfgs approaches.
public struct LogisticRegression: Classifier, Sendable {
    /// Inverse penalty strength (scikit-learn's `C`); larger means weaker regularisation.
    public var c: Double
    /// Class weights.
    public var classWeight: ClassWeight
    /// Whether to fit an intercept.
    public var fitIntercept: Bool
    /// Newton iterations allowed.
    public var maxIterations: Int
    /// Stop when the largest gradient entry falls below this times the total sample weight.
    public var tolerance: Double

    /// The two class labels in ascending order (the second is the positive class), after fitting.
    public internal(set) var classes: [Double] = []
    /// The feature coefficients (scikit-learn's `coef_[0]`), after fitting.
    public internal(set) var coefficients: [Double] = []
    /// The intercept (scikit-learn's `intercept_[0]`), after fitting.
    public internal(set) var intercept: Double = 0
    /// Newton iterations the last fit took.
    public internal(set) var iterations = 0
    /// Whether the last fit met the tolerance within `maxIterations`.
    public internal(set) var converged = false

    /// An unfitted model.
    public init(c: Double = 1, classWeight: ClassWeight = .none, fitIntercept: Bool = true,
                maxIterations: Int = 100, tolerance: Double = 1e-12) {
        self.c = c
        self.classWeight = classWeight
        self.fitIntercept = fitIntercept
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }

    /// Learns the coefficients; targets must hold exactly two distinct labels.
    public mutating func fit(_ x: Matrix, targets y: [Double]) throws {
        try x.validate()
        guard c > 0, c.isFinite else { throw LinearModelError.invalidParameter("C must be positive and finite, not \(c)") }
        let names = (0..<x.columns).map { "x\($0 + 1)" }
        try DesignChecks.validate(design: x, response: y, termNames: names, responseName: "target", clusters: nil)
        let labels = Array(Set(y)).sorted()
        guard labels.count > 1 else { throw LinearModelError.singleClass(labels[0]) }
        guard labels.count == 2 else { throw LinearModelError.notBinary(labels) }
        let classWeights = try classWeight.weights(classes: labels, targets: y)
        let positive = y.map { $0 == labels[1] ? 1.0 : 0.0 }
        let weights = y.map { $0 == labels[1] ? classWeights[1] : classWeights[0] }
        let solver = LogisticNewton(x: x, y: positive, weights: weights, lambda: 1 / c, fitIntercept: fitIntercept)
        let solution = try solver.solve(maxIterations: maxIterations, tolerance: tolerance)
        classes = labels
        coefficients = Array(solution.beta.prefix(x.columns))
        intercept = fitIntercept ? solution.beta[x.columns] : 0
        iterations = solution.iterations
        converged = solution.converged
    }

    /// The decision function `xw + b` for each row.
    public func decisionFunction(_ x: Matrix) throws -> [Double] {
        try x.validate()
        guard !classes.isEmpty else { throw EstimatorError.notFitted }
        guard x.columns == coefficients.count else {
            throw EstimatorError.featureCountMismatch(expected: coefficients.count, got: x.columns)
        }
        return try x.multiplied(by: coefficients).map { $0 + intercept }
    }

    /// Probabilities: column 0 for the first class, column 1 for the second (positive) class.
    public func predictProbability(_ x: Matrix) throws -> Matrix {
        let z = try decisionFunction(x)
        var values = [Double](repeating: 0, count: 2 * z.count)
        for (i, v) in z.enumerated() {
            let p = LogisticNewton.sigmoid(v)
            values[2 * i] = 1 - p
            values[2 * i + 1] = p
        }
        return Matrix(rows: z.count, columns: 2, values: values)
    }

    /// The positive class where its probability exceeds 0.5, the other class elsewhere.
    public func predict(_ x: Matrix) throws -> [Double] {
        try decisionFunction(x).map { $0 > 0 ? classes[1] : classes[0] }
    }
}
