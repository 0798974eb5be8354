import Foundation
import MeshProtocol
import Testing

@Suite("Names")
struct NameTests {
    /// These names are public: operators type them, dashboards and autoscalers use them.
    @Test func streamsGroupsAndKeys() {
        #expect(Streams.chunks == "doc.chunks")
        #expect(Streams.reports == "doc.reports")
        #expect(Streams.deadLetter == "doc.deadletter")
        #expect(SpecialistType.allCases.map(Streams.review) == ["doc.review.grammar", "doc.review.clarity", "doc.review.tone", "doc.review.structure"])
        #expect(Streams.suggestions(.tone) == "doc.suggestions.tone")
        #expect(Groups.coordinator == "coordinator-group")
        #expect(Groups.aggregator == "aggregator-group")
        #expect(SpecialistType.allCases.map(Groups.specialist) == ["grammar-group", "clarity-group", "tone-group", "structure-group"])
        #expect(Keys.report("doc-001") == "doc:report:doc-001")
        #expect(Keys.results("doc-001") == "doc:results:doc-001")
        #expect(Keys.completed("doc-001") == "doc:completed:doc-001")
    }
}

@Suite("SpecialistType")
struct SpecialistTypeTests {
    @Test("parseList", arguments: [
        ("grammar,tone", [SpecialistType.grammar, .tone]),
        ("tone,grammar", [.tone, .grammar]),
        (" grammar , clarity ", [.grammar, .clarity]),
        ("grammar,,tone,", [.grammar, .tone]),
        ("tone,tone,grammar,tone", [.tone, .grammar]),
        ("grammar,clarity,tone,structure", SpecialistType.allCases),
        ("", []),
        (" , ", []),
    ])
    func parseList(text: String, expected: [SpecialistType]) throws {
        #expect(try SpecialistType.parseList(text) == expected)
    }

    @Test("an unknown name is refused, naming the valid ones", arguments: ["spelling", "grammar,style", "Grammar", "grammar;tone"])
    func unknown(text: String) {
        #expect {
            try SpecialistType.parseList(text)
        } throws: { error in
            guard case ProtocolError.invalidField("specialist", let why) = error else { return false }
            return why.hasPrefix("unknown specialist '") && why.hasSuffix("valid: grammar, clarity, tone, structure")
        }
    }

    @Test func orderIsPipelineOrder() {
        #expect(SpecialistType.allCases.sorted() == [.grammar, .clarity, .tone, .structure])
        #expect([SpecialistType.structure, .grammar, .tone].sorted() == [.grammar, .tone, .structure])
    }
}

@Suite("Severity")
struct SeverityTests {
    @Test func mostSevereFirst() {
        #expect(Severity.error < .warning)
        #expect(Severity.warning < .suggestion)
        #expect(!(Severity.suggestion < .error))
        #expect(Severity.allCases.sorted() == [.error, .warning, .suggestion])
        #expect([Severity.suggestion, .error, .warning].sorted() == [.error, .warning, .suggestion])
        #expect([Severity.suggestion, .warning].min() == .warning)
        #expect(Severity.allCases.map(\.rawValue) == ["error", "warning", "suggestion"])
    }
}

@Suite("Suppression")
struct SuppressionTests {
    @Test("which rules it covers", arguments: [
        ("*", "grammar.repeated-word", true),
        ("grammar.repeated-word", "grammar.repeated-word", true),
        ("grammar", "grammar.repeated-word", true),
        ("clarity", "clarity.passive-voice", true),
        ("clarity", "grammar.repeated-word", false),
        ("clarity.passive", "clarity.passive-voice", false),
        ("clar", "clarity.passive-voice", false),
        ("grammar.repeated-word", "grammar", false),
        ("grammar.repeated-word", "grammar.repeated", false),
    ])
    func rules(rule: String, ruleId: String, covered: Bool) {
        #expect(Suppression(rule: rule).covers(rule: ruleId, line: 1) == covered)
    }

    @Test("which lines it covers (inclusive)", arguments: [
        (Int?(3), Int?(5), [2: false, 3: true, 4: true, 5: true, 6: false]),
        (3, nil, [1: false, 3: true, 1000: true]),
        (nil, 5, [1: true, 5: true, 6: false]),
        (nil, nil, [1: true, 99_999: true]),
        (7, 7, [6: false, 7: true, 8: false]),
    ])
    func lines(from: Int?, to: Int?, expected: [Int: Bool]) {
        let suppression = Suppression(rule: "tone", fromLine: from, toLine: to)
        for (line, covered) in expected {
            #expect(suppression.covers(rule: "tone.condescending", line: line) == covered, "line \(line)")
        }
    }

    @Test func aRuleOutsideIsNotCoveredOnCoveredLines() {
        #expect(!Suppression(rule: "tone", fromLine: 3, toLine: 5).covers(rule: "grammar.repeated-word", line: 4))
    }
}

@Suite("Positions and spans")
struct PositionTests {
    @Test func spans() {
        let span = TextSpan(start: 4, end: 8)
        #expect(span.length == 4)
        #expect(span.overlaps(TextSpan(start: 7, end: 9)))
        #expect(!span.overlaps(TextSpan(start: 8, end: 9)))  // half-open
        #expect(!span.overlaps(TextSpan(start: 0, end: 4)))
        #expect(TextSpan(start: 1, end: 5) < TextSpan(start: 1, end: 6))
    }

    @Test func positionsOrderByOffset() {
        let a = SourcePosition(offset: 10, line: 2, column: 1)
        let b = SourcePosition(offset: 11, line: 2, column: 2)
        #expect(a < b)
        #expect(SourceRange(start: a, end: b) < SourceRange(start: b, end: b))
    }

    @Test func countsAdd() {
        let sum = TextCounts(words: 1, sentences: 2, syllables: 3, letters: 4, complexWords: 5)
            + TextCounts(words: 10, sentences: 20, syllables: 30, letters: 40, complexWords: 50)
        #expect(sum == TextCounts(words: 11, sentences: 22, syllables: 33, letters: 44, complexWords: 55))
    }

    /// Two reviews off the wire claiming `Int.max` words trapped the aggregator's sum (the `wire` fuzz target checks it).
    @Test func countsFromTheWireSaturateInsteadOfTrapping() {
        let huge = TextCounts(words: .max, sentences: .min, syllables: .max, letters: 1, complexWords: -1)
        let sum = huge + huge
        #expect(sum == TextCounts(words: .max, sentences: .min, syllables: .max, letters: 2, complexWords: -2))
    }
}

@Suite("Library version")
struct LibraryVersionTests {
    @Test func matchesTheVersionFile() throws {
        let file = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("VERSION")
        let text = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(MeshProtocolLibrary.version == text)
    }
}
