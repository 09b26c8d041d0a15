import Foundation

/// A block of a file's bytes that starts and ends on CSV record boundaries, in memory it owns.
final class CSVBlock: @unchecked Sendable {
    private let memory: UnsafeMutableRawPointer
    private let capacity: Int
    /// The block's bytes.
    let bytes: FieldBytes
    /// True for the file's last block.
    let isLast: Bool

    fileprivate init(memory: UnsafeMutableRawPointer, capacity: Int, start: Int, count: Int, isLast: Bool) {
        self.memory = memory
        self.capacity = capacity
        bytes = FieldBytes(start: memory.assumingMemoryBound(to: UInt8.self) + start, count: count)
        self.isLast = isLast
    }

    deinit { munmap(memory, capacity) }
}

/// Reads a CSV file in large blocks, each cut after its last line feed outside quotes.
///
/// The file is never held whole: each block is read with `read(2)` into its own memory (mapped
/// directly from the system, so it goes back to it when the block is done), and the bytes after the
/// cut are carried to the front of the next block. A UTF-8 byte-order mark at the start is skipped.
/// Quote parity decides where a record ends: a line feed ends a record when an even number of quotes
/// precedes it in the block, which holds because every block starts on a record boundary.
final class CSVBlockReader {
    private let file: String
    private let descriptor: Int32
    private let blockSize: Int
    private var carry: [UInt8] = []
    private var atStart = true
    private var finished = false
    /// Bytes read so far (the byte-order mark included).
    private(set) var bytesRead = 0
    /// The file's size when it was opened (0 for pipes and other streams).
    private(set) var fileSize = 0

    /// Opens a file; `blockSize` is the number of new bytes read per block.
    init(path: String, blockSize: Int) throws {
        file = path
        self.blockSize = max(1, blockSize)
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw IngestError.unreadable(file: path, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        if fstat(descriptor, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                close(descriptor)
                throw IngestError.unreadable(file: path, reason: "it is a directory")
            }
            fileSize = Int(info.st_size)
        }
    }

    deinit { close(descriptor) }

    /// The next block, or nil at the end of the file.
    func next() throws -> CSVBlock? {
        guard !finished else { return nil }
        var capacity = carry.count + blockSize
        var memory = try map(capacity)
        var filled = carry.count
        carry.withUnsafeBytes { if let src = $0.baseAddress { memory.copyMemory(from: src, byteCount: $0.count) } }
        carry.removeAll(keepingCapacity: false)
        while true {
            let got = try readFully(into: memory + filled, count: capacity - filled)
            filled += got
            let atEnd = filled < capacity
            let start = atStart
                ? CSVRecordScanner.byteOrderMarkLength(FieldBytes(start: memory.assumingMemoryBound(to: UInt8.self), count: filled))
                : 0
            if atEnd {
                finished = true
                atStart = false
                guard filled > start else {
                    munmap(memory, capacity)
                    return nil
                }
                return CSVBlock(memory: memory, capacity: capacity, start: start, count: filled - start, isLast: true)
            }
            let view = FieldBytes(start: memory.assumingMemoryBound(to: UInt8.self) + start, count: filled - start)
            if let cut = CSVBlockReader.lastRecordEnd(view) {
                atStart = false
                let rest = FieldBytes(rebasing: view[cut...])
                carry = Array(rest)
                return CSVBlock(memory: memory, capacity: capacity, start: start, count: cut, isLast: false)
            }
            // No record ends in this block (one very long record): read on into a bigger block.
            let bigger = try map(capacity * 2)
            bigger.copyMemory(from: memory, byteCount: filled)
            munmap(memory, capacity)
            memory = bigger
            capacity *= 2
        }
    }

    /// The offset just after the last line feed outside quotes, or nil when there is none.
    static func lastRecordEnd(_ bytes: FieldBytes) -> Int? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        var p = bytes.count - 1
        while p >= 0 && base[p] != 0x0A { p -= 1 }
        guard p >= 0 else { return nil }
        var odd = countQuotes(FieldBytes(start: base, count: p)) & 1 == 1
        // Walk back, undoing quotes, to a line feed preceded by an even number of quotes.
        while odd {
            repeat {
                p -= 1
                guard p >= 0 else { return nil }
                if base[p] == 0x22 { odd.toggle() }
            } while base[p] != 0x0A
        }
        return p + 1
    }

    /// Number of `"` bytes, eight at a time.
    static func countQuotes(_ bytes: FieldBytes) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let n = bytes.count
        var total = 0
        var i = 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = ones &* 0x22
        while i + 8 <= n {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ pattern
            // A byte of `word` is zero exactly where the input had a quote.
            let zeroBytes = ~(((word & ~highs) &+ ~highs) | word) & highs
            total += zeroBytes.nonzeroBitCount
            i += 8
        }
        while i < n {
            if base[i] == 0x22 { total += 1 }
            i += 1
        }
        return total
    }

    private func map(_ size: Int) throws -> UnsafeMutableRawPointer {
        guard let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED else {
            throw IngestError.unreadable(file: file, reason: "cannot allocate a block of \(size) bytes")
        }
        return p
    }

    private func readFully(into memory: UnsafeMutableRawPointer, count: Int) throws -> Int {
        var got = 0
        while got < count {
            let n = read(descriptor, memory + got, count - got)
            if n < 0 {
                if errno == EINTR { continue }
                throw IngestError.unreadable(file: file, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            got += n
        }
        bytesRead += got
        return got
    }
}
