/// The kernel transform of Winograd's minimal filtering F(4×4, 3×3) (Lavin & Gray, "Fast Algorithms for
/// Convolutional Neural Networks", CVPR 2016, interpolation points 0, ±1, ±2, ∞): for a 6×6 input tile d
/// and a 3×3 kernel g, the 4×4 "same"-correlation outputs are `Aᵀ [(G g Gᵀ) ⊙ (Bᵀ d B)] A`. The data
/// transforms `Bᵀ` and `Aᵀ` run in C (`nk_winograd_input`, `nk_winograd_output`), eight channels at a time.
enum WinogradTransforms {
    /// G (6×3) applied to one kernel row or column, in `Double` so that the transformed weights carry
    /// only their final rounding.
    static func kernel(_ g0: Double, _ g1: Double, _ g2: Double) -> [Double] {
        [g0 / 4, -(g0 + g1 + g2) / 6, -(g0 - g1 + g2) / 6, g0 / 24 + g1 / 12 + g2 / 6, g0 / 24 - g1 / 12 + g2 / 6, g2]
    }

    /// Gᵀ (3×6), the adjoint of ``kernel(_:_:_:)``: six transformed-kernel gradients to three kernel gradients.
    static func kernelAdjoint(_ u: [Double]) -> [Double] {
        [u[0] / 4 - (u[1] + u[2]) / 6 + (u[3] + u[4]) / 24,
         (u[2] - u[1]) / 6 + (u[3] - u[4]) / 12,
         (u[3] + u[4] - u[1] - u[2]) / 6 + u[5]]
    }

    /// Adds the kernel gradient `Gᵀ · dU · G` of a transformed-kernel gradient `du [36, in, out]` onto a
    /// PyTorch-ordered gradient `[out, in, 3, 3]`.
    static func accumulateKernelGradient(_ du: [Float], inputs: Int, outputs: Int, into w: inout [Float]) {
        for c in 0..<inputs {
            for o in 0..<outputs {
                let rows = (0..<6).map { i in kernelAdjoint((0..<6).map { j in Double(du[((i * 6 + j) * inputs + c) * outputs + o]) }) }
                for kx in 0..<3 {
                    let column = kernelAdjoint((0..<6).map { rows[$0][kx] })
                    for ky in 0..<3 { w[((o * inputs + c) * 3 + ky) * 3 + kx] += Float(column[ky]) }
                }
            }
        }
    }
}
