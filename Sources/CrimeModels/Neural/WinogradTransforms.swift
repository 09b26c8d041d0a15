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
}
