import MeshProtocol
import MeshText

/// One finding of a specialist, in chunk-text coordinates.
public struct Finding: Sendable, Hashable {
    public var rule: String
    public var severity: Severity
    public var message: String
    /// Unicode scalar offsets in `chunk.text`.
    public var span: TextSpan
    public var replacements: [String]
    /// Set for findings on the outline chunk (whose text is empty): the source range to report directly.
    public var sourceRange: SourceRange?

    public init(
        rule: String, severity: Severity, message: String, span: TextSpan, replacements: [String] = [],
        sourceRange: SourceRange? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.span = span
        self.replacements = replacements
        self.sourceRange = sourceRange
    }

    /// A finding with the rule's default severity from the catalog.
    public init(_ rule: String, _ message: String, _ span: TextSpan, _ replacements: [String] = []) {
        self.init(
            rule: rule, severity: RuleCatalog.info(rule)?.severity ?? .suggestion, message: message, span: span,
            replacements: replacements
        )
    }
}

/// What one specialist found in one chunk.
public struct ChunkAnalysis: Sendable {
    public var findings: [Finding]
    /// Prose counts (clarity).
    public var counts: TextCounts?
    /// Tone in [-1, 1] (tone).
    public var tone: Double?
    /// Politeness in [-1, 1] (tone), from request-politeness markers.
    public var politeness: Double?
    /// The words that drove the tone score most, strongest first (tone).
    public var toneDrivers: [String]
    /// Set when the chunk was not reviewed (too large, or over its time budget): why. Then `findings` is empty
    /// and the counts, tone and politeness are nil, so the result never depends on how fast the machine was.
    public var unreviewed: String?

    public init(
        findings: [Finding] = [], counts: TextCounts? = nil, tone: Double? = nil, politeness: Double? = nil,
        toneDrivers: [String] = [], unreviewed: String? = nil
    ) {
        self.findings = findings
        self.counts = counts
        self.tone = tone
        self.politeness = politeness
        self.toneDrivers = toneDrivers
        self.unreviewed = unreviewed
    }

    /// The analysis of a chunk that was not reviewed, and why.
    public static func unreviewed(_ reason: String) -> ChunkAnalysis { ChunkAnalysis(unreviewed: reason) }
}

/// When a specialist must give up on a chunk: checked between rule families and inside the long loops, so a
/// pathological chunk stops within about its budget. Reading the clock costs some tens of nanoseconds.
struct Deadline: Sendable {
    let instant: ContinuousClock.Instant?

    /// Never expires.
    static let none = Deadline(instant: nil)

    /// `budget` from now; nil means no budget.
    init(budget: Duration?) {
        instant = budget.map { ContinuousClock.now.advanced(by: $0) }
    }

    init(instant: ContinuousClock.Instant?) { self.instant = instant }

    var expired: Bool {
        guard let instant else { return false }
        return ContinuousClock.now >= instant
    }
}

public protocol Specialist: Sendable {
    var type: SpecialistType { get }
    func analyze(_ chunk: Chunk, config: MeshConfig) -> ChunkAnalysis
    /// The same analysis on tokens computed once for the chunk (`TextAnalysis(chunk:)`) and shared by every
    /// specialist that reviews it.
    func analyze(_ chunk: Chunk, config: MeshConfig, text: TextAnalysis) -> ChunkAnalysis
}

extension Specialist {
    public func analyze(_ chunk: Chunk, config: MeshConfig, text: TextAnalysis) -> ChunkAnalysis {
        analyze(chunk, config: config)
    }
}

/// A specialist that checks a deadline while it works (all four built-in ones do).
protocol BudgetedSpecialist: Specialist {
    /// The analysis, or `ChunkAnalysis.timedOut` once `deadline` passes.
    func analyze(_ chunk: Chunk, config: MeshConfig, text: TextAnalysis, deadline: Deadline) -> ChunkAnalysis
}

extension ChunkAnalysis {
    /// The marker a specialist returns when its deadline passed; `ReviewEngine` turns it into the reason.
    static let timedOut = ChunkAnalysis(unreviewed: "timed out")
}

extension SpecialistType {
    /// The specialist implementation for this type.
    public var specialist: any Specialist {
        switch self {
        case .grammar: GrammarSpecialist()
        case .clarity: ClaritySpecialist()
        case .tone: ToneSpecialist()
        case .structure: StructureSpecialist()
        }
    }
}

/// A chunk's text, tokens and the config, handed to every rule.
struct RuleContext {
    let chunk: Chunk
    let config: MeshConfig
    let text: TextAnalysis
    var findings: [Finding] = []
    let deadline: Deadline
    /// The deadline passed at some check: the rules stop, and the analysis is dropped.
    private(set) var timedOut = false

    init(chunk: Chunk, config: MeshConfig, text: TextAnalysis, deadline: Deadline = .none) {
        self.chunk = chunk
        self.config = config
        self.text = text
        self.deadline = deadline
    }

    /// Whether the deadline has passed (and stays so once it has): the rules call this between families and in
    /// their long loops, and stop when it says so.
    mutating func overBudget() -> Bool {
        if !timedOut, deadline.expired { timedOut = true }
        return timedOut
    }

    var tokens: [Token] { text.tokens }

    mutating func add(_ rule: String, _ message: String, _ span: TextSpan, _ replacements: [String] = []) {
        guard config.isEnabled(rule) else { return }
        findings.append(Finding(rule, message, span, replacements))
    }

    /// A finding of a pattern that guesses at the sentence's structure (which word is the subject, whether a
    /// sentence ends): at most a warning, whatever the rule's severity. On held-out technical documentation these
    /// guesses were right too rarely to fail a build (agreement 3 of 10, capitalization 2 of 10 as errors).
    mutating func addHeuristic(_ rule: String, _ message: String, _ span: TextSpan, _ replacements: [String] = []) {
        add(rule, message, span, replacements, atMost: .warning)
    }

    /// A finding at most as severe as `cap` (the rule's own severity when that is lower): for a case the rule gets
    /// right less often, such as capitals in documentation, where they are mostly deliberate.
    mutating func add(_ rule: String, _ message: String, _ span: TextSpan, _ replacements: [String] = [], atMost cap: Severity) {
        guard config.isEnabled(rule) else { return }
        var finding = Finding(rule, message, span, replacements)
        finding.severity = max(finding.severity, cap)
        findings.append(finding)
    }

    mutating func add(_ rule: String, _ message: String, tokens range: ClosedRange<Int>, _ replacements: [String] = []) {
        add(rule, message, TextSpan(start: tokens[range.lowerBound].start, end: tokens[range.upperBound].end), replacements)
    }

    func text(_ span: TextSpan) -> String { text.text(span) }
}

/// Matches a capitalisation pattern of `original` onto `replacement` ("In order to" → "To").
func matchCase(_ replacement: String, like original: String) -> String {
    guard let first = original.unicodeScalars.first, CharClass.isUpper(first) else { return replacement }
    let letters = original.unicodeScalars.filter(CharClass.isLetter)
    if letters.count > 1 && letters.allSatisfy(CharClass.isUpper) { return replacement.uppercased() }
    guard let r = replacement.unicodeScalars.first else { return replacement }
    return String(r).uppercased() + String(String.UnicodeScalarView(replacement.unicodeScalars.dropFirst()))
}
