import Foundation
import MeshProtocol
import Testing

/// Messages as the services write them today. The golden files hold their encoded entries.
enum Fixtures {
    static func at(_ offset: Int, _ line: Int, _ column: Int) -> SourcePosition {
        SourcePosition(offset: offset, line: line, column: column)
    }

    /// A paragraph under two headings, with dropped markup (segments), inline code and a URL (ignored),
    /// a suppression, a non-ASCII character, the document's own config, and the coordinator's specialists.
    ///
    /// Source (`docs/guide.md`, line 7 starts at byte 120):
    /// `The **café** opens at `9am` — see https://example.com/hours.` then
    /// `<!-- mesh-disable-next-line tone -->` on line 8 and line 9 continues the paragraph.
    static let paragraph = Chunk(
        docId: "doc-001", index: 3, count: 6, source: "docs/guide.md", format: .markdown, kind: .paragraph,
        text: "The café opens at 9am — see https://example.com/hours.\nIt is simply the best.",
        segments: [
            TextSegment(textOffset: 0, position: at(120, 7, 1)),
            TextSegment(textOffset: 4, position: at(126, 7, 7)),
            TextSegment(textOffset: 8, position: at(133, 7, 13)),
            TextSegment(textOffset: 18, position: at(144, 7, 24)),
            TextSegment(textOffset: 21, position: at(148, 7, 28)),
            TextSegment(textOffset: 55, position: at(221, 9, 1)),
        ],
        ignored: [TextSpan(start: 18, end: 21), TextSpan(start: 28, end: 53)],
        nonProse: SpanPairs([]),
        headingPath: ["Guide", "Opening hours"],
        suppressions: [Suppression(rule: "tone", fromLine: 9, toLine: 9), Suppression(rule: "clarity.passive-voice")],
        config: "disable:\n  - grammar.oxford-comma\n",
        specialists: [.grammar, .clarity, .tone, .structure]
    )

    /// `paragraph` as a writer before 2.1 sent it: without the producer's non-prose spans.
    static var paragraphBefore2_1: Chunk {
        var chunk = paragraph
        chunk.nonProse = nil
        return chunk
    }

    /// The last chunk of a document: its outline (headings, blocks, term uses), no prose of its own.
    static let outline = Chunk(
        docId: "doc-001", index: 5, count: 6, source: "docs/guide.md", format: .markdown, kind: .outline,
        text: "", segments: [TextSegment(textOffset: 0, position: at(0, 1, 1))],
        outline: Outline(
            headings: [
                OutlineHeading(level: 1, text: "Guide", position: at(0, 1, 1), endPosition: at(7, 1, 8)),
                OutlineHeading(level: 3, text: "Opening hours", position: at(100, 5, 1), endPosition: at(117, 5, 18)),
            ],
            blocks: [
                OutlineBlock(kind: .paragraph, heading: nil, position: at(9, 3, 1), lines: 1, words: 12, sentences: 1),
                OutlineBlock(kind: .paragraph, heading: 1, position: at(120, 7, 1), lines: 3, words: 14, sentences: 2),
                OutlineBlock(kind: .thematicBreak, heading: 1, position: at(250, 11, 1), lines: 1, words: 0, sentences: 0),
            ],
            terms: [
                TermUse(term: "color", variant: "colour", position: at(40, 3, 32), endPosition: at(46, 3, 38)),
                TermUse(term: "color", variant: "color", position: at(140, 7, 21), endPosition: at(145, 7, 26)),
            ],
            lists: [[
                OutlineListItem(text: "Install it", segments: [TextSegment(textOffset: 0, position: at(300, 13, 3))]),
                OutlineListItem(
                    text: "Run `make`.", segments: [TextSegment(textOffset: 0, position: at(313, 14, 3))],
                    ignored: [TextSpan(start: 4, end: 10)]),
            ]]
        ),
        specialists: [.structure]
    )

    /// The tone specialist's answer for `paragraph`. Real services send `counts` from clarity and `tone` from
    /// tone; this one carries both so the golden file covers every field.
    static let review = ChunkReview(
        docId: "doc-001", chunkIndex: 3, chunkCount: 6, specialist: .tone, specialists: [.grammar, .clarity, .tone, .structure],
        source: "docs/guide.md",
        suggestions: [
            Suggestion(
                specialist: .tone, rule: "tone.condescending", severity: .suggestion,
                message: "\"simply\" can sound condescending: drop it.",
                range: SourceRange(start: at(227, 9, 7), end: at(233, 9, 13)), text: "simply", replacements: ["", "just"]),
            Suggestion(
                specialist: .tone, rule: "tone.superlative", severity: .warning, message: "Unsupported superlative.",
                range: SourceRange(start: at(234, 9, 14), end: at(242, 9, 22)), text: "the best", replacements: []),
        ],
        counts: TextCounts(words: 15, sentences: 2, syllables: 19, letters: 61, complexWords: 1),
        tone: -0.25
    )

    /// The tone specialist's empty answer for chunk 4, to sit beside `review` in a `ReviewBatch`.
    static let emptyReviewByTone = ChunkReview(
        docId: "doc-001", chunkIndex: 4, chunkCount: 6, specialist: .tone, specialists: [.grammar, .clarity, .tone, .structure],
        source: "docs/guide.md", suggestions: [], tone: 0)

    /// A specialist answers every chunk, even when it found nothing.
    static let emptyReview = ChunkReview(
        docId: "doc-001", chunkIndex: 4, chunkCount: 6, specialist: .grammar, specialists: [.grammar, .clarity, .tone],
        source: "docs/guide.md", suggestions: []
    )

    static let reportReady = ReportReady(docId: "doc-001", key: Keys.report("doc-001"), total: 17)

    /// A chunk whose JSON is far above the 4096-byte threshold, so it travels deflated.
    static let bigChunk: Chunk = {
        let sentences = [
            "The review mesh splits every document into chunks.",
            "Each specialist reads its own stream and answers every chunk.",
            "The aggregator waits until every answer is in.",
            "Nothing is acknowledged before its results are written.",
        ]
        var text = ""
        var segments: [TextSegment] = []
        var offset = 0
        var scalars = 0
        for line in 0..<120 {
            let sentence = "\(line + 1). " + sentences[line % sentences.count]
            segments.append(TextSegment(textOffset: scalars, position: at(offset, line + 1, 1)))
            text += sentence + "\n"
            offset += sentence.utf8.count + 1
            scalars += sentence.unicodeScalars.count + 1
        }
        return Chunk(
            docId: "doc-big", index: 0, count: 2, source: "big.txt", format: .text, kind: .paragraph, text: text,
            segments: segments, specialists: [.grammar, .clarity])
    }()
}

/// Golden files of encoded entries, beside this file in `Golden/`.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("Golden")
    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// One stream entry as checked in: fields in order, each value as UTF-8 text or, when it is not text
    /// (a deflated body), as base64.
    struct Entry: Codable, Equatable {
        var about: String
        var fields: [Field]

        struct Field: Codable, Equatable {
            var name: String
            var text: String?
            var base64: String?
        }

        /// A deflated body is stored as base64; every other value as text.
        init(about: String, fields: [(String, [UInt8])]) {
            self.about = about
            let deflated = fields.contains { $0.0 == WireField.encoding && $0.1 == Array(BodyEncoding.jsonDeflate.rawValue.utf8) }
            self.fields = fields.map { name, value in
                if let text = String(validating: value, as: UTF8.self), !(deflated && name == WireField.body) {
                    Field(name: name, text: text, base64: nil)
                } else {
                    Field(name: name, text: nil, base64: Data(value).base64EncodedString())
                }
            }
        }

        var wireFields: [(String, [UInt8])] {
            fields.map { field in
                if let text = field.text { return (field.name, Array(text.utf8)) }
                return (field.name, Array(Data(base64Encoded: field.base64 ?? "") ?? Data()))
            }
        }

        func encoded() -> Data {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return try! encoder.encode(self) + Data("\n".utf8)
        }
    }

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func load(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Entry {
        let data = try #require(FileManager.default.contents(atPath: url(name).path), "missing golden file \(name)", sourceLocation: sourceLocation)
        return try JSONDecoder().decode(Entry.self, from: data)
    }

    static func write(_ entry: Entry, to name: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try entry.encoded().write(to: url(name))
    }
}
