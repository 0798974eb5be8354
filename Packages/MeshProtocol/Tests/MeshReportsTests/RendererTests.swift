import Foundation
import MeshProtocol
import MeshReports
import Testing

@Suite struct GoldenTests {
    @Test(arguments: ReportFormat.allCases)
    func singleReport(format: ReportFormat) throws {
        try expectGolden(Fixtures.renderer.render(Fixtures.guide, as: format), "guide.\(format.rawValue)")
    }

    @Test(arguments: ReportFormat.allCases)
    func twoReports(format: ReportFormat) throws {
        try expectGolden(Fixtures.renderer.render([Fixtures.guide, Fixtures.clean], as: format), "two.\(format.rawValue)")
    }

    @Test(arguments: ReportFormat.allCases)
    func deterministicWhateverTheInputOrder(format: ReportFormat) {
        var shuffled = Fixtures.guide
        shuffled.suggestions.reverse()
        #expect(Fixtures.renderer.render(shuffled, as: format) == Fixtures.renderer.render(Fixtures.guide, as: format))
    }
}

@Suite struct TextFormatTests {
    @Test func compilerStyleLine() {
        let lines = Fixtures.renderer.render(Fixtures.guide, as: .text).split(separator: "\n")
        #expect(lines[0] == "docs/guide.md:3:1: error: [grammar.repeated-word] Repeated word: \"the the\". (replace with: \"The\")")
        #expect(lines.count == 5)
    }

    @Test func summaryWithoutGradeOrSuggestions() {
        #expect(Fixtures.renderer.render(Fixtures.clean, as: .text)
            == "notes, draft: 1.md: 0 findings (0 errors, 0 warnings, 0 suggestions); grammar 0, clarity 0, tone 0, structure 0; 0 words, 0 sentences\n")
    }
}

@Suite struct JSONFormatTests {
    @Test func decodesBackToTheReport() throws {
        let json = Fixtures.renderer.render(Fixtures.guide, as: .json)
        let decoded = try JSONDecoder().decode(Report.self, from: Data(json.utf8))
        var expected = Fixtures.guide
        expected.suggestions.sort { $0.range.start.offset < $1.range.start.offset }
        #expect(decoded == expected)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? String == ReportRenderer.jsonSchemaVersion)
    }

    @Test func manyReportsAreAnArray() throws {
        let json = Fixtures.renderer.render([Fixtures.guide, Fixtures.clean], as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["reports"] as? [Any])?.count == 2)
        #expect(object["schemaVersion"] as? String == ReportRenderer.jsonSchemaVersion)
    }
}

@Suite struct GitHubFormatTests {
    @Test func annotationLine() {
        let lines = Fixtures.renderer.render(Fixtures.guide, as: .github).split(separator: "\n")
        #expect(lines[0] == "::error file=docs/guide.md,line=3,col=1,endLine=3,endColumn=7,title=grammar.repeated-word::Repeated word: \"the the\". (replace with: \"The\")")
        // A range over two lines has no columns; suggestion severity is a notice.
        #expect(lines[1] == "::warning file=docs/guide.md,line=5,endLine=6,title=clarity.sentence-length::This sentence has 52 words; split it: aim for 25 or fewer.")
        #expect(lines[2].hasPrefix("::notice file=docs/guide.md,line=7,col=22,endLine=7,endColumn=32,"))
    }

    @Test(arguments: [
        ("100% done", "100%25 done"),
        ("line one\nline two\r\n", "line one%0Aline two%0D%0A"),
        ("a: b, c", "a: b, c"),
    ])
    func messageEscaping(message: String, escaped: String) {
        var report = Fixtures.clean
        report.suggestions = [
            Suggestion(
                specialist: .tone, rule: "tone.x", severity: .warning, message: message,
                range: SourceRange(start: Fixtures.position(0, 1, 1), end: Fixtures.position(1, 1, 2)), text: "a")
        ]
        let line = Fixtures.renderer.render(report, as: .github)
        #expect(line.hasSuffix("::" + escaped + "\n"))
        #expect(line.split(separator: "\n").count == 1)
    }

    @Test func propertyEscaping() {
        var report = Fixtures.clean
        report.source = "dir,x/a:b%\n.md"
        report.suggestions = [
            Suggestion(
                specialist: .tone, rule: "tone.x", severity: .error, message: "m",
                range: SourceRange(start: Fixtures.position(0, 1, 1), end: Fixtures.position(1, 1, 2)), text: "a")
        ]
        #expect(Fixtures.renderer.render(report, as: .github)
            == "::error file=dir%2Cx/a%3Ab%25%0A.md,line=1,col=1,endLine=1,endColumn=1,title=tone.x::m\n")
    }
}

@Suite struct SARIFFormatTests {
    func log(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func rulesAreTheOnesThatAppearAndIndexesMatch() throws {
        let sarif = try log(Fixtures.renderer.render([Fixtures.guide, Fixtures.clean], as: .sarif))
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids == ["clarity.sentence-length", "clarity.wordy-phrase", "grammar.repeated-word", "tone.condescending"])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 4)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ids[index] == result["ruleId"] as? String)
        }
        #expect(results.map { $0["level"] as? String } == ["error", "warning", "note", "note"])
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
    }

    @Test func uriIsPercentEncoded() throws {
        var report = Fixtures.guide
        report.source = "my docs/gü.md"
        let text = Fixtures.renderer.render(report, as: .sarif)
        #expect(text.contains("\"uri\" : \"my%20docs/g%C3%BC.md\""))
    }
}

@Suite struct FailOnTests {
    static let warningOnly: Report = {
        var report = Fixtures.guide
        report.suggestions = report.suggestions.filter { $0.severity == .warning }
        return report
    }()
    static let suggestionOnly: Report = {
        var report = Fixtures.guide
        report.suggestions = report.suggestions.filter { $0.severity == .suggestion }
        return report
    }()

    @Test(arguments: [
        (FailOn.error, [true, false, false, false]),
        (.warning, [true, true, false, false]),
        (.suggestion, [true, true, true, false]),
        (.none, [false, false, false, false]),
    ])
    func thresholds(failOn: FailOn, expected: [Bool]) {
        let cases = [[Fixtures.guide], [Self.warningOnly], [Self.suggestionOnly], [Fixtures.clean]]
        #expect(cases.map { failOn.shouldFail($0) } == expected)
    }

    @Test func anyReportCounts() {
        #expect(FailOn.error.shouldFail([Fixtures.clean, Fixtures.guide]))
        #expect(!FailOn.error.shouldFail([]))
        #expect(FailOn(rawValue: "warning") == .warning)
        #expect(FailOn.allCases.map(\.rawValue) == ["error", "warning", "suggestion", "none"])
    }
}
