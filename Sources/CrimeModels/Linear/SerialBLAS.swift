import COpenBLAS
import Foundation

/// Runs work that calls BLAS/LAPACK from several of CrimeKit's own threads with OpenBLAS's internal
/// threading turned off. Without this, OpenBLAS's worker threads would spin against the caller's
/// parallel row blocks (each block is far too small to be worth splitting again).
///
/// OpenBLAS 0.3.21 has only a process-wide thread count, so the sections share it under one lock: the
/// first section to start saves the count and sets 1, sections that start while others run only join
/// them, and the last to end restores the saved count. Concurrent fits (two OLS fits on two threads, a
/// fit inside a parallel loop) therefore never restore each other's 1 over the count the process had,
/// and the lock is held only around the count changes, never around the BLAS work, so nested or
/// concurrent sections cannot deadlock. While any section runs, every BLAS call in the process (an
/// embedding app's own included) is single-threaded; a count the app sets during a section is replaced
/// by the saved one when the last section ends.
enum SerialBLAS {
    private static let sections = Sections()

    /// OpenBLAS's thread count outside the sections: the count saved for restoring while any section
    /// runs, else the current one.
    static var threadsOutsideSections: Int32 { sections.threadsOutside }

    static func run<T>(_ body: () throws -> T) rethrows -> T {
        sections.enter()
        defer { sections.leave() }
        return try body()
    }

    /// How many sections run and the thread count to restore when none does.
    private final class Sections: @unchecked Sendable {
        private let lock = NSLock()
        private var running = 0
        private var saved: Int32 = 1

        var threadsOutside: Int32 { lock.withLock { running > 0 ? saved : openblas_get_num_threads() } }

        func enter() {
            lock.withLock {
                if running == 0 {
                    saved = openblas_get_num_threads()
                    openblas_set_num_threads(1)
                }
                running += 1
            }
        }

        func leave() {
            lock.withLock {
                running -= 1
                if running == 0 { openblas_set_num_threads(saved) }
            }
        }
    }
}
