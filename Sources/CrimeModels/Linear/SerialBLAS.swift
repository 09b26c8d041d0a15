import COpenBLAS

/// Runs work that calls BLAS/LAPACK from several of CrimeKit's own threads with OpenBLAS's internal
/// threading turned off, then restores the previous thread count. Without this, OpenBLAS's worker threads
/// would spin against the caller's parallel row blocks (each block is far too small to be worth
/// splitting again).
enum SerialBLAS {
    static func run<T>(_ body: () throws -> T) rethrows -> T {
        let previous = openblas_get_num_threads()
        openblas_set_num_threads(1)
        defer { openblas_set_num_threads(previous) }
        return try body()
    }
}
