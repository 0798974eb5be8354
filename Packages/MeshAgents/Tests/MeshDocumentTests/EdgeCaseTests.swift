import MeshDocument
import MeshProtocol
import Testing

@Suite struct EncodingTests {
    @Test(arguments: [
        // (bytes, offset, line, column)
        ([0x61, 0x62, 0xFF, 0x63] as [UInt8], 2, 1, 3),
        (Array("ok\nline two\n".utf8) + [0xC3, 0x28], 12, 3, 1),
        (Array("é\n  é".utf8) + [0xE2, 0x82], 7, 2, 4),
        (Array("x\r\ny".utf8) + [0xED, 0xA0, 0x80], 4, 2, 2),  // an encoded surrogate
        ([0xF0, 0x82, 0x82, 0xAC] as [UInt8], 0, 1, 1),  // an overlong encoding
    ])
    func nonUTF8IsRefusedWithItsPlace(bytes: [UInt8], offset: Int, line: Int, column: Int) {
        for format in [DocumentFormat.markdown, .text] {
            #expect(throws: DocumentError.invalidUTF8(offset: offset, line: line, column: column, byte: bytes[offset])) {
                try DocumentChunker().chunks(docId: "d", source: "bad.md", bytes: bytes, format: format)
            }
        }
    }

    @Test func errorMessageNamesTheByte() {
        let error = DocumentError.invalidUTF8(offset: 12, line: 3, column: 1, byte: 0xC3)
        #expect(error.description == "not UTF-8: invalid byte 0xC3 at byte offset 12 (line 3, column 1)")
    }

    @Test func byteOrderMarkIsSkippedButCounted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("# Title\n\nBody *text* here.\n".utf8)
        let chunks = try DocumentChunker().chunks(docId: "d", source: "b.md", bytes: bytes, format: .markdown)
        #expect(chunks.map(\.text) == ["Title", "Body text here.", ""])
        #expect(chunks[0].segments[0].position == SourcePosition(offset: 5, line: 1, column: 3))
        #expect(chunks[1].segments[0].position == SourcePosition(offset: 12, line: 3, column: 1))
        expectRoundTrip(chunks, bytes: bytes)
        let text = try DocumentChunker().chunks(docId: "d", source: "b.txt", bytes: bytes, format: .text)
        #expect(text[0].text == "# Title")
        #expect(text[0].segments[0].position == SourcePosition(offset: 3, line: 1, column: 1))
    }
}

@Suite struct EmptyDocumentTests {
    @Test(arguments: [
        "", "\n\n   \n", "```\ncode only\n```\n", "    indented code\n", "<div>\nhtml\n</div>\n",
        "---\ntitle: x\n---\n", "***\n", "[ref]: https://example.com\n", "<!-- a comment -->\n",
    ])
    func noProseGivesOnlyTheOutline(source: String) throws {
        let chunks = try chunk(source)
        #expect(chunks.count == 1)
        #expect(chunks[0].kind == .outline)
        #expect(chunks[0].index == 0)
        #expect(chunks[0].count == 1)
        #expect(chunks[0].outline?.headings.isEmpty == true)
    }

    @Test func emptyPlainText() throws {
        let chunks = try chunk(" \n\t\n", format: .text, name: "a.txt")
        #expect(chunks.map(\.kind) == [.outline])
    }

    @Test func codeOnlyOutlineStillListsTheCode() throws {
        let outline = try #require(try chunk("```\na\nb\n```\n").last?.outline)
        #expect(outline.blocks.map(\.kind) == [.code])
        #expect(outline.blocks[0].lines == 4)
        #expect(outline.blocks[0].words == 0)
    }
}

@Suite struct PlainTextTests {
    let source = "First paragraph line one\n  second line with https://example.com/x.\n\n \t \nNext one, see /etc/hosts\r\nand café.\n\n\n"

    @Test func paragraphsSplitOnBlankLines() throws {
        let chunks = try chunk(source, format: .text, name: "notes.txt")
        #expect(chunks.map(\.kind) == [.paragraph, .paragraph, .outline])
        #expect(chunks[0].text == "First paragraph line one\nsecond line with https://example.com/x.")
        #expect(chunks[1].text == "Next one, see /etc/hosts\nand café.")
        #expect(chunks.allSatisfy { $0.format == .text && $0.headingPath.isEmpty && $0.count == 3 })
    }

    @Test func segmentsStartEveryLine() throws {
        let chunks = try chunk(source, format: .text, name: "notes.txt")
        #expect(chunks[0].segments.map(\.textOffset) == [0, 24, 25])
        #expect(chunks[0].segments.map(\.position) == [
            SourcePosition(offset: 0, line: 1, column: 1),
            SourcePosition(offset: 24, line: 1, column: 25),
            SourcePosition(offset: 27, line: 2, column: 3),
        ])
        #expect(chunks[1].segments.last?.position == SourcePosition(offset: 98, line: 6, column: 1))
        expectRoundTrip(chunks, bytes: Array(source.utf8))
    }

    @Test func urlsAndPathsAreIgnored() throws {
        let chunks = try chunk(source, format: .text, name: "notes.txt")
        #expect(chunks[0].ignored.map { substring(chunks[0].text, $0) } == ["https://example.com/x"])
        #expect(chunks[1].ignored.map { substring(chunks[1].text, $0) } == ["/etc/hosts"])
    }

    @Test func outlineCountsParagraphs() throws {
        let outline = try #require(try chunk(source, format: .text, name: "notes.txt").last?.outline)
        #expect(outline.headings.isEmpty)
        #expect(outline.blocks.map(\.lines) == [2, 2])
        #expect(outline.blocks.map(\.words) == [7, 5])
        #expect(outline.blocks.map(\.sentences) == [1, 1])
    }

    @Test func markdownSyntaxIsJustTextInPlainText() throws {
        let chunks = try chunk("# Not a heading\n**not bold**\n", format: .text, name: "a.txt")
        #expect(chunks[0].text == "# Not a heading\n**not bold**")
        #expect(chunks[0].kind == .paragraph)
    }
}

@Suite struct FormatDetectionTests {
    @Test(arguments: [
        ("guide.md", DocumentFormat.markdown), ("docs/Guide.MD", .markdown), ("a.markdown", .markdown), ("page.mdx", .markdown),
        ("notes.txt", .text), ("README", .text), ("-", .text), ("dir.md/file", .text), (".md", .text),
    ])
    func detect(path: String, format: DocumentFormat) {
        #expect(DocumentFormat.detect(path: path) == format)
    }
}

@Suite struct ProseSpanTests {
    @Test(arguments: [
        ("Edit src/main.rs and run it.", ["src/main.rs"]),
        ("Check /etc/hosts, ~/.config and ./build.sh.", ["/etc/hosts", "~/.config", "./build.sh"]),
        ("Open Package.swift or README.md now.", ["Package.swift", "README.md"]),
        ("Use and/or, TCP/IP and 1/2 freely.", []),
        ("Go to (https://example.com/a?b=c) or ftp://host/x.", ["https://example.com/a?b=c", "ftp://host/x"]),
        ("Write to C:\\Users\\me today.", ["C:\\Users\\me"]),
        ("e.g. this is fine. i.e. so is this.", []),
    ])
    func urlsAndPathsInProse(text: String, expected: [String]) throws {
        let chunks = try chunk(text, format: .text, name: "a.txt")
        #expect(chunks[0].ignored.map { substring(chunks[0].text, $0) } == expected)
    }
}

/// cmark-gfm adds an extension's special characters ("~") to a global table while a parser processes inlines
/// and removes them when it is done (github/cmark-gfm#221): documents chunked on several threads at once must
/// still all see their strikethrough.
@Suite struct ConcurrentParsingTests {
    @Test func strikethroughSurvivesParallelChunking() async throws {
        let bytes = Array("Some ~~old~~ new text and *more* of it.\n\n- An item with ~~gone~~ words\n".utf8)
        let texts = try await withThrowingTaskGroup(of: [String].self) { group in
            for k in 0..<8 {
                group.addTask {
                    var out: [String] = []
                    for n in 0..<200 {
                        let chunks = try DocumentChunker().chunks(docId: "d\(k)-\(n)", source: "s.md", bytes: bytes, format: .markdown)
                        out += chunks.filter { $0.kind != .outline }.map(\.text)
                    }
                    return out
                }
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(texts.count == 8 * 200 * 2)
        #expect(Set(texts) == ["Some old new text and more of it.", "An item with gone words"])
    }
}
