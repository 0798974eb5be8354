import MeshAgents
import MeshDocument
import MeshProtocol

/// One specialist, through the review engine, on chunks made from the input.
///
/// The first byte picks the chunks: bits 0-1 = 0: the rest chunked as Markdown (every chunk, the outline
/// included); 2: chunked as plain text; 3: one chunk of the rest as it is (invalid UTF-8 repaired), of the
/// kind in bits 2-4 with the level in bits 5-7, so rule code also meets text the chunker would never produce
/// (raw `#`, `|`, backticks) under every kind; 1: the rest as a chunk's JSON body, as a specialist takes it
/// off the wire, any field any value (levels, spans, segments, suppressions, an outline's headings and lists).
///
/// Invariants: every finding's span lies in its chunk's text, its rule belongs to the specialist, its
/// message is not empty, a source range it carries lies in the document; the review's suggestion ranges
/// lie in the document; the tone score is finite and in [-1, 1]; prose counts are not negative. For a chunk
/// from JSON the document is unknown: nothing may trap, spans still lie in the text.
public func fuzzSpecialist(_ type: SpecialistType, _ data: UnsafeRawPointer, _ count: Int) {
    var input = FuzzInput(data, count)
    let mode = input.byte()
    var bytes = input.rest()
    let chunks: [Chunk]
    switch mode & 3 {
    case 1:
        guard let chunk = try? WireCodec().decode(Chunk.self, json: bytes) else { return }
        review(chunk, as: type, bytes: nil)
        return
    case 0, 2:
        let format: DocumentFormat = mode & 3 == 2 ? .text : .markdown
        guard let made = try? DocumentChunker().chunks(docId: "fuzz", source: "fuzz.md", bytes: bytes, format: format) else { return }
        chunks = made
    default:
        let text = String(decoding: bytes, as: UTF8.self)
        bytes = Array(text.utf8)
        let kinds: [ChunkKind] = [.paragraph, .heading, .listItem, .tableCell, .outline]
        let kind = kinds[Int((mode >> 2) & 7) % kinds.count]
        chunks = [
            Chunk(docId: "fuzz", index: 0, count: 1, source: "fuzz.txt", format: .text, kind: kind, text: text,
                  segments: [TextSegment(textOffset: 0, position: SourcePosition(offset: 0, line: 1, column: 1))],
                  level: Int(mode >> 5), outline: kind == .outline ? Outline() : nil)
        ]
    }
    for chunk in chunks { review(chunk, as: type, bytes: bytes) }
}

private let engine = ReviewEngine()

/// `bytes`: the document the chunk was made from, when known.
private func review(_ chunk: Chunk, as type: SpecialistType, bytes: [UInt8]?) {
    let what = "\(type) on chunk \(chunk.index) (\(chunk.kind)) \(chunk.text.prefix(80).debugDescription)"
    let count = chunk.text.unicodeScalars.count
    let analysis = engine.analyze(chunk, as: type)
    for finding in analysis.findings {
        // A chunk's own config may add custom rules or report itself malformed (structure.config).
        check(chunk.config != nil || finding.rule.hasPrefix(type.rawValue + "."), "\(what): rule \(finding.rule)")
        check(!finding.message.isEmpty, "\(what): \(finding.rule) without a message")
        checkSpan(finding.span, count: count, allowEmpty: true, "\(what): \(finding.rule)")
        if let range = finding.sourceRange, let bytes { checkRange(range, bytes: bytes, "\(what): \(finding.rule) source range") }
    }
    if let tone = analysis.tone { check(tone.isFinite && -1 <= tone && tone <= 1, "\(what): tone \(tone)") }
    if let c = analysis.counts {
        check(c.words >= 0 && c.sentences >= 0 && c.syllables >= 0 && c.letters >= 0 && c.complexWords >= 0, "\(what): counts \(c)")
    }
    let review = engine.review(chunk, as: type)
    check(review.suggestions.count == analysis.findings.count, "\(what): \(review.suggestions.count) suggestions, \(analysis.findings.count) findings")
    if let bytes {
        for s in review.suggestions { checkRange(s.range, bytes: bytes, "\(what): \(s.rule) suggestion") }
    }
}

private func checkRange(_ range: SourceRange, bytes: [UInt8], _ what: @autoclosure () -> String) {
    // Both ends in the document; an approximately placed run (see `strictPositions`) may end before it starts.
    check(0 <= range.start.offset && range.start.offset <= bytes.count && 0 <= range.end.offset && range.end.offset <= bytes.count,
          "\(what()): bytes \(range.start.offset)..<\(range.end.offset) of \(bytes.count)")
    check(range.start.line >= 1 && range.start.column >= 1 && range.end.line >= 1 && range.end.column >= 1, "\(what()): \(range)")
}
