import Foundation
import MeshProtocol

/// Config-defined existence and substitution rules.
enum CustomRules {
    static func apply(_ ctx: inout RuleContext, type: SpecialistType) {
        let rules = ctx.config.customRules.filter { $0.specialist == type }
        guard !rules.isEmpty else { return }
        for rule in rules where ctx.config.isEnabled(rule.id) {
            let pairs: [(String, String?)] = rule.kind == .existence ? rule.tokens.map { ($0, nil) } : rule.swap.map { ($0.0, $0.1) }
            for (pattern, replacement) in pairs {
                for span in matches(pattern, rule: rule, ctx: ctx) {
                    let found = ctx.text(span)
                    var message = rule.message
                    if let r = message.range(of: "%s") {
                        message.replaceSubrange(r, with: replacement ?? found)
                        if let r2 = message.range(of: "%s") { message.replaceSubrange(r2, with: found) }
                    }
                    ctx.findings.append(Finding(rule: rule.id, severity: rule.severity, message: message, span: span,
                                                replacements: replacement.map { [matchCase($0, like: found)] } ?? []))
                }
            }
        }
    }

    static func matches(_ pattern: String, rule: CustomRule, ctx: RuleContext) -> [TextSpan] {
        if !rule.regex {
            let table = PhraseTable([pattern])
            let tokens = ctx.tokens
            return table.matches(tokens, where: { a, b, _ in
                !rule.ignoreCase ? ctx.text(TextSpan(start: tokens[a].start, end: tokens[b].end)) == pattern.trimmed : true
            }).map { TextSpan(start: tokens[$0.0].start, end: tokens[$0.1].end) }
        }
        guard let re = try? NSRegularExpression(pattern: "\\b(?:\(pattern))\\b", options: rule.ignoreCase ? [.caseInsensitive] : []) else { return [] }
        let text = ctx.chunk.text
        let ns = text as NSString
        var out: [TextSpan] = []
        // UTF-16 offsets → scalar offsets.
        var utf16ToScalar: [Int: Int] = [:]
        var u = 0
        for (k, s) in text.unicodeScalars.enumerated() {
            utf16ToScalar[u] = k
            u += s.utf16.count
        }
        utf16ToScalar[u] = text.unicodeScalars.count
        for m in re.matches(in: text, range: NSRange(location: 0, length: ns.length)) where m.range.length > 0 {
            if let s = utf16ToScalar[m.range.location], let e = utf16ToScalar[m.range.location + m.range.length] {
                out.append(TextSpan(start: s, end: e))
            }
        }
        return out
    }
}

/// Runs a specialist on a chunk and applies the project's config: enabled specialists and rules, severity
/// overrides, minimum alert level, inline suppressions, ignored spans, the document's own `.mesh.yaml`,
/// source ranges and a deterministic order.
public struct ReviewEngine: Sendable {
    public let config: MeshConfig
    private let speller: Speller

    public init(config: MeshConfig = .default) {
        self.config = config
        self.speller = .shared
    }

    public init(config: MeshConfig, speller: Speller) {
        self.config = config
        self.speller = speller
    }

    func specialist(_ type: SpecialistType) -> any Specialist {
        type == .grammar ? GrammarSpecialist(speller: speller) : type.specialist
    }

    /// The config in force for `chunk`, and the error when the chunk's own config is malformed.
    public func effectiveConfig(for chunk: Chunk) -> (MeshConfig, ConfigError?) {
        guard let whole = chunk.config, !whole.isEmpty else { return (config, nil) }
        // The document's terms (`DocumentReview.withTerms`) ride after the project's own config, if any.
        let (own, terms) = DocumentTerms.split(whole)
        guard let text = own else {
            var c = config
            c.documentTerms.formUnion(terms)
            return (c, nil)
        }
        do {
            var c = try MeshConfig.parse(yaml: text, path: ".mesh.yaml")
            c.documentTerms.formUnion(terms)
            return (c, nil)
        } catch let e as ConfigError {
            return (config, e)
        } catch {
            return (config, ConfigError(file: ".mesh.yaml", line: 1, reason: "\(error)"))
        }
    }

    /// The filtered findings of one specialist on one chunk, and its counts and tone.
    public func analyze(_ chunk: Chunk, as type: SpecialistType) -> ChunkAnalysis {
        analyze(chunk, as: [type])[0]
    }

    /// The filtered findings of several specialists on one chunk, in the order of `types`. The chunk is
    /// tokenised once and the tokens are shared by every specialist.
    public func analyze(_ chunk: Chunk, as types: [SpecialistType]) -> [ChunkAnalysis] {
        let (cfg, error) = effectiveConfig(for: chunk)
        let text = chunk.kind == .outline ? TextAnalysis(text: "") : TextAnalysis(chunk: chunk)
        // Source lines are only needed for inline suppressions; most chunks have none.
        let map = chunk.suppressions.isEmpty ? nil : SourceMap(text: chunk.text, segments: chunk.segments)
        return types.map { type in
            var analysis = cfg.isEnabled(type) ? specialist(type).analyze(chunk, config: cfg, text: text) : ChunkAnalysis()
            if type == .clarity, analysis.counts == nil, chunk.kind != .outline {
                analysis.counts = Readability.counts(text)
            }
            return filter(analysis, chunk: chunk, as: type, config: cfg, error: error, map: map)
        }
    }

    func filter(_ analysis: ChunkAnalysis, chunk: Chunk, as type: SpecialistType, config cfg: MeshConfig, error: ConfigError?,
                map: SourceMap?) -> ChunkAnalysis {
        var analysis = analysis
        var kept: [Finding] = []
        kept.reserveCapacity(analysis.findings.count)
        for var f in analysis.findings {
            guard cfg.isEnabled(f.rule) else { continue }
            f.severity = cfg.severity(for: f.rule, default: f.severity)
            if f.severity > cfg.minAlertLevel { continue }
            if f.sourceRange == nil, chunk.ignored.contains(where: { $0.overlaps(f.span) }), RuleCatalog.info(f.rule)?.scope != .block { continue }
            if !chunk.suppressions.isEmpty {
                let line = f.sourceRange?.start.line
                    ?? (chunk.segments.isEmpty ? 1 : (map ?? SourceMap(text: chunk.text, segments: chunk.segments)).position(at: f.span.start).line)
                if chunk.suppressions.contains(where: { $0.covers(rule: f.rule, line: line) }) { continue }
            }
            kept.append(f)
        }
        // The document's own config is malformed: say so once per document, on the structure review (or the first).
        if let error, chunk.index == 0, type == (chunk.specialists.contains(.structure) || chunk.specialists.isEmpty ? .structure : chunk.specialists.min()!) {
            var f = Finding(rule: "structure.config", severity: .error, message: "Malformed .mesh.yaml: \(error.description)",
                            span: TextSpan(start: 0, end: 0))
            let p = SourcePosition(offset: 0, line: 1, column: 1)
            f.sourceRange = SourceRange(start: p, end: p)
            kept.insert(f, at: 0)
        }
        kept.sort { a, b in
            if a.span.start != b.span.start { return a.span.start < b.span.start }
            if a.span.end != b.span.end { return a.span.end < b.span.end }
            if let ra = a.sourceRange, let rb = b.sourceRange, ra != rb { return ra < rb }
            if a.rule != b.rule { return a.rule < b.rule }
            return a.message < b.message
        }
        analysis.findings = kept
        return analysis
    }

    public func review(_ chunk: Chunk, as type: SpecialistType) -> ChunkReview {
        let analysis = analyze(chunk, as: type)
        let map = SourceMap(text: chunk.text, segments: chunk.segments)
        let scalars = Array(chunk.text.unicodeScalars)
        var suggestions: [Suggestion] = []
        for f in analysis.findings {
            let range = f.sourceRange ?? map.range(of: f.span)
            let s = max(0, min(f.span.start, scalars.count)), e = max(s, min(f.span.end, scalars.count))
            let text = String(String.UnicodeScalarView(scalars[s..<e]))
            suggestions.append(Suggestion(specialist: type, rule: f.rule, severity: f.severity, message: f.message, range: range,
                                          text: text, replacements: f.replacements))
        }
        suggestions.sort { a, b in
            if a.range != b.range { return a.range < b.range }
            if a.rule != b.rule { return a.rule < b.rule }
            return a.message < b.message
        }
        return ChunkReview(
            docId: chunk.docId, chunkIndex: chunk.index, chunkCount: chunk.count, specialist: type,
            specialists: chunk.specialists, source: chunk.source, suggestions: suggestions,
            counts: type == .clarity ? analysis.counts : nil, tone: type == .tone ? analysis.tone : nil
        )
    }
}
