/// Turns Unicode-scalar offsets in a chunk's text into source positions, using the chunk's segments.
///
/// Each answer takes logarithmic time: the UTF-8 length of every 64th prefix and the offsets of the line feeds
/// are recorded once, so a position is a binary search and at most 63 scalars. (Walking from the start of the
/// offset's segment made one long line, a single segment, cost time quadratic in its length.)
public struct SourceMap: Sendable {
    private let scalars: [Unicode.Scalar]
    private let segments: [TextSegment]
    /// `utf8Before[k]`: UTF-8 bytes of `scalars[..<(64 * k)]`.
    private let utf8Before: [Int]
    /// Offsets of the `\n` scalars, ascending.
    private let newlines: [Int]

    public init(text: String, segments: [TextSegment]) {
        self.init(scalars: Array(text.unicodeScalars), segments: segments)
    }

    public init(scalars: [Unicode.Scalar], segments: [TextSegment]) {
        self.scalars = scalars
        self.segments = segments
        var utf8Before: [Int] = []
        utf8Before.reserveCapacity(scalars.count / 64 + 1)
        var newlines: [Int] = []
        var bytes = 0
        for (k, s) in scalars.enumerated() {
            if k & 63 == 0 { utf8Before.append(bytes) }
            bytes += s.utf8Count
            if s == "\n" { newlines.append(k) }
        }
        if scalars.count & 63 == 0 { utf8Before.append(bytes) }
        self.utf8Before = utf8Before
        self.newlines = newlines
    }

    public func position(at textOffset: Int) -> SourcePosition {
        position(at: textOffset, endOfSpan: false)
    }

    /// An end offset that falls on a segment boundary belongs to the segment before it, so a span that
    /// ends just before dropped markup (`**`) ends there in the source too.
    public func position(at textOffset: Int, endOfSpan: Bool) -> SourcePosition {
        let offset = max(0, min(textOffset, scalars.count))
        guard let segment = segment(containing: endOfSpan ? offset - 1 : offset) else {
            return SourcePosition(offset: 0, line: 1, column: 1 + offset)
        }
        // Segments come off the wire as they were sent: a negative text offset counts from 0, and positions near
        // Int.max wrap instead of trapping (the answer is as wrong as the input, not a crash).
        var position = segment.position
        let from = max(0, min(segment.textOffset, offset))
        position.offset &+= bytes(before: offset) - bytes(before: from)
        let a = newlines(before: from), b = newlines(before: offset)
        if a == b {
            position.column &+= offset - from
        } else {
            position.line &+= b - a
            position.column = offset - newlines[b - 1]
        }
        return position
    }

    public func range(of span: TextSpan) -> SourceRange {
        SourceRange(
            start: position(at: span.start),
            end: span.end > span.start ? position(at: span.end, endOfSpan: true) : position(at: span.start)
        )
    }

    /// Where a whole chunk lies in the source, from its first segment to the end of its text; nil when it has no
    /// segments. One pass over the text and nothing copied, so it also serves chunks too large to review.
    public static func range(of chunk: Chunk) -> SourceRange? {
        guard let first = chunk.segments.first else { return nil }
        let count = scalarCount(chunk.text)
        // The segment of the last scalar, as for the end of a span.
        var last: TextSegment?
        for s in chunk.segments where s.textOffset <= count - 1 {
            if let l = last, s.textOffset < l.textOffset { continue }
            last = s
        }
        guard let last else { return SourceRange(start: first.position, end: first.position) }
        var end = last.position
        var k = 0
        for s in chunk.text.unicodeScalars {
            defer { k += 1 }
            guard k >= last.textOffset else { continue }
            end.offset &+= s.utf8Count
            if s == "\n" {
                end.line &+= 1
                end.column = 1
            } else {
                end.column &+= 1
            }
        }
        return SourceRange(start: first.position, end: max(end, first.position))
    }

    /// UTF-8 bytes of `scalars[..<k]`, `0 <= k <= scalars.count`.
    private func bytes(before k: Int) -> Int {
        var n = utf8Before[k >> 6]
        for j in (k & ~63)..<k { n += scalars[j].utf8Count }
        return n
    }

    /// How many line feeds lie before offset `k`.
    private func newlines(before k: Int) -> Int {
        var lo = 0, hi = newlines.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if newlines[mid] < k { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The last segment starting at or before `offset` (binary search; segments are sorted).
    private func segment(containing offset: Int) -> TextSegment? {
        var low = 0
        var high = segments.count - 1
        var found: TextSegment?
        while low <= high {
            let mid = (low + high) / 2
            if segments[mid].textOffset <= offset {
                found = segments[mid]
                low = mid + 1
            } else {
                high = mid - 1
            }
        }
        return found
    }
}

extension Unicode.Scalar {
    var utf8Count: Int { UTF8.width(self) }
}
