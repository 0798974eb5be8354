import Foundation
import MeshProtocol
import Testing

/// Every count, index and size a message carries is checked when it is decoded: a message out of bounds is
/// refused with an error naming the field, before any service does arithmetic with it.
@Suite("Wire limits")
struct ValidationTests {
    let codec = WireCodec()

    func decodeChunk(_ edit: (inout Chunk) -> Void) throws(ProtocolError) -> Chunk {
        var chunk = Fixtures.paragraph
        edit(&chunk)
        return try codec.decode(Chunk.self, from: codec.encode(chunk))
    }

    @Test("spans are bounded by the text's scalars, however its bytes fall into words", arguments: 0..<40)
    func spanBoundIsTheScalarCount(length: Int) throws {
        // One to four UTF-8 bytes a scalar, at every alignment: the count reads the bytes eight at a time.
        let alphabet: [Unicode.Scalar] = ["a", "é", "—", "😀", "\u{7F}", "\u{80}", "\u{7FF}", "\u{FFFF}"]
        var scalars = String.UnicodeScalarView()
        for i in 0..<length { scalars.append(alphabet[(i * 5 + length) % alphabet.count]) }
        let text = String(scalars)
        let fits = try decodeChunk { $0.text = text; $0.segments = [$0.segments[0]]; $0.ignored = [TextSpan(start: 0, end: length)]; $0.nonProse = SpanPairs([]) }
        #expect(fits.ignored == [TextSpan(start: 0, end: length)])
        #expect(refusal { _ = try decodeChunk { $0.text = text; $0.segments = [$0.segments[0]]; $0.ignored = [TextSpan(start: 0, end: length + 1)] } }
            == "invalid field 'ignored': span 0..<\(length + 1) is outside the text's \(length) characters")
    }

    func decodeReview(_ edit: (inout ChunkReview) -> Void) throws(ProtocolError) -> ChunkReview {
        var review = Fixtures.review
        edit(&review)
        return try codec.decode(ChunkReview.self, from: codec.encode(review))
    }

    func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as ProtocolError {
            return error.description
        } catch {
            return "not a ProtocolError: \(error)"
        }
    }

    @Test func theFixturesPass() throws {
        #expect(try decodeChunk { _ in } == Fixtures.paragraph)
        #expect(try codec.decode(Chunk.self, from: codec.encode(Fixtures.outline)) == Fixtures.outline)
        #expect(try decodeReview { _ in } == Fixtures.review)
    }

    /// The entry that crash-looped the aggregator: `chunkCount * specialists.count` overflowed.
    @Test func aHugeCountIsRefusedNamingTheField() {
        let huge = 4_611_686_018_427_387_904
        #expect(refusal { _ = try decodeChunk { $0.count = huge } } == "invalid field 'count': \(huge) is outside 1...100000 chunks")
        #expect(refusal { _ = try decodeReview { $0.chunkCount = huge } }
            == "invalid field 'chunkCount': \(huge) is outside 1...100000 chunks")
    }

    @Test(arguments: [-1, 6, Int.max])
    func anIndexOutsideTheCountIsRefused(index: Int) {
        #expect(refusal { _ = try decodeChunk { $0.index = index } } == "invalid field 'index': \(index) is outside 0..<6")
        #expect(refusal { _ = try decodeReview { $0.chunkIndex = index } } == "invalid field 'chunkIndex': \(index) is outside 0..<6")
    }

    @Test func countsZeroAndNegativeAreRefused() {
        #expect(refusal { _ = try decodeChunk { $0.count = 0; $0.index = 0 } }?.contains("'count'") == true)
        #expect(refusal { _ = try decodeChunk { $0.count = -3 } }?.contains("'count'") == true)
    }

    @Test func aSpecialistListedTwiceIsRefused() {
        #expect(refusal { _ = try decodeChunk { $0.specialists = [.grammar, .grammar] } } == "invalid field 'specialists': lists a specialist twice")
        #expect(refusal { _ = try decodeReview { $0.specialists = [.tone, .tone, .grammar] } } == "invalid field 'specialists': lists a specialist twice")
    }

    @Test func aReviewMustNameItsOwnSpecialist() {
        #expect(refusal { _ = try decodeReview { $0.specialists = [.grammar] } }
            == "invalid field 'specialists': does not name the reviewing specialist 'tone'")
    }

    @Test func docIdsAreBounded() {
        #expect(refusal { _ = try decodeChunk { $0.docId = "" } } == "invalid field 'docId': empty")
        #expect(refusal { _ = try decodeChunk { $0.docId = String(repeating: "d", count: 257) } }
            == "invalid field 'docId': 257 bytes, more than the limit of 256")
        #expect(refusal { _ = try decodeChunk { $0.docId = "a\nb" } } == "invalid field 'docId': contains a control character")
    }

    @Test func spansAndSegmentsMustFallInsideTheText() {
        #expect(refusal { _ = try decodeChunk { $0.ignored = [TextSpan(start: 3, end: 1_000)] } }
            == "invalid field 'ignored': span 3..<1000 is outside the text's 77 characters")
        #expect(refusal { _ = try decodeChunk { $0.ignored = [TextSpan(start: 5, end: 2)] } }?.contains("'ignored'") == true)
        #expect(refusal { _ = try decodeChunk { $0.nonProse = SpanPairs([TextSpan(start: 70, end: 78)]) } }
            == "invalid field 'nonProse': span 70..<78 is outside the text's 77 characters")
        #expect(refusal { _ = try decodeChunk { $0.nonProse = SpanPairs([TextSpan(start: -1, end: 2)]) } }?.contains("'nonProse'") == true)
        #expect(refusal { _ = try decodeChunk { $0.segments.swapAt(1, 2) } }?.contains("'segments'") == true)
        #expect(refusal { _ = try decodeChunk { $0.segments[0].position.line = 0 } }?.contains("'segments'") == true)
    }

    @Test func outlineIndexesAreChecked() {
        var chunk = Fixtures.outline
        chunk.outline!.blocks[1].heading = 7
        #expect(refusal { _ = try codec.decode(Chunk.self, from: codec.encode(chunk)) }
            == "invalid field 'outline.blocks.heading': 7 is outside 0..<2")
        chunk = Fixtures.outline
        chunk.outline!.headings[0].level = 9
        #expect(refusal { _ = try codec.decode(Chunk.self, from: codec.encode(chunk)) }?.contains("'outline.headings'") == true)
    }

    @Test func reviewNumbersAreBounded() {
        #expect(refusal { _ = try decodeReview { $0.counts?.words = Int.max / 2 } }?.contains("'counts.words'") == true)
        #expect(refusal { _ = try decodeReview { $0.counts?.syllables = -1 } }?.contains("'counts.syllables'") == true)
        #expect(refusal { _ = try decodeReview { $0.tone = 3 } } == "invalid field 'tone': 3.0 is outside -1...1")
        #expect(refusal {
            _ = try decodeReview { $0.suggestions[0].range = SourceRange(start: Fixtures.at(10, 2, 1), end: Fixtures.at(4, 1, 5)) }
        } == "invalid field 'suggestions.range': ends before it starts")
        #expect(refusal { _ = try decodeReview { $0.suggestions[0].specialist = .grammar } }?.contains("'suggestions.specialist'") == true)
    }

    @Test func aBodyOverTheLimitIsRefusedBeforeDecoding() {
        let small = WireCodec(limits: WireLimits(maxBodyBytes: 64))
        #expect(refusal { _ = try small.decode(Chunk.self, from: codec.encode(Fixtures.paragraph)) }
            == "payload inflates past the limit of 64 bytes")
    }

    @Test func anUnreviewedChunkRoundTrips() throws {
        let gap = try decodeReview {
            $0.suggestions = []
            $0.unreviewed = "chunk has 70,000 characters, more than the limit of 65,536"
            $0.range = SourceRange(start: Fixtures.at(120, 7, 1), end: Fixtures.at(300, 9, 20))
        }
        #expect(gap.unreviewed == "chunk has 70,000 characters, more than the limit of 65,536")
        #expect(gap.range?.end.line == 9)
    }
}
