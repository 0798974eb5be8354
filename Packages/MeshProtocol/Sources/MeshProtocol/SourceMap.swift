/// Turns Unicode-scalar offsets in a chunk's text into source positions, using the chunk's segments.
public struct SourceMap: Sendable {
    private let scalars: [Unicode.Scalar]
    private let segments: [TextSegment]

    public init(text: String, segments: [TextSegment]) {
        self.scalars = Array(text.unicodeScalars)
        self.segments = segments
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
        // Segments come off the wire as they were sent: a negative text offset starts the walk at 0, and
        // positions near Int.max wrap instead of trapping (the answer is as wrong as the input, not a crash).
        var position = segment.position
        var i = max(segment.textOffset, 0)
        while i < offset {
            let scalar = scalars[i]
            position.offset &+= scalar.utf8Count
            if scalar == "\n" {
                position.line &+= 1
                position.column = 1
            } else {
                position.column &+= 1
            }
            i += 1
        }
        return position
    }

    public func range(of span: TextSpan) -> SourceRange {
        SourceRange(
            start: position(at: span.start),
            end: span.end > span.start ? position(at: span.end, endOfSpan: true) : position(at: span.start)
        )
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
