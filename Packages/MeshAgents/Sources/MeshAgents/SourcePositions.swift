import MeshProtocol

/// Source positions of chunk-text offsets: the answers of `MeshProtocol.SourceMap`, each in logarithmic time.
///
/// `SourceMap.position(at:)` walks from the start of the offset's segment, so a chunk of one long line (a whole
/// file without a line break, one segment) costs time proportional to its length for every finding: quadratic in
/// all. Here the UTF-8 length of every 64th prefix and the offsets of the line feeds are recorded once; a
/// position is then a binary search and at most 63 scalars. Segments with an offset outside the text are clamped
/// into it instead of trapping.
struct SourcePositions {
    private let scalars: [Unicode.Scalar]
    private let segments: [TextSegment]
    /// `utf8Before[k]`: UTF-8 bytes of `scalars[..<(64 * k)]`.
    private let utf8Before: [Int]
    /// Offsets of the `\n` scalars, ascending.
    private let newlines: [Int]

    init(text: String, segments: [TextSegment]) {
        self.init(scalars: unicodeScalars(of: text), segments: segments)
    }

    init(scalars: [Unicode.Scalar], segments: [TextSegment]) {
        self.scalars = scalars
        self.segments = segments
        var utf8Before: [Int] = []
        utf8Before.reserveCapacity(scalars.count / 64 + 1)
        var newlines: [Int] = []
        var bytes = 0
        for (k, s) in scalars.enumerated() {
            if k & 63 == 0 { utf8Before.append(bytes) }
            bytes += UTF8.width(s)
            if s == "\n" { newlines.append(k) }
        }
        if scalars.count & 63 == 0 { utf8Before.append(bytes) }
        self.utf8Before = utf8Before
        self.newlines = newlines
    }

    /// UTF-8 bytes of `scalars[..<k]`, `0 <= k <= scalars.count`.
    private func bytes(before k: Int) -> Int {
        var n = utf8Before[k >> 6]
        for j in (k & ~63)..<k { n += UTF8.width(scalars[j]) }
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
        var low = 0, high = segments.count - 1
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

    func position(at textOffset: Int) -> SourcePosition { position(at: textOffset, endOfSpan: false) }

    /// `SourceMap.position(at:endOfSpan:)`: an end offset on a segment boundary belongs to the segment before it.
    func position(at textOffset: Int, endOfSpan: Bool) -> SourcePosition {
        let offset = max(0, min(textOffset, scalars.count))
        guard let segment = segment(containing: endOfSpan ? offset - 1 : offset) else {
            return SourcePosition(offset: 0, line: 1, column: 1 + offset)
        }
        var position = segment.position
        let from = max(0, min(segment.textOffset, offset))
        position.offset += bytes(before: offset) - bytes(before: from)
        let a = newlines(before: from), b = newlines(before: offset)
        if a == b {
            position.column += offset - from
        } else {
            position.line += b - a
            position.column = offset - newlines[b - 1]
        }
        return position
    }

    func range(of span: TextSpan) -> SourceRange {
        SourceRange(
            start: position(at: span.start),
            end: span.end > span.start ? position(at: span.end, endOfSpan: true) : position(at: span.start)
        )
    }

    /// Where a whole chunk lies in the source, from its first segment to the end of its text; nil when it has no
    /// segments. Two passes over the text, nothing copied: this also serves chunks too large to review.
    static func range(of chunk: Chunk) -> SourceRange? {
        guard let first = chunk.segments.first else { return nil }
        let count = chunk.text.unicodeScalars.count
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
            end.offset += UTF8.width(s)
            if s == "\n" {
                end.line += 1
                end.column = 1
            } else {
                end.column += 1
            }
        }
        return SourceRange(start: first.position, end: max(end, first.position))
    }
}
