import MeshAgents
import MeshDocument
import MeshProtocol
import MeshText

/// A plain-text paragraph chunk with one segment at line 1, column 1.
func chunk(_ text: String, kind: ChunkKind = .paragraph, level: Int? = nil, ignored: [TextSpan] = [],
           suppressions: [Suppression] = [], config: String? = nil, index: Int = 0) -> Chunk {
    Chunk(docId: "doc", index: index, count: index + 2, source: "test.txt", format: .text, kind: kind, text: text,
          segments: [TextSegment(textOffset: 0, position: SourcePosition(offset: 0, line: 1, column: 1))],
          ignored: ignored, level: level, suppressions: suppressions, config: config)
}

/// Rule ids a specialist reports on `text` with the default config (all severities).
func rules(_ text: String, _ type: SpecialistType, kind: ChunkKind = .paragraph, config: MeshConfig = .default) -> Set<String> {
    Set(ReviewEngine(config: config).analyze(chunk(text, kind: kind), as: type).findings.map(\.rule))
}

func pos(_ line: Int, _ column: Int = 1, _ offset: Int = 0) -> SourcePosition {
    SourcePosition(offset: offset, line: line, column: column)
}

/// Chunks of a Markdown document through the MeshDocument chunker, outline terms filled.
func markdownChunks(_ text: String) throws -> [Chunk] {
    let (chunks, evidence) = try DocumentChunker().chunksAndEvidence(docId: "md", source: "test.md", bytes: Array(text.utf8), format: .markdown)
    return DocumentReview.withTerms(chunks, evidence: evidence)
}

/// Every suggestion of every specialist over a Markdown document.
func reviewMarkdown(_ text: String, config: MeshConfig = .default) throws -> [Suggestion] {
    let engine = ReviewEngine(config: config)
    let chunks = try markdownChunks(text)
    var out: [Suggestion] = []
    for c in chunks { for t in SpecialistType.allCases { out += engine.review(c, as: t).suggestions } }
    return out
}
