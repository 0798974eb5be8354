import MeshDocument
import MeshProtocol
import Testing

/// A multi-section guide with most of what Markdown writers use. The positions in the tests below were
/// checked independently (Python over the same bytes); keep them in step when editing the document.
let guide = """
---
title: The guide
tags: [a, b]
---
# Getting *started*

Install the **mesh** with [the installer](https://example.com/install "Installer") and run `make run`.
Then open _the_ report &amp; read it.

## Lists and tables

- First item with ~~old~~ new text
- Second item
  - Nested item in `src/main.rs`
  - Another nested, see ~/.config and /etc/hosts
1. Numbered café item

| Name | Meaning |
|------|---------|
| *mesh* | A set of \\| services |

> A quoted paragraph
> over two lines.

```swift
let notProse = "code"
```

    indented code is not prose

<div>
HTML block is not prose
</div>

***

[ref]: https://example.com/ref

See [the reference][ref] or <https://example.com/auto> or www.example.org now.
Line with a hard break\\
and a <span>tag</span> inside.

Setext heading
--------------

Last words.
"""

@Suite struct MarkdownChunkTests {
    let chunks: [Chunk]

    init() throws {
        chunks = try chunk(guide)
    }

    @Test func chunkKindsAndTexts() {
        let expected: [(ChunkKind, Int?, String)] = [
            (.heading, 1, "Getting started"),
            (.paragraph, nil, "Install the mesh with the installer and run `make run`.\nThen open the report & read it."),
            (.heading, 2, "Lists and tables"),
            (.listItem, 1, "First item with old new text"),
            (.listItem, 1, "Second item"),
            (.listItem, 2, "Nested item in `src/main.rs`"),
            (.listItem, 2, "Another nested, see ~/.config and /etc/hosts"),
            (.listItem, 1, "Numbered café item"),
            (.tableCell, nil, "Name"),
            (.tableCell, nil, "Meaning"),
            (.tableCell, nil, "mesh"),
            (.tableCell, nil, "A set of | services"),
            (.paragraph, nil, "A quoted paragraph\nover two lines."),
            (.paragraph, nil, "See the reference or https://example.com/auto or www.example.org now.\nLine with a hard break\nand a <span>tag</span> inside."),
            (.heading, 2, "Setext heading"),
            (.paragraph, nil, "Last words."),
        ]
        let got = prose(chunks)
        #expect(got.count == expected.count)
        for (chunk, (kind, level, text)) in zip(got, expected) {
            #expect(chunk.kind == kind)
            #expect(chunk.level == level)
            #expect(chunk.text == text)
        }
    }

    @Test func numberingAndDocumentFields() {
        #expect(chunks.count == 17)
        for (index, chunk) in chunks.enumerated() {
            #expect(chunk.index == index)
            #expect(chunk.count == chunks.count)
            #expect(chunk.docId == "doc-1")
            #expect(chunk.source == "guide.md")
            #expect(chunk.format == .markdown)
            #expect(chunk.specialists.isEmpty)
            #expect(chunk.segments.first?.textOffset == 0)
        }
        #expect(chunks.last?.kind == .outline)
        #expect(chunks.last?.text == "")
    }

    @Test func headingPaths() {
        let paths = prose(chunks).map(\.headingPath)
        #expect(paths[0] == [])
        #expect(paths[1] == ["Getting started"])
        #expect(paths[2] == ["Getting started"])
        #expect(paths[3] == ["Getting started", "Lists and tables"])
        #expect(paths[14] == ["Getting started"])
        #expect(paths[15] == ["Getting started", "Setext heading"])
    }

    @Test func headingPositions() {
        // Line 5: "# Getting *started*": the text starts after "# ", "started" after "*".
        let heading = chunks[0]
        #expect(heading.segments.map(\.position) == [
            SourcePosition(offset: 40, line: 5, column: 3),
            SourcePosition(offset: 49, line: 5, column: 12),
        ])
        #expect(heading.segments.map(\.textOffset) == [0, 8])
    }

    @Test func paragraphWithEmphasisLinkCodeAndEntity() {
        // Line 7: Install the **mesh** with [the installer](https://… "Installer") and run `make run`.
        // Line 8: Then open _the_ report &amp; read it.
        let p = chunks[1]
        let map = SourceMap(text: p.text, segments: p.segments)
        func at(_ needle: String) -> SourcePosition {
            let scalars = Array(p.text.unicodeScalars)
            let n = Array(needle.unicodeScalars)
            let start = (0...(scalars.count - n.count)).first { Array(scalars[$0..<($0 + n.count)]) == n }!
            return map.position(at: start)
        }
        #expect(at("mesh").line == 7)
        #expect(at("mesh").column == 15)
        #expect(at("the installer").column == 28)
        #expect(at(" and run").column == 83)
        #expect(at("`make run`").column == 92)
        #expect(at("Then").line == 8)
        #expect(at("Then").column == 1)
        #expect(at("the report").column == 12)
        #expect(at("& read").column == 24)
        #expect(at(" read").column == 29)
        // The inline code is ignored; the text around it is not.
        let code = p.ignored.first!
        #expect(substring(p.text, code) == "`make run`")
        #expect(p.ignored.count == 1)
    }

    @Test func listsAndPathsAreIgnored() {
        let nested = chunks[5]
        #expect(nested.ignored.map { substring(nested.text, $0) } == ["`src/main.rs`"])
        #expect(nested.segments.first?.position == SourcePosition(offset: 275, line: 14, column: 5))
        let paths = chunks[6]
        #expect(paths.ignored.map { substring(paths.text, $0) } == ["~/.config", "/etc/hosts"])
        let numbered = chunks[7]
        #expect(numbered.segments.first?.position.line == 16)
        #expect(numbered.segments.first?.position.column == 4)
    }

    @Test func tableCells() {
        // Line 20: | *mesh* | A set of \\| services |
        let mesh = chunks[10]
        #expect(mesh.segments.first?.position.line == 20)
        #expect(mesh.segments.first?.position.column == 4)
        let cell = chunks[11]
        #expect(cell.segments.map(\.position.column) == [12, 22])
        #expect(cell.segments.map(\.textOffset) == [0, 9])
    }

    @Test func blockQuoteDropsThePrefixOnEveryLine() {
        let quote = chunks[12]
        #expect(quote.segments.map(\.position.line) == [22, 22, 23])
        #expect(quote.segments.map(\.position.column) == [3, 21, 3])
        #expect(quote.segments.map(\.textOffset) == [0, 18, 19])
    }

    @Test func autolinksInlineHTMLAndHardBreaks() {
        let p = chunks[13]
        let ignored = p.ignored.map { substring(p.text, $0) }
        #expect(ignored == ["https://example.com/auto", "www.example.org", "<span>", "</span>"])
        let map = SourceMap(text: p.text, segments: p.segments)
        // Line 39: "<https://example.com/auto>": the URL starts after "<", at column 30.
        let url = p.ignored[0]
        #expect(map.range(of: url) == SourceRange(
            start: SourcePosition(offset: 662, line: 39, column: 30),
            end: SourcePosition(offset: 686, line: 39, column: 54)))
        // "www.example.org" is a GFM autolink at column 59.
        #expect(map.position(at: p.ignored[1].start) == SourcePosition(offset: 691, line: 39, column: 59))
        // After the hard break ("\\" at the end of line 40), the text goes on at line 41, column 1.
        #expect(map.position(at: p.text.unicodeScalars.count - 7) == SourcePosition(offset: 759, line: 41, column: 24))
    }

    @Test func codeHTMLFrontMatterAndBreaksAreNotChunked() {
        for chunk in prose(chunks) {
            #expect(!chunk.text.contains("notProse"))
            #expect(!chunk.text.contains("indented code"))
            #expect(!chunk.text.contains("HTML block"))
            #expect(!chunk.text.contains("The guide"))
            #expect(!chunk.text.contains("example.com/ref"))
        }
    }

    @Test func outline() throws {
        let outline = try #require(chunks.last?.outline)
        #expect(outline.headings.map(\.text) == ["Getting started", "Lists and tables", "Setext heading"])
        #expect(outline.headings.map(\.level) == [1, 2, 2])
        #expect(outline.headings[0].position == SourcePosition(offset: 38, line: 5, column: 1))
        #expect(outline.headings[0].endPosition == SourcePosition(offset: 57, line: 5, column: 20))
        #expect(outline.headings[2].position == SourcePosition(offset: 768, line: 43, column: 1))
        #expect(outline.headings[2].endPosition.line == 44)
        #expect(outline.blocks.map(\.kind) == [
            .paragraph, .list, .list, .table, .quote, .code, .code, .html, .thematicBreak, .paragraph, .paragraph,
        ])
        #expect(outline.blocks.map(\.heading) == [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2])
        #expect(outline.blocks[0].lines == 2)
        #expect(outline.blocks[0].words == 14)
        #expect(outline.blocks[0].sentences == 2)
        #expect(outline.blocks[4].lines == 2)
        #expect(outline.blocks[5].words == 0)
        #expect(outline.terms.isEmpty)
    }

    @Test func roundTrip() {
        let checked = expectRoundTrip(chunks, bytes: Array(guide.utf8))
        #expect(checked > 80)
    }

    @Test func crlfGivesTheSameTextsAndLinesWithShiftedOffsets() throws {
        let crlf = guide.replacing("\n", with: "\r\n")
        let crlfChunks = try chunk(crlf)
        #expect(crlfChunks.map(\.text) == chunks.map(\.text))
        for (a, b) in zip(prose(crlfChunks), prose(chunks)) {
            #expect(a.segments.map(\.position.line) == b.segments.map(\.position.line))
            #expect(a.segments.map(\.position.column) == b.segments.map(\.position.column))
            #expect(a.segments.map(\.position.offset) == b.segments.map { $0.position.offset + $0.position.line - 1 })
        }
        expectRoundTrip(crlfChunks, bytes: Array(crlf.utf8))
    }
}
