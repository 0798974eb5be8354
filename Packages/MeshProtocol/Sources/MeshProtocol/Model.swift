import FoundationEssentials

/// The kinds of specialist. Each one is a consumer group on its own review stream.
public enum SpecialistType: String, Codable, CaseIterable, Sendable, Hashable, Comparable {
    case grammar, clarity, tone, structure

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Parses a comma-separated list ("grammar,tone"); throws on an unknown name.
    public static func parseList(_ text: String) throws(ProtocolError) -> [SpecialistType] {
        var out: [SpecialistType] = []
        for name in text.split(separator: ",").map(trimmingBlanks) where !name.isEmpty {
            guard let type = SpecialistType(rawValue: name) else {
                throw .invalidField("specialist", "unknown specialist '\(name)'; valid: \(validNames)")
            }
            if !out.contains(type) { out.append(type) }
        }
        return out
    }

    public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// `text` without the spaces and tabs around it.
    private static func trimmingBlanks(_ text: Substring) -> String {
        var text = text
        while let first = text.first, first.isWhitespace, !first.isNewline { text.removeFirst() }
        while let last = text.last, last.isWhitespace, !last.isNewline { text.removeLast() }
        return String(text)
    }
}

/// Lint-style severity, most severe first.
public enum Severity: String, Codable, CaseIterable, Sendable, Hashable, Comparable {
    case error, warning, suggestion

    /// `error < warning` means "error is more severe".
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    /// The position in `allCases`, most severe first: findings are filtered and sorted by it, so it is a switch,
    /// not a search of `allCases`.
    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .suggestion: 2
        }
    }
}

public enum DocumentFormat: String, Codable, Sendable, Hashable, CaseIterable {
    case markdown, text
}

/// A place in the source document. `line` and `column` are 1-based; `column` counts Unicode scalars
/// (code points) from the start of the line; `offset` is the 0-based UTF-8 byte offset.
public struct SourcePosition: Codable, Sendable, Hashable, Comparable {
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.offset < rhs.offset }
}

/// A half-open range [start, end) of Unicode scalar offsets into a chunk's `text`.
public struct TextSpan: Codable, Sendable, Hashable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }
    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }
}

/// Where a run of a chunk's text starts in the source. Within one segment the text and the source match
/// scalar for scalar on one line; a new segment starts at every source line and after every gap
/// (dropped markup such as `**`, a link's `(url)`, or a block quote's `> `).
public struct TextSegment: Codable, Sendable, Hashable {
    /// Unicode scalar offset in the chunk text where this segment starts.
    public var textOffset: Int
    public var position: SourcePosition

    public init(textOffset: Int, position: SourcePosition) {
        self.textOffset = textOffset
        self.position = position
    }
}

public enum ChunkKind: String, Codable, Sendable, Hashable, CaseIterable {
    case paragraph, heading, listItem = "list-item", tableCell = "table-cell", outline
}

/// A unit of prose to review: one Markdown block (paragraph, heading, list item, table cell) or one
/// blank-line-separated paragraph of plain text. The `outline` chunk (one per document, last) carries the
/// document's shape for the checks that need the whole document.
public struct Chunk: Codable, Sendable, Hashable {
    public var docId: String
    /// 0-based index of this chunk in the document.
    public var index: Int
    /// Number of chunks in the document, the outline chunk included.
    public var count: Int
    /// The file name the document came from ("-" for stdin), for reports.
    public var source: String
    public var format: DocumentFormat
    public var kind: ChunkKind
    /// The prose, markup removed. Inline code and URLs stay in place but are listed in `ignored`.
    public var text: String
    /// Maps text offsets back to the source; sorted by `textOffset`, first at 0.
    public var segments: [TextSegment]
    /// Spans of `text` that are not prose (inline code, URLs, inline HTML, file paths): never reviewed.
    public var ignored: [TextSpan]
    /// Spans of `text` that read as code rather than prose (URLs, e-mail addresses, paths, identifiers, templates),
    /// found in its plain text by the producer's analysis (since 2.1). A specialist takes them as found instead of
    /// scanning every chunk again; nil (a 2.0 writer) means it scans itself. Never reviewed, like `ignored`.
    public var nonProse: SpanPairs?
    /// Titles of the enclosing headings, outermost first.
    public var headingPath: [String]
    /// Heading level 1–6 when `kind == .heading`; list nesting depth for list items.
    public var level: Int?
    /// Rules switched off here by inline comments (`<!-- mesh-disable rule -->`, `mesh-disable-next-line`).
    public var suppressions: [Suppression]
    /// The document's own `.mesh.yaml`, when the producer found one; it overrides the specialist's config.
    public var config: String?
    /// Present on the outline chunk only.
    public var outline: Outline?
    /// The specialists that review this chunk; set by the coordinator, so the aggregator knows what to wait for.
    public var specialists: [SpecialistType]

    public init(
        docId: String, index: Int, count: Int, source: String, format: DocumentFormat, kind: ChunkKind,
        text: String, segments: [TextSegment], ignored: [TextSpan] = [], nonProse: SpanPairs? = nil,
        headingPath: [String] = [], level: Int? = nil, suppressions: [Suppression] = [], config: String? = nil,
        outline: Outline? = nil, specialists: [SpecialistType] = []
    ) {
        self.docId = docId
        self.index = index
        self.count = count
        self.source = source
        self.format = format
        self.kind = kind
        self.text = text
        self.segments = segments
        self.ignored = ignored
        self.nonProse = nonProse
        self.headingPath = headingPath
        self.level = level
        self.suppressions = suppressions
        self.config = config
        self.outline = outline
        self.specialists = specialists
    }

    /// The source position of a text offset (Unicode scalars into `text`).
    public func position(at textOffset: Int) -> SourcePosition {
        SourceMap(text: text, segments: segments).position(at: textOffset)
    }
}

/// Spans written as one flat list of numbers, `[start, end, start, end, …]` (`Chunk.nonProse`): technical prose
/// has some five a chunk, and as `{"end":…,"start":…}` objects they took three times the bytes and each reader
/// twice the work.
public struct SpanPairs: Codable, Sendable, Hashable {
    public var spans: [TextSpan]

    public init(_ spans: [TextSpan]) {
        self.spans = spans
    }

    public init(from decoder: any Decoder) throws {
        let numbers = try decoder.singleValueContainer().decode([Int].self)
        guard let spans = Self.spans(numbers) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: Self.oddCount(numbers.count)))
        }
        self.spans = spans
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(spans.flatMap { [$0.start, $0.end] })
    }

    static func spans(_ numbers: [Int]) -> [TextSpan]? {
        guard numbers.count % 2 == 0 else { return nil }
        return stride(from: 0, to: numbers.count, by: 2).map { TextSpan(start: numbers[$0], end: numbers[$0 + 1]) }
    }

    static func oddCount(_ count: Int) -> String { "\(count) numbers, not start and end pairs" }
}

/// A rule switched off by an inline comment: for the whole chunk, or for source lines `fromLine...toLine`.
public struct Suppression: Codable, Sendable, Hashable {
    /// A rule id (`clarity.passive-voice`), a specialist (`clarity`), or `*` for everything.
    public var rule: String
    public var fromLine: Int?
    public var toLine: Int?

    public init(rule: String, fromLine: Int? = nil, toLine: Int? = nil) {
        self.rule = rule
        self.fromLine = fromLine
        self.toLine = toLine
    }

    /// Whether this suppression silences `ruleId` at source line `line`.
    public func covers(rule ruleId: String, line: Int) -> Bool {
        let ruleMatches = rule == "*" || rule == ruleId || ruleId.hasPrefix(rule + ".")
        guard ruleMatches else { return false }
        if let fromLine, line < fromLine { return false }
        if let toLine, line > toLine { return false }
        return true
    }
}

/// The shape of a whole document, for checks no single chunk can make (heading hierarchy, section sizes,
/// consistent spelling of terms).
public struct Outline: Codable, Sendable, Hashable {
    public var headings: [OutlineHeading]
    /// Every block in document order, with the heading it falls under.
    public var blocks: [OutlineBlock]
    /// Uses of terms that have spelling variants (color/colour), found over the whole document.
    public var terms: [TermUse]
    /// The items of each list with two or more sibling items, in document order, so the structure specialist
    /// can compare siblings (parallel form) although each item is reviewed as its own chunk. Since 1.1;
    /// nil from older producers.
    public var lists: [[OutlineListItem]]?

    public init(headings: [OutlineHeading] = [], blocks: [OutlineBlock] = [], terms: [TermUse] = [], lists: [[OutlineListItem]]? = nil) {
        self.headings = headings
        self.blocks = blocks
        self.terms = terms
        self.lists = lists
    }
}

public struct OutlineHeading: Codable, Sendable, Hashable {
    public var level: Int
    public var text: String
    public var position: SourcePosition
    public var endPosition: SourcePosition

    public init(level: Int, text: String, position: SourcePosition, endPosition: SourcePosition) {
        self.level = level
        self.text = text
        self.position = position
        self.endPosition = endPosition
    }
}

public struct OutlineBlock: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable { case paragraph, list, code, table, quote, html, thematicBreak = "thematic-break" }
    public var kind: Kind
    /// Index into `Outline.headings` of the section this block belongs to; nil before the first heading.
    public var heading: Int?
    public var position: SourcePosition
    public var lines: Int
    public var words: Int
    public var sentences: Int

    public init(kind: Kind, heading: Int?, position: SourcePosition, lines: Int, words: Int, sentences: Int) {
        self.kind = kind
        self.heading = heading
        self.position = position
        self.lines = lines
        self.words = words
        self.sentences = sentences
    }
}

/// One list item's prose, as in its own chunk (text, segments, ignored spans).
public struct OutlineListItem: Codable, Sendable, Hashable {
    public var text: String
    public var segments: [TextSegment]
    public var ignored: [TextSpan]

    public init(text: String, segments: [TextSegment], ignored: [TextSpan] = []) {
        self.text = text
        self.segments = segments
        self.ignored = ignored
    }
}

public struct TermUse: Codable, Sendable, Hashable {
    /// The canonical group name, e.g. "color".
    public var term: String
    /// The spelling used here, e.g. "colour".
    public var variant: String
    public var position: SourcePosition
    public var endPosition: SourcePosition

    public init(term: String, variant: String, position: SourcePosition, endPosition: SourcePosition) {
        self.term = term
        self.variant = variant
        self.position = position
        self.endPosition = endPosition
    }
}

/// A source range, start inclusive, end exclusive.
public struct SourceRange: Codable, Sendable, Hashable, Comparable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.start.offset, lhs.end.offset) < (rhs.start.offset, rhs.end.offset) }
}

/// One finding of a specialist.
public struct Suggestion: Codable, Sendable, Hashable {
    public var specialist: SpecialistType
    /// Stable rule id, `<specialist>.<name>`, e.g. `clarity.passive-voice`.
    public var rule: String
    public var severity: Severity
    public var message: String
    /// Where in the source. Set by the specialist service from the chunk's segments.
    public var range: SourceRange
    /// The exact flagged text.
    public var text: String
    /// Candidate fixes for `text`, best first; may be empty.
    public var replacements: [String]

    public init(
        specialist: SpecialistType, rule: String, severity: Severity, message: String, range: SourceRange,
        text: String, replacements: [String] = []
    ) {
        self.specialist = specialist
        self.rule = rule
        self.severity = severity
        self.message = message
        self.range = range
        self.text = text
        self.replacements = replacements
    }
}

/// Additive prose counts of a chunk; the aggregator sums them and derives document readability.
public struct TextCounts: Codable, Sendable, Hashable {
    public var words: Int
    public var sentences: Int
    public var syllables: Int
    public var letters: Int
    /// Words of three or more syllables (Gunning fog, SMOG).
    public var complexWords: Int

    public init(words: Int = 0, sentences: Int = 0, syllables: Int = 0, letters: Int = 0, complexWords: Int = 0) {
        self.words = words
        self.sentences = sentences
        self.syllables = syllables
        self.letters = letters
        self.complexWords = complexWords
    }

    /// Sums saturate at `Int.max` and `Int.min`: counts come off the wire, and reviews claiming absurd counts
    /// must not trap the aggregator that adds them up.
    public static func + (lhs: Self, rhs: Self) -> Self {
        func add(_ a: Int, _ b: Int) -> Int {
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? (b > 0 ? .max : .min) : sum
        }
        return TextCounts(
            words: add(lhs.words, rhs.words), sentences: add(lhs.sentences, rhs.sentences),
            syllables: add(lhs.syllables, rhs.syllables), letters: add(lhs.letters, rhs.letters),
            complexWords: add(lhs.complexWords, rhs.complexWords)
        )
    }
}

/// One specialist's result for one chunk: what the aggregator collects.
public struct ChunkReview: Codable, Sendable, Hashable {
    public var docId: String
    public var chunkIndex: Int
    public var chunkCount: Int
    public var specialist: SpecialistType
    /// All specialists the chunk was sent to (copied from the chunk), so the aggregator knows when it has all.
    public var specialists: [SpecialistType]
    public var source: String
    public var suggestions: [Suggestion]
    /// Prose counts (sent by the clarity specialist).
    public var counts: TextCounts?
    /// Tone score of the chunk in [-1, 1] (sent by the tone specialist).
    public var tone: Double?
    /// Set when the chunk was not reviewed, or not in full (too large, over its time budget, or its entry was
    /// dead-lettered): why. The report lists it as a gap. Since 1.2.
    public var unreviewed: String?
    /// The chunk's place in the source, sent with `unreviewed` so the report can say which lines were missed.
    /// Since 1.2.
    public var range: SourceRange?

    public init(
        docId: String, chunkIndex: Int, chunkCount: Int, specialist: SpecialistType, specialists: [SpecialistType],
        source: String, suggestions: [Suggestion], counts: TextCounts? = nil, tone: Double? = nil,
        unreviewed: String? = nil, range: SourceRange? = nil
    ) {
        self.docId = docId
        self.chunkIndex = chunkIndex
        self.chunkCount = chunkCount
        self.specialist = specialist
        self.specialists = specialists
        self.source = source
        self.suggestions = suggestions
        self.counts = counts
        self.tone = tone
        self.unreviewed = unreviewed
        self.range = range
    }
}

/// The review of a whole document.
public struct Report: Codable, Sendable, Hashable {
    public var docId: String
    public var source: String
    /// Sorted by position, then specialist, then rule.
    public var suggestions: [Suggestion]
    public var summary: Summary
    public var figures: Figures
    /// What was not reviewed, in chunk and specialist order; nil when every chunk was reviewed in full. A report
    /// with gaps is complete in the sense that it will not change: it says what is missing. Since 1.2.
    public var incomplete: [Gap]?

    /// One chunk one specialist did not review, or not in full.
    public struct Gap: Codable, Sendable, Hashable {
        public var specialist: SpecialistType
        public var chunk: Int
        /// The chunk's lines in the source, when known.
        public var range: SourceRange?
        public var reason: String

        public init(specialist: SpecialistType, chunk: Int, range: SourceRange?, reason: String) {
            self.specialist = specialist
            self.chunk = chunk
            self.range = range
            self.reason = reason
        }
    }

    public struct Summary: Codable, Sendable, Hashable {
        public var total: Int
        /// Keys are specialist names; every reviewing specialist appears, with 0 when it found nothing.
        public var bySpecialist: [String: Int]
        /// Keys are severities; all three appear.
        public var bySeverity: [String: Int]

        public init(total: Int, bySpecialist: [String: Int], bySeverity: [String: Int]) {
            self.total = total
            self.bySpecialist = bySpecialist
            self.bySeverity = bySeverity
        }
    }

    public struct Figures: Codable, Sendable, Hashable {
        public var chunks: Int
        public var words: Int
        public var sentences: Int
        /// Formula name → score (flesch-reading-ease, flesch-kincaid-grade, gunning-fog, smog, coleman-liau, ari).
        public var readability: [String: Double]
        /// Mean tone in [-1, 1], weighted by chunk; nil when no tone specialist ran.
        public var tone: Double?

        public init(chunks: Int, words: Int, sentences: Int, readability: [String: Double], tone: Double?) {
            self.chunks = chunks
            self.words = words
            self.sentences = sentences
            self.readability = readability
            self.tone = tone
        }
    }

    public init(
        docId: String, source: String, suggestions: [Suggestion], summary: Summary, figures: Figures, incomplete: [Gap]? = nil
    ) {
        self.docId = docId
        self.source = source
        self.suggestions = suggestions
        self.summary = summary
        self.figures = figures
        self.incomplete = incomplete
    }
}

/// Published on `doc.reports` when a report is stored under `Keys.report(docId)`.
public struct ReportReady: Codable, Sendable, Hashable {
    public var docId: String
    public var key: String
    public var total: Int

    public init(docId: String, key: String, total: Int) {
        self.docId = docId
        self.key = key
        self.total = total
    }
}
