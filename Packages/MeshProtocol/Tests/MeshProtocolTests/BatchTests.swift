import Foundation
import MeshProtocol
import Testing

/// Batches (protocol 2.0; shorter since 3.0): several chunks (or reviews) of one document per stream entry.
@Suite("Batches")
struct BatchTests {
    static func chunk(_ index: Int, _ text: String, count: Int = 6, doc: String = "doc-001") -> Chunk {
        Chunk(
            docId: doc, index: index, count: count, source: "a.txt", format: .text, kind: .paragraph, text: text,
            segments: [TextSegment(textOffset: 0, position: SourcePosition(offset: index * 100, line: index + 1, column: 1))])
    }

    @Test func batchesKeepOrderNeverSplitAChunkAndStayWithinTheBudget() {
        let chunks = [Self.chunk(0, "aaaa"), Self.chunk(1, "bbbb"), Self.chunk(2, "cc"), Self.chunk(3, String(repeating: "d", count: 20)), Self.chunk(4, "e")]
        let batches = WireCodec.batches(chunks, budget: 10)
        #expect(batches.map { $0.map(\.index) } == [[0, 1, 2], [3], [4]])
        #expect(batches.joined().map(\.text) == chunks.map(\.text))
        #expect(WireCodec.batches(chunks, budget: 1).count == chunks.count)
        #expect(WireCodec.batches(chunks, budget: 1 << 20).count == 1)
        #expect(WireCodec.batches([], budget: 10).isEmpty)
    }

    @Test func aBatchRoundTripsThroughTheWire() throws {
        let codec = WireCodec()
        let batch = ChunkBatch(docId: "doc-001", chunks: (0..<6).map { Self.chunk($0, "Paragraph \($0) of the the text.") })
        for threshold in [0, Int.max] {
            let fields = WireCodec(compressionThreshold: threshold).encode(batch)
            #expect(fields.first { $0.0 == WireField.kind }?.1 == Array("chunks".utf8))
            #expect(try codec.decodeChunks(from: fields) == batch.chunks)
        }
        let reviews = ReviewBatch(docId: "doc-001", reviews: batch.chunks.map {
            ChunkReview(docId: "doc-001", chunkIndex: $0.index, chunkCount: 6, specialist: .tone, specialists: [.tone], source: "a.txt", suggestions: [])
        })
        #expect(try codec.decodeReviews(from: codec.encode(reviews)) == reviews.reviews)
    }

    /// Since 3.0 what every chunk (or review) shares is written once; what they differ on stays on each.
    @Test func sharedFieldsAreWrittenOnceAndTheRestStayOnEachChunk() throws {
        func occurrences(_ key: String, _ json: [UInt8]) -> Int {
            String(decoding: json, as: UTF8.self).components(separatedBy: "\"\(key)\":").count - 1
        }
        var chunks = (0..<4).map { Self.chunk($0, "Paragraph \($0).") }
        for i in chunks.indices {
            chunks[i].specialists = [.grammar, .tone]
            chunks[i].config = "disable: [tone]"
        }
        let shared = WireCodec.json(ChunkBatch(docId: "doc-001", chunks: chunks))
        for key in ["docId", "count", "source", "format", "config", "specialists"] { #expect(occurrences(key, shared) == 1, "\(key)") }
        #expect(try WireCodec.read(ChunkBatch.self, json: shared).chunks == chunks)

        chunks[1].source = "b.txt"
        chunks[2].config = nil
        chunks[3].specialists = [.grammar]
        let mixed = WireCodec.json(ChunkBatch(docId: "doc-001", chunks: chunks))
        #expect(occurrences("source", mixed) == 4)
        #expect(occurrences("config", mixed) == 3)
        #expect(occurrences("specialists", mixed) == 4)
        #expect(occurrences("count", mixed) == 1)
        #expect(try WireCodec.read(ChunkBatch.self, json: mixed).chunks == chunks)

        let reviews = chunks.map {
            ChunkReview(docId: "doc-001", chunkIndex: $0.index, chunkCount: 6, specialist: .tone, specialists: $0.specialists, source: "a.txt", suggestions: [])
        }
        let reviewJSON = WireCodec.json(ReviewBatch(docId: "doc-001", reviews: reviews))
        for key in ["docId", "chunkCount", "source", "specialist"] { #expect(occurrences(key, reviewJSON) == 1, "\(key)") }
        #expect(occurrences("specialists", reviewJSON) == 4)
        #expect(try WireCodec.read(ReviewBatch.self, json: reviewJSON).reviews == reviews)
    }

    @Test func aChunksOwnValueWinsOverItsBatchsAndOneInNeitherIsMissing() throws {
        let chunk = #"{"headingPath":[],"ignored":[],"index":0,"kind":"paragraph","segments":[],"suppressions":[],"text":"One."#
        let json = #"{"chunks":["# + chunk + #"","source":"own.md"},"# + chunk + #""}],"count":2,"docId":"d","format":"markdown","source":"batch.md","specialists":["tone"]}"#
        let read = try WireCodec.read(ChunkBatch.self, json: Array(json.utf8)).chunks
        #expect(read.map(\.source) == ["own.md", "batch.md"])
        #expect(read.allSatisfy { $0.docId == "d" && $0.count == 2 && $0.format == .markdown && $0.specialists == [.tone] && $0.config == nil })
        let noSource = json.replacingOccurrences(of: #""source":"batch.md","#, with: "")
        #expect(throws: ProtocolError.malformedBody("missing key 'chunks.[1].source'")) {
            try WireCodec.read(ChunkBatch.self, json: Array(noSource.utf8))
        }
        let review = #"{"chunkIndex":0,"suggestions":[]}"#
        let reviews = #"{"chunkCount":1,"docId":"d","reviews":["# + review + #"],"source":"a","specialists":["tone"]}"#
        #expect(throws: ProtocolError.malformedBody("missing key 'reviews.[0].specialist'")) {
            try WireCodec.read(ReviewBatch.self, json: Array(reviews.utf8))
        }
        // Foundation's reader, the oracle of ModelJSONTests, says the same.
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ChunkBatch.self, from: Data(noSource.utf8)) }
        #expect(try JSONDecoder().decode(ChunkBatch.self, from: Data(json.utf8)).chunks == read)
    }

    @Test func aReaderWithoutOutlinesSkipsThemAndStillChecksTheirSyntax() throws {
        var outline = Self.chunk(1, "")
        outline.kind = .outline
        outline.outline = Outline(headings: [OutlineHeading(level: 1, text: "Héading", position: SourcePosition(offset: 0, line: 1, column: 1),
                                                             endPosition: SourcePosition(offset: 9, line: 1, column: 10))])
        let batch = ChunkBatch(docId: "doc-001", chunks: [Self.chunk(0, "One."), outline])
        var skipping = WireCodec()
        skipping.readsOutlines = false
        let fields = WireCodec().encode(batch)
        var bare = batch.chunks
        bare[1].outline = nil
        #expect(try skipping.decodeChunks(from: fields) == bare)
        #expect(try WireCodec().decodeChunks(from: fields) == batch.chunks)
        // Skipped is not unchecked: a broken outline is refused all the same; any well-formed value reads as nil.
        func entry(_ outline: String) -> [(String, [UInt8])] {
            let json = Array(#"{"chunks":[{"count":1,"docId":"d","format":"text","headingPath":[],"ignored":[],"index":0,"kind":"outline","#.utf8)
                + Array(outline.utf8)
                + Array(#","segments":[],"source":"a","specialists":[],"suppressions":[],"text":""}],"docId":"d"}"#.utf8)
            return [(WireField.version, Array("2.0".utf8)), (WireField.kind, Array("chunks".utf8)), (WireField.docId, Array("d".utf8)),
                    (WireField.encoding, Array("json".utf8)), (WireField.body, json)]
        }
        #expect(try skipping.decodeChunks(from: entry(#""outline":{"any":["é\n",1.5,null,true,0,-12,3.5e2,01,[]]}"#)).map(\.outline) == [nil])
        for broken in [#""outline":{"headings":[{"text":"\#u{1}"}]}"#, #""outline":{"headings":[}"#, #""outline":"\x""#,
                       #""outline":[1e999]"#, #""outline":[-]"#, #""outline":[1-2]"#, #""outline":[12"#] {
            #expect(throws: ProtocolError.self) { try skipping.decodeChunks(from: entry(broken)) }
        }
        // And the reason names where, as when the outline is read.
        for reader in [skipping, WireCodec()] {
            #expect(throws: ProtocolError.malformedBody("chunks.[0].outline.headings.[1].text: a control character in a string")) {
                try reader.decodeChunks(from: entry(#""outline":{"headings":[{"endPosition":{"column":1,"line":1,"offset":0},"level":1,"position":{"column":1,"line":1,"offset":0},"text":"a"},{"text":"\#u{1}"}]}"#))
            }
        }
    }

    @Test func theEntryFieldSpecialistsAddressesEveryChunk() throws {
        let codec = WireCodec()
        let batch = ChunkBatch(docId: "doc-001", chunks: [Self.chunk(0, "One."), Self.chunk(1, "Two.")])
        let addressed = WireCodec.addressing(codec.encode(batch), to: [.grammar, .tone])
        #expect(addressed.filter { $0.0 == WireField.specialists }.count == 1)
        #expect(try codec.decodeChunks(from: addressed).map(\.specialists) == [[.grammar, .tone], [.grammar, .tone]])
        // Addressing again replaces the field rather than adding a second one.
        let again = WireCodec.addressing(addressed, to: [.clarity])
        #expect(try codec.decodeChunks(from: again).map(\.specialists) == [[.clarity], [.clarity]])
        for bad in ["grammar,grammar", "grammar,poetry", "", "grammar,"] {
            let fields = codec.encode(batch) + [(WireField.specialists, Array(bad.utf8))]
            #expect(throws: ProtocolError.self) { try codec.decodeChunks(from: fields) }
        }
    }

    @Test func aBatchIsValidatedChunkByChunk() {
        let codec = WireCodec()
        let cases: [(ChunkBatch, String)] = [
            (ChunkBatch(docId: "doc-001", chunks: []), "chunks"),
            (ChunkBatch(docId: "doc-001", chunks: [Self.chunk(0, "a"), Self.chunk(1, "b", doc: "other")]), "chunks.docId"),
            (ChunkBatch(docId: "doc-001", chunks: [Self.chunk(0, "a"), Self.chunk(7, "b")]), "index"),
            (ChunkBatch(docId: "doc-001", chunks: [Self.chunk(0, "a", count: 200_000)]), "count"),
        ]
        for (batch, field) in cases {
            let error = #expect(throws: ProtocolError.self) { try codec.decodeChunks(from: codec.encode(batch)) }
            if case .invalidField(let name, _)? = error { #expect(name == field) } else { Issue.record("\(String(describing: error)) for \(field)") }
        }
        let mixed = ReviewBatch(docId: "doc-001", reviews: [
            ChunkReview(docId: "doc-001", chunkIndex: 0, chunkCount: 2, specialist: .tone, specialists: [.tone, .grammar], source: "a", suggestions: []),
            ChunkReview(docId: "doc-001", chunkIndex: 1, chunkCount: 2, specialist: .grammar, specialists: [.tone, .grammar], source: "a", suggestions: []),
        ])
        #expect(throws: ProtocolError.invalidField("reviews.specialist", "'grammar' in a batch of tone reviews")) {
            try codec.decodeReviews(from: codec.encode(mixed))
        }
    }

    @Test func aBatchKindIsRefusedWhereOneMessageIsExpected() {
        let codec = WireCodec()
        let fields = codec.encode(ChunkBatch(docId: "doc-001", chunks: [Self.chunk(0, "a")]))
        #expect(throws: ProtocolError.unknownKind("chunks")) { try codec.decode(Chunk.self, from: fields) }
        #expect(throws: ProtocolError.unknownKind("summary")) {
            try codec.decodeChunks(from: fields.map { $0.0 == WireField.kind ? ($0.0, Array("summary".utf8)) : $0 })
        }
    }
}
