import MeshProtocol

/// The tokens and sentences of one chunk's text, computed once and shared by the rules.
public struct TextAnalysis: Sendable {
    public let scalars: [Unicode.Scalar]
    public let tokens: [Token]
    public let sentences: [Sentence]

    public init(text: String, ignored: [TextSpan] = []) {
        let scalars = unicodeScalars(of: text)
        self.scalars = scalars
        let tokens = Tokenizer.tokenize(scalars, ignored: ignored)
        self.tokens = tokens
        self.sentences = SentenceSplitter.split(tokens: tokens, scalars: scalars)
    }

    /// The chunk's text with its ignored spans plus the URLs, paths and identifiers found in plain text: as the
    /// producer found them (`chunk.nonProse`), or found here when the chunk does not carry them.
    public init(chunk: Chunk) {
        let scalars = unicodeScalars(of: chunk.text)
        self.init(scalars: scalars, ignored: chunk.ignored + Self.nonProse(of: chunk, scalars: scalars))
    }

    /// The chunk with `nonProse` filled in, and its analysis: what the producer sends, so that no specialist
    /// scans the text again.
    public static func withNonProse(_ chunk: Chunk) -> (Chunk, TextAnalysis) {
        var chunk = chunk
        let scalars = unicodeScalars(of: chunk.text)
        let found = nonProse(of: chunk, scalars: scalars)
        chunk.nonProse = SpanPairs(found)
        return (chunk, TextAnalysis(scalars: scalars, ignored: chunk.ignored + found))
    }

    private static func nonProse(of chunk: Chunk, scalars: [Unicode.Scalar]) -> [TextSpan] {
        chunk.nonProse?.spans ?? NonProse.spans(in: scalars, existing: chunk.ignored)
    }

    public init(scalars: [Unicode.Scalar], ignored: [TextSpan]) {
        self.scalars = scalars
        let tokens = Tokenizer.tokenize(scalars, ignored: ignored)
        self.tokens = tokens
        self.sentences = SentenceSplitter.split(tokens: tokens, scalars: scalars)
    }

    public func text(_ span: TextSpan) -> String {
        let s = max(0, min(span.start, scalars.count))
        let e = max(s, min(span.end, scalars.count))
        return makeString(scalars, s, e)
    }

    /// The sentence that holds token `k`, found by binary search (sentences are in text order and do not overlap).
    public func sentence(containing k: Int) -> Sentence? {
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].tokens.upperBound <= k { lo = mid + 1 } else { hi = mid }
        }
        return lo < sentences.count && sentences[lo].tokens.contains(k) ? sentences[lo] : nil
    }

    /// How many tokens in `range` are words (and numbers, when `numbers`): counted in place, since filtering
    /// copies every token (two retained strings each).
    public func countWords(in range: Range<Int>, numbers: Bool = false) -> Int {
        var n = 0
        for k in range where tokens[k].kind == .word || numbers && tokens[k].kind == .number { n += 1 }
        return n
    }

    /// Whether token `k`'s text is one of the scalars in `marks`. A token's text is `scalars[start..<end]`, so
    /// this tests punctuation without comparing strings (or building an array of them per call).
    public func token(_ k: Int, isOneOf marks: String) -> Bool {
        guard tokens[k].end - tokens[k].start == 1 else { return false }
        let s = scalars[tokens[k].start]
        // An ASCII scalar occurs in UTF-8 only as its own byte: find it there without the generic scalar view.
        if s.value < 128 {
            var marks = marks
            return marks.withUTF8 { $0.contains(UInt8(truncatingIfNeeded: s.value)) }
        }
        return marks.unicodeScalars.contains(s)
    }

    /// `tokens[k].text == String(mark)` for a mark no other scalar is canonically equivalent to (any but `;`, `` ` ``
    /// and `K`), decided on the scalar: a token's text is `scalars[start..<end]`.
    @inline(__always) public func token(_ k: Int, is mark: Unicode.Scalar) -> Bool {
        tokens[k].end - tokens[k].start == 1 && scalars[tokens[k].start] == mark
    }

    /// `tokens[a].lower == tokens[b].lower`, with most unequal pairs decided by their hashes: when both lower cases
    /// are ASCII (as many UTF-8 bytes as the token has scalars), equality is byte equality, so different hashes mean
    /// different words. `String` equality is canonical equivalence, so other words are always compared.
    @inline(__always) public func sameLower(_ a: Int, _ b: Int) -> Bool {
        if tokens[a].lowerHash != tokens[b].lowerHash, tokens[a].lowerIsASCII, tokens[b].lowerIsASCII { return false }
        return tokens[a].lower == tokens[b].lower
    }

    /// Index of the word token before `i` in the same sentence stream (skipping nothing), or nil.
    public func previousWord(before i: Int) -> Int? {
        var j = i - 1
        while j >= 0 {
            if tokens[j].kind == .word { return j }
            if tokens[j].kind == .punct { return nil }
            j -= 1
        }
        return nil
    }
}

/// `s.replacing("’", with: "'")`, without the generic search for the many words that have none: "’" is E2 80 99 in
/// UTF-8, so a word without the byte E2 has none (and no other character is canonically equivalent to it).
package func straightApostrophes(_ s: String) -> String {
    var s = s
    return s.withUTF8 { $0.contains(0xE2) } ? s.replacing("’", with: "'") : s
}

/// The last UTF-8 byte of `s`: `s.utf8.last` goes through the generic collection code, many times the cost.
@inline(__always) package func lastByte(_ s: String) -> UInt8? {
    var s = s
    return s.withUTF8 { $0.last }
}

/// The scalars of `text`, decoded in one pass over its UTF-8 (which a `String` always holds valid):
/// `Array(text.unicodeScalars)` walks the text twice, a scalar at a time through the generic view.
package func unicodeScalars(of text: String) -> [Unicode.Scalar] {
    var text = text
    return text.withUTF8 { b in
        [Unicode.Scalar](unsafeUninitializedCapacity: b.count) { out, count in
            // A String's UTF-8 is always valid, so every value decoded is a scalar: written as its UInt32 (the
            // same layout) with no check. ASCII, most of any text, goes eight bytes at a time.
            guard let base = b.baseAddress else { count = 0; return }
            out.withMemoryRebound(to: UInt32.self) { o in
                var i = 0, n = 0
                let end = b.count
                while i < end {
                    let c = UInt32(base[i])
                    if c < 0x80 {
                        if i + 8 <= end, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                            for k in 0..<8 { o[n + k] = UInt32(base[i + k]) }
                            i += 8
                            n += 8
                            continue
                        }
                        o[n] = c
                        i += 1
                    } else if c < 0xE0 {
                        o[n] = (c & 0x1F) << 6 | UInt32(base[i + 1] & 0x3F)
                        i += 2
                    } else if c < 0xF0 {
                        o[n] = (c & 0x0F) << 12 | UInt32(base[i + 1] & 0x3F) << 6 | UInt32(base[i + 2] & 0x3F)
                        i += 3
                    } else {
                        o[n] = (c & 0x07) << 18 | UInt32(base[i + 1] & 0x3F) << 12 | UInt32(base[i + 2] & 0x3F) << 6
                            | UInt32(base[i + 3] & 0x3F)
                        i += 4
                    }
                    n += 1
                }
                count = n
            }
        }
    }
}

/// The text of `sc[start..<end]` of any scalars, encoded as UTF-8 straight into the string's storage:
/// `String.UnicodeScalarView.append(contentsOf:)` goes through the generic sequence code, about a thousand
/// instructions for a short word.
package func utf8String(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
    var count = 0
    for k in start..<end { count += UTF8.width(sc[k]) }
    return String(unsafeUninitializedCapacity: count) { buf in
        var n = 0
        for k in start..<end {
            let v = sc[k].value
            if v < 0x80 {
                buf[n] = UInt8(truncatingIfNeeded: v)
                n += 1
            } else if v < 0x800 {
                buf[n] = UInt8(truncatingIfNeeded: 0xC0 | v >> 6)
                buf[n + 1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                n += 2
            } else if v < 0x10000 {
                buf[n] = UInt8(truncatingIfNeeded: 0xE0 | v >> 12)
                buf[n + 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
                buf[n + 2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                n += 3
            } else {
                buf[n] = UInt8(truncatingIfNeeded: 0xF0 | v >> 18)
                buf[n + 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 12 & 0x3F)
                buf[n + 2] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
                buf[n + 3] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                n += 4
            }
        }
        return n
    }
}

/// The text of `sc[start..<end]`, built straight from bytes when it is ASCII (the common case).
@inline(__always) package func makeString(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
    for k in start..<end where sc[k].value >= 128 {
        return utf8String(sc, start, end)
    }
    return String(unsafeUninitializedCapacity: end - start) { buf in
        for k in 0..<(end - start) { buf[k] = UInt8(truncatingIfNeeded: sc[start + k].value) }
        return end - start
    }
}

/// A word's text and its lower case, built straight from bytes when the word is ASCII (the common case).
@inline(__always) package func textAndLower(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int) -> (String, String) {
    let (text, lower, _) = textLowerAndHash(sc, start, end)
    return (text, lower)
}

/// `fnv1a` of the lower case of `sc[start..<end]`, which must be ASCII, without building it.
@inline(__always) package func asciiLowerHash(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for k in start..<end {
        let v = sc[k].value
        h = (h ^ UInt64(v >= 65 && v <= 90 ? v + 32 : v)) &* 0x100_0000_01b3
    }
    return h
}

/// `textAndLower` and `fnv1a` of the lower case, hashed while the bytes are read.
@inline(__always) package func textLowerAndHash(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int) -> (String, String, UInt64) {
    var ascii = true
    var hasUpper = false
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for k in start..<end {
        let v = sc[k].value
        if v >= 128 { ascii = false; break }
        let upper = v >= 65 && v <= 90
        if upper { hasUpper = true }
        h = (h ^ UInt64(upper ? v + 32 : v)) &* 0x100_0000_01b3
    }
    guard ascii else {
        let lower = lowercased(sc[start..<end])
        return (utf8String(sc, start, end), lower, fnv1a(lower))
    }
    let (text, lower) = asciiTextAndLower(sc, start, end, hasUpper: hasUpper)
    return (text, lower, h)
}

/// The text and lower case of ASCII scalars `sc[start..<end]`, built from bytes; `hasUpper` says whether any is
/// an upper-case letter (if not, the text is its own lower case).
@inline(__always) package func asciiTextAndLower(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int, hasUpper: Bool) -> (String, String) {
    let n = end - start
    let text = String(unsafeUninitializedCapacity: n) { buf in
        for k in 0..<n { buf[k] = UInt8(truncatingIfNeeded: sc[start + k].value) }
        return n
    }
    guard hasUpper else { return (text, text) }
    let lower = String(unsafeUninitializedCapacity: n) { buf in
        for k in 0..<n {
            let v = UInt8(truncatingIfNeeded: sc[start + k].value)
            buf[k] = v >= 65 && v <= 90 ? v + 32 : v
        }
        return n
    }
    return (text, lower)
}
