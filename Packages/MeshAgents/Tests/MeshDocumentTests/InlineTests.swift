import Foundation
import MeshDocument
import MeshProtocol
import Testing

/// Inline Markdown that makes locating text in the source hard. Each case: the source, the chunk texts.
/// Every case must also round-trip: each word of the text maps back to the same characters in the source.
@Suite struct InlineTests {
    static let cases: [(String, [String])] = [
        ("***bold italic*** and __strong__ and _em_ and snake_case_word", ["bold italic and strong and em and snake_case_word"]),
        ("Escaped \\*stars\\* and \\_under\\_ and \\[brackets\\]", ["Escaped *stars* and _under_ and [brackets]"]),
        ("Entities: AT&amp;T, &lt;tag&gt;, &#35;1 and &copy; 2026", ["Entities: AT&T, <tag>, #1 and © 2026"]),
        ("A [link (with parens)](https://x.org/a_(b) \"title with \\\" quote\") ends.", ["A link (with parens) ends."]),
        ("Ref [one][r1], collapsed [r1][] and shortcut [r1].\n\n[r1]: /url", ["Ref one, collapsed r1 and shortcut r1."]),
        ("Image ![an *alt* text](a.png \"t\") and [![inner](b.png)](c.html) done.", ["Image an alt text and inner done."]),
        ("Tabs\tinside\ttext\tstay.", ["Tabs\tinside\ttext\tstay."]),
        ("Ünïcödé wörds — and emoji 🎉 here, 日本語 too.", ["Ünïcödé wörds — and emoji 🎉 here, 日本語 too."]),
        ("A ``code with ` tick`` and `multi\nline` span.", ["A ``code with ` tick`` and `multi\nline` span."]),
        ("> Quote with `code`\n> and <b\n> class=\"x\">html</b> over lines.", ["Quote with `code`\nand <b\nclass=\"x\">html</b> over lines."]),
        ("> - list in quote\n>   continued\n> - second", ["list in quote\ncontinued", "second"]),
        ("- > quote in list\n  > more", ["quote in list\nmore"]),
        ("> lazy quote\ncontinuation line", ["lazy quote\ncontinuation line"]),
        ("1. one\n\n   second paragraph of one\n2. two", ["one", "second paragraph of one", "two"]),
        ("- [x] done task\n- [ ] open task", ["done task", "open task"]),
        ("Trailing spaces  \nhard break and soft   \nbreak", ["Trailing spaces\nhard break and soft\nbreak"]),
        ("## Heading with `code` and #hash ##", ["Heading with `code` and #hash"]),
        ("#hashtag is a paragraph", ["#hashtag is a paragraph"]),
        ("Mail <me@example.com> or me@example.org today.", ["Mail me@example.com or me@example.org today."]),
        ("Strike ~~this~~ and ~one~ out.", ["Strike this and one out."]),
        ("A line with <!-- a comment --> inside.", ["A line with <!-- a comment --> inside."]),
        ("Paragraph\n<span>inline html</span> here", ["Paragraph\n<span>inline html</span> here"]),
        ("Paragraph\n<div>an HTML block interrupts it</div>", ["Paragraph"]),
        ("Ends with a backslash \\", ["Ends with a backslash \\"]),
        ("\tLeading tab is code\n\nBut this is prose.", ["But this is prose."]),
        ("* **Relative path** The value is a path.\n* _Note_ It is read once.", ["Relative path\nThe value is a path.", "Note\nIt is read once."]),
        ("**Bold** words go on in lower case.", ["Bold words go on in lower case."]),
    ]

    @Test(arguments: cases)
    func textAndRoundTrip(source: String, texts: [String]) throws {
        let chunks = try chunk(source)
        #expect(prose(chunks).map(\.text) == texts)
        expectRoundTrip(chunks, bytes: Array(source.utf8))
        let crlf = source.replacing("\n", with: "\r\n")
        let crlfChunks = try chunk(crlf)
        #expect(prose(crlfChunks).map(\.text) == texts)
        expectRoundTrip(crlfChunks, bytes: Array(crlf.utf8))
    }

    @Test func entityMapsToItsAmpersand() throws {
        let source = "Caf&eacute; &amp; more"
        let chunks = try chunk(source)
        let p = chunks[0]
        #expect(p.text == "Café & more")
        let map = SourceMap(text: p.text, segments: p.segments)
        // "é" stands for "&eacute;" (columns 4–11); "&" for "&amp;" (13–17); the text after each resumes exactly.
        #expect(map.position(at: 3) == SourcePosition(offset: 3, line: 1, column: 4))
        #expect(map.position(at: 4) == SourcePosition(offset: 11, line: 1, column: 12))
        #expect(map.position(at: 5) == SourcePosition(offset: 12, line: 1, column: 13))
        #expect(map.position(at: 7) == SourcePosition(offset: 18, line: 1, column: 19))
    }

    @Test func inlineCodeURLsAndHTMLAreIgnored() throws {
        let p = try chunk("Run `make` at <https://a.io> with <kbd>x</kbd> now.")[0]
        #expect(p.ignored.map { substring(p.text, $0) } == ["`make`", "https://a.io", "<kbd>", "</kbd>"])
    }

    /// An image after other text of its block is a caption: its alt text is ignored, not read as a sentence.
    @Test func altTextAfterTextIsIgnoredButAloneIsProse() throws {
        let after = try chunk("Pick \"Scale\".\n![scale button](a.png)")[0]
        #expect(after.ignored.map { substring(after.text, $0) } == ["scale button"])
        let alone = try chunk("![scale button](a.png) opens the dialog.")[0]
        #expect(alone.ignored.isEmpty)
    }

    /// A paired code-example shortcode holds code: no chunk comes from its body; other shortcodes keep theirs.
    @Test func codeExampleShortcodeBodyIsNotProse() throws {
        let source = "Intro here.\n\n{{< clients-example set=\"x\" >}}\n# Recreate the key first.\n> SET key 1\nOK\n{{< /clients-example >}}\n\nAfter it."
        #expect(prose(try chunk(source)).map(\.text) == ["Intro here.", "After it."])
        let note = prose(try chunk("{{< note >}}\nA note body.\n{{< /note >}}")).map(\.text).joined()
        #expect(note.contains("A note body."))
        let unclosed = prose(try chunk("{{< highlight go >}}\nNo closing tag here.")).map(\.text).joined()
        #expect(unclosed.contains("No closing tag here."))
    }

    @Test func multiLineCodeSpanMapsBothLines() throws {
        let p = try chunk("> A `multi\n> line` span")[0]
        #expect(p.text == "A `multi\nline` span")
        let map = SourceMap(text: p.text, segments: p.segments)
        #expect(map.position(at: 9) == SourcePosition(offset: 13, line: 2, column: 3))
        #expect(p.ignored == [TextSpan(start: 2, end: 14)])
    }

    /// A run cmark reports that is not in the source as written cannot be placed exactly: cmark turns a NUL
    /// byte into U+FFFD, which the text keeps as the NUL (one byte, so positions after it stay exact), but text
    /// that cmark invents is placed at the cursor.
    @Test func nulByteStaysANulSoPositionsStayExact() throws {
        let source = "A\u{0}B text"
        let p = try chunk(source)[0]
        #expect(p.text == "A\u{0}B text")
        let map = SourceMap(text: p.text, segments: p.segments)
        #expect(map.position(at: 3).offset == 3)
        expectRoundTrip([p], bytes: Array(source.utf8))
    }

    /// Found by `make fuzz` (chunker, clarity): U+FFFD is three bytes for one NUL byte, so a span ending after a
    /// NUL at the end of a document mapped past the document's end.
    @Test func spanEndingAtATrailingNulStaysInTheDocument() throws {
        let bytes = Array("Some text\u{0}\u{0}".utf8)
        let p = try DocumentChunker().chunks(docId: "d", source: "n.md", bytes: bytes, format: .markdown)[0]
        let range = SourceMap(text: p.text, segments: p.segments).range(of: TextSpan(start: 0, end: p.text.unicodeScalars.count))
        #expect(range.end.offset == bytes.count)
    }

    /// Found by `make fuzz` (chunker): a text backslash at the source's escape `\\` was matched as the first
    /// backslash itself, so the rest of the run failed to match and the whole run was placed approximately.
    @Test func escapedBackslashIsPlacedExactly() throws {
        let source = "Path a\\\\b and \\\\n here"
        let p = try chunk(source)[0]
        #expect(p.text == "Path a\\b and \\n here")
        let map = SourceMap(text: p.text, segments: p.segments)
        #expect(map.position(at: 7) == SourcePosition(offset: 8, line: 1, column: 9))  // "b"
        expectRoundTrip([p], bytes: Array(source.utf8))
    }

    /// Found by `make fuzz` (chunker): a run placed approximately at the end of a block that ends in a
    /// multi-byte character started inside that character's UTF-8 bytes. Every segment must start on a
    /// character boundary, and the whole text must map into the document.
    @Test func approximateRunStartsOnACharacterBoundary() throws {
        let bytes = Array(Data(base64Encoded: Self.fuzzApproximateRun)!)
        let chunks = try DocumentChunker().chunks(docId: "d", source: "f.md", bytes: bytes, format: .markdown)
        for c in prose(chunks) {
            for segment in c.segments {
                let offset = segment.position.offset
                #expect(offset >= 0 && offset <= bytes.count && (offset == bytes.count || bytes[offset] & 0xC0 != 0x80))
            }
            let range = SourceMap(text: c.text, segments: c.segments).range(of: TextSpan(start: 0, end: c.text.unicodeScalars.count))
            #expect(range.start.offset <= bytes.count && range.end.offset <= bytes.count)
        }
    }

    /// Tests/Fuzz/Regressions/chunker/crash-ca47e7449e3e17cb6f608181424f11aa8c20c458.
    static let fuzzApproximateRun = """
        IyBUaXRsZSB3aXRoIGBjb2RlYCBhbmQgKmVtcGhhc2lzBQAAAAAAAAAqCgpbIGtBbmxpXShodHRwczovL2UAInhhbXBsZS5jb20gInQiKSBhbmQgIVth\
        bHQmIzY1OyMgVGl0bGUgd2l0aCBgY29kZWAgYW5kICplbWh0byB0aGVtLiBUaGlzIHNhbXBscXVvdGIgfCAxdGggcGxlIHwKfCBgeGAgfCB3d3cuZXgw\
        YW1lc+KAnSDwn5iACgpaZXMgc29tZXRoaW5nIHRvIHNob3cuCgojIyBXaGFycyB3aG8gaWxlcmVkIG9uIHQKPiBvbiB0d28gbGlzLm5lCg==
        """
}
