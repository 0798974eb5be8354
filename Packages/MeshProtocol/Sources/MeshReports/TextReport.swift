import MeshProtocol

/// `guide.md:12:5: warning: [clarity.sentence-length] message (replace with: "x", "y")`, one line per
/// suggestion, then one summary line per document:
/// `guide.md: 3 findings (1 error, 1 warning, 1 suggestion); grammar 2, clarity 1, tone 0, structure 0; 120 words, 8 sentences, grade 7.2`.
struct TextReport {
    let renderer: ReportRenderer

    func render(_ reports: [Report], parts: [String?]? = nil) -> String {
        var out = ""
        for (index, report) in reports.enumerated() {
            out += parts?[index] ?? part(report)
        }
        if reports.count > 1 {
            let all = reports.flatMap(\.suggestions)
            out += "total: \(reports.count) documents, \(Self.plural(all.count, "finding")) (\(severities(all)))\n"
        }
        return out
    }

    /// One report's lines and summary line.
    func part(_ report: Report) -> String {
        var out = ""
        for s in ReportRenderer.ordered(report.suggestions) {
            out += "\(report.source):\(s.range.start.line):\(s.range.start.column): \(s.severity.rawValue): "
            out += "[\(s.rule)] \(ReportRenderer.oneLine(s.message))\(ReportRenderer.replacementNote(s.replacements))\n"
        }
        for gap in report.incomplete ?? [] {
            out += "\(report.source):\(Self.lines(gap.range)): warning: [mesh.unreviewed] "
            out += "\(gap.specialist.rawValue) did not review chunk \(gap.chunk): \(ReportRenderer.oneLine(gap.reason))\n"
        }
        return out + summary(report) + "\n"
    }

    func summary(_ report: Report) -> String {
        var parts: [String] = []
        parts.append("\(Self.plural(report.summary.total, "finding")) (\(severities(report.summary.bySeverity)))")
        let names = SpecialistType.allCases.map(\.rawValue).filter { report.summary.bySpecialist[$0] != nil }
            + report.summary.bySpecialist.keys.filter { SpecialistType(rawValue: $0) == nil }.sorted()
        if !names.isEmpty {
            parts.append(names.map { "\($0) \(report.summary.bySpecialist[$0] ?? 0)" }.joined(separator: ", "))
        }
        var figures = "\(Self.plural(report.figures.words, "word")), \(Self.plural(report.figures.sentences, "sentence"))"
        if let grade = report.figures.readability["flesch-kincaid-grade"] {
            figures += ", grade \(Self.oneDecimal(grade))"
        }
        parts.append(figures)
        if let gaps = report.incomplete, !gaps.isEmpty {
            parts.append("INCOMPLETE: \(Self.plural(gaps.count, "chunk review")) missing")
        }
        return "\(report.source): " + parts.joined(separator: "; ")
    }

    /// `12:1` for a gap's first line, or `1:1` when the chunk's place is unknown.
    static func lines(_ range: SourceRange?) -> String {
        guard let range else { return "1:1" }
        return "\(range.start.line):\(range.start.column)"
    }

    private func severities(_ counts: [String: Int]) -> String {
        Severity.allCases.map { Self.plural(counts[$0.rawValue] ?? 0, $0.rawValue) }.joined(separator: ", ")
    }

    private func severities(_ suggestions: [Suggestion]) -> String {
        var counts: [String: Int] = [:]
        for s in suggestions { counts[s.severity.rawValue, default: 0] += 1 }
        return severities(counts)
    }

    static func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// `7.2`, `-0.5`, `12.0`: one decimal, rounded half away from zero, without Foundation's locale.
    static func oneDecimal(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
