import MeshDocument
import MeshProtocol
import Testing

/// `chunksAndEvidence`: the code blocks and links a document shows beside its chunks (for term detection).
@Suite struct EvidenceTests {
    private func evidence(_ text: String, format: DocumentFormat = .markdown) throws -> DocumentEvidence {
        try DocumentChunker().chunksAndEvidence(docId: "d", source: "d.md", bytes: Array(text.utf8), format: format).evidence
    }

    @Test func fencedAndIndentedCodeBlocksAreKeptWhileTheChunksStayProse() throws {
        let md = "# Build\n\nRun it.\n\n```sh\ncargo install flamegraph\n```\n\n    bindgen wrapper.h\n\n> ```\n> quoted_code()\n> ```\n"
        let (chunks, evidence) = try DocumentChunker().chunksAndEvidence(docId: "d", source: "d.md", bytes: Array(md.utf8), format: .markdown)
        #expect(chunks.map(\.text) == ["Build", "Run it.", ""])
        #expect(evidence.codeBlocks == ["cargo install flamegraph\n", "bindgen wrapper.h\n", "quoted_code()\n"])
        #expect(evidence.links.isEmpty)
    }

    @Test func linksGiveTheirLabelAndDestinationWhereverTheyAre() throws {
        let md = """
            # The [heapless](https://docs.rs/heapless) crate

            See [`mimalloc` *docs*](https://github.com/microsoft/mimalloc "title") and [jemalloc][je].

            - an item with [a label](./guide.md#install)

            [je]: https://github.com/jemalloc/jemalloc

            """
        #expect(try evidence(md).links == [
            .init(label: "heapless", destination: "https://docs.rs/heapless"),
            .init(label: "mimalloc docs", destination: "https://github.com/microsoft/mimalloc"),
            .init(label: "jemalloc", destination: "https://github.com/jemalloc/jemalloc"),
            .init(label: "a label", destination: "./guide.md#install"),
        ])
    }

    @Test func autolinksAndImagesAreNotLinkEvidence() throws {
        let md = "Go to <https://example.com/x> or https://example.org/y, see ![alt](pic.png).\n"
        let found = try evidence(md)
        #expect(found.links.isEmpty)
        #expect(found.codeBlocks.isEmpty)
    }

    @Test func plainTextHasNoEvidence() throws {
        let text = "See [x](https://example.com).\n\n    indented line\n"
        #expect(try evidence(text, format: .text) == DocumentEvidence())
    }

    @Test func chunksAreTheSameWithOrWithoutEvidence() throws {
        let md = "Text with [a link](https://example.com).\n\n```\ncode\n```\n"
        let bytes = Array(md.utf8)
        let plain = try DocumentChunker().chunks(docId: "d", source: "d.md", bytes: bytes, format: .markdown)
        let both = try DocumentChunker().chunksAndEvidence(docId: "d", source: "d.md", bytes: bytes, format: .markdown)
        #expect(plain == both.chunks)
        #expect(both.evidence.links == [.init(label: "a link", destination: "https://example.com")])
        #expect(both.evidence.codeBlocks == ["code\n"])
    }
}
