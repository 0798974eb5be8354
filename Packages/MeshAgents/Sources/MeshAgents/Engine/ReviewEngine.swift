import Foundation
import Synchronization
import MeshProtocol
import MeshText

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

/// Bounds on the work one specialist does on one chunk, so that no input keeps a specialist busy for long.
public struct ReviewLimits: Sendable, Hashable {
    /// A chunk with more Unicode scalars than this is not analysed at all: it is reported as unreviewed.
    public var maxChunkCharacters: Int
    /// How long one specialist may work on one chunk; nil for no limit. A chunk that takes longer is reported as
    /// unreviewed and its findings are dropped, so what a review finds never depends on the machine's speed.
    public var timeBudget: Duration?

    public init(maxChunkCharacters: Int = 65_536, timeBudget: Duration? = .seconds(5)) {
        self.maxChunkCharacters = maxChunkCharacters
        self.timeBudget = timeBudget
    }

    /// 65,536 characters and 5 seconds.
    public static let `default` = ReviewLimits()
    /// No limit on size or time.
    public static let unlimited = ReviewLimits(maxChunkCharacters: .max, timeBudget: nil)

    /// Why a chunk of `characters` scalars is not reviewed, or nil when it is small enough.
    func sizeReason(characters: Int) -> String? {
        guard characters > maxChunkCharacters else { return nil }
        return "chunk has \(Self.grouped(characters)) characters, more than the limit of \(Self.grouped(maxChunkCharacters))"
    }

    /// Why a chunk whose review ran out of time is not reviewed.
    var timeReason: String {
        "review took longer than the \(timeBudget.map(Self.duration) ?? "unlimited") budget"
    }

    /// 10485760 → "10,485,760".
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = n < 0 ? "-" : ""
        for (k, d) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out += "," }
            out.append(d)
        }
        return out
    }

    /// "5 s", "1.5 s", "250 ms", "10 µs", "1 ns".
    static func duration(_ d: Duration) -> String {
        let (seconds, attoseconds) = d.components
        let ns = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        func decimal(_ value: Int64, _ unit: Int64, _ name: String) -> String {
            let whole = value / unit, rest = value % unit
            guard rest != 0 else { return "\(whole) \(name)" }
            var fraction = String(rest * 1000 / unit)
            fraction = String(repeating: "0", count: max(0, 3 - fraction.count)) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return fraction.isEmpty ? "\(whole) \(name)" : "\(whole).\(fraction) \(name)"
        }
        if ns >= 1_000_000_000 { return decimal(ns, 1_000_000_000, "s") }
        if ns >= 1_000_000 { return decimal(ns, 1_000_000, "ms") }
        if ns >= 1_000 { return decimal(ns, 1_000, "µs") }
        return ns > 0 ? "\(ns) ns" : "0 s"
    }
}

/// Runs a specialist on a chunk and applies the project's config: enabled specialists and rules, severity
/// overrides, minimum alert level, inline suppressions, ignored spans, the document's own `.mesh.yaml`,
/// source ranges and a deterministic order. Each specialist's work on a chunk is bounded by `limits`.
public struct ReviewEngine: Sendable {
    public let config: MeshConfig
    public let limits: ReviewLimits
    /// nil: `Speller.shared`, loaded when grammar first needs it, so the clarity, tone and structure
    /// specialists never load the dictionary (about 9 MB of each process's memory).
    private let chosenSpeller: Speller?
    private let parsedConfig = LastParsedConfig()
    private var speller: Speller { chosenSpeller ?? .shared }

    public init(config: MeshConfig = .default, limits: ReviewLimits = .default) {
        self.config = config
        self.limits = limits
        self.chosenSpeller = nil
    }

    public init(config: MeshConfig, speller: Speller, limits: ReviewLimits = .default) {
        self.config = config
        self.limits = limits
        self.chosenSpeller = speller
    }

    func specialist(_ type: SpecialistType) -> any Specialist {
        type == .grammar ? GrammarSpecialist(speller: speller) : type.specialist
    }

    /// `type`'s analysis, or `ChunkAnalysis.timedOut` once `deadline` passes.
    func run(_ type: SpecialistType, _ chunk: Chunk, config: MeshConfig, text: TextAnalysis, deadline: Deadline) -> ChunkAnalysis {
        switch type {
        case .grammar: GrammarSpecialist(speller: speller).analyze(chunk, config: config, text: text, deadline: deadline)
        case .clarity: ClaritySpecialist().analyze(chunk, config: config, text: text, deadline: deadline)
        case .tone: ToneSpecialist().analyze(chunk, config: config, text: text, deadline: deadline)
        case .structure: StructureSpecialist().analyze(chunk, config: config, text: text, deadline: deadline)
        }
    }

    /// Why `chunk` is too large to review under `limits`, or nil. A string never has more scalars than UTF-8
    /// bytes, and its byte count is at hand, so most chunks are not counted.
    func sizeReason(_ chunk: Chunk) -> String? {
        guard chunk.text.utf8.count > limits.maxChunkCharacters else { return nil }
        return limits.sizeReason(characters: chunk.text.unicodeScalars.count)
    }

    /// The config in force for `chunk`, and the error when the chunk's own config is malformed.
    public func effectiveConfig(for chunk: Chunk) -> (MeshConfig, ConfigError?) {
        guard let whole = chunk.config, !whole.isEmpty else { return (config, nil) }
        // Every chunk of a document carries the same text, and a specialist gets a document's chunks together:
        // parsing it once per document, not per chunk, was 8 % of a specialist's CPU (its terms list alone).
        if let hit = parsedConfig.lookup(whole) { return hit }
        let parsed = parseConfig(whole)
        parsedConfig.store(whole, parsed)
        return parsed
    }

    private func parseConfig(_ whole: String) -> (MeshConfig, ConfigError?) {
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
    /// tokenised once and the tokens are shared by every specialist. A result whose `unreviewed` is set (the
    /// chunk is too large, or that specialist ran out of time) has no findings.
    public func analyze(_ chunk: Chunk, as types: [SpecialistType]) -> [ChunkAnalysis] {
        if let reason = sizeReason(chunk) { return types.map { _ in .unreviewed(reason) } }
        let (cfg, error) = effectiveConfig(for: chunk)
        let text = chunk.kind == .outline ? TextAnalysis(text: "") : TextAnalysis(chunk: chunk)
        // Source lines are only needed for inline suppressions; most chunks have none.
        let map = chunk.suppressions.isEmpty ? nil : SourceMap(text: chunk.text, segments: chunk.segments)
        return types.map { type in
            var analysis = ChunkAnalysis()
            if cfg.isEnabled(type) {
                analysis = run(type, chunk, config: cfg, text: text, deadline: Deadline(budget: limits.timeBudget))
                if analysis.unreviewed != nil { return .unreviewed(limits.timeReason) }
            }
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

    /// One specialist's review of one chunk, with source ranges. When the chunk was not reviewed (too large, or
    /// over its time budget) the review has no suggestions, says why in `unreviewed` and gives the chunk's `range`.
    public func review(_ chunk: Chunk, as type: SpecialistType) -> ChunkReview {
        let analysis = analyze(chunk, as: type)
        if let reason = analysis.unreviewed {
            return ChunkReview(
                docId: chunk.docId, chunkIndex: chunk.index, chunkCount: chunk.count, specialist: type,
                specialists: chunk.specialists, source: chunk.source, suggestions: [], unreviewed: reason,
                range: SourceMap.range(of: chunk)
            )
        }
        var suggestions: [Suggestion] = []
        // Only a chunk with findings needs its text's scalars and source map (most of a tone or structure review's
        // chunks have none).
        if !analysis.findings.isEmpty {
            let scalars = unicodeScalars(of: chunk.text)
            let map = SourceMap(scalars: scalars, segments: chunk.segments)
            suggestions.reserveCapacity(analysis.findings.count)
            for f in analysis.findings {
                let range = f.sourceRange ?? map.range(of: f.span)
                let s = max(0, min(f.span.start, scalars.count)), e = max(s, min(f.span.end, scalars.count))
                let text = makeString(scalars, s, e)
                suggestions.append(Suggestion(specialist: type, rule: f.rule, severity: f.severity, message: f.message, range: range,
                                              text: text, replacements: f.replacements))
            }
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

/// The last chunk config text an engine parsed and what it gave (one entry: the chunks of one document arrive
/// together). Shared by the copies of an engine; any thread may use it.
final class LastParsedConfig: Sendable {
    private let last = Mutex<(text: String, config: MeshConfig, error: ConfigError?)?>(nil)

    func lookup(_ text: String) -> (MeshConfig, ConfigError?)? {
        last.withLock { entry in
            guard let entry, entry.text == text else { return nil }
            return (entry.config, entry.error)
        }
    }

    func store(_ text: String, _ parsed: (MeshConfig, ConfigError?)) {
        last.withLock { $0 = (text, parsed.0, parsed.1) }
    }
}
