import Foundation
import MeshProtocol
import Testing

/// The hand-written JSON readers and writers of the wire types against Foundation's: the same bytes out, the
/// same values in, on generated values of every type (every optional set and unset, strings with escapes,
/// control characters and non-ASCII text, numbers at their limits), and no trap on any corruption of them.
@Suite("Hand-written wire JSON")
struct ModelJSONTests {
    /// Compares `value`'s bytes with Foundation's and reads both ways.
    private func check<T: Codable & Equatable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fast = WireCodec.json(value)
        let foundation = WireCodec.foundationJSON(value)
        #expect(String(decoding: fast, as: UTF8.self) == String(decoding: foundation, as: UTF8.self), sourceLocation: sourceLocation)
        #expect(try WireCodec.read(T.self, json: foundation) == value, sourceLocation: sourceLocation)
        #expect(try JSONDecoder().decode(T.self, from: Data(fast)) == value, sourceLocation: sourceLocation)
    }

    @Test func fixturesWriteAsFoundationWritesThem() throws {
        try check(Fixtures.paragraph)
        try check(Fixtures.outline)
        try check(Fixtures.bigChunk)
        try check(Fixtures.review)
        try check(Fixtures.emptyReview)
        try check(Fixtures.emptyReviewByTone)
        try check(Fixtures.reportReady)
    }

    @Test("generated values write and read as Foundation's", arguments: 0..<8)
    func generatedValues(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        for _ in 0..<40 {
            let chunks = (0..<(1 + random.below(4))).map { _ in Generate.chunk(&random, docId: "doc") }
            try check(ChunkBatch(docId: "doc", chunks: chunks))
            let reviews = (0..<(1 + random.below(4))).map { _ in Generate.review(&random) }
            try check(ReviewBatch(docId: "doc", reviews: reviews))
            try check(Generate.report(&random))
        }
    }

    @Test("numbers as Foundation writes them", arguments: [0.0, -0.0, 1, -1, 0.1, 1e-7, 2.5e-5, 1e15, 1e16, 1e21, 0.30000000000000004, 5e-324, 1.7976931348623157e308, -0.75])
    func doubles(tone: Double) throws {
        try check(ChunkReview(docId: "d", chunkIndex: 0, chunkCount: 1, specialist: .tone, specialists: [.tone], source: "s", suggestions: [], tone: tone))
    }

    @Test func integersAtTheirLimitsRoundTrip() throws {
        try check(TextSpan(start: Int.min, end: Int.max))
        try check(SourcePosition(offset: 0, line: -1, column: 9_007_199_254_740_993))
    }

    @Test func readsWhatFoundationAcceptsAndSkipsUnknownKeys() throws {
        let json = #" { "end" : 2.0 , "start": 1e1, "new": {"deep": [1, "x", null, true, false, {"a": -1.5e-3}]} } "#
        #expect(try WireCodec.read(TextSpan.self, json: Array(json.utf8)) == TextSpan(start: 10, end: 2))
        let escaped = #"{"rule":"a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00","fromLine":null}"#
        #expect(try WireCodec.read(Suppression.self, json: Array(escaped.utf8)) == Suppression(rule: "a\"\\/\u{8}\u{c}\n\r\té😀"))
        // Keys are scanned eight bytes at a time: an escaped key, a non-ASCII one and long ones on either side of a
        // word read as Foundation reads them.
        let keys = #"{"st\u0061rt":4,"éndé":7,"a_key_of_sixteen":1,"key_of_fifteen_":[],"end":5}"#
        #expect(try WireCodec.read(TextSpan.self, json: Array(keys.utf8)) == TextSpan(start: 4, end: 5))
        let bad = #"{"start":1,"en\d":2}"#
        #expect(throws: ProtocolError.self) { try WireCodec.read(TextSpan.self, json: Array(bad.utf8)) }
    }

    @Test func positionsAndSpansLaidOutAsWrittenReadTheSameAsAnyOther() throws {
        // The readers take the writers' own layout straight; every other layout, and every number that is not a
        // small whole one, goes the general way, with the same result or the same refusal.
        let spans: [(String, TextSpan)] = [
            (#"{"end":12,"start":3}"#, TextSpan(start: 3, end: 12)),
            (#"{"end":12,"start":3,"x":[1]}"#, TextSpan(start: 3, end: 12)),
            (#"{"end":12, "start":3}"#, TextSpan(start: 3, end: 12)),
            (#"{"end":-1,"start":3}"#, TextSpan(start: 3, end: -1)),
            (#"{"end":12e0,"start":3}"#, TextSpan(start: 3, end: 12)),
            (#"{"end":123456789012345678,"start":0}"#, TextSpan(start: 0, end: 123_456_789_012_345_678)),
            (#"{"end":1234567890123456789,"start":0}"#, TextSpan(start: 0, end: 1_234_567_890_123_456_789)),
        ]
        for (json, span) in spans {
            #expect(try WireCodec.read(TextSpan.self, json: Array(json.utf8)) == span, "\(json)")
            #expect(try JSONDecoder().decode(TextSpan.self, from: Data(json.utf8)) == span, "\(json)")
        }
        let position = SourcePosition(offset: 120, line: 7, column: 1)
        for json in [#"{"column":1,"line":7,"offset":120}"#, #"{"offset":120,"line":7,"column":1}"#, #"{"column":1,"line":7,"offset":120.0}"#] {
            #expect(try WireCodec.read(SourcePosition.self, json: Array(json.utf8)) == position, "\(json)")
        }
        let segment = TextSegment(textOffset: 4, position: position)
        for json in [#"{"position":{"column":1,"line":7,"offset":120},"textOffset":4}"#, #"{"textOffset":4,"position":{"column":1,"line":7,"offset":120}}"#,
                     #"{"position":{"column":1,"line":7,"offset":120},"textOffset":4.0}"#, #"{"position":{"column":1, "line":7,"offset":120},"textOffset":4}"#] {
            #expect(try WireCodec.read(TextSegment.self, json: Array(json.utf8)) == segment, "\(json)")
        }
        #expect(throws: (any Error).self) { try WireCodec.read(TextSpan.self, json: Array(#"{"end":99999999999999999999,"start":0}"#.utf8)) }
        #expect(throws: (any Error).self) { try WireCodec.read(SourcePosition.self, json: Array(#"{"column":1,"line":7,"offset":"#.utf8)) }
    }

    @Test func nonProseSpansTravelAsFlatPairs() throws {
        var chunk = Fixtures.paragraph
        chunk.nonProse = SpanPairs([TextSpan(start: 4, end: 8), TextSpan(start: 60, end: 66)])
        let json = String(decoding: WireCodec.json(chunk), as: UTF8.self)
        #expect(json.contains(#""nonProse":[4,8,60,66]"#))
        #expect(try WireCodec.read(Chunk.self, json: Array(json.utf8)) == chunk)
        let spaced = json.replacingOccurrences(of: "[4,8,60,66]", with: "[ 4, 8,-60 ,66]")
        #expect(try WireCodec.read(Chunk.self, json: Array(spaced.utf8)).nonProse == SpanPairs([TextSpan(start: 4, end: 8), TextSpan(start: -60, end: 66)]))
        let none = json.replacingOccurrences(of: "[4,8,60,66]", with: "[]")
        #expect(try WireCodec.read(Chunk.self, json: Array(none.utf8)).nonProse == SpanPairs([]))
        let odd = json.replacingOccurrences(of: "[4,8,60,66]", with: "[4,8,60]")
        #expect(throws: ProtocolError.malformedBody("nonProse: 3 numbers, not start and end pairs")) {
            try WireCodec.read(Chunk.self, json: Array(odd.utf8))
        }
    }

    @Test func everySpecialistListReadsBackAsWritten() throws {
        // The list of all four in order is taken whole; every other list, or layout, is read one by one.
        let lists: [[SpecialistType]] = [SpecialistType.allCases, [], [.tone], [.structure, .tone, .clarity, .grammar],
                                         [.grammar, .clarity, .tone], [.grammar, .clarity, .tone, .structure, .grammar]]
        for list in lists {
            var chunk = Fixtures.paragraph
            chunk.specialists = list
            #expect(try WireCodec.read(Chunk.self, json: WireCodec.json(chunk)).specialists == list)
        }
        let spaced = String(decoding: WireCodec.json(Fixtures.paragraph), as: UTF8.self)
            .replacingOccurrences(of: #""specialists":["grammar","clarity","tone","structure"]"#, with: #""specialists":[ "grammar", "clarity","tone","structure" ]"#)
        #expect(spaced.contains(#"[ "grammar""#))
        #expect(try WireCodec.read(Chunk.self, json: Array(spaced.utf8)).specialists == SpecialistType.allCases)
    }

    @Test(
        "refuses what is not a valid value, naming why",
        arguments: [
            (#"{"start":1}"#, "missing key 'end'"),
            (#"{"start":1,"end":1.5}"#, "end: number 1.5 does not fit in Int"),
            (#"{"start":1,"end":99999999999999999999}"#, "end: number 99999999999999999999 does not fit in Int"),
            (#"{"start":1,"end":"2"}"#, "end: expected a number, found a string"),
            (#"{"start":1,"end":null}"#, "end: expected a number, found null"),
            (#"{"start":1,"end":2}x"#, "unexpected data after the value"),
            (#"{"start":1,"end":2,"x":"\ud800"}"#, "x: a lone surrogate in a string"),
            (#"{"start":1,"end":2,"x":"a"#, "x: unterminated string"),
            ("{\"start\":1,\"end\":2,\"x\":\"\u{1}\"}", "x: a control character in a string"),
            (#"{"start":1,"end":2,"x":1e999}"#, "x: 1e999 is not a finite number"),
            (#"{"start":1 "end":2}"#, "expected ',' or '}' in an object"),
            (#"{"start":1,"end":-9223372036854775.08}"#, "end: number -9223372036854775.08 does not fit in Int"),
            ("", "expected an object, found the end"),
        ])
    func refuses(json: String, reason: String) {
        #expect {
            _ = try WireCodec.read(TextSpan.self, json: Array(json.utf8))
        } throws: { error in
            guard case ProtocolError.malformedBody(let why) = error else { return false }
            return why.hasPrefix(reason)
        }
    }

    @Test func refusesBytesThatAreNotUTF8() {
        let json: [UInt8] = Array(#"{"rule":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: ProtocolError.malformedBody("rule: a string that is not UTF-8")) { try WireCodec.read(Suppression.self, json: json) }
    }

    /// The reader's own UTF-8 check against the standard library's, on random bytes around every boundary of
    /// the encoding (overlong forms, surrogates, U+10FFFF, truncated sequences).
    /// The reader shares the storage of strings it read recently; strings of the same length with other bytes,
    /// strings read long ago (past the few it keeps) and strings with escapes must still come out as written.
    @Test func repeatedStringsInABatchReadBackAsWritten() throws {
        // Longer than 15 bytes: shorter strings are stored inline and not shared.
        let sources = ["docs/guide/aa.md", "docs/guide/ab.md", "docs/guide/aé.m", "docs/guide/aa.md", "docs/guide/a\"a.md"]
        let reviews = (0..<40).map { index in
            ChunkReview(
                docId: "doc", chunkIndex: index, chunkCount: 40, specialist: .grammar, specialists: [.grammar],
                source: sources[index % sources.count],
                suggestions: [Suggestion(
                    specialist: .grammar, rule: "grammar.rule-\(index % 11)", severity: .warning,
                    message: "the message number \(index % 13)",
                    range: SourceRange(start: SourcePosition(offset: 0, line: 1, column: 1), end: SourcePosition(offset: 1, line: 1, column: 2)),
                    text: "x")])
        }
        try check(ReviewBatch(docId: "doc", reviews: reviews))
    }

    @Test func checksUTF8AsTheStandardLibraryDoes() throws {
        var random = SplitMix64(seed: 3)
        let interesting: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
                                    0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        var valid = 0
        for _ in 0..<20_000 {
            // Runs of ASCII around them, so that the eight-bytes-at-a-time path meets every boundary too.
            func ascii() -> [UInt8] { (0..<random.below(20)).map { _ in UInt8(0x20 + random.below(0x5F)) }.filter { $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") } }
            let text = ascii() + (0..<(1 + random.below(6))).flatMap { _ in [interesting[random.below(interesting.count)]] + (random.below(3) == 0 ? ascii() : []) }
            let json = Array(#"{"rule":""#.utf8) + text + Array(#""}"#.utf8)
            let expected = String(validating: text, as: UTF8.self)
            let read = try? WireCodec.read(Suppression.self, json: json)
            #expect(read?.rule == expected, "\(text.map { String($0, radix: 16) })")
            if expected != nil { valid += 1 }
        }
        #expect(valid > 300)
    }

    @Test func deepNestingInAnUnknownValueIsRefusedNotRecursedInto() {
        let json = #"{"start":1,"end":2,"x":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(throws: ProtocolError.self) { try WireCodec.read(TextSpan.self, json: Array(json.utf8)) }
    }

    /// Every prefix and many byte flips of generated batches: the reader refuses or reads, never traps, and
    /// whatever both readers accept they read alike.
    @Test func corruptedBodiesNeverTrapAndAgreeWithFoundation() throws {
        var random = SplitMix64(seed: 7)
        let batch = ChunkBatch(docId: "doc", chunks: [Generate.chunk(&random, docId: "doc"), Generate.chunk(&random, docId: "doc")])
        let json = WireCodec.json(batch)
        for end in stride(from: 0, to: json.count, by: 1) {
            #expect(throws: ProtocolError.self) { try WireCodec.read(ChunkBatch.self, json: Array(json[..<end])) }
        }
        let alphabet = Array(#"{}[]:,"\-0123456789.eEnultrfa u/"#.utf8) + [0x00, 0x1F, 0x7F, 0xC3, 0xFF]
        var agreed = 0
        for _ in 0..<3000 {
            var mutated = json
            for _ in 0..<(1 + random.below(3)) { mutated[random.below(mutated.count)] = alphabet[random.below(alphabet.count)] }
            let fast = try? WireCodec.read(ChunkBatch.self, json: mutated)
            let foundation = try? JSONDecoder().decode(ChunkBatch.self, from: Data(mutated))
            if let fast, let foundation {
                #expect(fast == foundation)
                agreed += 1
            }
        }
        #expect(agreed > 0)
    }
}

/// Seeded values of the wire types, with every optional sometimes set and strings that need escaping.
enum Generate {
    static let words = ["plain", "quote \" mark", "back\\slash", "tab\there", "line\nbreak", "bell\u{7}", "null\u{0}",
                        "é accent", "emoji 😀", "a/slash", "\u{2028}sep", "del\u{7F}", "", "CR\r", "ff\u{c}", "bs\u{8}"]

    static func text(_ random: inout SplitMix64) -> String {
        (0..<random.below(4)).map { _ in random.pick(words) }.joined(separator: " ")
    }

    static func int(_ random: inout SplitMix64) -> Int {
        switch random.below(6) {
        case 0: Int.max
        case 1: Int.min
        case 2: -random.below(1000)
        default: random.below(100_000)
        }
    }

    static func maybe<T>(_ random: inout SplitMix64, _ make: (inout SplitMix64) -> T) -> T? {
        random.below(2) == 0 ? nil : make(&random)
    }

    static func position(_ random: inout SplitMix64) -> SourcePosition {
        SourcePosition(offset: int(&random), line: int(&random), column: int(&random))
    }

    static func range(_ random: inout SplitMix64) -> SourceRange {
        SourceRange(start: position(&random), end: position(&random))
    }

    static func segments(_ random: inout SplitMix64) -> [TextSegment] {
        (0..<random.below(3)).map { _ in TextSegment(textOffset: int(&random), position: position(&random)) }
    }

    static func spans(_ random: inout SplitMix64) -> [TextSpan] {
        (0..<random.below(3)).map { _ in TextSpan(start: int(&random), end: int(&random)) }
    }

    static func specialists(_ random: inout SplitMix64) -> [SpecialistType] {
        (0..<random.below(5)).map { _ in SpecialistType.allCases[random.below(4)] }
    }

    static func outline(_ random: inout SplitMix64) -> Outline {
        let kinds: [OutlineBlock.Kind] = [.paragraph, .list, .code, .table, .quote, .html, .thematicBreak]
        return Outline(
            headings: (0..<random.below(3)).map { _ in
                OutlineHeading(level: int(&random), text: text(&random), position: position(&random), endPosition: position(&random))
            },
            blocks: (0..<random.below(3)).map { _ in
                OutlineBlock(
                    kind: kinds[random.below(kinds.count)], heading: maybe(&random, int), position: position(&random),
                    lines: int(&random), words: int(&random), sentences: int(&random))
            },
            terms: (0..<random.below(2)).map { _ in
                TermUse(term: text(&random), variant: text(&random), position: position(&random), endPosition: position(&random))
            },
            lists: maybe(&random) { random in
                (0..<random.below(3)).map { _ in
                    (0..<random.below(3)).map { _ in OutlineListItem(text: text(&random), segments: segments(&random), ignored: spans(&random)) }
                }
            }
        )
    }

    static func chunk(_ random: inout SplitMix64, docId: String) -> Chunk {
        let kinds: [ChunkKind] = [.paragraph, .heading, .listItem, .tableCell, .outline]
        return Chunk(
            docId: docId, index: int(&random), count: int(&random), source: text(&random),
            format: random.below(2) == 0 ? .markdown : .text, kind: kinds[random.below(kinds.count)], text: text(&random),
            segments: segments(&random), ignored: spans(&random),
            nonProse: random.below(3) == 0 ? nil : SpanPairs(spans(&random)), headingPath: (0..<random.below(3)).map { _ in text(&random) },
            level: maybe(&random, int),
            suppressions: (0..<random.below(3)).map { _ in
                Suppression(rule: text(&random), fromLine: maybe(&random, int), toLine: maybe(&random, int))
            },
            config: maybe(&random, text), outline: maybe(&random, outline), specialists: specialists(&random)
        )
    }

    static func double(_ random: inout SplitMix64) -> Double {
        switch random.below(4) {
        case 0: Double(int(&random)) / 7
        case 1: Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF)
        case 2: -Double(random.below(1000)) / 1000
        default: Double(random.below(100))
        }
    }

    static func suggestion(_ random: inout SplitMix64) -> Suggestion {
        Suggestion(
            specialist: SpecialistType.allCases[random.below(4)], rule: text(&random), severity: Severity.allCases[random.below(3)],
            message: text(&random), range: range(&random), text: text(&random),
            replacements: (0..<random.below(3)).map { _ in text(&random) })
    }

    static func review(_ random: inout SplitMix64) -> ChunkReview {
        ChunkReview(
            docId: "doc", chunkIndex: int(&random), chunkCount: int(&random), specialist: SpecialistType.allCases[random.below(4)],
            specialists: specialists(&random), source: text(&random), suggestions: (0..<random.below(4)).map { _ in suggestion(&random) },
            counts: maybe(&random) { random in
                TextCounts(words: int(&random), sentences: int(&random), syllables: int(&random), letters: int(&random), complexWords: int(&random))
            },
            tone: maybe(&random, double), unreviewed: maybe(&random, text), range: maybe(&random, range))
    }

    static func report(_ random: inout SplitMix64) -> Report {
        var readability: [String: Double] = [:]
        for name in ["flesch-reading-ease", "gunning-fog", "smog", "ari", "z\u{e9}ta", "Upper"] where random.below(2) == 0 {
            readability[name] = double(&random)
        }
        return Report(
            docId: text(&random), source: text(&random), suggestions: (0..<random.below(4)).map { _ in suggestion(&random) },
            summary: Report.Summary(
                total: int(&random), bySpecialist: ["grammar": int(&random), "tone": int(&random)],
                bySeverity: ["error": int(&random), "warning": int(&random), "suggestion": int(&random)]),
            figures: Report.Figures(chunks: int(&random), words: int(&random), sentences: int(&random), readability: readability, tone: maybe(&random, double)),
            incomplete: maybe(&random) { random in
                (0..<random.below(3)).map { _ in
                    Report.Gap(specialist: SpecialistType.allCases[random.below(4)], chunk: int(&random), range: maybe(&random, range), reason: text(&random))
                }
            })
    }
}
