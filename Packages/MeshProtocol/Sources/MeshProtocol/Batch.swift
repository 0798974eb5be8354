/// Since 2.0: several consecutive chunks of one document in one stream entry (`kind: chunks`). The producer
/// packs whole chunks up to a byte budget, so a document is a few entries per stream rather than one per
/// paragraph; every chunk keeps its own index, text, segments and limits, so positions and reviews are
/// exactly those of the chunks sent one by one.
///
/// Since 3.0 the JSON holds once, beside `docId`, each document field every chunk shares (`ChunkBatch.Shared`):
/// a chunk's own value, as 2.x wrote it on every chunk, wins over the batch's.
public struct ChunkBatch: Sendable, Hashable {
    public var docId: String
    public var chunks: [Chunk]

    public init(docId: String, chunks: [Chunk]) {
        self.docId = docId
        self.chunks = chunks
    }

    /// The fields a 3.0 batch writes once for all its chunks: those on which every chunk agrees (`docId`: with
    /// the batch's). A field they differ on stays on each chunk, so any batch reads back as written.
    struct Shared: OptionSet {
        let rawValue: UInt8
        static let docId = Shared(rawValue: 1 << 0)
        static let count = Shared(rawValue: 1 << 1)
        static let source = Shared(rawValue: 1 << 2)
        static let format = Shared(rawValue: 1 << 3)
        static let config = Shared(rawValue: 1 << 4)
        static let specialists = Shared(rawValue: 1 << 5)
        static let all: Shared = [.docId, .count, .source, .format, .config, .specialists]
    }

    var shared: Shared {
        guard let first = chunks.first else { return [] }
        var shared = Shared.all
        for chunk in chunks {
            if chunk.docId != docId { shared.remove(.docId) }
            if chunk.count != first.count { shared.remove(.count) }
            if chunk.source != first.source { shared.remove(.source) }
            if chunk.format != first.format { shared.remove(.format) }
            if chunk.config != first.config { shared.remove(.config) }
            if chunk.specialists != first.specialists { shared.remove(.specialists) }
        }
        return shared
    }
}

/// Since 2.0: one specialist's reviews of every chunk of a `ChunkBatch`, in one entry (`kind: reviews`).
///
/// Since 3.0 the JSON holds once each field every review shares (`ReviewBatch.Shared`), as `ChunkBatch` does.
public struct ReviewBatch: Sendable, Hashable {
    public var docId: String
    public var reviews: [ChunkReview]

    public init(docId: String, reviews: [ChunkReview]) {
        self.docId = docId
        self.reviews = reviews
    }

    /// The fields a 3.0 batch writes once for all its reviews: those on which every review agrees.
    struct Shared: OptionSet {
        let rawValue: UInt8
        static let docId = Shared(rawValue: 1 << 0)
        static let chunkCount = Shared(rawValue: 1 << 1)
        static let source = Shared(rawValue: 1 << 2)
        static let specialist = Shared(rawValue: 1 << 3)
        static let specialists = Shared(rawValue: 1 << 4)
        static let all: Shared = [.docId, .chunkCount, .source, .specialist, .specialists]
    }

    var shared: Shared {
        guard let first = reviews.first else { return [] }
        var shared = Shared.all
        for review in reviews {
            if review.docId != docId { shared.remove(.docId) }
            if review.chunkCount != first.chunkCount { shared.remove(.chunkCount) }
            if review.source != first.source { shared.remove(.source) }
            if review.specialist != first.specialist { shared.remove(.specialist) }
            if review.specialists != first.specialists { shared.remove(.specialists) }
        }
        return shared
    }
}

// MARK: Foundation's coding, as the hand-written reader and writer do it (ModelJSON.swift)

/// An array index in a coding path (`chunks.[2].source`).
private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

/// One chunk of a 3.0 batch for Foundation's coders: the fields in `omitted` are left to the batch when encoding,
/// and were absent when decoding.
private struct BatchedChunk: Codable {
    enum Key: String, CodingKey {
        case docId, index, count, source, format, kind, text, segments, ignored, nonProse, headingPath, level, suppressions, config, outline, specialists
    }
    var chunk: Chunk
    var omitted: ChunkBatch.Shared

    init(_ chunk: Chunk, omitting omitted: ChunkBatch.Shared) {
        self.chunk = chunk
        self.omitted = omitted
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var omitted: ChunkBatch.Shared = []
        func inherited<T: Decodable>(_ key: Key, _ field: ChunkBatch.Shared, or placeholder: T) throws -> T {
            if let value = try c.decodeIfPresent(T.self, forKey: key) { return value }
            omitted.insert(field)
            return placeholder
        }
        chunk = Chunk(
            docId: try inherited(.docId, .docId, or: ""), index: try c.decode(Int.self, forKey: .index),
            count: try inherited(.count, .count, or: 0), source: try inherited(.source, .source, or: ""),
            format: try inherited(.format, .format, or: DocumentFormat.text), kind: try c.decode(ChunkKind.self, forKey: .kind),
            text: try c.decode(String.self, forKey: .text), segments: try c.decode([TextSegment].self, forKey: .segments),
            ignored: try c.decode([TextSpan].self, forKey: .ignored), nonProse: try c.decodeIfPresent(SpanPairs.self, forKey: .nonProse),
            headingPath: try c.decode([String].self, forKey: .headingPath), level: try c.decodeIfPresent(Int.self, forKey: .level),
            suppressions: try c.decode([Suppression].self, forKey: .suppressions),
            config: try c.decodeIfPresent(String.self, forKey: .config), outline: try c.decodeIfPresent(Outline.self, forKey: .outline),
            specialists: try inherited(.specialists, .specialists, or: [SpecialistType]())
        )
        if chunk.config == nil { omitted.insert(.config) }
        self.omitted = omitted
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        if !omitted.contains(.docId) { try c.encode(chunk.docId, forKey: .docId) }
        try c.encode(chunk.index, forKey: .index)
        if !omitted.contains(.count) { try c.encode(chunk.count, forKey: .count) }
        if !omitted.contains(.source) { try c.encode(chunk.source, forKey: .source) }
        if !omitted.contains(.format) { try c.encode(chunk.format, forKey: .format) }
        try c.encode(chunk.kind, forKey: .kind)
        try c.encode(chunk.text, forKey: .text)
        try c.encode(chunk.segments, forKey: .segments)
        try c.encode(chunk.ignored, forKey: .ignored)
        try c.encodeIfPresent(chunk.nonProse, forKey: .nonProse)
        try c.encode(chunk.headingPath, forKey: .headingPath)
        try c.encodeIfPresent(chunk.level, forKey: .level)
        try c.encode(chunk.suppressions, forKey: .suppressions)
        if !omitted.contains(.config) { try c.encodeIfPresent(chunk.config, forKey: .config) }
        try c.encodeIfPresent(chunk.outline, forKey: .outline)
        if !omitted.contains(.specialists) { try c.encode(chunk.specialists, forKey: .specialists) }
    }
}

extension ChunkBatch: Codable {
    private enum Key: String, CodingKey { case chunks, config, count, docId, format, source, specialists }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let docId = try c.decode(String.self, forKey: .docId)
        let batched = try c.decode([BatchedChunk].self, forKey: .chunks)
        let count = try c.decodeIfPresent(Int.self, forKey: .count), source = try c.decodeIfPresent(String.self, forKey: .source)
        let format = try c.decodeIfPresent(DocumentFormat.self, forKey: .format), config = try c.decodeIfPresent(String.self, forKey: .config)
        let specialists = try c.decodeIfPresent([SpecialistType].self, forKey: .specialists)
        var chunks: [Chunk] = []
        for (i, part) in batched.enumerated() {
            func take<T>(_ value: T?, _ key: BatchedChunk.Key) throws -> T {
                guard let value else {
                    throw DecodingError.keyNotFound(key, .init(codingPath: [Key.chunks, IndexKey(intValue: i)], debugDescription: "absent from the chunk and its batch"))
                }
                return value
            }
            var chunk = part.chunk
            if part.omitted.contains(.docId) { chunk.docId = docId }
            if part.omitted.contains(.count) { chunk.count = try take(count, .count) }
            if part.omitted.contains(.source) { chunk.source = try take(source, .source) }
            if part.omitted.contains(.format) { chunk.format = try take(format, .format) }
            if part.omitted.contains(.config) { chunk.config = config }
            if part.omitted.contains(.specialists) { chunk.specialists = try take(specialists, .specialists) }
            chunks.append(chunk)
        }
        self.init(docId: docId, chunks: chunks)
    }

    public func encode(to encoder: any Encoder) throws {
        let shared = self.shared
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(docId, forKey: .docId)
        try c.encode(chunks.map { BatchedChunk($0, omitting: shared) }, forKey: .chunks)
        guard let first = chunks.first else { return }
        if shared.contains(.count) { try c.encode(first.count, forKey: .count) }
        if shared.contains(.source) { try c.encode(first.source, forKey: .source) }
        if shared.contains(.format) { try c.encode(first.format, forKey: .format) }
        if shared.contains(.config) { try c.encodeIfPresent(first.config, forKey: .config) }
        if shared.contains(.specialists) { try c.encode(first.specialists, forKey: .specialists) }
    }
}

/// One review of a 3.0 batch for Foundation's coders, as `BatchedChunk`.
private struct BatchedReview: Codable {
    enum Key: String, CodingKey {
        case docId, chunkIndex, chunkCount, specialist, specialists, source, suggestions, counts, tone, unreviewed, range
    }
    var review: ChunkReview
    var omitted: ReviewBatch.Shared

    init(_ review: ChunkReview, omitting omitted: ReviewBatch.Shared) {
        self.review = review
        self.omitted = omitted
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var omitted: ReviewBatch.Shared = []
        func inherited<T: Decodable>(_ key: Key, _ field: ReviewBatch.Shared, or placeholder: T) throws -> T {
            if let value = try c.decodeIfPresent(T.self, forKey: key) { return value }
            omitted.insert(field)
            return placeholder
        }
        review = ChunkReview(
            docId: try inherited(.docId, .docId, or: ""), chunkIndex: try c.decode(Int.self, forKey: .chunkIndex),
            chunkCount: try inherited(.chunkCount, .chunkCount, or: 0),
            specialist: try inherited(.specialist, .specialist, or: SpecialistType.grammar),
            specialists: try inherited(.specialists, .specialists, or: [SpecialistType]()),
            source: try inherited(.source, .source, or: ""),
            suggestions: try c.decode([Suggestion].self, forKey: .suggestions), counts: try c.decodeIfPresent(TextCounts.self, forKey: .counts),
            tone: try c.decodeIfPresent(Double.self, forKey: .tone), unreviewed: try c.decodeIfPresent(String.self, forKey: .unreviewed),
            range: try c.decodeIfPresent(SourceRange.self, forKey: .range)
        )
        self.omitted = omitted
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        if !omitted.contains(.docId) { try c.encode(review.docId, forKey: .docId) }
        try c.encode(review.chunkIndex, forKey: .chunkIndex)
        if !omitted.contains(.chunkCount) { try c.encode(review.chunkCount, forKey: .chunkCount) }
        if !omitted.contains(.specialist) { try c.encode(review.specialist, forKey: .specialist) }
        if !omitted.contains(.specialists) { try c.encode(review.specialists, forKey: .specialists) }
        if !omitted.contains(.source) { try c.encode(review.source, forKey: .source) }
        try c.encode(review.suggestions, forKey: .suggestions)
        try c.encodeIfPresent(review.counts, forKey: .counts)
        try c.encodeIfPresent(review.tone, forKey: .tone)
        try c.encodeIfPresent(review.unreviewed, forKey: .unreviewed)
        try c.encodeIfPresent(review.range, forKey: .range)
    }
}

extension ReviewBatch: Codable {
    private enum Key: String, CodingKey { case chunkCount, docId, reviews, source, specialist, specialists }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let docId = try c.decode(String.self, forKey: .docId)
        let batched = try c.decode([BatchedReview].self, forKey: .reviews)
        let chunkCount = try c.decodeIfPresent(Int.self, forKey: .chunkCount), source = try c.decodeIfPresent(String.self, forKey: .source)
        let specialist = try c.decodeIfPresent(SpecialistType.self, forKey: .specialist)
        let specialists = try c.decodeIfPresent([SpecialistType].self, forKey: .specialists)
        var reviews: [ChunkReview] = []
        for (i, part) in batched.enumerated() {
            func take<T>(_ value: T?, _ key: BatchedReview.Key) throws -> T {
                guard let value else {
                    throw DecodingError.keyNotFound(key, .init(codingPath: [Key.reviews, IndexKey(intValue: i)], debugDescription: "absent from the review and its batch"))
                }
                return value
            }
            var review = part.review
            if part.omitted.contains(.docId) { review.docId = docId }
            if part.omitted.contains(.chunkCount) { review.chunkCount = try take(chunkCount, .chunkCount) }
            if part.omitted.contains(.source) { review.source = try take(source, .source) }
            if part.omitted.contains(.specialist) { review.specialist = try take(specialist, .specialist) }
            if part.omitted.contains(.specialists) { review.specialists = try take(specialists, .specialists) }
            reviews.append(review)
        }
        self.init(docId: docId, reviews: reviews)
    }

    public func encode(to encoder: any Encoder) throws {
        let shared = self.shared
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(docId, forKey: .docId)
        try c.encode(reviews.map { BatchedReview($0, omitting: shared) }, forKey: .reviews)
        guard let first = reviews.first else { return }
        if shared.contains(.chunkCount) { try c.encode(first.chunkCount, forKey: .chunkCount) }
        if shared.contains(.source) { try c.encode(first.source, forKey: .source) }
        if shared.contains(.specialist) { try c.encode(first.specialist, forKey: .specialist) }
        if shared.contains(.specialists) { try c.encode(first.specialists, forKey: .specialists) }
    }
}

extension ChunkBatch: WireMessage { public static let kind = "chunks" }
extension ReviewBatch: WireMessage { public static let kind = "reviews" }

extension ChunkBatch: WireValidatable {
    public func validate(_ limits: WireLimits) throws(ProtocolError) {
        try Check.docId(docId, limits)
        guard !chunks.isEmpty, chunks.count <= limits.maxChunks else {
            throw .invalidField("chunks", "\(chunks.count) chunks is outside 1...\(limits.maxChunks)")
        }
        // A chunk with the batch's id (in 3.0, the batch's very string) has it checked already; any other id is
        // checked (a reason never quotes a bad one) and then refused.
        for chunk in chunks {
            try chunk.validate(limits, docIdChecked: chunk.docId == docId)
            guard chunk.docId == docId else { throw .invalidField("chunks.docId", "a chunk of '\(chunk.docId)' in a batch of '\(docId)'") }
        }
    }
}

extension ReviewBatch: WireValidatable {
    public func validate(_ limits: WireLimits) throws(ProtocolError) {
        try Check.docId(docId, limits)
        guard let first = reviews.first, reviews.count <= limits.maxChunks else {
            throw .invalidField("reviews", "\(reviews.count) reviews is outside 1...\(limits.maxChunks)")
        }
        for review in reviews {
            try review.validate(limits, docIdChecked: review.docId == docId)
            guard review.docId == docId else { throw .invalidField("reviews.docId", "a review of '\(review.docId)' in a batch of '\(docId)'") }
            guard review.specialist == first.specialist else {
                throw .invalidField("reviews.specialist", "'\(review.specialist.rawValue)' in a batch of \(first.specialist.rawValue) reviews")
            }
        }
    }
}

extension WireCodec {
    /// The chunks of an entry of kind `chunks` (2.0) or `chunk` (any 1.x or 2.x writer), so a 2.0 reader drains
    /// what 1.x producers left on a stream.
    /// The entry field `specialists`, when present, replaces every chunk's own list.
    public func decodeChunks(from fields: [(String, [UInt8])]) throws(ProtocolError) -> [Chunk] {
        var chunks =
            switch try kind(of: fields) {
            case ChunkBatch.kind: try decode(ChunkBatch.self, from: fields).chunks
            default: [try decode(Chunk.self, from: fields)]
            }
        if let list = fields.first(where: { $0.0 == WireField.specialists })?.1 {
            let specialists = try Self.specialists(String(decoding: list, as: UTF8.self))
            for i in chunks.indices { chunks[i].specialists = specialists }
        }
        return chunks
    }

    /// `grammar,clarity`: the value of the `specialists` entry field.
    public static func specialists(_ text: String) throws(ProtocolError) -> [SpecialistType] {
        var list: [SpecialistType] = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let type = SpecialistType(rawValue: String(name)) else {
                throw .invalidField(WireField.specialists, "'\(name.prefix(64))' is not a specialist")
            }
            list.append(type)
        }
        try Check.specialists(list, field: WireField.specialists)
        return list
    }

    /// An entry's fields with `specialists` set (replacing any such field it had), everything else as it came.
    public static func addressing(_ fields: [(String, [UInt8])], to specialists: [SpecialistType]) -> [(String, [UInt8])] {
        fields.filter { $0.0 != WireField.specialists }
            + [(WireField.specialists, Array(specialists.map(\.rawValue).joined(separator: ",").utf8))]
    }

    /// The reviews of an entry of kind `reviews` (2.0) or `review` (1.x and 2.x), with the JSON body as read.
    public func decodeReviews(from fields: [(String, [UInt8])]) throws(ProtocolError) -> [ChunkReview] {
        switch try kind(of: fields) {
        case ReviewBatch.kind: try decode(ReviewBatch.self, from: fields).reviews
        default: [try decode(ChunkReview.self, from: fields)]
        }
    }

    /// The `kind` field, or `missingField` (the version is checked first, as every decode does).
    private func kind(of fields: [(String, [UInt8])]) throws(ProtocolError) -> String {
        guard let version = fields.first(where: { $0.0 == WireField.version })?.1 else { throw .missingField(WireField.version) }
        _ = try ProtocolVersion.readable(String(decoding: version, as: UTF8.self))
        guard let kind = fields.first(where: { $0.0 == WireField.kind })?.1 else { throw .missingField(WireField.kind) }
        return String(decoding: kind, as: UTF8.self)
    }

    /// Splits `chunks` into batches of consecutive chunks, each holding chunks whose text adds up to at most
    /// `budget` UTF-8 bytes (a chunk larger than the budget travels alone; chunks are never split).
    public static func batches(_ chunks: [Chunk], budget: Int) -> [[Chunk]] {
        var result: [[Chunk]] = []
        var current: [Chunk] = []
        var bytes = 0
        for chunk in chunks {
            let size = chunk.text.utf8.count
            if !current.isEmpty && bytes + size > budget {
                result.append(current)
                current = []
                bytes = 0
            }
            current.append(chunk)
            bytes += size
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
