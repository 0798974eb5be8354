import MeshProtocol

/// GitHub Actions workflow commands, one per suggestion:
/// `::warning file=guide.md,line=12,col=5,endLine=12,endColumn=9,title=clarity.sentence-length::message`.
///
/// Severity `suggestion` becomes `notice`. `endColumn` is inclusive (the last character's column), as
/// GitHub draws it; columns are given for one-line ranges only, as GitHub uses them. Escaping follows the Actions toolkit (`@actions/core` `command.ts`): in the message
/// `%`, `\r`, `\n` become `%25`, `%0D`, `%0A`; in property values also `:` and `,` become `%3A`, `%2C`.
enum GitHubReport {
    static func render(_ reports: [Report], parts: [String?]? = nil) -> String {
        var out = ""
        for (index, report) in reports.enumerated() { out += parts?[index] ?? part(report) }
        return out
    }

    /// One report's commands.
    static func part(_ report: Report) -> String {
        var out = ""
        for s in ReportRenderer.ordered(report.suggestions) {
            out += line(s, file: report.source) + "\n"
        }
        for gap in report.incomplete ?? [] {
            var properties = ["file=" + escapeProperty(report.source)]
            if let range = gap.range { properties += ["line=\(range.start.line)", "endLine=\(max(range.start.line, range.end.line))"] }
            properties.append("title=mesh.unreviewed")
            out += "::warning \(properties.joined(separator: ","))::"
            out += escapeData("\(gap.specialist.rawValue) did not review chunk \(gap.chunk): \(gap.reason)") + "\n"
        }
        return out
    }

    static func line(_ s: Suggestion, file: String) -> String {
        let command: String
        switch s.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .suggestion: command = "notice"
        }
        let start = s.range.start
        let end = s.range.end
        // A range that ends at a line start (after a line break) ends on the line before.
        let endLine = end.line > start.line && end.column == 1 ? end.line - 1 : end.line
        var properties = ["file=" + escapeProperty(file), "line=\(start.line)"]
        if endLine == start.line {
            // GitHub uses columns only on one-line annotations.
            properties += ["col=\(start.column)", "endLine=\(endLine)", "endColumn=\(max(start.column, end.column - 1))"]
        } else {
            properties += ["endLine=\(endLine)"]
        }
        properties.append("title=" + escapeProperty(s.rule))
        let message = s.message + ReportRenderer.replacementNote(s.replacements)
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// GitHub workflow commands percent-encode `%`, CR and LF in a message (not JSON escaping: the runner
    /// decodes exactly these), so this format keeps its own function.
    static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Properties also escape the `:` and `,` that separate them.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
