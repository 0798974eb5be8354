import MeshProtocol

/// Builds a document's report from every specialist's review of every chunk. Pure and deterministic: the
/// same reviews, in any order, give the same report.
public enum ReportAssembly {
    /// - Parameter readability: formula name → score for the summed prose counts (MeshAgents' `Readability.scores`).
    public static func assemble(
        docId: String, reviews: [ChunkReview], readability: (TextCounts) -> [String: Double]
    ) -> Report {
        let ordered = reviews.sorted { ($0.chunkIndex, $0.specialist) < ($1.chunkIndex, $1.specialist) }
        let suggestions = ordered.flatMap(\.suggestions).sorted(by: suggestionOrder)
        // Every specialist named by any review, read until all are seen: the first review names them all, and a
        // set built from every review's list hashed four names a review (some 400,000 instructions a document).
        var specialists = Set<SpecialistType>()
        for review in ordered where specialists.count < SpecialistType.allCases.count {
            specialists.insert(review.specialist)
            specialists.formUnion(review.specialists)
        }

        var bySpecialist = Dictionary(uniqueKeysWithValues: specialists.map { ($0.rawValue, 0) })
        var bySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
        for suggestion in suggestions {
            bySpecialist[suggestion.specialist.rawValue, default: 0] += 1
            bySeverity[suggestion.severity.rawValue, default: 0] += 1
        }

        let counts = ordered.compactMap(\.counts)
        let total = counts.reduce(TextCounts(), +)
        let tones = ordered.compactMap(\.tone)
        let figures = Report.Figures(
            chunks: ordered.first?.chunkCount ?? 0,
            words: total.words,
            sentences: total.sentences,
            readability: total.words > 0 ? readability(total) : [:],
            tone: tones.isEmpty ? nil : tones.reduce(0, +) / Double(tones.count)
        )
        let gaps = ordered.compactMap { review in
            review.unreviewed.map { Report.Gap(specialist: review.specialist, chunk: review.chunkIndex, range: review.range, reason: $0) }
        }
        return Report(
            docId: docId,
            source: ordered.first?.source ?? "",
            suggestions: suggestions,
            summary: .init(total: suggestions.count, bySpecialist: bySpecialist, bySeverity: bySeverity),
            figures: figures,
            incomplete: gaps.isEmpty ? nil : gaps
        )
    }

    /// Position first, then specialist, rule and message, so ties are broken the same way every time.
    static func suggestionOrder(_ a: Suggestion, _ b: Suggestion) -> Bool {
        if a.range.start.offset != b.range.start.offset { return a.range.start.offset < b.range.start.offset }
        if a.range.end.offset != b.range.end.offset { return a.range.end.offset < b.range.end.offset }
        if a.specialist != b.specialist { return a.specialist < b.specialist }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}
