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
        withTerms(Analysed(chunks, evidence: evidence), config: config, speller: speller)
    }

    /// `withTerms` in two steps, so a caller with many documents can analyse them all while the speller loads:
    /// this is the step that needs no speller.
    public struct Analysed: Sendable {
        public let chunks: [Chunk]
        let evidence: DocumentEvidence
        /// One analysis per chunk (nil for the outline) serves both the variants and the terms.
        let analyses: [TextAnalysis?]
        let uses: [TermUse]
        let lists: [[OutlineListItem]]

        public init(_ chunks: [Chunk], evidence: DocumentEvidence = DocumentEvidence()) {
            self.evidence = evidence
            // Each prose chunk leaves with the non-prose spans found here (`Chunk.nonProse`), which every
            // specialist would otherwise find again.
            var analysed: [Chunk] = []
            var analyses: [TextAnalysis?] = []
            analysed.reserveCapacity(chunks.count)
            analyses.reserveCapacity(chunks.count)
            for chunk in chunks {
                if chunk.kind == .outline {
                    analysed.append(chunk)
                    analyses.append(nil)
                } else {
                    let (chunk, analysis) = TextAnalysis.withNonProse(chunk)
                    analysed.append(chunk)
                    analyses.append(analysis)
                }
            }
            self.chunks = analysed
            self.analyses = analyses
            uses = TermVariants.uses(in: chunks, analyses: analyses)
            lists = listGroups(chunks).map { group in
                group.map { OutlineListItem(text: $0.text, segments: $0.segments, ignored: $0.ignored) }
            }
        }
    }

    /// The second step of `withTerms`: the terms, found with the speller, and the outline filled in.
    public static func withTerms(_ document: Analysed, config: String? = nil, speller: Speller = .shared) -> [Chunk] {
        let grammar = GrammarSpecialist(speller: speller)
        let terms = TermEvidence.documentTerms(document.chunks, analyses: document.analyses, evidence: document.evidence,
                                               known: { grammar.check($0, lower: $0) },
                                               slipOfAWord: { w in speller.suggest(w).contains { TermEvidence.isTypingSlip(w, $0.lowercased()) } })
        return document.chunks.map { c in
            var c = c
            if let config { c.config = config }
            if let mine = terms[c.index] { c.config = DocumentTerms.appending(mine, to: c.config) }
            guard c.kind == .outline else { return c }
            if c.outline == nil { c.outline = Outline() }
            c.outline!.terms = document.uses
            c.outline!.lists = document.lists
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
