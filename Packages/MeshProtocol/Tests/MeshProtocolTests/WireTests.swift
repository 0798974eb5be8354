import Foundation
import MeshProtocol
import Testing

private typealias Fields = [(String, [UInt8])]

private func replacing(_ name: String, with value: String, in fields: Fields) -> Fields {
    fields.map { $0.0 == name ? (name, Array(value.utf8)) : $0 }
}

private func removing(_ name: String, from fields: Fields) -> Fields {
    fields.filter { $0.0 != name }
}

@Suite("Wire codec")
struct WireTests {
    let codec = WireCodec()

    // MARK: Round trips

    @Test func everyMessageKindRoundTrips() throws {
        #expect(try codec.decode(Chunk.self, from: codec.encode(Fixtures.paragraph)) == Fixtures.paragraph)
        #expect(try codec.decode(Chunk.self, from: codec.encode(Fixtures.outline)) == Fixtures.outline)
        #expect(try codec.decode(Chunk.self, from: codec.encode(Fixtures.bigChunk)) == Fixtures.bigChunk)
        #expect(try codec.decode(ChunkReview.self, from: codec.encode(Fixtures.review)) == Fixtures.review)
        #expect(try codec.decode(ChunkReview.self, from: codec.encode(Fixtures.emptyReview)) == Fixtures.emptyReview)
        #expect(try codec.decode(ReportReady.self, from: codec.encode(Fixtures.reportReady)) == Fixtures.reportReady)
    }

    @Test func entryFieldsAreVersionKindDocEncodingBody() {
        let fields = codec.encode(Fixtures.reportReady)
        #expect(fields.map(\.0) == ["v", "kind", "doc", "enc", "body"])
        #expect(fields.map { String(decoding: $0.1, as: UTF8.self) }.prefix(4) == ["3.0", "report-ready", "doc-001", "json"])
    }

    @Test func kindsOnTheWire() {
        #expect(Chunk.kind == "chunk")
        #expect(ChunkReview.kind == "review")
        #expect(ReportReady.kind == "report-ready")
    }

    @Test func jsonIsCanonical() {
        let json = String(decoding: WireCodec.json(Fixtures.reportReady), as: UTF8.self)
        #expect(json == #"{"docId":"doc-001","key":"doc:report:doc-001","total":17}"#)
        // Optional fields that are nil are left out rather than written as null.
        let review = String(decoding: WireCodec.json(Fixtures.emptyReview), as: UTF8.self)
        #expect(!review.contains(#""counts":"#) && !review.contains(#""tone":"#) && !review.contains("null"))
    }

    /// `ReportReady` JSON of exactly `size` bytes, to probe the compression threshold.
    static func reportReady(jsonSize size: Int) -> ReportReady {
        let empty = WireCodec.json(ReportReady(docId: "d", key: "", total: 0)).count
        return ReportReady(docId: "d", key: String(repeating: "k", count: size - empty), total: 0)
    }

    @Test("bodies above the threshold are deflated, at or below it are not", arguments: [
        (4095, "json"), (4096, "json"), (4097, "json+deflate"),
    ])
    func compressionThreshold(size: Int, encoding: String) throws {
        let message = Self.reportReady(jsonSize: size)
        #expect(WireCodec.json(message).count == size)
        let fields = codec.encode(message)
        #expect(fields.first { $0.0 == "enc" }?.1 == Array(encoding.utf8))
        #expect(try codec.decode(ReportReady.self, from: fields) == message)
    }

    @Test func thresholdIsConfigurable() throws {
        let small = WireCodec(compressionThreshold: 10)
        let fields = small.encode(Fixtures.reportReady)
        #expect(fields.first { $0.0 == "enc" }?.1 == Array("json+deflate".utf8))
        // Readers go by `enc`, not by size: a default reader reads it.
        #expect(try codec.decode(ReportReady.self, from: fields) == Fixtures.reportReady)
    }

    @Test func aTwentyMegabyteChunkRoundTripsDeflated() throws {
        let line = "Every chunk is reviewed by every specialist, and nothing is acknowledged before it is written.\n"
        let text = String(repeating: line, count: 20 * 1024 * 1024 / line.utf8.count)
        let chunk = Chunk(
            docId: "doc-20mb", index: 0, count: 1, source: "big.md", format: .text, kind: .paragraph, text: text,
            segments: [TextSegment(textOffset: 0, position: SourcePosition(offset: 0, line: 1, column: 1))])
        let fields = codec.encode(chunk)
        let body = try #require(fields.first { $0.0 == "body" }?.1)
        #expect(body.count < text.utf8.count / 50)
        #expect(try codec.decode(Chunk.self, from: fields) == chunk)
    }

    // MARK: Versions

    @Test("any 1.x, 2.x or 3.x is read", arguments: ["1.0", "1.1", "1.7", "1.99", "2.0", "2.1", "3.0", "3.7"])
    func sameMajorIsAccepted(version: String) throws {
        let fields = replacing("v", with: version, in: codec.encode(Fixtures.paragraph))
        #expect(try codec.decode(Chunk.self, from: fields) == Fixtures.paragraph)
    }

    @Test("another major is refused", arguments: ["0.9", "4.0", "4.1", "10.0"])
    func otherMajorIsRejected(version: String) {
        let fields = replacing("v", with: version, in: codec.encode(Fixtures.paragraph))
        #expect(throws: ProtocolError.unsupportedVersion(version)) { try codec.decode(Chunk.self, from: fields) }
    }

    @Test("a version that is not major.minor is invalid", arguments: ["", "1", "1.", ".1", "1.x", "1.2.3", "v1.0", "-1.0", " 1.0"])
    func malformedVersion(version: String) {
        let fields = replacing("v", with: version, in: codec.encode(Fixtures.reportReady))
        #expect(throws: ProtocolError.invalidField("v", "'\(version)' is not major.minor")) {
            try codec.decode(ReportReady.self, from: fields)
        }
    }

    @Test func versionParsingAndPrinting() throws {
        #expect(try ProtocolVersion(parsing: "1.7") == ProtocolVersion(major: 1, minor: 7))
        #expect(ProtocolVersion(major: 3, minor: 12).description == "3.12")
        #expect(ProtocolVersion.current.description == "3.0")
    }

    @Test func unknownEntryFieldsAreIgnored() throws {
        let fields = codec.encode(Fixtures.emptyReview) + [("trace-id", Array("abc".utf8)), ("x", [0xFF, 0x00])]
        #expect(try codec.decode(ChunkReview.self, from: fields) == Fixtures.emptyReview)
    }

    /// `doc` is for operators reading XRANGE; readers take the document id from the body.
    @Test func docFieldIsInformational() throws {
        let fields = removing("doc", from: codec.encode(Fixtures.reportReady))
        #expect(try codec.decode(ReportReady.self, from: fields) == Fixtures.reportReady)
    }

    // MARK: Errors

    @Test("a missing field is named", arguments: ["v", "kind", "enc", "body"])
    func missingField(name: String) {
        let fields = removing(name, from: codec.encode(Fixtures.paragraph))
        #expect(throws: ProtocolError.missingField(name)) { try codec.decode(Chunk.self, from: fields) }
    }

    @Test func wrongKind() {
        #expect(throws: ProtocolError.unknownKind("chunk")) {
            try codec.decode(ChunkReview.self, from: codec.encode(Fixtures.paragraph))
        }
        let fields = replacing("kind", with: "summary", in: codec.encode(Fixtures.reportReady))
        #expect(throws: ProtocolError.unknownKind("summary")) { try codec.decode(ReportReady.self, from: fields) }
    }

    @Test("an unknown body encoding is refused", arguments: ["json+zstd", "gzip", "JSON", ""])
    func unknownEncoding(encoding: String) {
        let fields = replacing("enc", with: encoding, in: codec.encode(Fixtures.reportReady))
        #expect(throws: ProtocolError.unknownEncoding(encoding)) { try codec.decode(ReportReady.self, from: fields) }
    }

    /// Puts `body` into `message`'s entry, decodes it, and returns the `malformedBody` reason.
    private func malformedReason<M: WireMessage>(_ message: M, body: String) throws -> String {
        let fields = replacing("body", with: body, in: codec.encode(message))
        do {
            _ = try codec.decode(M.self, from: fields)
        } catch {
            guard case .malformedBody(let reason) = error else {
                Issue.record("expected malformedBody, got \(error)")
                return ""
            }
            #expect(error.description == "malformed body: \(reason)")
            return reason
        }
        Issue.record("decoded a malformed body")
        return ""
    }

    @Test func malformedBodyNamesTheMissingKey() throws {
        let reason = try malformedReason(Fixtures.reportReady, body: #"{"docId":"d","key":"k"}"#)
        #expect(reason == "missing key 'total'")
    }

    @Test func malformedBodyNamesTheNestedKeyPath() throws {
        var json = String(decoding: WireCodec.json(Fixtures.paragraph), as: UTF8.self)
        json = json.replacingOccurrences(of: #""textOffset":4"#, with: #""textOffset":"four""#)
        let reason = try malformedReason(Fixtures.paragraph, body: json)
        #expect(reason.hasPrefix("segments"))
        #expect(reason.contains("[1]"))
        #expect(reason.contains("textOffset"))
    }

    @Test func malformedBodyNamesAnUnknownEnumValue() throws {
        var json = String(decoding: WireCodec.json(Fixtures.review), as: UTF8.self)
        json = json.replacingOccurrences(of: #""severity":"warning""#, with: #""severity":"info""#)
        let fields = replacing("body", with: json, in: codec.encode(Fixtures.review))
        #expect {
            try codec.decode(ChunkReview.self, from: fields)
        } throws: { error in
            guard case ProtocolError.malformedBody(let reason) = error else { return false }
            return reason.contains("suggestions") && reason.contains("[1]") && reason.contains("severity")
        }
    }

    @Test("a body that is not JSON is malformed", arguments: ["", "{", "not json", "[1,2]", "null"])
    func notJSON(body: String) {
        let fields = replacing("body", with: body, in: codec.encode(Fixtures.reportReady))
        #expect {
            try codec.decode(ReportReady.self, from: fields)
        } throws: { error in
            if case ProtocolError.malformedBody = error { return true }
            return false
        }
    }

    @Test func corruptDeflatedBody() throws {
        var fields = codec.encode(Fixtures.bigChunk)
        let index = try #require(fields.firstIndex { $0.0 == "body" })
        fields[index].1[fields[index].1.count / 2] ^= 0xFF
        #expect {
            try codec.decode(Chunk.self, from: fields)
        } throws: { error in
            if case ProtocolError.corruptPayload = error { return true }
            return false
        }
    }

    @Test func inflateLimitApplies() {
        let fields = codec.encode(Fixtures.bigChunk)
        let strict = WireCodec(inflateLimit: 4096)
        #expect(throws: ProtocolError.payloadTooLarge(limit: 4096)) { try strict.decode(Chunk.self, from: fields) }
    }

    @Test("each error has a clear description", arguments: [
        (ProtocolError.missingField("body"), "missing field 'body'"),
        (.invalidField("v", "'x' is not major.minor"), "invalid field 'v': 'x' is not major.minor"),
        (.unsupportedVersion("4.0"), "unsupported protocol version '4.0' (this reader speaks 1.x, 2.x, 3.x)"),
        (.unknownKind("summary"), "unknown message kind 'summary'"),
        (.unknownEncoding("json+zstd"), "unknown body encoding 'json+zstd'"),
        (.corruptPayload("truncated stream"), "corrupt compressed payload: truncated stream"),
        (.payloadTooLarge(limit: 1024), "payload inflates past the limit of 1024 bytes"),
        (.malformedBody("missing key 'total'"), "malformed body: missing key 'total'"),
    ])
    func descriptions(error: ProtocolError, text: String) {
        #expect(error.description == text)
        #expect("\(error)" == text)
    }
}
