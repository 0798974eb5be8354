import MeshProtocol

/// SARIF 2.1.0: one run whose driver lists the rules that appear, one result per suggestion, a fix per
/// replacement. `run.columnKind` is `unicodeCodePoints`, because our columns count Unicode scalars
/// (SARIF's default would be UTF-16 code units). Regions are 1-based with an exclusive `endColumn`.
struct SARIFReport {
    static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    let renderer: ReportRenderer

    func render(_ reports: [Report]) -> String {
        let suggestions = reports.flatMap { report in ReportRenderer.ordered(report.suggestions).map { (report.source, $0) } }
        let ruleIds = Set(suggestions.map(\.1.rule)).sorted()
        var ruleIndex: [String: Int] = [:]
        for (index, id) in ruleIds.enumerated() { ruleIndex[id] = index }
        let rules = ruleIds.map { id in
            let descriptor = renderer.rules[id]
            let fallback = suggestions.first { $0.1.rule == id }?.1.severity ?? .warning
            return Rule(
                id: id, name: Self.ruleName(id), shortDescription: Text(text: descriptor?.summary ?? id),
                defaultConfiguration: Configuration(level: Self.level(descriptor?.defaultSeverity ?? fallback)),
                properties: RuleProperties(tags: [descriptor?.specialist.rawValue ?? String(id.prefix { $0 != "." })]))
        }
        let results = suggestions.map { source, s in
            let location = artifact(source)
            let region = Region(
                startLine: s.range.start.line, startColumn: s.range.start.column, endLine: s.range.end.line,
                endColumn: s.range.end.column, snippet: s.text.isEmpty ? nil : Text(text: s.text))
            let deleted = Region(
                startLine: region.startLine, startColumn: region.startColumn, endLine: region.endLine,
                endColumn: region.endColumn, snippet: nil)
            let fixes = s.replacements.map { replacement in
                Fix(
                    description: Text(text: "Replace with \(JSONString.quoted(replacement))"),
                    artifactChanges: [
                        ArtifactChange(
                            artifactLocation: location,
                            replacements: [Replacement(deletedRegion: deleted, insertedContent: Text(text: replacement))])
                    ])
            }
            return Result(
                ruleId: s.rule, ruleIndex: ruleIndex[s.rule] ?? 0, level: Self.level(s.severity),
                message: Text(text: s.message),
                locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: location, region: region))],
                fixes: fixes.isEmpty ? nil : fixes,
                properties: ResultProperties(specialist: s.specialist.rawValue))
        }
        let log = Log(
            schema: Self.schemaURI, version: "2.1.0",
            runs: [
                Run(
                    tool: Tool(
                        driver: Driver(
                            name: "agentic-mesh", version: renderer.toolVersion, informationUri: renderer.informationUri,
                            rules: rules)),
                    originalUriBaseIds: renderer.sourceRoot.map { [Self.rootId: ArtifactLocation(uri: Self.rootURI($0), uriBaseId: nil)] },
                    columnKind: "unicodeCodePoints", results: results, invocations: invocations(reports))
            ])
        return JSONReport.encode(log)
    }

    /// The name of the base that relative paths start from (`originalUriBaseIds`), as GitHub's docs use it.
    static let rootId = "SRCROOT"

    /// A relative path with `uriBaseId` when the renderer knows the root; an absolute path as it is.
    func artifact(_ source: String) -> ArtifactLocation {
        if source.hasPrefix("/") { return ArtifactLocation(uri: Self.uri(source), uriBaseId: nil) }
        return ArtifactLocation(uri: Self.uri(source), uriBaseId: renderer.sourceRoot == nil ? nil : Self.rootId)
    }

    /// `/home/me/repo` → `file:///home/me/repo/` (a base URI ends in a slash, SARIF §3.14.14).
    static func rootURI(_ folder: String) -> String {
        var path = uri(folder)
        if !path.hasSuffix("/") { path += "/" }
        if !path.hasPrefix("/") { path = "/" + path }
        return "file://" + path
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .suggestion: "note"
        }
    }

    /// `clarity.passive-voice` → `PassiveVoice` (SARIF's `name`: a readable, non-unique identifier).
    static func ruleName(_ id: String) -> String {
        let name = id.split(separator: ".").dropFirst().joined(separator: "-")
        return name.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A relative URI reference for a file name: every byte outside RFC 3986's unreserved set and `/` is
    /// percent-encoded (`my guide.md` → `my%20guide.md`).
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/".contains(c) {
                out.append(c)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    // MARK: The SARIF object model (the parts we write)

    struct Log: Encodable {
        let schema: String
        let version: String
        let runs: [Run]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }
    struct Run: Encodable {
        let tool: Tool
        let originalUriBaseIds: [String: ArtifactLocation]?
        let columnKind: String
        let results: [Result]
        /// Only when some chunk was not reviewed: one invocation, not successful, a notification per gap.
        let invocations: [Invocation]?
    }
    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]
    }
    struct Notification: Encodable {
        let level: String
        let message: Text
        let locations: [Location]?
        let descriptor: Reference
    }
    struct Reference: Encodable { let id: String }

    /// Each chunk a specialist did not review, as a tool execution notification (SARIF §3.58), so code
    /// scanning shows that the results are partial rather than clean.
    func invocations(_ reports: [Report]) -> [Invocation]? {
        let notifications = reports.flatMap { report in
            (report.incomplete ?? []).map { gap in
                Notification(
                    level: "warning",
                    message: Text(text: "\(gap.specialist.rawValue) did not review chunk \(gap.chunk): \(gap.reason)"),
                    locations: gap.range.map { range in
                        [Location(physicalLocation: PhysicalLocation(
                            artifactLocation: artifact(report.source),
                            region: Region(startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line,
                                           endColumn: range.end.column, snippet: nil)))]
                    },
                    descriptor: Reference(id: "mesh.unreviewed"))
            }
        }
        return notifications.isEmpty ? nil : [Invocation(executionSuccessful: false, toolExecutionNotifications: notifications)]
    }
    struct Tool: Encodable { let driver: Driver }
    struct Driver: Encodable {
        let name: String
        let version: String
        let informationUri: String
        let rules: [Rule]
    }
    struct Rule: Encodable {
        let id: String
        let name: String
        let shortDescription: Text
        let defaultConfiguration: Configuration
        let properties: RuleProperties
    }
    struct RuleProperties: Encodable { let tags: [String] }
    struct Configuration: Encodable { let level: String }
    struct Text: Encodable { let text: String }
    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Text
        let locations: [Location]
        let fixes: [Fix]?
        let properties: ResultProperties
    }
    struct ResultProperties: Encodable { let specialist: String }
    struct Location: Encodable { let physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }
    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String?
    }
    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
        let snippet: Text?
    }
    struct Fix: Encodable {
        let description: Text
        let artifactChanges: [ArtifactChange]
    }
    struct ArtifactChange: Encodable {
        let artifactLocation: ArtifactLocation
        let replacements: [Replacement]
    }
    struct Replacement: Encodable {
        let deletedRegion: Region
        let insertedContent: Text
    }
}
