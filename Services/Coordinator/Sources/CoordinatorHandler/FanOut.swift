import FoundationEssentials
import MeshProtocol
import MeshRedis
import MeshService
import MeshWorker

/// Decodes an entry's chunks (a 2.0 batch, or one 1.x chunk) to check them, then writes the entry as it came to the
/// review stream of each enabled specialist, with the entry field `specialists` naming them all: the body is
/// neither encoded nor deflated again.
public struct FanOut: StreamHandler {
    public let types: [SpecialistType]
    public let codec = WireCodec()

    public init(types: [SpecialistType]) { self.types = types }

    public func handle(_ delivery: Delivery, redis: any RedisCommands) throws -> HandlerOutcome {
        let chunks = try codec.decodeChunks(from: delivery.entry.wireFields)
        for chunk in chunks {
            guard chunk.count > 0, (0..<chunk.count).contains(chunk.index), !chunk.docId.isEmpty else {
                return .deadLetter(reason: "chunk \(chunk.index) of \(chunk.count) of document '\(chunk.docId)' is inconsistent")
            }
        }
        let fields = WireCodec.addressing(delivery.entry.wireFields, to: types).map { StreamField($0.0, $0.1) }
        return .commit(types.map { RedisConnection.xaddArguments(Streams.review($0), fields: fields) })
    }
}
