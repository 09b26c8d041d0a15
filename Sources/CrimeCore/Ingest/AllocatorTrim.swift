#if canImport(Glibc)
import Glibc
#endif

/// Returns memory freed by an ingest's working buffers to the system.
///
/// Chunks are parsed on worker threads and joined on the caller's; glibc keeps the freed pieces in
/// its heaps, where they stay resident (about 15 bytes per incident on a large extract). glibc's
/// `malloc_trim` releases them; it is looked up at run time, so on other C libraries this does nothing.
package enum AllocatorTrim {
    private typealias TrimFunction = @convention(c) (Int) -> Int32

    private static let trim: TrimFunction? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: TrimFunction.self)
        #else
        return nil
        #endif
    }()

    /// Releases free heap memory back to the system, where the C library allows it.
    package static func releaseFreeMemory() {
        _ = trim?(0)
    }
}
