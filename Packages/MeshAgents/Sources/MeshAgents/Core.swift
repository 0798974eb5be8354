import MeshProtocol

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

/// Spans of plain text that are not prose: URLs, e-mail addresses, file paths, code-like identifiers.
/// Used for text that comes without the chunker's `ignored` spans (plain text, JSONL).
enum NonProse {
    static func spans(in scalars: [Unicode.Scalar], existing: [TextSpan]) -> [TextSpan] {
        // Every scalar of the chunk is read here: through the buffer, without a bounds check each.
        scalars.withUnsafeBufferPointer { spans(in: $0, existing: existing) }
    }

    private static func spans(in sc: UnsafeBufferPointer<Unicode.Scalar>, existing: [TextSpan]) -> [TextSpan] {
        var out: [TextSpan] = []
        var i = 0
        let n = sc.count
        while i < n {
            while i < n && CharClass.isSpace(sc[i]) { i += 1 }
            let start = i
            while i < n && !CharClass.isSpace(sc[i]) { i += 1 }
            guard i > start else { continue }
            // Trim surrounding punctuation.
            var s = start
            var e = i
            while s < e, isOpening(sc[s]) { s += 1 }
            while e > s, isClosing(sc[e - 1]) { e -= 1 }
            guard e - s >= 3 else { continue }
            // Plain words (letters, apostrophes, hyphens) are prose: the common case, decided without copying.
            // Lower-case ASCII letters alone are plain whatever follows, so most words stop at this first scan.
            var k = s
            while k < e, sc[k].value >= 97, sc[k].value <= 122 { k += 1 }
            if k == e { continue }
            var plain = true
            var prevLower = false
            for k in s..<e {
                let c = sc[k]
                if !(CharClass.isLetter(c) || c == "'" || c == "-" || c == "\u{2019}") { plain = false; break }
                if prevLower && CharClass.isUpper(c) { plain = false; break }
                prevLower = CharClass.isLower(c)
            }
            if plain { continue }
            if isNonProse(ArraySlice(sc[s..<e])) {
                let span = TextSpan(start: s, end: e)
                if !existing.contains(where: { $0.overlaps(span) }) { out.append(span) }
            }
        }
        return out
    }

    /// `([{<"'“‘`, the punctuation trimmed before a word.
    @inline(__always) static func isOpening(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "(", "[", "{", "<", "\"", "'", "\u{201C}", "\u{2018}": return true
        default: return false
        }
    }

    /// `.,;:!?)]}>"'”’`, the punctuation trimmed after a word.
    @inline(__always) static func isClosing(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ".", ",", ";", ":", "!", "?", ")", "]", "}", ">", "\"", "'", "\u{201D}", "\u{2019}": return true
        default: return false
        }
    }

    static func isNonProse(_ w: ArraySlice<Unicode.Scalar>) -> Bool {
        var slash = 0, dot = 0, at = 0, underscore = 0, colon = 0, upperAfterLower = false, letters = 0
        var prevLower = false
        var innerDotBetweenLetters = false
        var other = 0
        let arr = Array(w)
        for (k, c) in arr.enumerated() {
            switch c {
            case "/", "\\": slash += 1
            case ".":
                dot += 1
                if k > 0, k + 1 < arr.count, CharClass.isLetter(arr[k - 1]), CharClass.isLetter(arr[k + 1]) {
                    innerDotBetweenLetters = true
                }
            case "@": at += 1
            case "_": underscore += 1
            case ":": colon += 1
            case "=", "<", ">", "{", "}", "[", "]", "(", ")", "#", "$", "%", "^", "*", "|", "~", "`", "+": other += 1
            default: break
            }
            if CharClass.isLetter(c) { letters += 1 }
            if CharClass.isUpper(c) && prevLower { upperAfterLower = true }
            prevLower = CharClass.isLower(c)
        }
        if colon > 0 && slash >= 2 { return true } // scheme://
        if arr.starts(with: "www.".unicodeScalars) { return true }
        if at == 1 && dot >= 1 { return true } // e-mail
        if slash >= 1 && letters >= 1 && slash + dot >= 1 {
            // "and/or", "he/she": two plain words joined by a single slash are prose.
            if slash == 1 && dot == 0 && other == 0 && underscore == 0 && !arr.first!.properties.isMath {
                let parts = arr.split(separator: "/")
                if parts.count == 2 && parts.allSatisfy({ $0.allSatisfy(CharClass.isLetter) && $0.count <= 12 }) {
                    return false
                }
            }
            return true
        }
        if underscore > 0 { return true }
        if other >= 2 { return true }
        if innerDotBetweenLetters {
            // "e.g", "i.e", "U.S." are prose; "config.yaml", "foo.bar" are not; "end.Next" is a missing space.
            let parts = arr.split(separator: ".")
            if parts.allSatisfy({ $0.count <= 1 }) { return false }
            for k in 1..<parts.count {
                let before = parts[k - 1], after = parts[k]
                if let b = before.last, CharClass.isLower(b), after.count >= 2,
                   CharClass.isUpper(after[after.startIndex]), CharClass.isLower(after[after.startIndex + 1]) {
                    return false
                }
            }
            return true
        }
        if upperAfterLower {
            // camelCase / PascalCase inner capitals: "iPhone", "JavaScript", "parseList".
            return true
        }
        return false
    }
}
