import FuzzSupport
import MeshProtocol

/// Decodes `Chunk` and `ChunkReview` from stream-entry fields made from the input, through the plain JSON
/// path and the `json+deflate` one.
///
/// The first byte picks how the fields are made:
/// - bit 0: the message type (Chunk or ChunkReview; with bit 7, their 2.0 batches ChunkBatch or ReviewBatch);
/// - bits 1-2: the fields: well-formed (v, kind, doc, enc, body from the input), a free-form list
///   (`name\0value\0...`), well-formed with one field dropped, or well-formed with fuzzed v/kind/enc texts;
/// - bit 3: when well-formed, deflate the body ourselves (so the JSON behind `json+deflate` is fuzzed) or
///   pass the input bytes as the compressed body (so the inflater is).
///
/// Invariants: decode throws a `ProtocolError` or returns a message that a reader skipping outlines reads the same
/// but for them, and that encodes and decodes back to itself (compressed and not) and encodes to the bytes Foundation's encoder gives; a decoded chunk's source map answers every offset, and a decoded review's
/// counts add up, without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWire(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    var input = FuzzInput(data, count)
    let mode = input.byte()
    if mode & 0x80 != 0 {
        if mode & 1 == 0 {
            run(ChunkBatch.self, mode: mode, input: &input) { batch in batch.chunks.forEach(checkSourceMap) }
        } else {
            run(ReviewBatch.self, mode: mode, input: &input) { batch in
                _ = batch.reviews.compactMap(\.counts).reduce(TextCounts(), +)
            }
        }
    } else if mode & 1 == 0 {
        run(Chunk.self, mode: mode, input: &input) { chunk in checkSourceMap(chunk) }
    } else {
        // The aggregator adds up every review's counts.
        run(ChunkReview.self, mode: mode, input: &input) { review in
            if let counts = review.counts { _ = counts + counts + counts }
        }
    }
    return 0
}

let codec = WireCodec(compressionThreshold: 4096, inflateLimit: 1 << 20)
/// What grammar, clarity and tone read with: outlines skipped (`readsOutlines`).
let skipping = {
    var codec = codec
    codec.readsOutlines = false
    return codec
}()

func run<M: WireMessage & Equatable>(_ type: M.Type, mode: UInt8, input: inout FuzzInput, extra: (M) -> Void) {
    let fields = makeFields(M.kind, mode: mode, input: &input)
    // Skipping must never trap either; it may accept what a full read refuses only for the outline's sake.
    let skipped = try? skipping.decode(M.self, from: fields)
    let message: M
    do {
        message = try codec.decode(M.self, from: fields)
    } catch {
        check(!error.description.isEmpty, "an error without a description")
        return
    }
    check(skipped == withoutOutlines(message), "\(M.kind): a reader skipping outlines read something else")
    extra(message)
    // The hand-written writer gives Foundation's bytes for whatever the hand-written reader accepted.
    check(WireCodec.json(message) == WireCodec.foundationJSON(message), "\(M.kind): hand-written JSON differs from Foundation's")
    // What decodes must encode and decode back to itself, with and without compression.
    for threshold in [0, Int.max] {
        let writer = WireCodec(compressionThreshold: threshold, inflateLimit: Int.max)
        let encoded = writer.encode(message)
        do {
            let again = try writer.decode(M.self, from: encoded)
            check(again == message, "\(M.kind) changed in a round trip (threshold \(threshold))")
            check(WireCodec.json(again) == WireCodec.json(message), "\(M.kind) JSON not canonical")
        } catch {
            fail("re-decoding an encoded \(M.kind) threw \(error)")
        }
    }
}

func makeFields(_ kind: String, mode: UInt8, input: inout FuzzInput) -> [(String, [UInt8])] {
    switch (mode >> 1) & 3 {
    case 1:
        // Free-form: name\0value\0name\0value...
        var fields: [(String, [UInt8])] = []
        while !input.bytes.isEmpty, fields.count < 16 {
            let name = String(decoding: input.field(), as: UTF8.self)
            fields.append((name, input.field()))
        }
        return fields
    default:
        let variant = (mode >> 1) & 3
        var version = Array("1.2".utf8), kindText = Array(kind.utf8)
        var encoding = Array((mode & 8 == 0 ? "json" : "json+deflate").utf8)
        if variant == 3 {
            version = input.field()
            kindText = input.field()
            encoding = input.field()
        }
        let body = input.rest()
        var fields: [(String, [UInt8])] = [
            (WireField.version, version),
            (WireField.kind, kindText),
            (WireField.docId, Array("fuzz".utf8)),
            (WireField.encoding, encoding),
            (WireField.body, mode & 8 != 0 && mode & 16 == 0 ? Compression.deflate(body) : body),
        ]
        if variant == 2 { fields.remove(at: Int(mode >> 5) % fields.count) }
        return fields
    }
}

/// `message` as a reader that skips outlines sees it.
func withoutOutlines<M>(_ message: M) -> M {
    func bare(_ chunk: Chunk) -> Chunk {
        var chunk = chunk
        chunk.outline = nil
        return chunk
    }
    if let chunk = message as? Chunk, let stripped = bare(chunk) as? M { return stripped }
    if let batch = message as? ChunkBatch, let stripped = ChunkBatch(docId: batch.docId, chunks: batch.chunks.map(bare)) as? M { return stripped }
    return message
}

/// What a specialist does with a chunk off the wire: positions of every offset, ranges of its ignored spans.
func checkSourceMap(_ chunk: Chunk) {
    let map = SourceMap(text: chunk.text, segments: chunk.segments)
    let count = chunk.text.unicodeScalars.count
    for offset in [-1, 0, 1, count / 2, count - 1, count, count + 1] {
        _ = map.position(at: offset)
        _ = map.position(at: offset, endOfSpan: true)
    }
    for span in chunk.ignored.prefix(64) { _ = map.range(of: span) }
}
