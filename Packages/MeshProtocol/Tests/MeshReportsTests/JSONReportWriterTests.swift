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

/// The producer renders each report as it arrives and joins the parts at the end: the same bytes as rendering
/// them all at once, in every format, whichever parts were made ahead (the rest are made when joined).
@Suite("report parts")
struct ReportPartTests {
    @Test(arguments: ReportFormat.allCases)
    func partsJoinToTheWholeRendering(format: ReportFormat) {
        let reports = JSONReportWriterTests.reports
        let whole = Fixtures.renderer.render(reports, as: format)
        let parts = reports.map { Fixtures.renderer.part($0, as: format) }
        #expect(Fixtures.renderer.render(reports, as: format, parts: parts) == whole)
        let some = parts.enumerated().map { $0.offset % 2 == 0 ? $0.element : nil }
        #expect(Fixtures.renderer.render(reports, as: format, parts: some) == whole)
        #expect(Fixtures.renderer.renderBytes(reports, as: format, parts: some) == Array(whole.utf8))
        #expect(Fixtures.renderer.renderBytes([], as: format, parts: []) == Array(Fixtures.renderer.render([], as: format).utf8))
        #expect(Fixtures.renderer.render([], as: format, parts: []) == Fixtures.renderer.render([], as: format))
        #expect((parts[0] == nil) == (format == .sarif), "SARIF alone is written whole")
        // What the producer writes: several joined, one alone as a single report, each ending with a line break.
        let output = Fixtures.renderer.output(reports, as: format, parts: some)
        #expect(output == Array(whole.utf8) + (whole.hasSuffix("\n") ? [] : [UInt8(ascii: "\n")]))
        let single = Fixtures.renderer.render(reports[0], as: format)
        #expect(Fixtures.renderer.output([reports[0]], as: format, parts: [parts[0]])
            == Array(single.utf8) + (single.hasSuffix("\n") ? [] : [UInt8(ascii: "\n")]))
    }
}
