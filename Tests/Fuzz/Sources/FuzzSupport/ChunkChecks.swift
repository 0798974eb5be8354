#if canImport(Glibc)
import Glibc
#endif
import MeshDocument
import MeshProtocol

/// Independently computes the 1-based line and scalar column of a byte offset (`\n`, `\r\n` and a lone `\r`
/// end lines; a byte-order mark is not part of line 1), to check the chunker's positions.
public func lineAndColumn(_ bytes: [UInt8], offset: Int) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var i = lineStart
    while i < offset {
        if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
            line += 1
            lineStart = i + 1
        }
        i += 1
    }
    let column = 1 + bytes[min(lineStart, offset)..<offset].filter { $0 & 0xC0 != 0x80 }.count
    return (line, column)
}

/// A position the chunker reported must lie in the document, on a character boundary, with the line and
/// column its offset has.
public func checkPosition(_ position: SourcePosition, in bytes: [UInt8], _ what: @autoclosure () -> String) {
    check(position.offset >= 0 && position.offset <= bytes.count, "\(what()): offset \(position.offset) outside 0...\(bytes.count)")
    check(position.offset == bytes.count || bytes[position.offset] & 0xC0 != 0x80,
          "\(what()): offset \(position.offset) inside a UTF-8 sequence")
    let (line, column) = lineAndColumn(bytes, offset: position.offset)
    check(position.line == line && position.column == column,
          "\(what()): offset \(position.offset) is \(line):\(column), reported \(position.line):\(position.column)")
}

/// A span of a text of `count` scalars must be a non-empty (or, if `allowEmpty`, empty) part of it.
public func checkSpan(_ span: TextSpan, count: Int, allowEmpty: Bool = false, _ what: @autoclosure () -> String) {
    check(span.start >= 0 && span.end <= count && (allowEmpty ? span.start <= span.end : span.start < span.end),
          "\(what()): span \(span.start)..<\(span.end) outside a text of \(count) scalars")
}

func checkSegments(_ segments: [TextSegment], text: String, bytes: [UInt8], _ what: String) {
    let count = text.unicodeScalars.count
    check(!segments.isEmpty, "\(what): no segments")
    check(segments[0].textOffset == 0, "\(what): first segment at \(segments[0].textOffset)")
    for (i, segment) in segments.enumerated() {
        check(segment.textOffset >= 0 && segment.textOffset <= count, "\(what): segment \(i) at \(segment.textOffset) of \(count)")
        if i > 0 {
            check(segment.textOffset >= segments[i - 1].textOffset, "\(what): segment \(i) out of order")
            // An approximately placed run may sit before the run it follows; exact ones go forward.
            check(!strictPositions || segment.position.offset >= segments[i - 1].position.offset, "\(what): segment \(i) goes back in the source")
        }
        checkPosition(segment.position, in: bytes, "\(what) segment \(i)")
    }
}

/// `FUZZ_STRICT_POSITIONS=1`: also check that every ASCII letter and digit maps to itself in the source. Off by
/// default: the chunker places a run it cannot find in the source (cmark-gfm invents or moves some text, e.g.
/// in malformed tables) approximately, at its cursor, by design; strict mode finds those runs.
public let strictPositions: Bool = {
    guard let value = getenv("FUZZ_STRICT_POSITIONS") else { return false }
    return String(cString: value) == "1"
}()

/// Within a segment, text and source match scalar for scalar: every ASCII letter or digit of the text is
/// the same byte at the source offset its segment gives it (or, last in its segment, an entity's `&`).
func checkScalarsMapBack(_ scalars: [Unicode.Scalar], segments: [TextSegment], bytes: [UInt8], _ what: String) {
    for (k, segment) in segments.enumerated() {
        let end = k + 1 < segments.count ? segments[k + 1].textOffset : scalars.count
        var offset = segment.position.offset
        var i = segment.textOffset
        while i < end {
            let scalar = scalars[i]
            if scalar.isASCII, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                // An entity (`&#65;`) maps its character to the `&`, and a new segment starts after it.
                check(offset < bytes.count && (bytes[offset] == UInt8(scalar.value) || (i == end - 1 && bytes[offset] == 0x26)),
                      "\(what): text scalar \(i) \(String(scalar).debugDescription) is source byte \(offset) "
                          + (offset < bytes.count ? String(UnicodeScalar(bytes[offset])).debugDescription : "(past the end)")
                          + "; text \(String(String.UnicodeScalarView(scalars.prefix(200))).debugDescription), segments "
                          + segments.prefix(20).map { "\($0.textOffset)->\($0.position.offset)" }.joined(separator: " "))
            }
            offset += String(scalar).utf8.count
            i += 1
        }
    }
}

/// The invariants of a chunked document: numbering, the outline last, every segment, ignored span and
/// heading position in range and agreeing with the source, the whole of each text mapping into the document
/// (and, in strict mode, every ASCII letter and digit found at the source byte its segment gives it).
public func checkChunks(_ chunks: [Chunk], docId: String, source: String, bytes: [UInt8], format: DocumentFormat) {
    check(!chunks.isEmpty, "no chunks (the outline chunk is always there)")
    check(chunks.last!.kind == .outline, "last chunk is \(chunks.last!.kind), not the outline")
    check(chunks.last!.outline != nil, "the outline chunk has no outline")
    for (i, chunk) in chunks.enumerated() {
        let what = "chunk \(i) (\(chunk.kind))"
        check(chunk.index == i && chunk.count == chunks.count, "\(what): numbered \(chunk.index) of \(chunk.count)")
        check(chunk.docId == docId && chunk.source == source && chunk.format == format, "\(what): wrong docId/source/format")
        check(chunk.kind != .outline || i == chunks.count - 1, "\(what): an outline chunk before the last")
        if chunk.kind == .outline { continue }
        check(!chunk.text.isEmpty, "\(what): empty text")
        check(format == .markdown || chunk.kind == .paragraph, "\(what): plain text gives paragraphs only")
        if chunk.kind == .heading { check((1...6).contains(chunk.level ?? 0), "\(what): heading level \(String(describing: chunk.level))") }
        let scalars = Array(chunk.text.unicodeScalars)
        checkSegments(chunk.segments, text: chunk.text, bytes: bytes, what)
        for span in chunk.ignored { checkSpan(span, count: scalars.count, what + " ignored") }
        for s in chunk.suppressions {
            if let from = s.fromLine, let to = s.toLine { check(1 <= from && from <= to, "\(what): suppression lines \(from)...\(to)") }
        }
        // The whole text maps into the document, end included (an approximately placed run may put the end
        // before the start; strict mode checks that exact runs do not).
        let map = SourceMap(text: chunk.text, segments: chunk.segments)
        let range = map.range(of: TextSpan(start: 0, end: scalars.count))
        check(0 <= range.start.offset && range.start.offset <= bytes.count && 0 <= range.end.offset && range.end.offset <= bytes.count
                && (!strictPositions || range.start.offset <= range.end.offset),
              "\(what): text maps to bytes \(range.start.offset)..<\(range.end.offset) of \(bytes.count)")
        if strictPositions { checkScalarsMapBack(scalars, segments: chunk.segments, bytes: bytes, what) }
    }
    let outline = chunks.last!.outline!
    for (i, heading) in outline.headings.enumerated() {
        check((1...6).contains(heading.level), "outline heading \(i): level \(heading.level)")
        checkPosition(heading.position, in: bytes, "outline heading \(i) start")
        checkPosition(heading.endPosition, in: bytes, "outline heading \(i) end")
        check(heading.position.offset <= heading.endPosition.offset, "outline heading \(i) ends before it starts")
    }
    for (i, block) in outline.blocks.enumerated() {
        check(block.heading.map { 0 <= $0 && $0 < outline.headings.count } ?? true, "outline block \(i): heading \(String(describing: block.heading))")
        check(block.lines >= 1 && block.words >= 0 && block.sentences >= 0, "outline block \(i): \(block.lines) lines, \(block.words) words")
        checkPosition(block.position, in: bytes, "outline block \(i)")
    }
    for (l, list) in (outline.lists ?? []).enumerated() {
        check(list.count >= 2, "outline list \(l) has \(list.count) items")
        for (i, item) in list.enumerated() {
            checkSegments(item.segments, text: item.text, bytes: bytes, "outline list \(l) item \(i)")
            if strictPositions {
                checkScalarsMapBack(Array(item.text.unicodeScalars), segments: item.segments, bytes: bytes, "outline list \(l) item \(i)")
            }
            for span in item.ignored { checkSpan(span, count: item.text.unicodeScalars.count, "outline list \(l) item \(i) ignored") }
        }
    }
}
