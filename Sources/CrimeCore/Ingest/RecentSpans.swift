/// The latest quoted fields met while looking for a block's last record end: a ring of the offsets of
/// their opening and closing quotes, numbered in the order they were appended.
struct RecentSpans {
    /// How many quoted fields are remembered.
    static let capacity = 32
    private var opens = [Int](repeating: 0, count: capacity)
    private var closes = [Int](repeating: 0, count: capacity)
    /// Quoted fields appended so far.
    private(set) var count = 0

    /// The number of the oldest quoted field still remembered (0 while none was forgotten).
    var oldest: Int { max(0, count - Self.capacity) }

    /// Remembers a quoted field; `close` is the byte count when the field does not close.
    mutating func append(open: Int, close: Int) {
        opens[count % Self.capacity] = open
        closes[count % Self.capacity] = close
        count += 1
    }

    /// The opening quote of quoted field `i` (`oldest ..< count`).
    func open(_ i: Int) -> Int { opens[i % Self.capacity] }

    /// The closing quote of quoted field `i` (`oldest ..< count`).
    func close(_ i: Int) -> Int { closes[i % Self.capacity] }
}
