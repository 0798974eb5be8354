import MeshDocument
import MeshProtocol
import MeshText

/// Helpers for callers that hold a whole document (the producer, the CLI).
public enum DocumentReview {
    /// Fills the outline chunk with what only the whole document shows: `terms` (`TermVariants.uses` over
    /// the other chunks) and `lists` (the items of each run of sibling list items, for list parallelism).
    ///
    /// Each prose chunk also gets the words the document shows to be its terms (`TermEvidence.documentTerms`),
    /// appended to its `config` text after a marker (`DocumentTerms`): set `config` (the project's `.mesh.yaml`)
    /// before calling this, or pass it as `config`, so the terms are not overwritten.
    ///
    /// `evidence` (from `DocumentChunker.chunksAndEvidence`) adds the words of the document's code blocks and
    /// links, which are not in any chunk.
    public static func withTerms(_ chunks: [Chunk], evidence: DocumentEvidence = DocumentEvidence(), config: String? = nil,
                                 speller: Speller = .shared) -> [Chunk] {
        // One analysis per chunk serves both the variants and the terms.
        let analyses = chunks.map { $0.kind == .outline ? nil : TextAnalysis(chunk: $0) }
        let uses = TermVariants.uses(in: chunks, analyses: analyses)
        let lists = listGroups(chunks).map { group in
            group.map { OutlineListItem(text: $0.text, segments: $0.segments, ignored: $0.ignored) }
        }
        let grammar = GrammarSpecialist(speller: speller)
        let terms = TermEvidence.documentTerms(chunks, analyses: analyses, evidence: evidence, known: { grammar.check($0, lower: $0) },
                                               slipOfAWord: { w in speller.suggest(w).contains { TermEvidence.isTypingSlip(w, $0.lowercased()) } })
        return chunks.map { c in
            var c = c
            if let config { c.config = config }
            if let mine = terms[c.index] { c.config = DocumentTerms.appending(mine, to: c.config) }
            guard c.kind == .outline else { return c }
            if c.outline == nil { c.outline = Outline() }
            c.outline!.terms = uses
            c.outline!.lists = lists
            return c
        }
    }

    /// Runs of sibling list items: consecutive list-item chunks with the same level and heading path.
    public static func listGroups(_ chunks: [Chunk]) -> [[Chunk]] {
        var groups: [[Chunk]] = []
        var current: [Chunk] = []
        for c in chunks {
            if c.kind == .listItem, let last = current.last, last.index + 1 == c.index, last.level == c.level, last.headingPath == c.headingPath {
                current.append(c)
            } else {
                if current.count >= 2 { groups.append(current) }
                current = c.kind == .listItem ? [c] : []
            }
        }
        if current.count >= 2 { groups.append(current) }
        return groups
    }
}
