import Foundation
import MeshProtocol
import Testing

/// The encoded entries in `Golden/` are the wire contract as it shipped. Each test decodes the checked-in
/// entry (a change that breaks old readers fails here) and encodes today's value to the same bytes (a change
/// that alters what we write fails here). `UPDATE_GOLDEN=1 swift test` rewrites the files of the current
/// version after a deliberate, documented change; the compatibility files (`compat-*`) are written by hand
/// and never regenerated.
@Suite("Golden entries")
struct GoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var about: String
        var fields: @Sendable (WireCodec) -> [(String, [UInt8])]
        var decodesToFixture: @Sendable (WireCodec, [(String, [UInt8])]) throws -> Bool
        var testDescription: String { file }

        static func of<M: WireMessage & Equatable>(_ file: String, _ about: String, _ value: M) -> Case {
            Case(
                file: file, about: about, fields: { $0.encode(value) },
                decodesToFixture: { codec, fields in try codec.decode(M.self, from: fields) == value })
        }
    }

    static let cases: [Case] = [
        .of("chunk-paragraph.json", "A paragraph chunk as the coordinator writes it to doc.review.<type>.", Fixtures.paragraph),
        .of("chunk-outline.json", "The outline chunk, last of every document.", Fixtures.outline),
        .of("review.json", "A ChunkReview on doc.suggestions.<type>, with suggestions, counts and tone.", Fixtures.review),
        .of("review-empty.json", "A ChunkReview with no findings: specialists answer every chunk.", Fixtures.emptyReview),
        .of("report-ready.json", "ReportReady on doc.reports.", Fixtures.reportReady),
        .of("chunk-deflate.json", "A chunk above the 4096-byte threshold: body is zlib-deflated JSON (base64 here).", Fixtures.bigChunk),
        .of("chunk-batch.json", "Since 2.0: consecutive chunks of one document in one entry (kind chunks), as the producer packs them up to its byte budget. Since 3.0 the fields every chunk shares are written once, beside docId; here the paragraph keeps its own config, which the outline chunk lacks.",
            ChunkBatch(docId: "doc-001", chunks: [Fixtures.paragraph, Fixtures.outline])),
        .of("review-batch.json", "Since 2.0: one specialist's reviews of every chunk of a batch, in one entry (kind reviews). Since 3.0 the fields every review shares are written once, beside docId.",
            ReviewBatch(docId: "doc-001", reviews: [Fixtures.review, Fixtures.emptyReviewByTone])),
    ]

    @Test("decodes to the fixture", arguments: cases)
    func decodes(_ golden: Case) throws {
        let entry = try Golden.load(golden.file)
        #expect(try golden.decodesToFixture(WireCodec(), entry.wireFields))
    }

    @Test("encoding today's value reproduces the golden entry", arguments: cases)
    func encodes(_ golden: Case) throws {
        let fields = golden.fields(WireCodec())
        let current = Golden.Entry(about: golden.about, fields: fields)
        if Golden.updating {
            try Golden.write(current, to: golden.file)
            return
        }
        let stored = try Golden.load(golden.file)
        #expect(stored.fields.map(\.name) == fields.map(\.0))
        for (field, (name, value)) in zip(stored.wireFields, fields) where name != WireField.body {
            #expect(field.1 == value, "field \(name)")
        }
        let storedBody = try #require(stored.wireFields.first { $0.0 == WireField.body }?.1)
        let body = try #require(fields.first { $0.0 == WireField.body }?.1)
        if String(decoding: try #require(fields.first { $0.0 == WireField.encoding }?.1), as: UTF8.self) == "json+deflate" {
            // The JSON inside must match byte for byte. The deflated bytes are zlib's choice and could differ
            // with another zlib build, equally valid for every reader; with the same zlib they are identical.
            #expect(try Compression.inflate(storedBody, limit: 1 << 20) == Compression.inflate(body, limit: 1 << 20))
        } else {
            #expect(String(decoding: storedBody, as: UTF8.self) == String(decoding: body, as: UTF8.self))
        }
    }

    @Test func theDeflatedGoldenReallyIsDeflated() throws {
        let entry = try Golden.load("chunk-deflate.json")
        let fields = Dictionary(entry.wireFields, uniquingKeysWith: { a, _ in a })
        #expect(fields["enc"] == Array("json+deflate".utf8))
        let body = try #require(fields["body"])
        #expect(body.count < 4096)
        #expect(try Compression.inflate(body, limit: 1 << 20).count > 4096)
    }

    // MARK: Compatibility with other versions

    @Test func aVersion1_0OutlineWithoutListsStillDecodes() throws {
        let entry = try Golden.load("compat-chunk-outline-v1.0.json")
        #expect(entry.wireFields.first { $0.0 == WireField.version }?.1 == Array("1.0".utf8))
        let chunk = try WireCodec().decode(Chunk.self, from: entry.wireFields)
        #expect(chunk.kind == .outline)
        #expect(chunk.outline?.headings.count == 2)
        #expect(chunk.outline?.lists == nil)
    }

    @Test func newerMinorChunkWithUnknownFieldsDecodes() throws {
        let entry = try Golden.load("compat-chunk-v1.7.json")
        let chunk = try WireCodec().decode(Chunk.self, from: entry.wireFields)
        #expect(chunk.docId == "doc-017")
        #expect(chunk.index == 2)
        #expect(chunk.text == "Reviewers read every chunk.")
        #expect(chunk.segments == [TextSegment(textOffset: 0, position: SourcePosition(offset: 40, line: 5, column: 1))])
        #expect(chunk.headingPath == ["Intro"])
        #expect(chunk.specialists == [.grammar, .tone])
        #expect(chunk.suppressions == [Suppression(rule: "grammar.passive", fromLine: 5, toLine: 6)])
    }

    @Test func newerMinorReviewWithUnknownFieldsDecodes() throws {
        let entry = try Golden.load("compat-review-v1.7.json")
        let review = try WireCodec().decode(ChunkReview.self, from: entry.wireFields)
        #expect(review.specialist == .grammar)
        #expect(review.suggestions.count == 1)
        #expect(review.suggestions.first?.rule == "grammar.repeated-word")
        #expect(review.suggestions.first?.replacements == ["the"])
        #expect(review.counts == nil)
        #expect(review.tone == nil)
    }

    @Test func nextMajorIsRejected() throws {
        let entry = try Golden.load("compat-chunk-v4.0.json")
        #expect(throws: ProtocolError.unsupportedVersion("4.0")) {
            try WireCodec().decode(Chunk.self, from: entry.wireFields)
        }
        #expect(throws: ProtocolError.unsupportedVersion("4.0")) {
            try WireCodec().decodeChunks(from: entry.wireFields)
        }
        let reason = ProtocolError.unsupportedVersion("4.0").description
        #expect(reason == "unsupported protocol version '4.0' (this reader speaks 1.x, 2.x, 3.x)")
    }

    /// What 2.x producers and specialists left on the streams drains after an upgrade to 3.0.
    @Test func version2_1BatchesStillDecode() throws {
        let chunkEntry = try Golden.load("compat-chunk-batch-v2.1.json")
        #expect(chunkEntry.wireFields.first { $0.0 == WireField.version }?.1 == Array("2.1".utf8))
        #expect(try WireCodec().decodeChunks(from: chunkEntry.wireFields) == [Fixtures.paragraph, Fixtures.outline])
        let reviewEntry = try Golden.load("compat-review-batch-v2.1.json")
        #expect(try WireCodec().decodeReviews(from: reviewEntry.wireFields) == [Fixtures.review, Fixtures.emptyReviewByTone])
        // The 3.0 bodies are shorter by the fields they write once.
        let chunks2 = try #require(chunkEntry.wireFields.first { $0.0 == WireField.body }?.1)
        let chunks3 = try #require(try Golden.load("chunk-batch.json").wireFields.first { $0.0 == WireField.body }?.1)
        #expect(chunks3.count < chunks2.count)
    }

    @Test func version1_2EntriesStillDecodeAsBatchesOfOne() throws {
        let chunkEntry = try Golden.load("compat-chunk-paragraph-v1.2.json")
        #expect(chunkEntry.wireFields.first { $0.0 == WireField.version }?.1 == Array("1.2".utf8))
        #expect(try WireCodec().decode(Chunk.self, from: chunkEntry.wireFields) == Fixtures.paragraphBefore2_1)
        #expect(try WireCodec().decodeChunks(from: chunkEntry.wireFields) == [Fixtures.paragraphBefore2_1])
        let reviewEntry = try Golden.load("compat-review-v1.2.json")
        #expect(try WireCodec().decodeReviews(from: reviewEntry.wireFields) == [Fixtures.review])
    }

    @Test func aVersion2_0ChunkWithoutNonProseStillDecodes() throws {
        let entry = try Golden.load("compat-chunk-paragraph-v2.0.json")
        #expect(entry.wireFields.first { $0.0 == WireField.version }?.1 == Array("2.0".utf8))
        let chunk = try WireCodec().decode(Chunk.self, from: entry.wireFields)
        #expect(chunk.nonProse == nil)
        #expect(chunk == Fixtures.paragraphBefore2_1)
        #expect(try WireCodec().decodeChunks(from: entry.wireFields) == [Fixtures.paragraphBefore2_1])
    }

    @Test func batchesDecodeToTheirChunksAndReviews() throws {
        let chunks = try WireCodec().decodeChunks(from: try Golden.load("chunk-batch.json").wireFields)
        #expect(chunks == [Fixtures.paragraph, Fixtures.outline])
        let reviews = try WireCodec().decodeReviews(from: try Golden.load("review-batch.json").wireFields)
        #expect(reviews.map(\.chunkIndex) == [3, 4])
        #expect(reviews.allSatisfy { $0.specialist == .tone })
    }
}
