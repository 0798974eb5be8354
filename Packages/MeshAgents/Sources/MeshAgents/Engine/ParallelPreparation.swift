import Dispatch
import Foundation
import MeshProtocol
import Synchronization

extension DocumentReview {
    /// Inputs of this many bytes in all, reviewed in this process, ask the speller for suggestions (on real documents
    /// one comes every few tens of KB), so its filter is worth building while the documents are analysed, before the
    /// first suggestion would.
    static let suggestionsWorthBuildingAt = 64 << 10

    /// Where the prepared documents are reviewed, which decides whether the speller's suggestion filter is built
    /// while they are analysed.
    public enum Reviewer: Sendable {
        /// The mesh: finding terms is all this process asks of the speller, and it asks for a suggestion only for an
        /// unknown word used exactly twice (33 on `make bench-mesh`'s 1.27 MB), too few to pay for the filter
        /// (see `Speller.suggestionsBeforeFilter`).
        case mesh
        /// This process, whose grammar check asks for a suggestion for every misspelt word: the filter is built
        /// first when the inputs total `inputBytes` of 64 KiB or more.
        case here(inputBytes: Int)

        /// Whether this review asks for enough suggestions that the speller's filter is worth building first.
        public var buildsSuggestionFilterFirst: Bool {
            if case .here(let inputBytes) = self { inputBytes >= DocumentReview.suggestionsWorthBuildingAt } else { false }
        }
    }

    /// `withTerms` for many documents, on every core. `analyse(i)` reads, chunks and analyses input `i` and gives
    /// its config text (it may throw: that input's result is then its error). Finding a document's terms needs the
    /// speller, which one worker loads first (with its suggestion filter, when `reviewer` will need it); until it is
    /// loaded the other workers analyse documents ahead and hold them, rather than wait for it (`Speller.shared` is
    /// first touched on that worker). Results are in input order.
    ///
    /// While documents remain to analyse, one worker at a time finds terms and the others analyse: two workers
    /// finding terms at once contend for the speller's locks, and spinning there was a tenth of the producer's CPU
    /// (`perf`). Analysed documents wait for their terms, at most `heldAtMost` of them before a second worker joins
    /// in, so memory stays bounded.
    public static func prepareOnEveryCore<Extra: Sendable>(
        count: Int, reviewer: Reviewer,
        analyse: @Sendable (Int) throws -> (document: Analysed, config: String?, extra: Extra)
    ) -> [Result<(chunks: [Chunk], extra: Extra), any Error>] {
        guard count > 0 else { return [] }
        let plan = Mutex(PreparationPlan<Extra>())
        let loading = DispatchGroup()
        loading.enter()
        let results = Mutex<[Result<(chunks: [Chunk], extra: Extra), any Error>?]>(Array(repeating: nil, count: count))
        @Sendable func finish(_ index: Int, _ document: Analysed, _ config: String?, _ extra: Extra) {
            let chunks = withTerms(document, config: config)
            results.withLock { $0[index] = .success((chunks, extra)) }
        }
        DispatchQueue.concurrentPerform(iterations: max(2, ProcessInfo.processInfo.activeProcessorCount)) { worker in
            if worker == 0 {
                let speller = Speller.shared
                if reviewer.buildsSuggestionFilterFirst { speller.prepareSuggestions() }
                plan.withLock { $0.loaded = true }
                loading.leave()
            }
            while true {
                let step = plan.withLock { plan -> PreparationStep<Extra> in
                    let alone = plan.findingTerms == 0 || plan.next >= count || plan.held.count >= Self.heldAtMost
                    if plan.loaded, alone, let (index, document, config, extra) = plan.held.popLast() {
                        plan.findingTerms += 1
                        return .terms(index, document, config, extra)
                    }
                    if plan.next < count {
                        plan.next += 1
                        return .analyse(plan.next - 1)
                    }
                    return plan.held.isEmpty ? .done : .wait
                }
                switch step {
                case .terms(let index, let document, let config, let extra):
                    finish(index, document, config, extra)
                    plan.withLock { $0.findingTerms -= 1 }
                case .analyse(let index):
                    do {
                        let (document, config, extra) = try analyse(index)
                        plan.withLock { $0.held.append((index, document, config, extra)) }
                    } catch {
                        results.withLock { $0[index] = .failure(error) }
                    }
                case .wait:
                    loading.wait()
                case .done:
                    return
                }
            }
        }
        return results.withLock { $0 }.map { $0! }
    }

    /// Analysed documents waiting for their terms before a second worker finds terms too.
    static let heldAtMost = 8
}

/// Where `prepareOnEveryCore` stands, shared by its workers.
private struct PreparationPlan<Extra> {
    var next = 0
    var loaded = false
    /// Analysed, waiting for their terms (and for the speller while it loads).
    var held: [(Int, DocumentReview.Analysed, String?, Extra)] = []
    /// Workers finding terms now.
    var findingTerms = 0
}

/// A worker's next step in `prepareOnEveryCore`.
private enum PreparationStep<Extra> {
    case terms(Int, DocumentReview.Analysed, String?, Extra)
    case analyse(Int)
    case wait
    case done
}
