/// The sentence for a LAPACK routine's non-zero `info`, shared by the matrix and model errors.
package enum LAPACKFailure {
    /// A positive `info` means the matrix is singular (or the iteration did not converge); a negative one
    /// names an argument LAPACK rejected, which CrimeKit should have prevented.
    package static func sentence(routine: String, info: Int) -> String {
        if info > 0 {
            return "the matrix is singular or too ill-conditioned to solve (LAPACK \(routine) stopped at step \(info)); "
                + "check for duplicated, constant or collinear columns"
        }
        return "LAPACK \(routine) rejected its argument \(-info) (an empty or malformed matrix); this is a CrimeKit bug, please report it"
    }
}
