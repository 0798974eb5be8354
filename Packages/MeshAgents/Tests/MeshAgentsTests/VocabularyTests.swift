import Foundation
import MeshAgents
import MeshDocument
import MeshProtocol
import MeshText
import Synchronization
import Testing

/// Terms versus typos: Vale-style vocabulary files, the document's own terms, and how they travel in a chunk.
@Suite("Vocabulary")
struct VocabularyTests {
    func spelling(_ text: String, config: MeshConfig = .default, chunkConfig: String? = nil) -> [Finding] {
        ReviewEngine(config: config).analyze(chunk(text, config: chunkConfig), as: .grammar).findings.filter { $0.rule == "grammar.spelling" }
    }

    @Test func valeFilesAreReadRelativeToTheConfig() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vocab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "zorbnet\n(?i)frob[a-z]*\n# a comment\n".write(to: dir.appendingPathComponent("accept.txt"), atomically: true, encoding: .utf8)
        try "blacklist\n".write(to: dir.appendingPathComponent("reject.txt"), atomically: true, encoding: .utf8)
        let yaml = "vocabulary: { accept-file: accept.txt, reject-file: reject.txt }\n"
        let path = dir.appendingPathComponent(".mesh.yaml").path
        let config = try MeshConfig.parse(yaml: yaml, path: path)
        #expect(config.accept.contains("zorbnet"))
        #expect(config.acceptPatterns == ["(?i)frob[a-z]*"])
        #expect(config.reject.contains("blacklist"))
        #expect(spelling("Start zorbnet, then Frobnicate the frobber.", config: config).isEmpty)
        #expect(spelling("We recieve zorbnet.", config: config).map(\.severity) == [.error])

        // Inlined for the specialists, which cannot read the project's files: same config from the chunk alone.
        let inlined = try MeshConfig.inliningVocabularyFiles(yaml: yaml, path: path)
        #expect(inlined.contains("vocabulary-inlined"))
        let remote = try MeshConfig.parse(yaml: inlined, path: ".mesh.yaml")
        #expect(remote.accept == config.accept && remote.acceptPatterns == config.acceptPatterns && remote.reject == config.reject)
    }

    @Test func aMissingVocabularyFileIsAConfigError() {
        #expect(throws: ConfigError.self) { try MeshConfig.parse(yaml: "vocabulary: { accept-file: /nonexistent/accept.txt }\n", path: "/tmp/.mesh.yaml") }
        #expect(throws: ConfigError.self) { try MeshConfig.parse(yaml: "vocabulary-inlined: { accept: [\"(unclosed\"] }\n", path: ".mesh.yaml") }
    }

    @Test func documentTermsTravelAfterTheProjectConfig() throws {
        let md = "The quuxer reads input.\n\nEvery quuxer writes a log.\n\nStop the quuxer, but we recieve it once.\n"
        let chunks = DocumentReview.withTerms(try DocumentChunker().chunks(docId: "d", source: "d.md", bytes: Array(md.utf8), format: .markdown),
                                              config: "min-alert-level: warning\n")
        let engine = ReviewEngine()
        let found = chunks.flatMap { engine.analyze($0, as: .grammar).findings.filter { $0.rule == "grammar.spelling" } }
        #expect(found.count == 1)
        #expect(chunks[0].config?.hasPrefix("min-alert-level: warning\n") == true)
        #expect(chunks[0].config?.contains("quuxer") == true)
        #expect(DocumentTerms.split(chunks[0].config!).terms == ["quuxer"])
    }

    /// Checks and suggestions from several threads at once (each hunspell call takes the handle's lock on its own,
    /// the cache has a lock of its own) answer as one thread alone does.
    @Test func spellerAnswersTheSameOnManyThreadsAtOnce() {
        let words = ["receive", "recieve", "teh", "the", "definately", "Redis's", "blorptastic", "wierd", "naïve", "colour"]
        let alone = Speller()
        let expected = words.map { (alone.check($0), alone.suggest($0)) }
        let shared = Speller()
        let answers = Mutex<[[(Bool, [String])]]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            // Each worker goes through the words from its own starting point, so they meet on every word.
            let mine = words.indices.map { (worker * 3 + $0) % words.count }.map { (index: $0, answer: (shared.check(words[$0]), shared.suggest(words[$0]))) }
            answers.withLock { $0.append(mine.sorted { $0.index < $1.index }.map(\.answer)) }
        }
        #expect(answers.withLock { $0.count } == 4)
        for worker in answers.withLock({ $0 }) {
            #expect(worker.map(\.0) == expected.map(\.0))
            #expect(worker.map(\.1) == expected.map(\.1))
        }
        #expect(expected[1].1.contains("receive"), "a misspelling has its word among the suggestions")
    }

    /// Many documents prepared on every core give what each gives alone, in input order; an input that fails has
    /// its error in its place and takes no other document with it.
    @Test func documentsPreparedOnEveryCoreGetWhatEachGetsAlone() throws {
        struct Refused: Error, Equatable { let index: Int }
        // A term of each document's own: "quuxaa", "quuxab", ...
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let terms = (0..<12).map { n in "quux\(letters[n / 26])\(letters[n % 26])" }
        let texts = terms.enumerated().map { n, term in
            "# Doc \(n)\n\nThe \(term) reads input.\n\nEvery \(term) writes a log, and we recieve it.\n\nStop the \(term).\n"
                + "\nWe recieve the blorptastic log.\n\nThe blorptastic log is big.\n"
        }
        @Sendable func chunked(_ n: Int) throws -> ([Chunk], DocumentEvidence) {
            try DocumentChunker().chunksAndEvidence(docId: "d\(n)", source: "d\(n).md", bytes: Array(texts[n].utf8), format: .markdown)
        }
        // The producer's speller (no suggestion filter), and `Speller.shared` without and with its filter built
        // first (64 KiB of input or more): the same terms.
        for reviewer: DocumentReview.Reviewer in [.mesh, .here(inputBytes: 1_000), .here(inputBytes: 1 << 20)] {
            let results = DocumentReview.prepareOnEveryCore(count: texts.count, reviewer: reviewer) { n in
                if n == 7 { throw Refused(index: n) }
                let (chunks, evidence) = try chunked(n)
                return (DocumentReview.Analysed(chunks, evidence: evidence), "min-alert-level: warning\n", n)
            }
            #expect(results.count == texts.count)
            let none = DocumentReview.prepareOnEveryCore(count: 0, reviewer: reviewer) { _ -> (document: DocumentReview.Analysed, config: String?, extra: Int) in
                throw Refused(index: 0)
            }
            #expect(none.isEmpty)
            for (n, result) in results.enumerated() {
                if n == 7 {
                    #expect(throws: Refused(index: 7)) { try result.get() }
                    continue
                }
                let (chunks, extra) = try result.get()
                #expect(extra == n)
                let (alone, evidence) = try chunked(n)
                #expect(chunks == DocumentReview.withTerms(alone, evidence: evidence, config: "min-alert-level: warning\n"))
                #expect(chunks.contains { DocumentTerms.split($0.config ?? "").terms == [terms[n]] }, "d\(n): its own term")
                // Unknown words used twice ask the speller for suggestions: one no slip of a word is a term, a
                // misspelling is not.
                #expect(chunks.contains { DocumentTerms.split($0.config ?? "").terms == ["blorptastic"] }, "d\(n)")
                #expect(!chunks.contains { DocumentTerms.split($0.config ?? "").terms.contains("recieve") }, "d\(n)")
            }
        }
    }

    /// The split reads the config's bytes: the project's text before the marker (nil when blank), and the terms of
    /// every terms line after it, trimmed and lower-cased.
    @Test func documentTermsSplitFromTheConfigText() {
        let joined = DocumentTerms.appending(["quuxer", "Flamegraph", "mimalloc"], to: "min-alert-level: warning")!
        let (own, terms) = DocumentTerms.split(joined)
        #expect(own == "min-alert-level: warning\n")
        #expect(terms == ["quuxer", "flamegraph", "mimalloc"])
        #expect(DocumentTerms.split(DocumentTerms.appending(["a-b", "café"], to: "  \n")!) == (nil, ["a-b", "café"]))
        #expect(DocumentTerms.split("disable: [tone]\n") == ("disable: [tone]\n", []))
        let twice = DocumentTerms.appending(["z"], to: DocumentTerms.appending([" x ", "", "Y"], to: nil))!
        #expect(DocumentTerms.split(twice) == (nil, ["x", "y", "z"]))
    }

    @Test func codeBlocksAndLinksAreEvidenceButALabelAloneIsNot() throws {
        // flamegraph: once in prose, and in a fenced code block. mimalloc: once, and in a link's destination.
        // heapless: a link label and once more in prose. instalation: a label once, a typo. recieve: a typo.
        let md = """
            Record a flamegraph, link [the allocator](https://github.com/microsoft/mimalloc) as mimalloc.

            The [heapless](https://docs.rs/) crate: with heapless nothing allocates.

            Read the [instalation guide](https://example.com/guide); we recieve mail.

            ```sh
            cargo install flamegraph
            ```

            """
        let found = try reviewMarkdown(md).filter { $0.rule == "grammar.spelling" }
        #expect(found.map(\.text) == ["instalation", "recieve"])
        // Both are in codespell's list of common misspellings: errors.
        #expect(found.map(\.severity) == [.error, .error])
        // Without the evidence (the chunks alone), the code block and the link say nothing.
        let bare = DocumentReview.withTerms(try DocumentChunker().chunks(docId: "d", source: "d.md", bytes: Array(md.utf8), format: .markdown))
        let engine = ReviewEngine()
        let flagged = Set(bare.flatMap { engine.review($0, as: .grammar).suggestions.filter { $0.rule == "grammar.spelling" }.map(\.text) })
        #expect(flagged.isSuperset(of: ["flamegraph", "mimalloc", "heapless", "instalation", "recieve"]))
    }

    @Test func inMarkdownAShortOrHyphenatedSlipWithoutEvidenceIsASuggestionAKnownMisspellingAnError() throws {
        let md = "Set the env variable.\n\nThe quantile-less form works.\n\nWe recieve mail.\n\nIt reads teh file.\n"
        let found = try reviewMarkdown(md).filter { $0.rule == "grammar.spelling" }
        #expect(found.map(\.text) == ["env", "quantile-less", "recieve", "teh"])
        #expect(found.map(\.severity) == [.suggestion, .suggestion, .error, .warning])
        #expect(found.first?.replacements.contains("inv") == true)
        // Plain text (learner prose) keeps the error for a short slip.
        #expect(spelling("Set the env variable.").map(\.severity) == [.error])
    }

    @Test func inMarkdownAnErrorNeedsAKnownMisspelling() throws {
        // Terms of the trade a letter from an English word: suggestions, still offering the word.
        let terms = "The file is a reflink copy.\n\nAdd the user as a sudoer.\n\nEach number is a varint.\n\nThe job runs under launchd.\n"
        let quiet = try reviewMarkdown(terms).filter { $0.rule == "grammar.spelling" }
        #expect(quiet.map(\.text) == ["reflink", "sudoer", "varint", "launchd"])
        #expect(quiet.allSatisfy { $0.severity == .suggestion })
        #expect(quiet.first?.replacements.contains("relink") == true)
        // A common misspelling of five letters or more (also as part of a hyphenated word): an error. A long word one
        // edit from its word, or two neighbouring letters swapped in a word of five letters or more: a warning.
        let slips = "The clasic layout is fine.\n\nWe need more reliablity.\n\nChange it accordingy.\n\nIt does text-to-speach.\n\nThe tokne expires.\n"
        let found = try reviewMarkdown(slips).filter { $0.rule == "grammar.spelling" }
        #expect(found.map(\.text) == ["clasic", "reliablity", "accordingy", "text-to-speach", "tokne"])
        #expect(found.map(\.severity) == [.error, .error, .warning, .error, .warning])
        // Plain text (learner prose) keeps the error for any slip.
        #expect(spelling("The file is a reflink copy.").map(\.severity) == [.error])
    }

    @Test func queueingIsAWord() {
        #expect(spelling("Queueing a command is cheap, and the queueing stays in order.").isEmpty)
    }

    @Test func aTypoUsedOnceIsStillCaughtBesideTerms() throws {
        let md = "# Using zorbnet\n\nRun `frobnicate` with zorbnet.\n\nThen frobnicate again, and teh result shows.\n"
        let found = try reviewMarkdown(md).filter { $0.rule == "grammar.spelling" }
        #expect(found.map(\.text) == ["teh"])
        #expect(found.first?.replacements.contains("the") == true)
    }

    @Test(arguments: [("malloc", Severity.warning, [String]()), ("unsized", .suggestion, []), ("src", .suggestion, []),
                      // Two content words of four letters or more are a compound; with a shorter part, a warning.
                      ("backtrace", .suggestion, []), ("keyspace", .warning, []), ("systemd", .suggestion, []),
                      ("natively", .suggestion, []), ("preffer", .error, ["prefer"])])
    func severityFollowsConfidence(_ word: String, _ severity: Severity, _ replacements: [String]) {
        let f = spelling("They said \(word) there.")
        #expect(f.map(\.severity) == [severity])
        if replacements.isEmpty { #expect(f.first?.replacements == []) }
        for r in replacements { #expect(f.first?.replacements.contains(r) == true) }
    }
}
