import FoundationEssentials
import MeshProtocol

/// The output formats of a review report.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Compiler style, one line per suggestion, then a summary line per document.
    case text
    /// The `Report` as JSON with a `schemaVersion` (see REPORT.md and report.schema.json).
    case json
    /// SARIF 2.1.0, for code-scanning tools.
    case sarif
    /// GitHub Actions workflow commands (`::warning file=…::message`), which become annotations.
    case github
}

/// One report rendered ahead as part of several (`ReportRenderer.part`).
public struct ReportPart: Sendable {
    fileprivate var text: String?
    fileprivate var json: [UInt8]?

    fileprivate init(text: String) { self.text = text }
    fileprivate init(json: [UInt8]) { self.json = json }
}

/// What a rule is, for SARIF's `driver.rules` (MeshAgents supplies these for its rules).
public struct RuleDescriptor: Sendable, Hashable {
    /// Stable id, `<specialist>.<name>`, e.g. `clarity.passive-voice`.
    public var id: String
    public var specialist: SpecialistType
    public var defaultSeverity: Severity
    /// One sentence on what the rule finds.
    public var summary: String

    public init(id: String, specialist: SpecialistType, defaultSeverity: Severity, summary: String) {
        self.id = id
        self.specialist = specialist
        self.defaultSeverity = defaultSeverity
        self.summary = summary
    }
}

/// Renders reports. Output is deterministic byte for byte: suggestions in a stable order (position,
/// then specialist, rule, message), sorted JSON keys, no timestamps, `\n` line endings, a final newline.
public struct ReportRenderer: Sendable {
    /// The version of the `json` format's schema; bumped in its minor part for additions only.
    public static let jsonSchemaVersion = "1.1"

    public let rules: [String: RuleDescriptor]
    public let toolVersion: String
    /// `tool.driver.informationUri` in SARIF. Set it to the project's home page; the default is a
    /// reserved placeholder (`.invalid`) so nothing points at a page that is not ours.
    public var informationUri: String = "https://agentic-mesh.invalid/"
    /// The absolute folder that reports' relative `source` paths start from (`mesh review --root`). When set,
    /// SARIF locations carry `uriBaseId: SRCROOT` and the run's `originalUriBaseIds` says where that is, as
    /// GitHub code scanning expects; when nil, relative paths are written as they are.
    public var sourceRoot: String?

    public init(rules: [RuleDescriptor], toolVersion: String) {
        var byId: [String: RuleDescriptor] = [:]
        for rule in rules { byId[rule.id] = rule }
        self.rules = byId
        self.toolVersion = toolVersion
    }

    public func render(_ report: Report, as format: ReportFormat) -> String {
        switch format {
        case .json: return JSONReport.single(report)
        default: return render([report], as: format)
        }
    }

    /// Several documents in one output: text and GitHub lines one document after another (text ends with
    /// a total line when there is more than one); JSON `{"reports": [...], "schemaVersion"}`; SARIF one run
    /// with every document's results.
    public func render(_ reports: [Report], as format: ReportFormat) -> String {
        switch format {
        case .text: return TextReport(renderer: self).render(reports)
        case .json: return JSONReport.many(reports)
        case .sarif: return SARIFReport(renderer: self).render(reports)
        case .github: return GitHubReport.render(reports)
        }
    }

    /// One report's share of `render(reports, as: format)` for several reports, made as soon as that report is in
    /// (the producer renders each while it waits for the rest); `render(_:as:parts:)` joins them. nil for SARIF,
    /// whose one run is written whole.
    public func part(_ report: Report, as format: ReportFormat) -> ReportPart? {
        switch format {
        case .text: ReportPart(text: TextReport(renderer: self).part(report))
        case .github: ReportPart(text: GitHubReport.part(report))
        case .json: ReportPart(json: JSONReport.part(report))
        case .sarif: nil
        }
    }

    /// `render(reports, as: format)`, from the parts made by `part(_:as:)` of the same reports in the same format
    /// (by position; a missing one is made now).
    public func render(_ reports: [Report], as format: ReportFormat, parts: [ReportPart?]) -> String {
        precondition(parts.count == reports.count, "one part (or nil) per report")
        switch format {
        case .text: return TextReport(renderer: self).render(reports, parts: parts.map { $0?.text })
        case .github: return GitHubReport.render(reports, parts: parts.map { $0?.text })
        case .json: return JSONReport.many(parts: zip(reports, parts).map { $1?.json ?? JSONReport.part($0) })
        case .sarif: return render(reports, as: .sarif)
        }
    }

    /// `render(reports, as: format, parts: parts)` as UTF-8, for writing out: JSON, the format of a burst's
    /// megabytes, comes as its writer made it, without a `String` in between.
    public func renderBytes(_ reports: [Report], as format: ReportFormat, parts: [ReportPart?]) -> [UInt8] {
        guard format == .json else { return Array(render(reports, as: format, parts: parts).utf8) }
        precondition(parts.count == reports.count, "one part (or nil) per report")
        return JSONReport.manyBytes(parts: zip(reports, parts).map { $1?.json ?? JSONReport.part($0) })
    }

    /// What the producer and `mesh review` write out: one report alone as `render(_:as:)` renders it, several as
    /// `renderBytes` joins their parts, ending with a line break unless empty.
    public func output(_ reports: [Report], as format: ReportFormat, parts: [ReportPart?]) -> [UInt8] {
        var bytes = reports.count == 1 ? Array(render(reports[0], as: format).utf8) : renderBytes(reports, as: format, parts: parts)
        if let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        return bytes
    }

    /// A report's suggestions in the stable output order.
    static func ordered(_ suggestions: [Suggestion]) -> [Suggestion] {
        suggestions.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.range.start.offset != y.range.start.offset { return x.range.start.offset < y.range.start.offset }
            if x.range.end.offset != y.range.end.offset { return x.range.end.offset < y.range.end.offset }
            if x.specialist != y.specialist { return x.specialist < y.specialist }
            if x.rule != y.rule { return x.rule < y.rule }
            if x.message != y.message { return x.message < y.message }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// `(replace with: "a", "b")`, or nothing when there are no replacements.
    static func replacementNote(_ replacements: [String]) -> String {
        guard !replacements.isEmpty else { return "" }
        return " (replace with: " + replacements.map(JSONString.quoted).joined(separator: ", ") + ")"
    }

    /// One line: newlines and tabs in a message become spaces.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
    }
}

/// When a CI run should fail, the way lint tools' `--fail-on` works.
public enum FailOn: String, CaseIterable, Sendable {
    /// Fail when there is an error.
    case error
    /// Fail when there is an error or a warning.
    case warning
    /// Fail when there is any suggestion at all.
    case suggestion
    /// Never fail.
    case none

    public func shouldFail(_ reports: [Report]) -> Bool {
        let threshold: Severity
        switch self {
        case .none: return false
        case .error: threshold = .error
        case .warning: threshold = .warning
        case .suggestion: threshold = .suggestion
        }
        // Severity's order: error < warning < suggestion ("more severe first").
        return reports.contains { $0.suggestions.contains { $0.severity <= threshold } }
    }
}
