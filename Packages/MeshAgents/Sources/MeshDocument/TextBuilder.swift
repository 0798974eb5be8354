import MeshProtocol

/// Builds a chunk's text scalar by scalar, each with the source byte offset it came from, and starts a new
/// `TextSegment` wherever the source is not contiguous (dropped markup, a new line, an entity).
struct TextBuilder {
    /// The text as UTF-8: appending to a `String.UnicodeScalarView` a scalar at a time was a quarter of the
    /// producer's instructions on plain text (callgrind).
    private var utf8: [UInt8] = []
    /// The text's length in scalars.
    private(set) var count = 0
    private(set) var segments: [TextSegment] = []
    private(set) var ignored: [TextSpan] = []
    private var nextOffset = -1
    private var forceNewSegment = true

    /// Appends `scalar` found at byte `offset` of `source`, whose source form is `sourceLength` bytes long
    /// (more than the scalar's own width for an entity such as `&amp;`).
    mutating func append(_ scalar: Unicode.Scalar, at offset: Int, sourceLength: Int, source: SourceText) {
        if forceNewSegment || offset != nextOffset {
            segments.append(TextSegment(textOffset: count, position: source.position(offset)))
        }
        put(scalar)
        count += 1
        let exact = sourceLength == UTF8.width(scalar) && scalar != "\n"
        nextOffset = offset + sourceLength
        forceNewSegment = !exact
    }

    /// Appends a line break ("\n") that stands for the line ending at `offset`; the next scalar starts a segment.
    mutating func appendNewline(at offset: Int, source: SourceText) {
        segments.append(TextSegment(textOffset: count, position: source.position(offset)))
        utf8.append(0x0A)
        count += 1
        forceNewSegment = true
    }

    @inline(__always) private mutating func put(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x80 { utf8.append(UInt8(truncatingIfNeeded: scalar.value)) } else { UTF8.encode(scalar) { utf8.append($0) } }
    }

    /// Appends scalars whose place in the source could not be found exactly: one segment at `offset`
    /// (the best known place, usually the block's or the run's start) for all of them.
    ///
    /// The place is moved back to a character boundary, and back far enough that the run's scalars, read as
    /// source bytes from there, end inside the document; a run longer than the document (cmark-gfm can make
    /// text longer than its source) gets a segment per scalar at the document's start. So every offset of
    /// the text maps into the document.
    mutating func appendApproximate(_ scalars: [Unicode.Scalar], at offset: Int, source: SourceText) {
        guard !scalars.isEmpty else { return }
        let width = scalars.reduce(0) { $0 + UTF8.width($1) }
        if width > source.count - source.contentStart {
            for scalar in scalars {
                segments.append(TextSegment(textOffset: count, position: source.position(source.contentStart)))
                put(scalar)
                count += 1
            }
            forceNewSegment = true
            return
        }
        var start = max(source.contentStart, min(offset, source.count - width))
        while start > source.contentStart, start < source.count, source.bytes[start] & 0xC0 == 0x80 { start -= 1 }
        segments.append(TextSegment(textOffset: count, position: source.position(start)))
        for scalar in scalars { put(scalar) }
        count += scalars.count
        forceNewSegment = true
    }

    mutating func ignore(from start: Int) {
        if count > start { ignored.append(TextSpan(start: start, end: count)) }
    }

    mutating func addIgnored(_ spans: [TextSpan]) {
        ignored.append(contentsOf: spans)
    }

    /// The text, with `ignored` sorted and merged.
    func finish() -> (text: String, segments: [TextSegment], ignored: [TextSpan]) {
        (String(decoding: utf8, as: UTF8.self), segments, TextSpans.merged(ignored))
    }
}

enum TextSpans {
    static func merged(_ spans: [TextSpan]) -> [TextSpan] {
        let sorted = spans.filter { $0.end > $0.start }.sorted()
        var out: [TextSpan] = []
        for span in sorted {
            if let last = out.last, span.start <= last.end {
                out[out.count - 1].end = max(last.end, span.end)
            } else {
                out.append(span)
            }
        }
        return out
    }
}
