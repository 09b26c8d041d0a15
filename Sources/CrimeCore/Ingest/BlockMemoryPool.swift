import Foundation
import Synchronization

/// Memory for the blocks of one ``CSVBlockReader``, handed back when a block is done and given out again.
///
/// A fresh mapping costs a page fault and a zeroed page per 4 KiB the first time it is written; on a
/// multi-gigabyte file that was a fifth of the reading time. Blocks of the reader's usual size are
/// therefore kept (at most `limit` of them) and reused; larger ones (a record longer than a block)
/// go back to the system at once. Blocks may be released on any thread.
final class BlockMemoryPool: Sendable {
    private struct Mapping: @unchecked Sendable {
        let pointer: UnsafeMutableRawPointer
    }

    /// The size of the blocks that are kept.
    let blockSize: Int
    private let limit: Int
    private let free = Mutex<[Mapping]>([])

    /// A pool keeping up to `limit` blocks of `blockSize` bytes.
    init(blockSize: Int, limit: Int) {
        self.blockSize = blockSize
        self.limit = limit
    }

    deinit {
        free.withLock { for mapping in $0 { munmap(mapping.pointer, blockSize) } }
    }

    /// Memory for `size` bytes: a kept block when `size` is the usual size and one is free, else a new
    /// mapping; nil when the system refuses.
    func take(_ size: Int) -> UnsafeMutableRawPointer? {
        if size == blockSize, let kept = free.withLock({ $0.popLast() }) { return kept.pointer }
        guard let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED else {
            return nil
        }
        return p
    }

    /// Hands back memory from ``take(_:)`` of `size` bytes.
    func give(_ pointer: UnsafeMutableRawPointer, size: Int) {
        if size == blockSize {
            let kept = free.withLock { free -> Bool in
                guard free.count < limit else { return false }
                free.append(Mapping(pointer: pointer))
                return true
            }
            if kept { return }
        }
        munmap(pointer, size)
    }
}
