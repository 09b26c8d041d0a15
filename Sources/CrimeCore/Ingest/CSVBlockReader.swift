import Foundation

/// A block of a file's bytes that starts and ends on CSV record boundaries, in memory it owns.
final class CSVBlock: @unchecked Sendable {
    private let memory: UnsafeMutableRawPointer
    private let capacity: Int
    private let pool: BlockMemoryPool
    /// The block's bytes.
    let bytes: FieldBytes
    /// True for the file's last block.
    let isLast: Bool

    fileprivate init(memory: UnsafeMutableRawPointer, capacity: Int, pool: BlockMemoryPool, start: Int, count: Int,
                     isLast: Bool) {
        self.memory = memory
        self.capacity = capacity
        self.pool = pool
        bytes = FieldBytes(start: memory.assumingMemoryBound(to: UInt8.self) + start, count: count)
        self.isLast = isLast
    }

    deinit { pool.give(memory, size: capacity) }
}

/// Reads a CSV file in large blocks, each cut after its last record end (CR, LF or CRLF outside quoted fields).
///
/// The file is never held whole: each block is read with `read(2)` into its own memory (mapped
/// directly from the system and reused for later blocks through a ``BlockMemoryPool`` once a block is
/// done), and the bytes after the cut are carried to the front of the next block. A UTF-8 byte-order mark at the start is skipped.
/// Where a record ends is decided by ``CSVRecordScanner``'s quote rule (a quote opens a quoted field
/// only at the start of a field), followed from the block's start, which is always a record boundary.
final class CSVBlockReader {
    private let file: String
    private let descriptor: Int32
    private let blockSize: Int
    /// Bytes a usual block has beyond `blockSize` for the carried part of the previous block.
    private let carrySpare: Int
    private let pool: BlockMemoryPool
    private var carry: [UInt8] = []
    private var atStart = true
    private var finished = false
    /// Bytes read so far (the byte-order mark included).
    private(set) var bytesRead = 0
    /// The file's size when it was opened (0 for pipes and other streams).
    private(set) var fileSize = 0

    /// Opens a file; `blockSize` is about the number of new bytes read per block, and up to `keptBlocks` blocks'
    /// memory is kept for reuse (about as many as are in use at once).
    init(path: String, blockSize: Int, keptBlocks: Int = 4) throws {
        file = path
        self.blockSize = max(1, blockSize)
        carrySpare = self.blockSize / 8
        pool = BlockMemoryPool(blockSize: self.blockSize + carrySpare, limit: keptBlocks)
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
        // Usual blocks have room for carried bytes up to `carrySpare`, so they all have one size and their
        // memory is reused.
        var capacity = blockSize + max(carrySpare, carry.count)
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
                    pool.give(memory, size: capacity)
                    return nil
                }
                return CSVBlock(memory: memory, capacity: capacity, pool: pool, start: start, count: filled - start,
                                isLast: true)
            }
            let view = FieldBytes(start: memory.assumingMemoryBound(to: UInt8.self) + start, count: filled - start)
            if let cut = CSVBlockReader.lastRecordEnd(view) {
                atStart = false
                let rest = FieldBytes(rebasing: view[cut...])
                carry = Array(rest)
                return CSVBlock(memory: memory, capacity: capacity, pool: pool, start: start, count: cut, isLast: false)
            }
            // No record ends in this block (one very long record): read on into a bigger block.
            let bigger = try map(capacity * 2)
            bigger.copyMemory(from: memory, byteCount: filled)
            pool.give(memory, size: capacity)
            memory = bigger
            capacity *= 2
        }
    }

    /// The offset just after the last record end in `bytes` (which start on a record boundary), or nil
    /// when there is none. A record ends at a CR, LF or CRLF outside quoted fields, and a quoted field is
    /// one that starts with a quote (the scanner's rule). A CR that is the last byte is not taken: the LF
    /// of a CRLF may follow in the next block.
    ///
    /// Quotes are found eight bytes at a time and the quoted fields among them remembered (the latest
    /// `RecentSpans.capacity`); the last line end is then searched backwards, jumping over those
    /// fields. When it lies before all remembered fields, ``lastRecordEndByteByByte(_:)`` decides.
    static func lastRecordEnd(_ bytes: FieldBytes) -> Int? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        let n = bytes.count
        var spans = RecentSpans()
        var inQuotes = false
        var open = 0
        var skipTo = 0
        var i = 0
        while i < n {
            // The quotes of bytes i..<i+8, one high bit per quote byte, handled in order.
            var hits = quoteBits(base, at: i, count: n)
            while hits != 0 {
                let q = i + hits.trailingZeroBitCount >> 3
                hits &= hits - 1
                if q < skipTo { continue }
                if !inQuotes {
                    // A quote inside a field is data; one at the start of a field opens a quoted field.
                    if q == 0 || base[q - 1] == 0x2C || base[q - 1] == 0x0A || base[q - 1] == 0x0D {
                        inQuotes = true
                        open = q
                    }
                } else if q + 1 < n && base[q + 1] == 0x22 {
                    skipTo = q + 2
                } else {
                    inQuotes = false
                    spans.append(open: open, close: q)
                }
            }
            i += 8
        }
        if inQuotes { spans.append(open: open, close: n) }
        // Back from the end: the last line end not inside a remembered quoted field.
        var end = n
        var j = spans.count - 1
        while true {
            var k = end - 1
            while k >= 0 && !isRecordEnd(base, k, n) { k -= 1 }
            guard k >= 0 else { return nil }
            while j >= spans.oldest && spans.open(j) > k { j -= 1 }
            if j < spans.oldest { return spans.oldest == 0 ? k + 1 : lastRecordEndByteByByte(bytes) }
            if k > spans.close(j) { return k + 1 }
            end = spans.open(j)
        }
    }

    /// The same as ``lastRecordEnd(_:)``, by following the quote rule byte by byte from the start.
    static func lastRecordEndByteByByte(_ bytes: FieldBytes) -> Int? {
        let n = bytes.count
        var last: Int?
        var inQuotes = false
        var atFieldStart = true
        var p = 0
        while p < n {
            let b = bytes[p]
            p += 1
            if inQuotes {
                if b == 0x22 {
                    if p < n && bytes[p] == 0x22 { p += 1 } else { inQuotes = false }
                }
            } else if b == 0x22 && atFieldStart {
                inQuotes = true
                atFieldStart = false
            } else if b == 0x0A || b == 0x0D {
                if isRecordEnd(bytes.baseAddress!, p - 1, n) { last = p }
                atFieldStart = true
            } else {
                atFieldStart = b == 0x2C
            }
        }
        return last
    }

    /// True when byte `k` is a line end that can end a block: an LF, or a CR before the last byte.
    @inline(__always)
    private static func isRecordEnd(_ base: UnsafePointer<UInt8>, _ k: Int, _ n: Int) -> Bool {
        base[k] == 0x0A || (base[k] == 0x0D && k < n - 1)
    }

    /// The quotes among the eight bytes from `i` (fewer at the end): the high bit of byte k of the result
    /// is set when byte `i + k` is a quote.
    @inline(__always)
    private static func quoteBits(_ base: UnsafePointer<UInt8>, at i: Int, count n: Int) -> UInt64 {
        let highs: UInt64 = 0x8080_8080_8080_8080
        guard i + 8 <= n else {
            var bits: UInt64 = 0
            for k in 0..<(n - i) where base[i + k] == 0x22 { bits |= 0x80 << (8 * UInt64(k)) }
            return bits
        }
        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ 0x2222_2222_2222_2222
        // The high bit of a byte is set exactly where `word` has a zero byte, i.e. the input a quote.
        return ~(((word & ~highs) &+ ~highs) | word) & highs
    }

    private func map(_ size: Int) throws -> UnsafeMutableRawPointer {
        guard let p = pool.take(size) else {
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
