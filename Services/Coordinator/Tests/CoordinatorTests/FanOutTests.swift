import MeshProtocol
import MeshRedis
import MeshRedisTesting
import MeshWorker
import Testing

@testable import CoordinatorHandler

@Suite("FanOut")
struct FanOutTests {
    static let codec = WireCodec()

    static func chunk(_ index: Int, count: Int = 3, doc: String = "doc-1") -> Chunk {
        Chunk(
            docId: doc, index: index, count: count, source: "a.txt", format: .text, kind: .paragraph, text: "Paragraph \(index).",
            segments: [TextSegment(textOffset: 0, position: SourcePosition(offset: index * 20, line: index * 2 + 1, column: 1))])
    }

    static func delivery(_ fields: [(String, [UInt8])]) -> Delivery {
        Delivery(stream: Streams.chunks, entry: StreamEntry(id: "1-0", fields: fields.map { StreamField($0.0, $0.1) }))
    }

    /// The stream and fields of each XADD a commit holds.
    static func xadds(_ outcome: HandlerOutcome) -> [(stream: String, fields: [String: [UInt8]])] {
        guard case .commit(let commands) = outcome else { return [] }
        return commands.map { command in
            var fields: [String: [UInt8]] = [:]
            var i = 3
            while i + 1 < command.count {
                if case .bytes(let value) = command[i + 1] { fields[command[i].text] = value } else { fields[command[i].text] = Array(command[i + 1].text.utf8) }
                i += 2
            }
            return (command[1].text, fields)
        }
    }

    @Test func aBatchGoesToEveryEnabledSpecialistAsItCameAddressedToThemAll() throws {
        let redis = StubRedis()
        let fields = Self.codec.encode(ChunkBatch(docId: "doc-1", chunks: (0..<3).map { Self.chunk($0) }))
        let outcome = try FanOut(types: [.grammar, .tone]).handle(Self.delivery(fields), redis: redis)
        let written = Self.xadds(outcome)
        #expect(written.map(\.stream) == [Streams.review(.grammar), Streams.review(.tone)])
        let body = try #require(fields.first { $0.0 == WireField.body }?.1)
        for xadd in written {
            #expect(xadd.fields[WireField.body] == body)
            #expect(xadd.fields[WireField.specialists] == Array("grammar,tone".utf8))
            let chunks = try Self.codec.decodeChunks(from: xadd.fields.map { ($0.key, $0.value) })
            #expect(chunks.map(\.index) == [0, 1, 2])
            #expect(chunks.allSatisfy { $0.specialists == [.grammar, .tone] })
        }
        #expect(redis.commands.isEmpty)
    }

    @Test func aSingle1xChunkIsForwardedToo() throws {
        var fields = Self.codec.encode(Self.chunk(1))
        fields[0].1 = Array("1.2".utf8)
        let written = Self.xadds(try FanOut(types: SpecialistType.allCases).handle(Self.delivery(fields), redis: StubRedis()))
        #expect(written.count == 4)
        #expect(try Self.codec.decodeChunks(from: written[0].fields.map { ($0.key, $0.value) }).map(\.specialists) == [SpecialistType.allCases])
    }

    @Test func aMalformedEntryIsAPermanentFailure() throws {
        let fields: [(String, [UInt8])] = [("v", Array("2.0".utf8)), ("kind", Array("chunks".utf8)), ("enc", Array("json".utf8)), ("body", Array("{".utf8))]
        #expect(throws: ProtocolError.self) { try FanOut(types: [.grammar]).handle(Self.delivery(fields), redis: StubRedis()) }
        let wrongDoc = Self.codec.encode(ChunkBatch(docId: "doc-1", chunks: [Self.chunk(0), Self.chunk(1, doc: "doc-2")]))
        let error = #expect(throws: ProtocolError.self) { try FanOut(types: [.grammar]).handle(Self.delivery(wrongDoc), redis: StubRedis()) }
        #expect(error?.description.contains("chunks.docId") == true)
    }
}
