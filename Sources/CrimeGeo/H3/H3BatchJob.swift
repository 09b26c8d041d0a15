/// The buffers of one `H3.latLngToCells` call, shared by its parallel parts; each part writes only its
/// own range of `output`.
struct H3BatchJob: @unchecked Sendable {
    let latitudes: UnsafeBufferPointer<Double>
    let longitudes: UnsafeBufferPointer<Double>
    let output: UnsafeMutableBufferPointer<UInt64>
    let resolution: Int

    /// Writes the cells of the checked points in `range`.
    func run(_ range: Range<Int>) {
        H3FaceProjection.table.withUnsafeBufferPointer { table in
            for p in range {
                output[p] = H3.cell(latitude: latitudes[p], longitude: longitudes[p], resolution: resolution,
                                    table: table).rawValue
            }
        }
    }
}
