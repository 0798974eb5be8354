/// Bounds on what a reader accepts from the wire. Every count, index and size in a message comes from
/// outside the process, so each one is checked when the message is decoded, before any service does
/// arithmetic with it: a message out of bounds is refused with a reason naming the field, and dead-lettered.
public struct WireLimits: Sendable, Hashable {
    /// Chunks in one document (the outline chunk included).
    public var maxChunks: Int
    /// Bytes of a body as it arrives, and of a deflated body once inflated.
    public var maxBodyBytes: Int
    /// Bytes of a document id.
    public var maxDocIdBytes: Int
    /// Suggestions in one review of one chunk.
    public var maxSuggestions: Int

    public init(maxChunks: Int = 100_000, maxBodyBytes: Int = 32 * 1024 * 1024, maxDocIdBytes: Int = 256, maxSuggestions: Int = 100_000) {
        self.maxChunks = maxChunks
        self.maxBodyBytes = maxBodyBytes
        self.maxDocIdBytes = maxDocIdBytes
        self.maxSuggestions = maxSuggestions
    }

    public static let `default` = WireLimits()
}

/// A message whose fields can be checked against `WireLimits` after decoding.
public protocol WireValidatable {
    func validate(_ limits: WireLimits) throws(ProtocolError)
}

/// Small checks that name the field they refuse.
enum Check {
    static func docId(_ id: String, _ limits: WireLimits, field: String = "docId") throws(ProtocolError) {
        guard !id.isEmpty else { throw .invalidField(field, "empty") }
        guard id.utf8.count <= limits.maxDocIdBytes else {
            throw .invalidField(field, "\(id.utf8.count) bytes, more than the limit of \(limits.maxDocIdBytes)")
        }
        // By bytes: a control character (below 0x20, or 0x7F) is one byte in UTF-8, and every byte of any other
        // scalar past ASCII is 0x80 or more. Decoding scalars cost more than reading a review's docId.
        let control = id.utf8.withContiguousStorageIfAvailable { $0.contains { $0 < 0x20 || $0 == 0x7F } }
            ?? id.utf8.contains { $0 < 0x20 || $0 == 0x7F }
        guard !control else {
            throw .invalidField(field, "contains a control character")
        }
    }

    static func count(_ count: Int, _ limits: WireLimits, field: String) throws(ProtocolError) {
        guard count >= 1, count <= limits.maxChunks else {
            throw .invalidField(field, "\(count) is outside 1...\(limits.maxChunks) chunks")
        }
    }

    static func index(_ index: Int, count: Int, field: String) throws(ProtocolError) {
        guard index >= 0, index < count else { throw .invalidField(field, "\(index) is outside 0..<\(count)") }
    }

    static func specialists(_ list: [SpecialistType], field: String = "specialists") throws(ProtocolError) {
        // Four kinds at most: a bit each, not a `Set` (hashing it was a tenth of the aggregator's instructions).
        var seen: UInt8 = 0
        for s in list {
            let bit: UInt8 = switch s {
            case .grammar: 1
            case .clarity: 2
            case .tone: 4
            case .structure: 8
            }
            guard seen & bit == 0 else { throw .invalidField(field, "lists a specialist twice") }
            seen |= bit
        }
    }

    static func position(_ p: SourcePosition, field: String) throws(ProtocolError) {
        guard p.offset >= 0, p.line >= 1, p.column >= 1 else {
            throw .invalidField(field, "position \(p.line):\(p.column) at offset \(p.offset) is not 1-based")
        }
    }

    static func range(_ r: SourceRange, field: String) throws(ProtocolError) {
        try position(r.start, field: field)
        try position(r.end, field: field)
        guard r.start.offset <= r.end.offset else { throw .invalidField(field, "ends before it starts") }
    }

    static func span(_ s: TextSpan, length: Int, field: String) throws(ProtocolError) {
        guard s.start >= 0, s.start <= s.end, s.end <= length else {
            throw .invalidField(field, "span \(s.start)..<\(s.end) is outside the text's \(length) characters")
        }
    }

    static func segments(_ segments: [TextSegment], length: Int, field: String) throws(ProtocolError) {
        var previous = 0
        for segment in segments {
            guard segment.textOffset >= previous, segment.textOffset <= length else {
                throw .invalidField(field, "offset \(segment.textOffset) is out of order or past the text's \(length) characters")
            }
            try position(segment.position, field: field)
            previous = segment.textOffset
        }
    }

    /// A count summed over a document (words, lines): at most 2^32, so sums of 100,000 chunks cannot overflow.
    static func figure(_ value: Int, field: String) throws(ProtocolError) {
        guard value >= 0, value <= 1 << 32 else { throw .invalidField(field, "\(value) is outside 0...\(1 << 32)") }
    }

    static func nonNegative(_ value: Int, field: String) throws(ProtocolError) {
        guard value >= 0 else { throw .invalidField(field, "\(value) is negative") }
    }
}

extension Chunk: WireValidatable {
    public func validate(_ limits: WireLimits) throws(ProtocolError) {
        try validate(limits, docIdChecked: false)
    }

    /// `docIdChecked`: the batch checked its id and that this chunk has the same.
    func validate(_ limits: WireLimits, docIdChecked: Bool) throws(ProtocolError) {
        if !docIdChecked { try Check.docId(docId, limits) }
        try Check.count(count, limits, field: "count")
        try Check.index(index, count: count, field: "index")
        try Check.specialists(specialists)
        let length = scalarCount(text)
        try Check.segments(segments, length: length, field: "segments")
        for span in ignored { try Check.span(span, length: length, field: "ignored") }
        for span in nonProse?.spans ?? [] { try Check.span(span, length: length, field: "nonProse") }
        if let level, level < 0 || level > 1_000 { throw .invalidField("level", "\(level) is outside 0...1000") }
        for s in suppressions {
            if let from = s.fromLine, let to = s.toLine, from > to { throw .invalidField("suppressions", "lines \(from)...\(to) are reversed") }
        }
        if let outline { try outline.validate(limits) }
    }
}

extension Outline {
    func validate(_ limits: WireLimits) throws(ProtocolError) {
        for heading in headings {
            guard (1...6).contains(heading.level) else { throw .invalidField("outline.headings", "level \(heading.level) is outside 1...6") }
            try Check.range(SourceRange(start: heading.position, end: heading.endPosition), field: "outline.headings")
        }
        for block in blocks {
            if let heading = block.heading { try Check.index(heading, count: headings.count, field: "outline.blocks.heading") }
            try Check.position(block.position, field: "outline.blocks")
            // Bounded so that the structure specialist's sums over a document cannot overflow.
            try Check.figure(block.lines, field: "outline.blocks.lines")
            try Check.figure(block.words, field: "outline.blocks.words")
            try Check.figure(block.sentences, field: "outline.blocks.sentences")
        }
        for term in terms { try Check.range(SourceRange(start: term.position, end: term.endPosition), field: "outline.terms") }
        for item in (lists ?? []).joined() {
            let length = scalarCount(item.text)
            try Check.segments(item.segments, length: length, field: "outline.lists.segments")
            for span in item.ignored { try Check.span(span, length: length, field: "outline.lists.ignored") }
        }
    }
}

extension ChunkReview: WireValidatable {
    public func validate(_ limits: WireLimits) throws(ProtocolError) {
        try validate(limits, docIdChecked: false)
    }

    /// `docIdChecked`: the batch checked its id and that this review has the same.
    func validate(_ limits: WireLimits, docIdChecked: Bool) throws(ProtocolError) {
        if !docIdChecked { try Check.docId(docId, limits) }
        try Check.count(chunkCount, limits, field: "chunkCount")
        try Check.index(chunkIndex, count: chunkCount, field: "chunkIndex")
        try Check.specialists(specialists)
        guard specialists.contains(specialist) else {
            throw .invalidField("specialists", "does not name the reviewing specialist '\(specialist.rawValue)'")
        }
        guard suggestions.count <= limits.maxSuggestions else {
            throw .invalidField("suggestions", "\(suggestions.count) is more than the limit of \(limits.maxSuggestions)")
        }
        for s in suggestions {
            try Check.range(s.range, field: "suggestions.range")
            guard s.specialist == specialist else { throw .invalidField("suggestions.specialist", "'\(s.specialist.rawValue)' in a \(specialist.rawValue) review") }
        }
        if let counts {
            try Check.figure(counts.words, field: "counts.words")
            try Check.figure(counts.sentences, field: "counts.sentences")
            try Check.figure(counts.syllables, field: "counts.syllables")
            try Check.figure(counts.letters, field: "counts.letters")
            try Check.figure(counts.complexWords, field: "counts.complexWords")
        }
        if let tone, !(tone.isFinite && (-1...1).contains(tone)) { throw .invalidField("tone", "\(tone) is outside -1...1") }
        if let range { try Check.range(range, field: "range") }
    }
}

extension ReportReady: WireValidatable {
    public func validate(_ limits: WireLimits) throws(ProtocolError) {
        try Check.docId(docId, limits)
        try Check.nonNegative(total, field: "total")
    }
}

/// `s.unicodeScalars.count`, from the UTF-8 bytes: every byte but a continuation byte (10xxxxxx) starts a
/// scalar. The generic view walks a scalar at a time; this was 3 % of a specialist's CPU.
func scalarCount(_ s: String) -> Int {
    var s = s
    return s.withUTF8 { bytes in
        // Scalars are the bytes that do not continue one (10xxxxxx): counted eight at a time, each continuation
        // byte's top bit kept where the bit below it is clear. Every chunk's text is counted by every reader.
        var continuations = 0
        var i = 0
        if let base = bytes.baseAddress {
            while i + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                i += 8
            }
        }
        while i < bytes.count {
            if bytes[i] & 0xC0 == 0x80 { continuations += 1 }
            i += 1
        }
        return bytes.count - continuations
    }
}
