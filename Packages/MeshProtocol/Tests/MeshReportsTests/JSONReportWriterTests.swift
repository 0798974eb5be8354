import Foundation
import MeshProtocol
import Testing

@testable import MeshReports

/// The `json` format's own writer against what Foundation's pretty-printing encoder wrote before it: the same
/// text for one report and for many, with and without gaps, findings, tone and readability.
@Suite("json report writer")
struct JSONReportWriterTests {
    static var reports: [Report] {
        var empty = Fixtures.clean
        empty.figures.readability = [:]
        empty.figures.tone = nil
        empty.summary.bySpecialist = [:]
        var gaps = Fixtures.guide
        gaps.incomplete = [
            Report.Gap(specialist: .grammar, chunk: 3, range: nil, reason: "over the \"time\" budget\n"),
            Report.Gap(specialist: .tone, chunk: 0, range: SourceRange(start: Fixtures.position(0, 1, 1), end: Fixtures.position(9, 1, 10)), reason: "é"),
        ]
        gaps.figures.tone = -0.125
        gaps.source = "docs/a b/\\quoted\".md"
        return [Fixtures.guide, Fixtures.clean, empty, gaps]
    }

    @Test func oneReportIsWrittenAsFoundationWroteIt() {
        for report in Self.reports {
            #expect(JSONReport.single(report) == JSONReport.foundationSingle(report))
        }
    }

    @Test func manyReportsAreWrittenAsFoundationWroteThem() {
        #expect(JSONReport.many(Self.reports) == JSONReport.foundationMany(Self.reports))
        #expect(JSONReport.many([]) == JSONReport.foundationMany([]))
    }
}
