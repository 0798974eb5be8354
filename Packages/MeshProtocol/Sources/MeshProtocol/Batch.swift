/// Since 2.0: several consecutive chunks of one document in one stream entry (`kind: chunks`). The producer
/// packs whole chunks up to a byte budget, so a document is a few entries per stream rather than one per
/// paragraph; every chunk keeps its own index, text, segments and limits, so positions and reviews are
/// exactly those of the chunks sent one by one.
public struct ChunkBatch: Codable, Sendable, Hashable {
    public var docId: String
    public var chunks: [Chunk]

    public init(docId: String, chunks: [Chunk]) {
        self.docId = docId
        self.chunks = chunks
    }
}

/// Since 2.0: one specialist's reviews of every chunk of a `ChunkBatch`, in one entry (`kind: reviews`).
public struct ReviewBatch: Codable, Sendable, Hashable {
    public var docId: String
    public var reviews: [ChunkReview]

    public init(docId: String, reviews: [ChunkReview]) {
        self.docId = docId
        self.reviews = reviews
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
        for chunk in chunks {
            try chunk.validate(limits)
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
            try review.validate(limits)
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
