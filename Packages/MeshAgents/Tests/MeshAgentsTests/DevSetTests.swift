import Foundation
import MeshAgents
import MeshDocument
import MeshProtocol
import MeshText
import Testing

/// The labelled dev sample (`Eval/devset.jsonl`, sentences written for the classes of findings on technical
/// documentation): each fixed false alarm is an item where nothing may fire at warning or error, each true
/// finding an item where its rule must, and each sampled false alarm not fixed yet an item that names it in
/// `false_alarms` (it counts against the rule's precision in RULES.md).
@Suite("Dev sample")
struct DevSetTests {
    static let path = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Eval/devset.jsonl").path
    static let items: [DevSetItem] = (try? DevSet.load(path)) ?? []

    /// Warning-or-error findings of the dev sample's specialists on one item, as the CLI reviews a file.
    static func review(_ item: DevSetItem) -> [(rule: String, severity: Severity)] {
        let (chunks, evidence) = (try? DocumentChunker().chunksAndEvidence(docId: "dev", source: item.markdown ? "dev.md" : "dev.txt",
                                                                           bytes: Array(item.text.utf8), format: item.markdown ? .markdown : .text))
            ?? ([], DocumentEvidence())
        let engine = ReviewEngine()
        var out: [(rule: String, severity: Severity)] = []
        for c in DocumentReview.withTerms(chunks, evidence: evidence) {
            for t in DevSet.types { out += engine.review(c, as: t).suggestions.map { ($0.rule, $0.severity) } }
        }
        return out
    }

    @Test func loads() {
        #expect(Self.items.count >= 40)
    }

    @Test(arguments: items)
    func firesExactlyAsLabelled(_ item: DevSetItem) {
        let fired = Set(Self.review(item).filter { $0.severity <= .warning }.map(\.rule))
        #expect(fired == item.expected, "\(item.class): \(item.text)")
    }
}
