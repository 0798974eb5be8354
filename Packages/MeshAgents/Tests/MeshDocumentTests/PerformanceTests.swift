import MeshDocument
import MeshProtocol
import Testing

/// Large inputs chunk completely and correctly. How fast is a benchmark's business (no timed assertions here:
/// on a shared two-core machine they only flake); a quadratic scan would still show as a test that takes minutes.
///
/// Not covered, and not ours: Debian's cmark-gfm 0.29.0.gfm.6 is itself quadratic on one huge paragraph
/// that mixes emphasis and links (20,000 of each on one line: 8 s in cmark alone, measured with its C API).
@Suite struct PerformanceTests {
    @Test func twentyMegabytesChunkCompletely() throws {
        let unit = Array(SampleProse.paragraphs(2_000, seed: 5).utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20_000_000 + unit.count)
        while bytes.count < 20_000_000 { bytes += unit }
        let chunks = try DocumentChunker().chunks(docId: "big", source: "big.md", bytes: bytes, format: .markdown)
        #expect(chunks.count > 90_000)
        #expect(chunks.last?.count == chunks.count)
    }

    @Test func oneMegabyteLineChunksWithExactPositions() throws {
        let line = String(repeating: "word *emphasis* `code` &amp; ", count: 36_000)
        let bytes = Array(("Start " + line + "end.\n").utf8)
        let chunks = try DocumentChunker().chunks(docId: "long", source: "long.md", bytes: bytes, format: .markdown)
        #expect(chunks.count == 2)
        #expect(chunks[0].segments.count > 100_000)
        #expect(chunks[0].segments.last?.position.column == chunks[0].segments.last.map { $0.position.offset + 1 })
    }

    @Test func plainTextTwentyMegabytes() throws {
        let unit = Array(SampleProse.paragraphs(500, seed: 9).utf8)
        var bytes: [UInt8] = []
        while bytes.count < 20_000_000 { bytes += unit }
        let chunks = try DocumentChunker().chunks(docId: "big", source: "big.txt", bytes: bytes, format: .text)
        #expect(chunks.count > 10_000)
        #expect(chunks.last?.kind == .outline)
    }
}
