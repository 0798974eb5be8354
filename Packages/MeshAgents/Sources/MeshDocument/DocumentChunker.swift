import MeshProtocol

/// Why a document could not be chunked.
public enum DocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input is not UTF-8: `offset` is the 0-based byte offset of the first byte of the first invalid
    /// sequence, `line` and `column` (1-based, column in Unicode scalars) where it is.
    case invalidUTF8(offset: Int, line: Int, column: Int, byte: UInt8)
    /// cmark-gfm could not be set up or returned no document.
    case parserFailed(String)

    public var description: String {
        switch self {
        case let .invalidUTF8(offset, line, column, byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return "not UTF-8: invalid byte 0x\(hex.count == 1 ? "0" + hex : hex) at byte offset \(offset) (line \(line), column \(column))"
        case let .parserFailed(reason):
            return "Markdown parser failed: \(reason)"
        }
    }
}

extension DocumentFormat {
    /// `.markdown` for `.md`, `.markdown`, `.mdx` (any case), `.text` for anything else, stdin (`-`) included.
    public static func detect(path: String) -> DocumentFormat {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .text }
        switch name[name.index(after: dot)...].lowercased() {
        case "md", "markdown", "mdx": return .markdown
        default: return .text
        }
    }
}

/// Splits a document into the chunks the mesh reviews.
///
/// - Markdown is parsed with cmark-gfm (tables, strikethrough, autolinks, task lists). Every paragraph,
///   heading, list-item paragraph and table cell is a chunk, block-quoted ones included; code blocks, HTML
///   blocks, front matter, link reference definitions and thematic breaks are not prose and never chunked
///   (`chunksAndEvidence` returns the code blocks' text and the links' labels and destinations beside the chunks).
/// - Plain text is split on blank lines.
/// - The last chunk is always the `.outline` chunk (empty text) with the document's headings and blocks.
///
/// Positions are exact: `segments` map every scalar of a chunk's `text` back to the source (byte offset,
/// 1-based line, 1-based column in Unicode scalars). See `InlineLocator` for how inline runs are found.
public struct DocumentChunker: Sendable {
    public init() {}

    public func chunks(docId: String, source: String, bytes: [UInt8], format: DocumentFormat) throws(DocumentError) -> [Chunk] {
        try chunksAndEvidence(docId: docId, source: source, bytes: bytes, format: format).chunks
    }

    /// The chunks, and beside them what the document shows of its vocabulary outside its prose (code blocks,
    /// links) for `DocumentReview.withTerms`. Plain text has no such evidence.
    public func chunksAndEvidence(docId: String, source: String, bytes: [UInt8], format: DocumentFormat) throws(DocumentError)
        -> (chunks: [Chunk], evidence: DocumentEvidence)
    {
        if let bad = SourceText.firstInvalidUTF8(bytes) {
            let text = SourceText(bytes: Array(bytes[..<bad]))
            let line = text.lineCount
            let column = text.position(bad).column
            throw .invalidUTF8(offset: bad, line: line, column: column, byte: bytes[bad])
        }
        let text = SourceText(bytes: bytes)
        var parsed: ParsedDocument
        switch format {
        case .markdown: parsed = try MarkdownChunker(source: text).run()
        case .text: parsed = PlainTextChunker(source: text).run()
        }
        let count = parsed.drafts.count + 1
        var chunks: [Chunk] = []
        chunks.reserveCapacity(count)
        for (index, draft) in parsed.drafts.enumerated() {
            chunks.append(
                Chunk(
                    docId: docId, index: index, count: count, source: source, format: format, kind: draft.kind,
                    text: draft.text, segments: draft.segments, ignored: draft.ignored, headingPath: draft.headingPath,
                    level: draft.level, suppressions: draft.suppressions
                ))
        }
        parsed.outline.terms = []
        chunks.append(
            Chunk(
                docId: docId, index: count - 1, count: count, source: source, format: format, kind: .outline, text: "",
                segments: [TextSegment(textOffset: 0, position: text.position(text.contentStart))],
                outline: parsed.outline
            ))
        return (chunks, parsed.evidence)
    }
}

/// A chunk before it is numbered.
struct ChunkDraft {
    var kind: ChunkKind
    var level: Int?
    var text: String
    var segments: [TextSegment]
    var ignored: [TextSpan]
    var headingPath: [String]
    var startLine: Int
    var endLine: Int
    var suppressions: [Suppression] = []
}

struct ParsedDocument {
    var drafts: [ChunkDraft]
    var outline: Outline
    var evidence = DocumentEvidence()
}
