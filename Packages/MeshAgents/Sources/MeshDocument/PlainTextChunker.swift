import MeshProtocol

/// Plain text: paragraphs are runs of lines separated by lines of only whitespace. Each line's leading and
/// trailing spaces and tabs are left out of the text; lines are joined with "\n"; a segment starts at each
/// line's first character.
struct PlainTextChunker {
    let source: SourceText

    func run() -> ParsedDocument {
        var drafts: [ChunkDraft] = []
        var blocks: [OutlineBlock] = []
        var line = 1
        let lastLine = source.lineCount
        // A paragraph's scalars, gathered as its text is built (`Array(text.unicodeScalars)` decoded it all
        // again); one buffer for every paragraph, so it grows only to the longest.
        var scalars: [Unicode.Scalar] = []
        while line <= lastLine {
            if source.isBlankLine(line) {
                line += 1
                continue
            }
            let first = line
            var builder = TextBuilder()
            scalars.removeAll(keepingCapacity: true)
            while line <= lastLine, !source.isBlankLine(line) {
                var start = source.lineStart(line)
                var end = source.lineContentEnd(line)
                while start < end, source.bytes[start] == 0x20 || source.bytes[start] == 0x09 { start += 1 }
                while end > start, source.bytes[end - 1] == 0x20 || source.bytes[end - 1] == 0x09 { end -= 1 }
                if line > first {
                    builder.appendNewline(at: source.lineContentEnd(line - 1), source: source)
                    scalars.append("\n")
                }
                var q = start
                while q < end {
                    let (scalar, width) = source.scalar(at: q)
                    builder.append(scalar, at: q, sourceLength: width, source: source)
                    scalars.append(scalar)
                    q += width
                }
                line += 1
            }
            let built = builder.finish()
            let text = built.0
            var segments = built.1
            let ignored = TextSpans.merged(Prose.urlsAndPaths(in: scalars))
            let counts = Prose.counts(scalars, ignored: ignored)
            if segments.isEmpty { segments = [TextSegment(textOffset: 0, position: source.position(source.lineStart(first)))] }
            blocks.append(
                OutlineBlock(
                    kind: .paragraph, heading: nil, position: source.position(source.lineStart(first)), lines: line - first,
                    words: counts.words, sentences: counts.sentences))
            drafts.append(
                ChunkDraft(
                    kind: .paragraph, level: nil, text: text, segments: segments, ignored: ignored, headingPath: [],
                    startLine: first, endLine: line - 1))
        }
        return ParsedDocument(drafts: drafts, outline: Outline(headings: [], blocks: blocks))
    }
}
