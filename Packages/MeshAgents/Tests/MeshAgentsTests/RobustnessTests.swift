@testable import MeshAgents
@testable import MeshDocument
import MeshProtocol
import Foundation
@testable import MeshText
import Testing

/// No input crashes or hangs a specialist: all four run in one process over generated texts (prefixes and
/// suffixes of the rule examples, soups of the rules' own trigger words, punctuation, combining marks, emoji,
/// right-to-left text), and every finding stays inside its text.
@Suite("Robustness: every input is reviewed without a crash")
struct RobustnessTests {
    /// The sentences the tests and the rule catalogue already use as examples.
    static let sentences: [String] = {
        var out: [String] = []
        for c in ruleCases { out += [c.fires, c.quiet] }
        // The quoted examples in the rule descriptions ("he go", "did went", "Monday, 7 October 2014").
        for info in RuleCatalog.all {
            let parts = info.description.split(separator: "\"", omittingEmptySubsequences: false)
            for (k, p) in parts.enumerated() where k % 2 == 1 && !p.isEmpty { out.append(String(p)) }
        }
        out += literals(inTestsBeside: #filePath)
        out += [
            "Does the dog", "Did the application worked?", "Does your memory usage grows?", "I don't needs help",
            "They cannot works here", "She does no understand", "we will able to", "5 CD's", "in 1990s",
            "For example, When I", "Them it became clear", "give it too the dog", "as big than", "with who?",
            "Although it rained, but we went.", "I believe, that it works.", "It is, that is, fine.",
        ]
        return out
    }()

    /// The string literals of the test files in the folder of `file` that read like prose (two words or more).
    static func literals(inTestsBeside file: String) -> [String] {
        let folder = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        var out: [String] = []
        for name in ["RuleTests", "EngineTests", "UsageTests", "MarkdownTrapTests", "StructureTests", "LookupTests"] {
            guard let data = FileManager.default.contents(atPath: "\(folder)/\(name).swift"),
                  let source = String(data: data, encoding: .utf8) else { continue }
            // "…" literals on one line, `\n` and `\"` unescaped (an interpolation comes out as code: more odd input).
            var literal: String?
            var escaped = false
            for c in source {
                if c == "\n" { literal = nil; escaped = false; continue }
                if var l = literal {
                    if escaped { l.append(c == "n" ? "\n" : c); escaped = false; literal = l }
                    else if c == "\\" { escaped = true }
                    else if c == "\"" {
                        if l.split(separator: " ").count >= 2 { out.append(l) }
                        literal = nil
                    } else { l.append(c); literal = l }
                } else if c == "\"" {
                    literal = ""
                }
            }
        }
        return out
    }

    /// The words the rules dispatch on: the trigger tables and every word of the phrase tables.
    static let vocabulary: [String] = {
        var words = Set<String>()
        for d in [GrammarSpecialist.slipDispatch.words, GrammarSpecialist.clauseDispatch.words,
                  GrammarSpecialist.learnerDispatch.words, GrammarSpecialist.patternDispatch.words] {
            words.formUnion(d)
        }
        var tables = GrammarSpecialist.phraseRules.map(\.1) + ClaritySpecialist.phraseRules.map(\.1)
            + ToneSpecialist.phraseRules.map(\.1)
        tables.append(StructureLists.linkText)
        for t in tables {
            for entries in t.byFirst.values {
                for e in entries { words.formUnion(e.words.filter { $0 != "#" && $0 != "*" }) }
            }
        }
        words.formUnion(Verbs.pastToBase.dictionary.keys)
        words.formUnion(Verbs.thirdToBase.dictionary.keys)
        words.formUnion(Verbs.baseForms.dictionary.keys)
        words.formUnion(["1990", "7", "12", "3.5", "1,000", "35", "October", "Monday", "u", "i", "I", "U.S.", "e.g.",
                         "https://example.com/x", "`code`", "parseList", "my_var", "a@b.io", "HTTP", "API"])
        return words.sorted()
    }()

    /// Separators between soup words: spaces, punctuation, line breaks, nothing at all.
    static let separators = [" ", " ", " ", " ", ", ", ". ", "? ", "! ", "; ", ": ", "\n", "\n\n", "", "-", "'", "’", " (", ") ",
                             " \"", "\" ", "...", " … ", "\u{00A0}", "\t", " — ", "/", "!!", "?.", ",,", " .", " ,"]

    /// Odd scalars: combining marks, emoji and ZWJ sequences, right-to-left text and marks, zero-width and control
    /// characters, other scripts.
    static let oddities = ["e\u{301}", "\u{301}", "\u{308}\u{308}", "👍", "👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇫🇷", "\u{200D}", "\u{200B}",
                           "\u{FEFF}", "\u{200F}", "\u{202E}", "שלום עולם", "مرحبا بالعالم", "\u{0}", "\u{7}", "\r\n",
                           "日本語のテキスト", "Ελληνικά", "ǅ", "ß", "İ", "ﬁ", "𝒜", "\u{2028}", "K", "Å", "…", "“", "”",
                           "‘", "’", "«", "»", "‹", "›", "#", "*", "_", "~", "`"]

    /// Every prefix and suffix of every sentence that ends or starts at a word boundary.
    static func boundaryCuts(_ sentences: [String]) -> [String] {
        var out: [String] = []
        for s in sentences {
            let sc = Array(s.unicodeScalars)
            for k in 1..<max(1, sc.count) where CharClass.isWordScalar(sc[k - 1]) != CharClass.isWordScalar(sc[k]) {
                out.append(String(String.UnicodeScalarView(sc[..<k])))
                out.append(String(String.UnicodeScalarView(sc[k...])))
            }
            out.append(s)
        }
        return out
    }

    /// A soup of `vocabulary` words (random case), separators and sometimes an oddity.
    static func soup(_ rng: inout SplitMix64, words: Int) -> String {
        var out = ""
        for k in 0..<words {
            var w = vocabulary[Int(rng.next() % UInt64(vocabulary.count))]
            switch rng.next() % 8 {
            case 0: w = w.uppercased()
            case 1, 2: w = matchCase(w, like: "A")
            default: break
            }
            if rng.next() % 12 == 0 { w = oddities[Int(rng.next() % UInt64(oddities.count))] + w }
            if rng.next() % 12 == 0 { w += oddities[Int(rng.next() % UInt64(oddities.count))] }
            if k > 0 { out += separators[Int(rng.next() % UInt64(separators.count))] }
            out += w
        }
        if rng.next() % 3 == 0 { out += [".", "?", "!", ":", ";", ",", "...", "\""][Int(rng.next() % 8)] }
        return out
    }

    /// The generated texts, deterministic: the boundary cuts (with and without an oddity in front and behind), then
    /// soups until there are `count`.
    static func texts(count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        var out = boundaryCuts(sentences)
        let base = out.count
        for k in 0..<base where out.count < count / 3 {
            let o = oddities[Int(rng.next() % UInt64(oddities.count))]
            out.append(k % 2 == 0 ? o + out[k] : out[k] + o)
        }
        // Punctuation and oddities alone.
        for k in 0..<200 {
            var s = ""
            for _ in 0..<(1 + k % 6) {
                s += rng.next() % 2 == 0 ? separators[Int(rng.next() % UInt64(separators.count))]
                    : oddities[Int(rng.next() % UInt64(oddities.count))]
            }
            out.append(s)
        }
        while out.count < count { out.append(soup(&rng, words: 1 + Int(rng.next() % 10))) }
        return out
    }

    /// Problems with the analyses of `text` as a chunk of `kind`: spans outside it, bad source ranges.
    static func problems(_ text: String, kind: ChunkKind, engine: ReviewEngine, review: Bool) -> [String] {
        let c = chunk(text, kind: kind)
        let n = text.unicodeScalars.count
        var out: [String] = []
        for a in engine.analyze(c, as: SpecialistType.allCases) {
            if a.unreviewed != nil { continue }
            for f in a.findings where !(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= n) {
                out.append("\(f.rule) span \(f.span.start)..<\(f.span.end) outside 0...\(n) in \(String(reflecting: text))")
            }
        }
        guard review else { return out }
        let bytes = text.utf8.count
        let lines = 1 + text.unicodeScalars.filter { $0 == "\n" }.count
        for t in SpecialistType.allCases {
            for s in engine.review(c, as: t).suggestions {
                let r = s.range
                let sane = r.start <= r.end && r.start.line >= 1 && r.start.column >= 1 && r.end.line <= lines
                    && r.start.offset >= 0 && r.end.offset <= bytes
                if !sane { out.append("\(s.rule) range \(r) (\(String(reflecting: s.text))) in \(String(reflecting: text))") }
            }
        }
        return out
    }

    static let total = 100_000
    static let shards = 4
    /// Generated once for every test here.
    static let generatedTexts = texts(count: total, seed: 0x11)

    /// The default rules; and every rule, the ones off by default too, without a dictionary: hunspell's suggestions
    /// for the soups' unknown words would take most of the time, so spelling runs on every eighth text only.
    static let engines: [ReviewEngine] = {
        let off = RuleCatalog.all.filter { !$0.enabledByDefault }.map(\.id)
        let all = try! MeshConfig.parse(yaml: "enable: [\(off.joined(separator: ", "))]", path: "test")
        return [ReviewEngine(), ReviewEngine(config: all, speller: Speller(language: "none"))]
    }()

    /// All four specialists over `total` texts, in `shards` parts that run side by side; every 64th text also
    /// through `review`, for its source ranges.
    @Test("Generated texts never crash a specialist and findings stay inside their text", arguments: 0..<shards)
    func generated(shard: Int) {
        let texts = Self.generatedTexts
        let kinds: [ChunkKind] = [.paragraph, .paragraph, .paragraph, .heading, .listItem, .tableCell]
        var problems: [String] = []
        for k in stride(from: shard, to: texts.count, by: Self.shards) {
            problems += Self.problems(texts[k], kind: kinds[k % kinds.count], engine: Self.engines[k % 8 == 0 ? 0 : 1],
                                      review: k % 64 == 0)
            if problems.count > 20 { break }
        }
        #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
    }

    @Test func theGeneratedTextsAreManyAndVaried() {
        let texts = Self.generatedTexts
        #expect(texts.count == Self.total)
        #expect(Set(texts).count > Self.total * 9 / 10)
        #expect(texts.contains("Does the dog"))
        #expect(texts.contains { $0.contains("👨‍👩‍👧‍👦") } && texts.contains { $0.contains("\u{301}") })
        #expect(Self.vocabulary.count > 1000)
    }
}

/// The reported crash: did/does, a determiner and one word at the end of a text.
@Suite("Robustness: regressions")
struct RobustnessRegressionTests {
    static let endings = ["Does the dog", "Did the dog", "does a cat", "Didn't the plan", "Does the", "Did", "did the dog?",
                          "Doesn't their memory", "It works. Does the dog", "Does the dog bark"]

    @Test("did/does + determiner + a word at the end of the text", arguments: endings)
    func doFormAtTheEnd(_ text: String) {
        let analyses = ReviewEngine().analyze(chunk(text), as: SpecialistType.allCases)
        #expect(analyses.count == 4)
        #expect(analyses.allSatisfy { $0.unreviewed == nil })
        #expect(!analyses[0].findings.contains { $0.rule == "grammar.verb-form" })
    }

    @Test func theRuleStillFiresWhereItShould() {
        let f = ReviewEngine().analyze(chunk("Does the dog barks?"), as: .grammar).findings
        #expect(f.contains { $0.rule == "grammar.verb-form" && $0.replacements == ["bark"] })
    }

    @Test func theJSONLBatchPathReviewsIt() throws {
        var lines = ["{\"id\":\"x\",\"text\":\"Does the dog\"}", "{\"id\":2,\"text\":\"Did the application worked?\"}"]
        var out: [String] = []
        try JSONLBatch.run(types: SpecialistType.allCases, config: .default, readLine: { lines.isEmpty ? nil : lines.removeFirst() },
                           write: { out.append($0) })
        #expect(out.count == 2)
        #expect(out[0].hasPrefix("{\"id\":\"x\",\"suggestions\":["))
        #expect(!out[0].contains("unreviewed"))
        #expect(out[1].contains("\"rule\":\"grammar.verb-form\""))
    }
}

/// `ReviewLimits`: a chunk too large, or over its time budget, is reported as unreviewed with its range.
@Suite("Review limits")
struct ReviewLimitsTests {
    @Test func aChunkOverTheSizeLimitIsNotReviewed() {
        let text = String(repeating: "They was late again. ", count: 4)  // 84 characters
        let review = ReviewEngine(limits: ReviewLimits(maxChunkCharacters: 80)).review(chunk(text), as: .grammar)
        #expect(review.unreviewed == "chunk has 84 characters, more than the limit of 80")
        #expect(review.suggestions.isEmpty)
        #expect(review.range == SourceRange(start: pos(1, 1, 0), end: pos(1, 85, 84)))
        // Within the limit it is reviewed as always.
        let reviewed = ReviewEngine(limits: ReviewLimits(maxChunkCharacters: 84)).review(chunk(text), as: .grammar)
        #expect(reviewed.unreviewed == nil && reviewed.range == nil)
        #expect(reviewed.suggestions.contains { $0.rule == "grammar.agreement" })
    }

    @Test func theDefaultLimitIs65536Characters() {
        #expect(ReviewLimits.default.maxChunkCharacters == 65_536)
        #expect(ReviewLimits.default.timeBudget == .seconds(5))
        let text = String(repeating: "é", count: 70_000)
        let analyses = ReviewEngine().analyze(chunk(text), as: SpecialistType.allCases)
        #expect(analyses.map(\.unreviewed) == Array(repeating: "chunk has 70,000 characters, more than the limit of 65,536", count: 4))
        #expect(analyses.allSatisfy { $0.findings.isEmpty && $0.counts == nil && $0.tone == nil })
        // Its range ends after 140,000 bytes of "é".
        #expect(ReviewEngine().review(chunk(text), as: .tone).range?.end == pos(1, 70_001, 140_000))
    }

    @Test func aChunkOverItsTimeBudgetIsNotReviewed() {
        let engine = ReviewEngine(limits: ReviewLimits(timeBudget: .zero))
        let c = chunk("They was late, and he go home.\nThe script was killed by the kernel!!!")
        for type in SpecialistType.allCases {
            let review = engine.review(c, as: type)
            #expect(review.unreviewed == "review took longer than the 0 s budget")
            #expect(review.suggestions.isEmpty && review.counts == nil && review.tone == nil)
            #expect(review.range == SourceRange(start: pos(1, 1, 0), end: pos(2, 39, 69)))
        }
        // The same through `analyze`, for callers in the process.
        #expect(engine.analyze(c, as: SpecialistType.allCases).allSatisfy { $0.unreviewed != nil && $0.findings.isEmpty })
        // An outline chunk too.
        var outline = chunk("", kind: .outline)
        outline.outline = Outline()
        #expect(engine.review(outline, as: .structure).unreviewed == "review took longer than the 0 s budget")
    }

    @Test func theReasonNamesTheBudget() {
        #expect(ReviewLimits().timeReason == "review took longer than the 5 s budget")
        #expect(ReviewLimits(timeBudget: .milliseconds(1500)).timeReason == "review took longer than the 1.5 s budget")
        #expect(ReviewLimits(timeBudget: .milliseconds(250)).timeReason == "review took longer than the 250 ms budget")
        #expect(ReviewLimits(timeBudget: .nanoseconds(1)).timeReason == "review took longer than the 1 ns budget")
        #expect(ReviewLimits.grouped(10_485_760) == "10,485,760" && ReviewLimits.grouped(999) == "999")
    }

    @Test func withoutLimitsEveryChunkIsReviewed() {
        let text = String(repeating: "They was late again. ", count: 4)
        let limited = ReviewEngine().analyze(chunk(text), as: SpecialistType.allCases)
        let unlimited = ReviewEngine(limits: .unlimited).analyze(chunk(text), as: SpecialistType.allCases)
        #expect(limited.map(\.findings) == unlimited.map(\.findings))
        #expect(unlimited.allSatisfy { $0.unreviewed == nil })
    }

    @Test func jsonlSaysWhichSpecialistsDidNotReview() throws {
        var lines = ["{\"id\":1,\"text\":\"They was late again.\"}"]
        var out: [String] = []
        try JSONLBatch.run(types: [.grammar, .tone], config: .default, limits: ReviewLimits(maxChunkCharacters: 10),
                           readLine: { lines.isEmpty ? nil : lines.removeFirst() }, write: { out.append($0) })
        #expect(out.count == 1)
        let reason = "chunk has 20 characters, more than the limit of 10"
        #expect(out.first?.contains("\"suggestions\":[]") == true)
        #expect(out.first?.hasSuffix(",\"unreviewed\":{\"grammar\":\"\(reason)\",\"tone\":\"\(reason)\"}}") == true)
    }
}

/// `SourceMap`, now logarithmic, gives the answers of the linear walk it replaced (findings' ranges stay
/// byte-identical).
@Suite("Source positions")
struct SourcePositionsTests {
    /// The walk `SourceMap` used to do: from the start of the offset's segment, scalar by scalar.
    struct LinearWalk {
        let scalars: [Unicode.Scalar]
        let segments: [TextSegment]

        func position(at textOffset: Int, endOfSpan: Bool = false) -> SourcePosition {
            let offset = max(0, min(textOffset, scalars.count))
            let probe = endOfSpan ? offset - 1 : offset
            guard let segment = segments.last(where: { $0.textOffset <= probe }) else {
                return SourcePosition(offset: 0, line: 1, column: 1 + offset)
            }
            var position = segment.position
            var i = max(segment.textOffset, 0)
            while i < offset {
                position.offset += UTF8.width(scalars[i])
                if scalars[i] == "\n" {
                    position.line += 1
                    position.column = 1
                } else {
                    position.column += 1
                }
                i += 1
            }
            return position
        }
    }

    @Test func theSameAnswersAsSourceMap() throws {
        let markdown = """
        # Título con *énfasis*

        A paragraph with **bold**, `code`, a [link](https://example.com) and emoji 👨‍👩‍👧
        over two lines\
        and a hard break.

        - item one with _emphasis_
        - item two

        | a | b |
        |---|---|
        | é | 👍 |
        """
        var chunks = try markdownChunks(markdown)
        chunks.append(chunk("Line one.\nLine two é.\n\nLine four 👍."))
        var multi = chunk("ab\ncd ef\ngh")
        multi.segments = [TextSegment(textOffset: 0, position: pos(3, 5, 40)), TextSegment(textOffset: 4, position: pos(7, 2, 90)),
                          TextSegment(textOffset: 9, position: pos(9, 1, 120))]
        chunks.append(multi)
        for c in chunks {
            let old = LinearWalk(scalars: Array(c.text.unicodeScalars), segments: c.segments)
            let new = SourceMap(text: c.text, segments: c.segments)
            let n = c.text.unicodeScalars.count
            for k in -1...(n + 1) {
                #expect(new.position(at: k) == old.position(at: k), "\(c.text) at \(k)")
                #expect(new.position(at: k, endOfSpan: true) == old.position(at: k, endOfSpan: true), "\(c.text) at \(k), end")
            }
            if !c.segments.isEmpty {
                #expect(SourceMap.range(of: c) == SourceRange(start: c.segments[0].position, end: old.position(at: n, endOfSpan: true)))
            }
        }
    }
}
