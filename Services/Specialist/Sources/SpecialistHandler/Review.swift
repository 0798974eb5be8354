import Foundation
import MeshAgents
import MeshProtocol
import MeshRedis
import MeshService
import MeshText
import MeshWorker

/// Reviews an entry's chunks (a 2.0 batch, or one 1.x chunk) and writes one entry with a review of each, even when
/// there are no suggestions: the aggregator counts reviews. Each chunk is reviewed on its own, with its own limits.
public struct Review: StreamHandler {
    public let type: SpecialistType
    public let engine: ReviewEngine
    public let codec: WireCodec

    public init(type: SpecialistType, engine: ReviewEngine) {
        self.type = type
        self.engine = engine
        // Only structure reviews the outline chunk's outline; the others answer it with an empty review.
        var codec = WireCodec()
        codec.readsOutlines = type == .structure
        self.codec = codec
    }

    public func handle(_ delivery: Delivery, redis: any RedisCommands) throws -> HandlerOutcome {
        let chunks = try codec.decodeChunks(from: delivery.entry.wireFields)
        for chunk in chunks where chunk.specialists.isEmpty || !chunk.specialists.contains(type) {
            return .deadLetter(reason: "chunk \(chunk.index) of \(chunk.docId) is not addressed to the \(type.rawValue) specialist")
        }
        return .commit([answer(chunks.map { engine.review($0, as: type) })])
    }

    /// A chunk that is dead-lettered here (it crashed or failed this specialist `MAX_DELIVERIES` times) is still
    /// answered, as not reviewed, in the same commit: its document completes, and the report says what is missing.
    public func deadLetterCommands(_ delivery: Delivery, reason: String) -> [[RedisArgument]] {
        guard let chunks = try? codec.decodeChunks(from: delivery.entry.wireFields) else { return [] }
        let reviews = chunks.filter { $0.specialists.contains(type) }.map { chunk in
            ChunkReview(
                docId: chunk.docId, chunkIndex: chunk.index, chunkCount: chunk.count, specialist: type, specialists: chunk.specialists,
                source: chunk.source, suggestions: [], unreviewed: "dead-lettered: \(reason)", range: SourceMap.range(of: chunk))
        }
        return reviews.isEmpty ? [] : [answer(reviews)]
    }

    /// One review goes as a 1.x-shaped `review`; several as a 2.0 `reviews` batch.
    private func answer(_ reviews: [ChunkReview]) -> [RedisArgument] {
        reviews.count == 1
            ? codec.xadd(Streams.suggestions(type), reviews[0])
            : codec.xadd(Streams.suggestions(type), ReviewBatch(docId: reviews[0].docId, reviews: reviews))
    }
}
