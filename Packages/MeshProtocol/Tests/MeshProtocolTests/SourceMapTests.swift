import MeshProtocol
import Testing

private func at(_ offset: Int, _ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(offset: offset, line: line, column: column)
}

@Suite("SourceMap")
struct SourceMapTests {
    /// Plain text, one segment, two lines, with 2-, 3- and 4-byte characters and a combining accent.
    /// Source starts at byte 10 on line 2: `Ça coûte 5 €\nnext 😀 cafe\u{301} ok`.
    static let plain = SourceMap(
        text: "Ça coûte 5 €\nnext 😀 cafe\u{301} ok",
        segments: [TextSegment(textOffset: 0, position: at(10, 2, 1))]
    )

    @Test("positions across lines and multi-byte characters", arguments: [
        // (text offset in scalars, expected position)
        (0, at(10, 2, 1)),  // "Ç" (2 bytes)
        (1, at(12, 2, 2)),  // "a"
        (6, at(18, 2, 7)),  // "t" after "û" (2 bytes)
        (11, at(23, 2, 12)),  // "€" (3 bytes)
        (12, at(26, 2, 13)),  // "\n": one past "€"
        (13, at(27, 3, 1)),  // "n": a new line starts at column 1
        (18, at(32, 3, 6)),  // "😀" (4 bytes)
        (19, at(36, 3, 7)),  // " " after the emoji: one column, four bytes
        (24, at(41, 3, 12)),  // U+0301, a combining accent: its own scalar, so its own column
        (25, at(43, 3, 13)),  // " " after it (U+0301 is 2 bytes)
        (28, at(46, 3, 16)),  // end of text
    ])
    func positions(textOffset: Int, expected: SourcePosition) {
        #expect(Self.plain.position(at: textOffset) == expected)
    }

    @Test func offsetsOutsideTheTextAreClamped() {
        #expect(Self.plain.position(at: -5) == at(10, 2, 1))
        #expect(Self.plain.position(at: 1000) == at(46, 3, 16))
    }

    /// `The **café** opens` → text "The café opens": the `**` pairs are gaps between segments.
    static let bold = SourceMap(
        text: "The café opens",
        segments: [
            TextSegment(textOffset: 0, position: at(0, 1, 1)),  // "The "
            TextSegment(textOffset: 4, position: at(6, 1, 7)),  // "café"
            TextSegment(textOffset: 8, position: at(13, 1, 13)),  // " opens"
        ]
    )

    @Test func segmentsJumpOverDroppedMarkup() {
        #expect(Self.bold.position(at: 3) == at(3, 1, 4))
        #expect(Self.bold.position(at: 4) == at(6, 1, 7))  // "c", after "**"
        #expect(Self.bold.position(at: 7) == at(9, 1, 10))  // "é"
        #expect(Self.bold.position(at: 8) == at(13, 1, 13))  // " ", after "é" (2 bytes) and "**"
    }

    @Test func aSpanEndingAtASegmentBoundaryEndsInItsOwnSegment() {
        // "café" is [4, 8): it ends before the closing "**", not after it.
        #expect(Self.bold.range(of: TextSpan(start: 4, end: 8)) == SourceRange(start: at(6, 1, 7), end: at(11, 1, 11)))
        #expect(Self.bold.position(at: 8, endOfSpan: true) == at(11, 1, 11))
        #expect(Self.bold.position(at: 8, endOfSpan: false) == at(13, 1, 13))
        // "The " is [0, 4): ends before the opening "**".
        #expect(Self.bold.range(of: TextSpan(start: 0, end: 4)) == SourceRange(start: at(0, 1, 1), end: at(4, 1, 5)))
        // A span across the gap starts in one segment and ends in another.
        #expect(Self.bold.range(of: TextSpan(start: 0, end: 14)) == SourceRange(start: at(0, 1, 1), end: at(19, 1, 19)))
    }

    @Test func anEmptySpanIsAPoint() {
        #expect(Self.bold.range(of: TextSpan(start: 8, end: 8)) == SourceRange(start: at(13, 1, 13), end: at(13, 1, 13)))
    }

    /// One segment per source line, as the producer writes them for a paragraph over several lines in a
    /// block quote (`> ` is dropped from each line).
    @Test func segmentPerLine() {
        let map = SourceMap(
            text: "first line\nsecond",
            segments: [
                TextSegment(textOffset: 0, position: at(2, 1, 3)),
                TextSegment(textOffset: 11, position: at(15, 2, 3)),
            ])
        #expect(map.position(at: 10) == at(12, 1, 13))  // the newline itself, in the first segment
        #expect(map.position(at: 11) == at(15, 2, 3))
        #expect(map.range(of: TextSpan(start: 6, end: 17)) == SourceRange(start: at(8, 1, 9), end: at(21, 2, 9)))
        // "line" ends before the newline, on line 1; a span that takes the newline too ends where line 2 starts.
        #expect(map.range(of: TextSpan(start: 6, end: 10)) == SourceRange(start: at(8, 1, 9), end: at(12, 1, 13)))
        #expect(map.range(of: TextSpan(start: 6, end: 11)) == SourceRange(start: at(8, 1, 9), end: at(13, 2, 1)))
    }

    /// Found by `make fuzz` (wire): a chunk decoded off the wire with a negative segment offset trapped in
    /// `position(at:)` (an array index of -3), and would have crashed the specialist reviewing it.
    @Test func segmentsFromTheWireNeverTrap() {
        let negative = SourceMap(text: "abc", segments: [TextSegment(textOffset: -3, position: at(0, 1, 1))])
        #expect(negative.position(at: 2) == at(2, 1, 3))
        let huge = SourceMap(text: "ab\ncd", segments: [TextSegment(textOffset: 0, position: at(Int.max, Int.max, Int.max))])
        _ = huge.range(of: TextSpan(start: 0, end: 5))
        let unsorted = SourceMap(
            text: "abcdef",
            segments: [TextSegment(textOffset: 4, position: at(9, 1, 9)), TextSegment(textOffset: 999, position: at(0, 1, 1))])
        for offset in -2...8 { _ = unsorted.position(at: offset, endOfSpan: offset % 2 == 0) }
    }

    @Test func chunkPositionUsesItsSegments() {
        let chunk = Fixtures.paragraph
        #expect(chunk.position(at: 0) == at(120, 7, 1))
        #expect(chunk.position(at: 5) == at(127, 7, 8))  // "a" of "café"
        #expect(chunk.position(at: 18) == at(144, 7, 24))  // "9am", after the backtick
        #expect(chunk.position(at: 61) == at(227, 9, 7))  // "simply"
        let map = SourceMap(text: chunk.text, segments: chunk.segments)
        #expect(map.range(of: TextSpan(start: 4, end: 8)) == SourceRange(start: at(126, 7, 7), end: at(131, 7, 11)))
    }
}
