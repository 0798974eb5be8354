import MeshAgents
import MeshProtocol
import MeshRedis
import MeshRedisTesting
import MeshWorker
import Testing

@testable import SpecialistHandler

@Suite("Review")
struct ReviewTests {
    static let codec = WireCodec()
    static let engine = ReviewEngine(config: .default, limits: .default)

    static func chunk(_ index: Int, _ text: String, count: Int = 3) -> Chunk {
        Chunk(
            docId: "doc-1", index: index, count: count, source: "a.txt", format: .text, kind: .paragraph, text: text,
            segments: [TextSegment(textOffset: 0, position: SourcePosition(offset: index * 100, line: index * 2 + 1, column: 1))])
    }

    static func delivery(_ chunks: [Chunk], to specialists: [SpecialistType]) -> Delivery {
        let fields = WireCodec.addressing(codec.encode(ChunkBatch(docId: "doc-1", chunks: chunks)), to: specialists)
        return Delivery(stream: Streams.review(.grammar), entry: StreamEntry(id: "1-0", fields: fields.map { StreamField($0.0, $0.1) }))
    }

    /// The reviews in the one XADD of a commit.
    static func reviews(_ commands: [[RedisArgument]]) throws -> [ChunkReview] {
        let command = try #require(commands.first)
        #expect(commands.count == 1)
        #expect(command[1].text == Streams.suggestions(.grammar))
        var fields: [(String, [UInt8])] = []
        var i = 3
        while i + 1 < command.count {
            if case .bytes(let value) = command[i + 1] { fields.append((command[i].text, value)) } else { fields.append((command[i].text, Array(command[i + 1].text.utf8))) }
            i += 2
        }
        return try codec.decodeReviews(from: fields)
    }

    @Test func everyChunkOfABatchIsReviewedOnItsOwnAndAnsweredInOneEntry() throws {
        let chunks = [Self.chunk(0, "It is the the best."), Self.chunk(1, "Nothing wrong here."), Self.chunk(2, "A a apple.")]
        let outcome = try Review(type: .grammar, engine: Self.engine).handle(Self.delivery(chunks, to: [.grammar, .tone]), redis: StubRedis())
        guard case .commit(let commands) = outcome else { Issue.record("\(outcome)"); return }
        let reviews = try Self.reviews(commands)
        // Exactly what the engine says of each chunk alone: batching changes no position and no finding.
        #expect(reviews == chunks.map { Self.engine.review(Chunk(copying: $0, specialists: [.grammar, .tone]), as: .grammar) })
        #expect(reviews.map(\.chunkIndex) == [0, 1, 2])
        #expect(reviews[0].suggestions.contains { $0.rule == "grammar.repeated-word" && $0.range.start.line == 1 })
    }

    @Test func aBatchNotAddressedToThisSpecialistIsDeadLettered() throws {
        let outcome = try Review(type: .grammar, engine: Self.engine).handle(Self.delivery([Self.chunk(0, "Hello.")], to: [.tone]), redis: StubRedis())
        guard case .deadLetter(let reason) = outcome else { Issue.record("\(outcome)"); return }
        #expect(reason == "chunk 0 of doc-1 is not addressed to the grammar specialist")
    }

    @Test func aDeadLetteredBatchIsAnsweredNotReviewedChunkByChunk() throws {
        let chunks = [Self.chunk(0, "One."), Self.chunk(1, "Two.")]
        let commands = Review(type: .grammar, engine: Self.engine).deadLetterCommands(Self.delivery(chunks, to: [.grammar]), reason: "delivered 6 times")
        let reviews = try Self.reviews(commands)
        #expect(reviews.map(\.chunkIndex) == [0, 1])
        #expect(reviews.allSatisfy { $0.unreviewed == "dead-lettered: delivered 6 times" && $0.suggestions.isEmpty })
        #expect(reviews[1].range?.start.line == 3)
    }
}

extension Chunk {
    init(copying chunk: Chunk, specialists: [SpecialistType]) {
        self = chunk
        self.specialists = specialists
    }
}
