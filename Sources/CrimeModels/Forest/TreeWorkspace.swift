import CrimeCore
/// Scratch buffers and read-only views one tree needs while it grows; owned by one thread.
///
/// The views point into a `TrainingSet` and a weight array that outlive the workspace.
final class TreeWorkspace {
    let settings: TreeSettings
    let rows: Int
    let columns: Int
    let x: UnsafePointer<Float>
    let y: UnsafePointer<Double>
    let classIndex: UnsafePointer<Int32>?
    let weight: UnsafePointer<Double>
    /// Rows in the sample, grouped so that every node owns a contiguous range.
    let samples: UnsafeMutablePointer<Int32>
    let sampleCount: Int
    /// Feature values of the current node, sorted together with `samples`.
    let values: UnsafeMutablePointer<Float>
    /// Class totals of the node, of the left side and a node value, each `valueWidth` long.
    let total: UnsafeMutablePointer<Double>
    let leftCounts: UnsafeMutablePointer<Double>
    let nodeValue: UnsafeMutablePointer<Double>
    /// Feature order for drawing without replacement.
    let featureOrder: UnsafeMutablePointer<Int>

    init(settings: TreeSettings, rows: Int, columns: Int, x: UnsafePointer<Float>, y: UnsafePointer<Double>,
         classIndex: UnsafePointer<Int32>?, weight: UnsafePointer<Double>) {
        self.settings = settings
        self.rows = rows
        self.columns = columns
        self.x = x
        self.y = y
        self.classIndex = classIndex
        self.weight = weight
        var count = 0
        for i in 0..<rows where weight[i] > 0 { count += 1 }
        sampleCount = count
        samples = .allocate(capacity: max(count, 1))
        var k = 0
        for i in 0..<rows where weight[i] > 0 {
            samples[k] = Int32(i)
            k += 1
        }
        values = .allocate(capacity: max(count, 1))
        let width = settings.valueWidth
        total = .allocate(capacity: width)
        leftCounts = .allocate(capacity: width)
        nodeValue = .allocate(capacity: width)
        featureOrder = .allocate(capacity: columns)
        for j in 0..<columns { featureOrder[j] = j }
    }

    deinit {
        samples.deallocate()
        values.deallocate()
        total.deallocate()
        leftCounts.deallocate()
        nodeValue.deallocate()
        featureOrder.deallocate()
    }
}
