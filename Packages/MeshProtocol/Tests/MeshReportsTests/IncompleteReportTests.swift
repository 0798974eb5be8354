import Foundation
import MeshProtocol
import MeshReports
import Testing

/// A chunk a specialist could not review is not silence: the report lists it as a gap in every format.
@Suite("Incomplete reports")
struct IncompleteReportTests {
    static func at(_ offset: Int, _ line: Int, _ column: Int) -> SourcePosition {
        SourcePosition(offset: offset, line: line, column: column)
    }

    static let reviews: [ChunkReview] = [
        ChunkReview(docId: "d", chunkIndex: 1, chunkCount: 2, specialist: .grammar, specialists: [.grammar, .tone], source: "guide.md",
                    suggestions: [], unreviewed: "review took longer than the 5 s budget",
                    range: SourceRange(start: at(40, 3, 1), end: at(90, 4, 12))),
        ChunkReview(docId: "d", chunkIndex: 0, chunkCount: 2, specialist: .grammar, specialists: [.grammar, .tone], source: "guide.md",
                    suggestions: []),
        ChunkReview(docId: "d", chunkIndex: 1, chunkCount: 2, specialist: .tone, specialists: [.grammar, .tone], source: "guide.md",
                    suggestions: []),
        ChunkReview(docId: "d", chunkIndex: 0, chunkCount: 2, specialist: .tone, specialists: [.grammar, .tone], source: "guide.md",
                    suggestions: [], unreviewed: "dead-lettered: delivered 6 times without success"),
    ]

    static let report = ReportAssembly.assemble(docId: "d", reviews: reviews, readability: { _ in [:] })
    static let renderer = ReportRenderer(rules: [], toolVersion: "0.1.0")

    @Test func gapsAreListedInChunkThenSpecialistOrder() {
        let gaps = Self.report.incomplete ?? []
        #expect(gaps.map(\.chunk) == [0, 1])
        #expect(gaps.map(\.specialist) == [.tone, .grammar])
        #expect(gaps[1].reason == "review took longer than the 5 s budget")
        #expect(gaps[1].range?.start.line == 3)
        #expect(gaps[0].range == nil)
    }

    @Test func aCompleteReportHasNoIncompleteField() {
        let complete = ReportAssembly.assemble(docId: "d", reviews: [Self.reviews[1]], readability: { _ in [:] })
        #expect(complete.incomplete == nil)
        #expect(!Self.renderer.render(complete, as: .json).contains("incomplete"))
    }

    @Test func textSaysWhatWasNotReviewed() {
        let text = Self.renderer.render(Self.report, as: .text)
        #expect(text == """
            guide.md:1:1: warning: [mesh.unreviewed] tone did not review chunk 0: dead-lettered: delivered 6 times without success
            guide.md:3:1: warning: [mesh.unreviewed] grammar did not review chunk 1: review took longer than the 5 s budget
            guide.md: 0 findings (0 errors, 0 warnings, 0 suggestions); grammar 0, tone 0; 0 words, 0 sentences; INCOMPLETE: 2 chunk reviews missing

            """)
    }

    @Test func jsonListsTheGaps() throws {
        let json = Self.renderer.render(Self.report, as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let gaps = try #require(object["incomplete"] as? [[String: Any]])
        #expect(gaps.count == 2)
        #expect(gaps[1]["reason"] as? String == "review took longer than the 5 s budget")
        #expect(gaps[1]["specialist"] as? String == "grammar")
        #expect(object["schemaVersion"] as? String == "1.1")
    }

    @Test func githubAnnotatesEachGap() {
        let lines = Self.renderer.render([Self.report], as: .github).split(separator: "\n")
        #expect(lines == [
            "::warning file=guide.md,title=mesh.unreviewed::tone did not review chunk 0: dead-lettered: delivered 6 times without success",
            "::warning file=guide.md,line=3,endLine=4,title=mesh.unreviewed::grammar did not review chunk 1: review took longer than the 5 s budget",
        ])
    }

    @Test func sarifSaysTheRunWasNotSuccessful() throws {
        let sarif = Self.renderer.render([Self.report], as: .sarif)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notes.count == 2)
        #expect((notes[1]["message"] as? [String: Any])?["text"] as? String == "grammar did not review chunk 1: review took longer than the 5 s budget")
        let complete = Self.renderer.render([ReportAssembly.assemble(docId: "d", reviews: [Self.reviews[1]], readability: { _ in [:] })], as: .sarif)
        #expect(!complete.contains("invocations"))
    }

    @Test(.enabled(if: SARIFValidator.validatorAvailable, "needs python3 with jsonschema"))
    func bothAreValidAgainstTheirSchemas() throws {
        let sarif = Self.renderer.render([Self.report], as: .sarif)
        let (status, errors) = try SARIFValidator.run([SARIFValidator.script.path, "-"], input: sarif)
        #expect(status == 0, "\(errors)")
        let json = Self.renderer.render(Self.report, as: .json)
        let (jsonStatus, jsonErrors) = try SARIFValidator.run(["-c", JSONSchemaTests.check, JSONSchemaTests.schema.path], input: json)
        #expect(jsonStatus == 0, "\(jsonErrors)")
    }
}
