import Foundation
@testable import MeshAgents
import MeshProtocol
import MeshText
import Testing

@Suite("Config: .mesh.yaml")
struct ConfigTests {
    @Test func parsesEverySetting() throws {
        let yaml = """
        specialists: [grammar, clarity]
        min-alert-level: warning
        disable: [clarity.passive-voice]
        enable: [clarity.e-prime]
        severity: { clarity.wordy: error }
        tone: { target: formal }
        vocabulary: { accept: [Kubernetes, hiredis], reject: [utilize] }
        limits: { sentence-words: 20, paragraph-words: 100, section-words: 900, heading-words: 8 }
        rules:
          - { id: custom.no-todo, kind: existence, message: "Resolve '%s'.", tokens: [TODO, FIXME], severity: error }
          - { id: custom.terms, kind: substitution, swap: { e-mail: email } }
        """
        let c = try MeshConfig.parse(yaml: yaml, path: ".mesh.yaml")
        #expect(c.specialists == [.grammar, .clarity])
        #expect(c.minAlertLevel == .warning)
        #expect(!c.isEnabled("clarity.passive-voice"))
        #expect(c.isEnabled("clarity.e-prime"))
        #expect(!c.isEnabled("tone.hedging"))
        #expect(c.severity(for: "clarity.wordy", default: .suggestion) == .error)
        #expect(c.targetTone == .formal)
        #expect(c.accept.contains("kubernetes"))
        #expect(c.sentenceWords == 20)
        #expect(c.customRules.map(\.id) == ["custom.no-todo", "custom.terms"])
    }

    @Test(arguments: [
        ("specialists: [grammar, style]", 1, "unknown specialist"),
        ("disable:\n  - clarity.nope", 2, "unknown rule"),
        ("min-alert-level: loud", 1, "must be one of"),
        ("tone:\n  target: grumpy", 2, "tone.target"),
        ("colour: red", 1, "unknown setting"),
        ("rules:\n  - id: custom.x\n    kind: existence", 2, "non-empty 'tokens'"),
        ("disable: [a, b\nenable: x", 2, ""),
        // YAML also ends lines at NEL and LINE SEPARATOR; the error names the line an editor shows.
        ("tone: {}\u{2028}limits: {}\u{85}colour: red\n", 1, "unknown setting"),
        ("tone: {}\r\nlimits: {}\rcolour: red\n", 3, "unknown setting"),
        ("a: 1\u{2028}b: 2\u{2028}c: 3\u{2028}d: 4\u{2028}e: 5\u{2028}f: [\n", 2, ""),
    ])
    func malformedConfigIsAnErrorWithLine(_ yaml: String, _ line: Int, _ reason: String) {
        do {
            _ = try MeshConfig.parse(yaml: yaml, path: "proj/.mesh.yaml")
            Issue.record("should have thrown for \(yaml)")
        } catch let e as ConfigError {
            #expect(e.file == "proj/.mesh.yaml")
            #expect(e.line == line, "\(e)")
            #expect(reason.isEmpty || e.reason.contains(reason), "\(e)")
        } catch {
            Issue.record("wrong error \(error)")
        }
    }

    @Test func discoverWalksUp() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mesh-config-\(UUID().uuidString)")
        let deep = root.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "min-alert-level: error\n".write(to: root.appendingPathComponent("a/.mesh.yaml"), atomically: true, encoding: .utf8)
        let found = try MeshConfig.discover(startingAt: deep.path)
        #expect(found?.config.minAlertLevel == .error)
        #expect(found?.path.hasSuffix("a/.mesh.yaml") == true)
    }

    /// The file the producer and the specialist use: the explicit one, else the nearest, else none.
    @Test func configFileIsExplicitElseNearest() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mesh-config-\(UUID().uuidString)")
        let deep = root.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try MeshConfig.File.find(explicit: nil, searchingFrom: deep.path) == nil)
        let nearest = root.appendingPathComponent("a/.mesh.yaml").path
        let other = root.appendingPathComponent("other.yaml").path
        try "min-alert-level: error\n".write(toFile: nearest, atomically: true, encoding: .utf8)
        try "min-alert-level: warning\n".write(toFile: other, atomically: true, encoding: .utf8)
        #expect(try MeshConfig.File.find(explicit: nil, searchingFrom: deep.path)
            == MeshConfig.File(path: nearest, text: "min-alert-level: error\n"))
        #expect(try MeshConfig.File.find(explicit: other, searchingFrom: deep.path)
            == MeshConfig.File(path: other, text: "min-alert-level: warning\n"))
        let missing = root.appendingPathComponent("missing.yaml").path
        #expect(throws: MeshConfig.File.Unreadable.self) { try MeshConfig.File.find(explicit: missing, searchingFrom: deep.path) }
        #expect("\(MeshConfig.File.Unreadable(path: missing))" == "cannot read config \(missing)")
    }

    @Test func customRulesFire() throws {
        let c = try MeshConfig.parse(yaml: """
        rules:
          - { id: custom.no-todo, kind: existence, message: "Resolve '%s'.", tokens: [TODO], specialist: grammar, severity: error }
          - { id: custom.terms, kind: substitution, message: "Use '%s', not '%s'.", swap: { e-mail: email, web site: website } }
          - { id: custom.version, kind: existence, regex: true, tokens: ['v\\d+\\.\\d+'] }
        """, path: ".mesh.yaml")
        let engine = ReviewEngine(config: c)
        let g = engine.analyze(chunk("Fix the TODO here."), as: .grammar).findings.first { $0.rule == "custom.no-todo" }
        #expect(g?.message == "Resolve 'TODO'.")
        #expect(g?.severity == .error)
        let s = engine.analyze(chunk("Send an e-mail from the web site about v1.2 please."), as: .clarity).findings
        #expect(s.filter { $0.rule == "custom.terms" }.map(\.replacements) == [["email"], ["website"]])
        #expect(s.contains { $0.rule == "custom.version" })
    }

    @Test func acceptedVocabularyIsNotMisspelt() throws {
        let c = try MeshConfig.parse(yaml: "vocabulary: { accept: [hiredis, Grafanix] }", path: ".mesh.yaml")
        #expect(!rules("We link hiredis and grafanix here.", .grammar, config: c).contains("grammar.spelling"))
        #expect(rules("We link hiredis and grafanix here.", .grammar).contains("grammar.spelling"))
    }

    @Test func targetToneDecides() throws {
        let formal = try MeshConfig.parse(yaml: "tone: { target: formal }", path: ".mesh.yaml")
        #expect(rules("We don't ship on Fridays!", .tone, config: formal).isSuperset(of: ["tone.informal", "tone.exclamation"]))
        #expect(!rules("We don't ship on Fridays!", .tone).contains("tone.informal"))
    }
}

@Suite("Review engine")
struct EngineTests {
    @Test func severityOverrideAndMinimumLevel() throws {
        let c = try MeshConfig.parse(yaml: "severity: { clarity.wordy: error }\nmin-alert-level: warning", path: ".mesh.yaml")
        let f = ReviewEngine(config: c).analyze(chunk("We basically did it in order to win."), as: .clarity).findings
        #expect(f.map(\.rule) == ["clarity.wordy"])
        #expect(f.first?.severity == .error)
    }

    @Test func disabledSpecialistReportsNothing() throws {
        let c = try MeshConfig.parse(yaml: "disable: [grammar]", path: ".mesh.yaml")
        #expect(ReviewEngine(config: c).analyze(chunk("Their is alot."), as: .grammar).findings.isEmpty)
    }

    @Test func ignoredSpansAreNeverReviewed() {
        let text = "Call teh function and its a deal."
        let f = ReviewEngine().analyze(chunk(text, ignored: [TextSpan(start: 5, end: 8)]), as: .grammar).findings
        #expect(!f.contains { $0.rule == "grammar.spelling" })
        #expect(f.contains { $0.rule == "grammar.confused-words" })
    }

    @Test func theProducersNonProseSpansAreTakenAsFound() throws {
        // What the producer sends: every prose chunk carries the spans its analysis found.
        let text = "Run `make` then open ./docs/teh-guide.md or https://example.com/teh and call parseConfig() there."
        let chunks = try markdownChunks(text)
        let prose = try #require(chunks.first { $0.kind == .paragraph })
        let found = try #require(prose.nonProse?.spans)
        let scalars = Array(prose.text.unicodeScalars)
        #expect(found.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) } == ["parseConfig("])
        #expect(chunks.last?.kind == .outline && chunks.last?.nonProse == nil)
        // Taken as found, they give the same review as scanning again (a 2.0 chunk)...
        var scanned = prose
        scanned.nonProse = nil
        for type in SpecialistType.allCases {
            #expect(ReviewEngine().review(prose, as: type).suggestions == ReviewEngine().review(scanned, as: type).suggestions)
        }
        // ...and they are not scanned again: a span the producer marks is never reviewed.
        var marked = chunk("Call teh function and its a deal.")
        marked.nonProse = SpanPairs([TextSpan(start: 5, end: 8)])
        let f = ReviewEngine().analyze(marked, as: .grammar).findings
        #expect(!f.contains { $0.rule == "grammar.spelling" })
        #expect(ReviewEngine().analyze(chunk("Call teh function and its a deal."), as: .grammar).findings.contains { $0.rule == "grammar.spelling" })
    }

    @Test func suppressionsByLine() {
        var c = chunk("Line one has teh typo.\nLine two has teh typo.")
        c.suppressions = [Suppression(rule: "grammar.spelling", fromLine: 2, toLine: 2)]
        let review = ReviewEngine().review(c, as: .grammar)
        #expect(review.suggestions.filter { $0.rule == "grammar.spelling" }.map(\.range.start.line) == [1])
        c.suppressions = [Suppression(rule: "grammar")]
        #expect(ReviewEngine().review(c, as: .grammar).suggestions.isEmpty)
    }

    @Test func chunkConfigOverridesEngineConfig() {
        let c = chunk("We did it in order to win.", config: "disable: [clarity.wordy]")
        #expect(!ReviewEngine().analyze(c, as: .clarity).findings.contains { $0.rule == "clarity.wordy" })
    }

    /// One engine keeps the last config it parsed: each chunk must still get its own, whatever came before.
    @Test func eachChunkGetsItsOwnConfigOnOneEngine() {
        let engine = ReviewEngine()
        let quiet = chunk("We did it in order to win.", config: "disable: [clarity.wordy]")
        let loud = chunk("We did it in order to win.", config: "disable: [clarity.adverb]")
        let bad = chunk("We did it in order to win.", config: "disable: [nope.rule]")
        func wordy(_ c: Chunk) -> Bool { engine.analyze(c, as: .clarity).findings.contains { $0.rule == "clarity.wordy" } }
        #expect(!wordy(quiet))
        #expect(!wordy(quiet))
        #expect(wordy(loud))
        #expect(!wordy(quiet))
        #expect(engine.effectiveConfig(for: bad).1 != nil)
        #expect(engine.effectiveConfig(for: bad).1 != nil)
        #expect(engine.effectiveConfig(for: quiet).1 == nil)
        #expect(wordy(chunk("We did it in order to win.")))
    }

    @Test func malformedChunkConfigIsReported() {
        var c = chunk("Fine text.", config: "disable: [nope.rule]")
        c.specialists = [.grammar, .structure]
        let s = ReviewEngine().review(c, as: .structure).suggestions
        #expect(s.contains { $0.rule == "structure.config" && $0.message.contains("line 1") == false && $0.message.contains(".mesh.yaml:1") })
    }

    @Test func reviewMapsSpansToSourceAndFillsCountsAndTone() {
        var c = chunk("Hello there.\nIts a fine day.")
        c.segments = [TextSegment(textOffset: 0, position: pos(5, 3, 40)), TextSegment(textOffset: 13, position: pos(6, 3, 55))]
        let g = ReviewEngine().review(c, as: .grammar)
        let s = g.suggestions.first { $0.rule == "grammar.confused-words" }
        #expect(s?.range.start == pos(6, 3, 55))
        #expect(s?.text == "Its a")
        #expect(ReviewEngine().review(c, as: .clarity).counts?.sentences == 2)
        #expect(ReviewEngine().review(c, as: .tone).tone != nil)
    }

    @Test func deterministic() {
        let text = "Their is alot of informations here and and he go to school. I think its a very unique idea, basically!!"
        let a = SpecialistType.allCases.map { ReviewEngine().review(chunk(text), as: $0) }
        let b = SpecialistType.allCases.map { ReviewEngine().review(chunk(text), as: $0) }
        #expect(a == b)
        let starts = a[0].suggestions.map(\.range.start.offset)
        #expect(starts == starts.sorted())
    }

    /// 64 concurrent look-ups on the shared speller give the answers one fresh speller gives one at a time.
    @Test func spellerIsSafeAcrossThreads() async {
        let words = ["receive", "recieve", "teh", "the", "mesh", "colour"]
        let alone = Speller()
        let expected = words.map { alone.check($0) }
        #expect(Array(expected.prefix(4)) == [true, false, false, true])
        let answers = await withTaskGroup(of: (Int, Bool).self) { group in
            for i in 0..<64 {
                group.addTask { (i, Speller.shared.check(words[i % words.count])) }
            }
            var answers: [Int: Bool] = [:]
            for await (i, ok) in group { answers[i] = ok }
            return answers
        }
        #expect(answers.count == 64)
        for (i, ok) in answers { #expect(ok == expected[i % words.count], "\(words[i % words.count])") }
    }

    /// The dictionary-forms filter only skips candidates hunspell would reject: same suggestions as checking all.
    @Test func suggestionFilterKeepsEverySuggestion() {
        let all = Speller(filterCandidates: false), filtered = Speller()
        filtered.prepareSuggestions()
        #expect(filtered.filterIsBuilt)
        let words = ["recieve", "teh", "Teh", "Becuase", "langauge", "occured", "seperate", "definately", "wierd", "untill",
                     "thier", "acheive", "accomodate", "goverment", "enviroment", "begining", "beleive", "tommorow", "xyzzy",
                     "hapened", "runing", "unhapy", "prefered", "colur", "analise", "nieghbour", "cant", "dont", "im", "wont",
                     "o'clok", "well-knwn", "caf\u{E9}s", "Rusts", "crates", "borow", "refernce", "mutabel", "lifetimes"]
        for w in words {
            #expect(filtered.suggest(w, limit: 100) == all.suggest(w, limit: 100), "\(w)")
        }
    }

    /// The filter is built once `suggestionsBeforeFilter` suggestions have gone without it, not before; cached
    /// answers do not count, and the answers are the same either side.
    @Test func suggestionFilterIsBuiltOnlyForAProcessThatAsksForMany() {
        let speller = Speller(), all = Speller(filterCandidates: false)
        let stems = ["recieve", "seperate", "wierd", "acheive", "beleive"]
        let endings = ["", "s", "d", "r", "rs", "x", "ly", "ing", "ment"]
        let words: [String] = stems.flatMap { stem in endings.map { stem + $0 } }
        #expect(words.count == Speller.suggestionsBeforeFilter + 5 && Set(words).count == words.count)
        for (n, w) in words.enumerated() {
            #expect(speller.filterIsBuilt == (n > Speller.suggestionsBeforeFilter), "before suggestion \(n)")
            #expect(speller.suggest(w) == all.suggest(w), "\(w)")
            if n < Speller.suggestionsBeforeFilter { _ = speller.suggest(w) } // cached: not counted
        }
        #expect(speller.suggest("langauge") == ["language"])
    }
}

@Suite("Readability and tone")
struct ScoreTests {
    @Test func syllables() {
        #expect(Syllables.count("cat") == 1)
        #expect(Syllables.count("table") == 2)
        #expect(Syllables.count("readability") == 5)
        #expect(Syllables.count("named") == 1)
        #expect(Syllables.count("wanted") == 2)
    }

    /// `sameLower` decides unequal hashes without comparing strings only when both lower cases are ASCII.
    @Test func tokensKnowWhetherTheirLowerCaseIsASCII() {
        let a = TextAnalysis(text: "The the Ünder ünder don’t don't")
        #expect(a.tokens.map(\.lowerIsASCII) == [true, true, false, false, true, true])
        #expect(a.sameLower(0, 1) && a.sameLower(2, 3) && a.sameLower(4, 5) && !a.sameLower(1, 2))
        #expect(MemoryLayout<Token>.stride == 64)
    }

    /// Readability counts a token's syllables from its scalars; the answer must be `Syllables.count` of its lower case.
    @Test func readabilitySyllablesMatchTheWordCount() {
        let text = """
        The Preamble's naïve CRÈME brûlée don’t re-examine PREORDER preempt nations; idealism, prequel, triumph.
        Quietly, the aeon's radio queued 42 TABLES and named, wanted, boxes, catches, makes; I'm x y zz Ωmega.
        Kelvin \u{212A}elvin, curious precious qualm, ensuing, skiing, iambic, Ohio, geode, duo, casual, fluid.
        """
        let analysis = TextAnalysis(text: text)
        var expected = 0
        for t in analysis.tokens where t.kind == .word || t.kind == .number {
            expected += t.kind == .number ? 1 : Syllables.count(t.lower)
        }
        #expect(Readability.counts(of: text).syllables == expected)
    }

    @Test func formulasOrderEasyBeforeHard() {
        let easy = Readability.scores(Readability.counts(of: "The cat sat on the mat. The dog ran. We had fun."))
        let hard = Readability.scores(Readability.counts(of: "Institutional reorganization necessitates comprehensive interdepartmental coordination and methodological standardization."))
        #expect(Set(easy.keys) == Set(Readability.formulas))
        for f in Readability.formulas where f != "flesch-reading-ease" { #expect(easy[f]! < hard[f]!, "\(f)") }
        #expect(easy["flesch-reading-ease"]! > hard["flesch-reading-ease"]!)
    }

    @Test func toneFollowsSentiment() {
        let good = ReviewEngine().analyze(chunk("I love this, it is wonderful and helpful."), as: .tone).tone!
        let bad = ReviewEngine().analyze(chunk("I hate this, it is awful and useless."), as: .tone).tone!
        let negated = ReviewEngine().analyze(chunk("It is not good."), as: .tone).tone!
        #expect(good > 0.5)
        #expect(bad < -0.5)
        #expect(negated < 0)
        #expect(ReviewEngine().analyze(chunk("I hate this."), as: .tone).toneDrivers.contains("hate"))
    }
}

@Suite("JSONL batch mode")
struct BatchTests {
    @Test func oneResultPerLineWithCodePointOffsets() throws {
        var input = [#"{"id":"a","text":"Café: its a good day."}"#, "", #"{"id":7,"text":"Fine."}"#][...]
        var out: [String] = []
        try JSONLBatch.run(types: SpecialistType.allCases, config: .default, readLine: { input.popFirst() }, write: { out.append($0) })
        #expect(out.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(out[0].utf8)) as! [String: Any]
        #expect(first["id"] as? String == "a")
        let s = (first["suggestions"] as! [[String: Any]]).first { ($0["rule"] as? String) == "grammar.confused-words" }!
        #expect(s["start"] as? Int == 6)
        #expect(s["end"] as? Int == 11)
        #expect(first["tone"] is NSNumber)
        #expect((first["readability"] as? [String: Any])?["flesch-kincaid-grade"] != nil)
        let second = try JSONSerialization.jsonObject(with: Data(out[1].utf8)) as! [String: Any]
        #expect(second["id"] as? Int == 7)
    }

    @Test func badInputIsAnError() {
        var input = ["not json"][...]
        #expect(throws: JSONLBatch.InputError.self) {
            try JSONLBatch.run(types: [.grammar], config: .default, readLine: { input.popFirst() }, write: { _ in })
        }
    }
}

@Suite("RULES.md")
struct RulesDocTests {
    @Test func rulesMarkdownIsCurrent() throws {
        let url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("RULES.md")
        let onDisk = try String(contentsOf: url, encoding: .utf8)
        let precision = DevSet.precision(DevSetTests.items, review: DevSetTests.review)
        #expect(onDisk == RuleCatalog.markdown(precision: precision), "RULES.md is stale: run `make rules`")
    }

    @Test func idsAreUniqueAndWellFormed() {
        let ids = RuleCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for info in RuleCatalog.all {
            #expect(info.id.hasPrefix(info.specialist.rawValue + "."))
            #expect(!info.description.isEmpty)
        }
    }
}
