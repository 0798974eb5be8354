import Foundation
import MeshProtocol
import MeshReports
import Testing

/// A small report with one suggestion of each severity, a multi-line range, replacements with quotes,
/// and characters that need escaping in every format.
enum Fixtures {
    static func position(_ offset: Int, _ line: Int, _ column: Int) -> SourcePosition {
        SourcePosition(offset: offset, line: line, column: column)
    }

    static let guide = Report(
        docId: "doc-001",
        source: "docs/guide.md",
        suggestions: [
            // Deliberately out of order: renderers sort by position.
            Suggestion(
                specialist: .clarity, rule: "clarity.wordy-phrase", severity: .suggestion,
                message: "Use \"to\" instead of \"in order to\".",
                range: SourceRange(start: position(130, 7, 22), end: position(141, 7, 33)), text: "in order to",
                replacements: ["to"]),
            Suggestion(
                specialist: .grammar, rule: "grammar.repeated-word", severity: .error, message: "Repeated word: \"the the\".",
                range: SourceRange(start: position(40, 3, 1), end: position(47, 3, 8)), text: "The the", replacements: ["The"]),
            Suggestion(
                specialist: .clarity, rule: "clarity.sentence-length", severity: .warning,
                message: "This sentence has 52 words; split it: aim for 25 or fewer.",
                range: SourceRange(start: position(60, 5, 1), end: position(118, 6, 20)),
                text: "When the team updates the plan\nand the late report", replacements: []),
            Suggestion(
                specialist: .tone, rule: "tone.condescending", severity: .suggestion,
                message: "\"simply\" can sound condescending, 100% of the time: drop it.",
                range: SourceRange(start: position(200, 9, 5), end: position(206, 9, 11)), text: "simply",
                replacements: ["", "just"]),
        ],
        summary: Report.Summary(
            total: 4, bySpecialist: ["grammar": 1, "clarity": 2, "tone": 1, "structure": 0],
            bySeverity: ["error": 1, "warning": 1, "suggestion": 2]),
        figures: Report.Figures(
            chunks: 9, words: 182, sentences: 11,
            readability: ["flesch-reading-ease": 61.27, "flesch-kincaid-grade": 8.46, "gunning-fog": 10.4],
            tone: 0.125))

    static let clean = Report(
        docId: "doc-002",
        source: "notes, draft: 1.md",
        suggestions: [],
        summary: Report.Summary(
            total: 0, bySpecialist: ["grammar": 0, "clarity": 0, "tone": 0, "structure": 0],
            bySeverity: ["error": 0, "warning": 0, "suggestion": 0]),
        figures: Report.Figures(chunks: 1, words: 0, sentences: 0, readability: [:], tone: nil))

    static let rules = [
        RuleDescriptor(id: "grammar.repeated-word", specialist: .grammar, defaultSeverity: .error, summary: "A word repeated by mistake."),
        RuleDescriptor(
            id: "clarity.sentence-length", specialist: .clarity, defaultSeverity: .warning, summary: "Sentences too long to read easily."),
        RuleDescriptor(
            id: "clarity.wordy-phrase", specialist: .clarity, defaultSeverity: .suggestion, summary: "Phrases with a shorter equivalent."),
        RuleDescriptor(id: "structure.unused", specialist: .structure, defaultSeverity: .warning, summary: "Not in any result."),
        // tone.condescending deliberately has no descriptor: the renderer must still list it.
    ]

    static let renderer = ReportRenderer(rules: rules, toolVersion: "0.1.0")

    static let goldenDirectory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("Golden")
}

/// Compares `output` with the golden file; `UPDATE_GOLDEN=1 swift test` rewrites the golden files (then
/// review the diff by eye: the golden files are the specification of the formats).
func expectGolden(_ output: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = Fixtures.goldenDirectory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try Data(output.utf8).write(to: url)
    }
    let golden = try String(contentsOf: url, encoding: .utf8)
    #expect(output == golden, "\(name) differs from its golden file", sourceLocation: sourceLocation)
}
