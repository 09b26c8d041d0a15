import CrimeCore
import Foundation
import CrimeEval

/// Weekly crime images: incident counts per pixel of a `size × size` raster over a latitude/longitude
/// box, one image per window, log1p-scaled.
///
/// Row 0 is the northern edge and column 0 the western edge (image order). Pixels divide the box's
/// degrees evenly; incidents outside the box or outside the windows are not counted.
public enum WeeklyHeatmaps {
    /// log1p(count) images, row-major `[window, row, column]`.
    ///
    /// - Throws: ``WeeklyDistrictError/badSetting(_:)`` for a size below 1 or an empty box;
    ///   ``WeeklyDistrictError/lengthMismatch(what:expected:got:)`` when the columns differ in length.
    public static func images(latitudes: [Double], longitudes: [Double], times: [Int64], windows: WindowSpan,
                              bounds: BoundingBox, size: Int) throws -> [Float] {
        guard size >= 1 else { throw WeeklyDistrictError.badSetting("the image size must be at least 1, got \(size)") }
        let height = bounds.maxLatitude - bounds.minLatitude, width = bounds.maxLongitude - bounds.minLongitude
        guard height > 0, width > 0 else { throw WeeklyDistrictError.badSetting("the image box is empty") }
        guard longitudes.count == latitudes.count else {
            throw WeeklyDistrictError.lengthMismatch(what: "longitudes", expected: latitudes.count, got: longitudes.count)
        }
        guard times.count == latitudes.count else {
            throw WeeklyDistrictError.lengthMismatch(what: "times", expected: latitudes.count, got: times.count)
        }
        let pixels = size * size
        var counts = [Float](repeating: 0, count: windows.count * pixels)
        let s = Double(size)
        counts.withUnsafeMutableBufferPointer { out in
            latitudes.withUnsafeBufferPointer { lat in
                longitudes.withUnsafeBufferPointer { lng in
                    times.withUnsafeBufferPointer { t in
                        for i in 0..<t.count {
                            let u = (lng[i] - bounds.minLongitude) / width, v = (bounds.maxLatitude - lat[i]) / height
                            guard u >= 0, u <= 1, v >= 0, v <= 1, let w = windows.ordinal(utc: t[i]) else { continue }
                            let column = min(size - 1, Int(u * s)), row = min(size - 1, Int(v * s))
                            out[w * pixels + row * size + column] += 1
                        }
                    }
                }
            }
            for k in 0..<out.count { out[k] = log1p(out[k]) }
        }
        return counts
    }
}
