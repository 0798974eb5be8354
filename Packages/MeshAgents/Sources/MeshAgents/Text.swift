import MeshProtocol

/// One token of a chunk's text. Offsets are Unicode scalar offsets into the chunk text, half-open.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Letters (with inner apostrophes, hyphens, underscores, digits).
        case word
        /// Digits, possibly with inner `.` or `,` (`20.5`, `1,000`).
        case number
        /// One punctuation or symbol scalar.
        case punct
        /// A span the chunk marks as not prose (inline code, URL); rules never look inside.
        case opaque
    }

    // Stored in this order so the one-byte fields share the last word: 64 bytes a token, not 72.
    public var text: String
    public var lower: String {
        didSet {
            lowerHash = fnv1a(lower)
            lowerIsASCII = lower.utf8.count == end - start
        }
    }
    public var start: Int
    public var end: Int
    /// `fnv1a(lower)`, hashed once here: the word filters and maps rules consult per token take it instead of
    /// hashing the word again (`WordFilter.mayContain(hash:)`, `WordMap[_:hash:]`).
    public private(set) var lowerHash: UInt64
    public var kind: Kind
    /// Whitespace precedes this token.
    public var spaceBefore: Bool
    /// A line break precedes this token.
    public var newlineBefore: Bool
    /// `lower` is ASCII: then it equals another ASCII lower case exactly when their bytes do, so different
    /// `lowerHash`es mean different words (`TextAnalysis.sameLower`). Set from the byte count: lower-casing never
    /// yields fewer scalars than the token has, so as many UTF-8 bytes as scalars means one byte each.
    public private(set) var lowerIsASCII: Bool

    init(kind: Kind, text: String, lower: String, start: Int, end: Int, spaceBefore: Bool, newlineBefore: Bool) {
        self.init(kind: kind, text: text, lower: lower, lowerHash: fnv1a(lower), start: start, end: end,
                  spaceBefore: spaceBefore, newlineBefore: newlineBefore)
    }

    /// `lowerHash` must be `fnv1a(lower)`; the tokenizer has it from the bytes it copies.
    init(kind: Kind, text: String, lower: String, lowerHash: UInt64, start: Int, end: Int, spaceBefore: Bool, newlineBefore: Bool) {
        self.kind = kind
        self.text = text
        self.lower = lower
        self.lowerHash = lowerHash
        self.start = start
        self.end = end
        self.spaceBefore = spaceBefore
        self.newlineBefore = newlineBefore
        self.lowerIsASCII = lower.utf8.count == end - start
    }

    public var span: TextSpan { TextSpan(start: start, end: end) }
    public var isWord: Bool { kind == .word }
}

/// A sentence: a range of token indices and of text.
public struct Sentence: Sendable, Hashable {
    public var tokens: Range<Int>
    public var start: Int
    public var end: Int
    /// The sentence ends with `.`, `!`, `?`, `…` (or `:`/`;` at the end of a block).
    public var terminated: Bool
    public var span: TextSpan { TextSpan(start: start, end: end) }
}

enum CharClass {
    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 {
            return (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122)
        }
        return s.properties.isAlphabetic
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool { isLetter(s) || isDigit(s) }

    /// Space, line feed, tab, carriage return, no-break, thin and narrow no-break space. Tested by range first:
    /// this runs for every scalar of every text.
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v <= 32 { return v == 32 || v == 10 || v == 9 || v == 13 }
        if v < 0xA0 { return false }
        return v == 0xA0 || v == 0x2009 || v == 0x202F
    }

    @inline(__always) static func isUpper(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s.value >= 65 && s.value <= 90 }
        return s.properties.isUppercase
    }

    @inline(__always) static func isLower(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s.value >= 97 && s.value <= 122 }
        return s.properties.isLowercase
    }

    @inline(__always) static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }
}

/// Fast ASCII-first lowercasing; `’` becomes `'` so lists can be written with straight apostrophes.
func lowercased(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var out = String.UnicodeScalarView()
    for s in scalars {
        if s.value >= 65 && s.value <= 90 {
            out.append(Unicode.Scalar(s.value + 32)!)
        } else if s == "\u{2019}" {
            out.append("'")
        } else if s.value < 128 {
            out.append(s)
        } else {
            for l in s.properties.lowercaseMapping.unicodeScalars { out.append(l) }
        }
    }
    return String(out)
}

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

    /// The chunk's text with its ignored spans plus the URLs, paths and identifiers found in plain text.
    public init(chunk: Chunk) {
        let scalars = unicodeScalars(of: chunk.text)
        self.init(scalars: scalars, ignored: chunk.ignored + NonProse.spans(in: scalars, existing: chunk.ignored))
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
func straightApostrophes(_ s: String) -> String {
    var s = s
    return s.withUTF8 { $0.contains(0xE2) } ? s.replacing("’", with: "'") : s
}

/// The last UTF-8 byte of `s`: `s.utf8.last` goes through the generic collection code, many times the cost.
@inline(__always) func lastByte(_ s: String) -> UInt8? {
    var s = s
    return s.withUTF8 { $0.last }
}

/// The scalars of `text`, decoded in one pass over its UTF-8 (which a `String` always holds valid):
/// `Array(text.unicodeScalars)` walks the text twice, a scalar at a time through the generic view.
func unicodeScalars(of text: String) -> [Unicode.Scalar] {
    var text = text
    return text.withUTF8 { b in
        [Unicode.Scalar](unsafeUninitializedCapacity: b.count) { out, count in
            var i = 0, n = 0
            while i < b.count {
                let c = UInt32(b[i])
                let v: UInt32
                if c < 0x80 {
                    v = c
                    i += 1
                } else if c < 0xE0 {
                    v = (c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                    i += 2
                } else if c < 0xF0 {
                    v = (c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                    i += 3
                } else {
                    v = (c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
                    i += 4
                }
                out[n] = Unicode.Scalar(v)!
                n += 1
            }
            count = n
        }
    }
}

/// The text of `sc[start..<end]` of any scalars, encoded as UTF-8 straight into the string's storage:
/// `String.UnicodeScalarView.append(contentsOf:)` goes through the generic sequence code, about a thousand
/// instructions for a short word.
func utf8String(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
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
@inline(__always) func makeString(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
    for k in start..<end where sc[k].value >= 128 {
        return utf8String(sc, start, end)
    }
    return String(unsafeUninitializedCapacity: end - start) { buf in
        for k in 0..<(end - start) { buf[k] = UInt8(truncatingIfNeeded: sc[start + k].value) }
        return end - start
    }
}

/// A word's text and its lower case, built straight from bytes when the word is ASCII (the common case).
@inline(__always) func textAndLower(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int) -> (String, String) {
    let (text, lower, _) = textLowerAndHash(sc, start, end)
    return (text, lower)
}

/// `fnv1a` of the lower case of `sc[start..<end]`, which must be ASCII, without building it.
@inline(__always) func asciiLowerHash(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for k in start..<end {
        let v = sc[k].value
        h = (h ^ UInt64(v >= 65 && v <= 90 ? v + 32 : v)) &* 0x100_0000_01b3
    }
    return h
}

/// `textAndLower` and `fnv1a` of the lower case, hashed while the bytes are read.
@inline(__always) func textLowerAndHash(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int) -> (String, String, UInt64) {
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
@inline(__always) func asciiTextAndLower(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int, hasUpper: Bool) -> (String, String) {
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

enum Tokenizer {
    static let asciiPunct: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }
    static let asciiPunctHash: [UInt64] = asciiPunct.map(fnv1a)

    static func tokenize(_ scalars: [Unicode.Scalar], ignored: [TextSpan]) -> [Token] {
        // Every scalar is read here: through the buffer, without a bounds check each (the strings are still
        // built from the array).
        scalars.withUnsafeBufferPointer { sc in tokenize(sc, scalars: scalars, ignored: ignored) }
    }

    private static func tokenize(_ sc: UnsafeBufferPointer<Unicode.Scalar>, scalars: [Unicode.Scalar], ignored: [TextSpan]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(sc.count / 4)
        let ignoredSorted = ignored.sorted()
        var ignoredIndex = 0
        var i = 0
        var space = false
        var newline = false
        let n = sc.count
        while i < n {
            // Opaque spans first.
            while ignoredIndex < ignoredSorted.count && ignoredSorted[ignoredIndex].end <= i { ignoredIndex += 1 }
            if ignoredIndex < ignoredSorted.count, ignoredSorted[ignoredIndex].start <= i, ignoredSorted[ignoredIndex].end > i {
                let span = ignoredSorted[ignoredIndex]
                let end = min(span.end, n)
                let t = makeString(scalars, i, end)
                tokens.append(Token(kind: .opaque, text: t, lower: t, start: i, end: end, spaceBefore: space, newlineBefore: newline))
                space = false
                newline = false
                i = end
                continue
            }
            let s = sc[i]
            if CharClass.isSpace(s) {
                space = true
                if s == "\n" { newline = true }
                i += 1
                continue
            }
            if CharClass.isWordScalar(s) {
                let start = i
                var allDigits = true
                // While the word is scanned: whether it is ASCII, has capitals, and `fnv1a` of its lower case, so
                // its strings are built without reading the scalars again.
                var ascii = true, hasUpper = false
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                var j = i
                while j < n {
                    let c = sc[j]
                    var joins = false
                    if CharClass.isWordScalar(c) {
                        if !CharClass.isDigit(c) { allDigits = false }
                        joins = true
                    } else if j + 1 < n, CharClass.isWordScalar(sc[j + 1]) {
                        // Inner joiners: apostrophe, hyphen, underscore between word scalars; . or , between digits.
                        if CharClass.isApostrophe(c) && CharClass.isLetter(sc[j + 1]) && !allDigits {
                            joins = true
                        } else if c == "-" || c == "_" {
                            if c == "_" { allDigits = false }
                            joins = true
                        } else if (c == "." || c == ",") && allDigits && CharClass.isDigit(sc[j + 1]) && j > start
                                    && CharClass.isDigit(sc[j - 1]) {
                            joins = true
                        }
                    }
                    guard joins else { break }
                    let v = c.value
                    if v >= 128 {
                        ascii = false
                    } else {
                        let upper = v >= 65 && v <= 90
                        if upper { hasUpper = true }
                        hash = (hash ^ UInt64(upper ? v + 32 : v)) &* 0x100_0000_01b3
                    }
                    j += 1
                }
                let text: String, lower: String
                if ascii {
                    (text, lower) = asciiTextAndLower(scalars, start, j, hasUpper: hasUpper)
                } else {
                    (text, lower, hash) = textLowerAndHash(scalars, start, j)
                }
                tokens.append(Token(
                    kind: allDigits ? .number : .word, text: text, lower: lower, lowerHash: hash,
                    start: start, end: j, spaceBefore: space, newlineBefore: newline
                ))
                space = false
                newline = false
                i = j
                continue
            }
            if s.value < 128 {
                let t = Tokenizer.asciiPunct[Int(s.value)]
                tokens.append(Token(kind: .punct, text: t, lower: t, lowerHash: Tokenizer.asciiPunctHash[Int(s.value)],
                                    start: i, end: i + 1, spaceBefore: space, newlineBefore: newline))
            } else {
                let t = String(s)
                tokens.append(Token(kind: .punct, text: t, lower: s == "\u{2019}" ? "'" : t, start: i, end: i + 1,
                                    spaceBefore: space, newlineBefore: newline))
            }
            space = false
            newline = false
            i += 1
        }
        return tokens
    }
}

enum SentenceSplitter {
    static let abbreviations: WordList = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "eg", "ie", "cf", "al",
        "inc", "ltd", "co", "corp", "no", "fig", "figs", "vol", "pp", "approx", "dept", "est", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "gen", "col", "lt", "sgt",
        "capt", "rev", "hon", "u.s", "u.k", "a.m", "p.m", "ph.d", "op", "ed", "eds", "ch", "sec",
    ]

    static func split(tokens: [Token], scalars: [Unicode.Scalar]) -> [Sentence] {
        var out: [Sentence] = []
        var startToken = 0
        var i = 0
        func close(_ endToken: Int, terminated: Bool) {
            guard endToken > startToken else { return }
            out.append(Sentence(
                tokens: startToken..<endToken, start: tokens[startToken].start, end: tokens[endToken - 1].end,
                terminated: terminated
            ))
            startToken = endToken
        }
        // Tokens are read in place (a `Token` copy retains two strings), and a punctuation token's text is its
        // one scalar, so marks are compared as scalars.
        while i < tokens.count {
            // A blank line ends a sentence (plain text paragraphs inside one chunk, titles).
            if i > startToken, tokens[i].newlineBefore, i > 0 {
                let gapStart = tokens[i - 1].end
                var newlines = 0
                for k in gapStart..<tokens[i].start where scalars[k] == "\n" { newlines += 1 }
                if newlines >= 2 {
                    close(i, terminated: false)
                }
            }
            let mark = scalars[tokens[i].start]
            if tokens[i].kind == .punct, mark == "." || mark == "!" || mark == "?" || mark == "\u{2026}" {
                // Swallow runs of terminal punctuation and closing quotes/brackets.
                var j = i + 1
                while j < tokens.count, tokens[j].kind == .punct, !tokens[j].spaceBefore,
                      ".!?\u{2026}\"'\u{201D}\u{2019})]".unicodeScalars.contains(scalars[tokens[j].start]) {
                    j += 1
                }
                let next: Int? = j < tokens.count ? j : nil
                if mark == "." {
                    // Abbreviation or initial: "Dr. Smith", "e.g. this", "J. R. R."
                    if i > 0, tokens[i - 1].end == tokens[i].start, tokens[i - 1].kind == .word {
                        let prev = tokens[i - 1].lower
                        var compound = prev
                        if i >= 3, tokens[i - 2].end - tokens[i - 2].start == 1, scalars[tokens[i - 2].start] == ".",
                           tokens[i - 2].start == tokens[i - 1].start - 1 {
                            compound = tokens[i - 3].lower + "." + prev
                        }
                        if let next, tokens[next].spaceBefore || tokens[next].newlineBefore {
                            let nextStartsLower = CharClass.isLower(scalars[tokens[next].start])
                            if abbreviations.contains(prev) || abbreviations.contains(compound)
                                || (prev.unicodeScalars.count == 1 && CharClass.isUpper(scalars[tokens[i - 1].start]))
                                || nextStartsLower {
                                i = j
                                continue
                            }
                        }
                    }
                    // "1. ", "3.5", "file.txt": no space after → not a boundary.
                    if let next, !tokens[next].spaceBefore, !tokens[next].newlineBefore {
                        i = j
                        continue
                    }
                } else if let next, !tokens[next].spaceBefore, !tokens[next].newlineBefore, tokens[next].kind != .punct {
                    i = j
                    continue
                }
                close(j, terminated: true)
                i = j
                continue
            }
            i += 1
        }
        if startToken < tokens.count {
            let last = tokens[tokens.count - 1]
            let term = last.kind == .punct && (last.text == ":" || last.text == ";")
            close(tokens.count, terminated: term)
        }
        return out
    }
}

/// Counts syllables of an English word without a dictionary (rules plus exceptions).
public enum Syllables {
    static let exceptions: [String: Int] = [
        "the": 1, "every": 3, "different": 3, "business": 2, "people": 2, "area": 3, "idea": 3, "real": 1,
        "being": 2, "create": 2, "created": 3, "science": 2, "quiet": 2, "poem": 2, "video": 3, "radio": 3,
        "naive": 2, "queue": 1, "fire": 1, "hour": 1, "our": 1, "every's": 3, "lion": 2, "diet": 2,
        "really": 2, "actually": 4, "usually": 4, "family": 3, "simile": 3, "recipe": 3, "coyote": 3,
        "abalone": 4, "apostrophe": 4, "catastrophe": 4, "anemone": 4, "karate": 3, "sesame": 3,
        "forever": 3, "evening": 2, "interesting": 3, "chocolate": 2, "camera": 3, "vegetable": 4,
        "everything": 3, "everyone": 3, "everybody": 4, "somewhere": 2, "someone": 2, "sometimes": 2,
        "something": 2, "whereas": 2, "therefore": 2, "themselves": 2, "ourselves": 3, "yourself": 2,
    ]

    static let exceptionWords: WordFilter = {
        var f = WordFilter()
        for w in exceptions.keys { f.insert(w) }
        return f
    }()

    /// `exceptions` probed by FNV-1a (the filter before it already tells words by their bytes).
    static let exceptionMap = WordMap(exceptions)

    /// `exceptions[word]` without hashing for most words, which are not exceptions.
    @inline(__always) static func exception(_ word: String, hash: UInt64) -> Int? {
        exceptionWords.mayContain(hash: hash) ? exceptionMap[word, hash: hash] : nil
    }

    public static func count(_ word: String) -> Int { count(word, hash: fnv1a(word)) }

    /// `count(word)` given `fnv1a(word)`, such as a token's `lowerHash`: the exceptions are tested without hashing
    /// the word again.
    static func count(_ word: String, hash: UInt64) -> Int {
        if let fast = word.utf8.withContiguousStorageIfAvailable({ countASCII($0, word, hash) }), let fast { return fast }
        return slowCount(word)
    }

    /// `count(tokens[i].lower, hash: tokens[i].lowerHash)` for word token `i`, read from its scalars in one pass,
    /// lower-cased on the fly, without building or copying a string. Words the pass cannot finish (an exception,
    /// a vowel pair such as "io", a non-ASCII letter) take `count(_:hash:)`, so every word gets the same answer.
    static func count(ofToken i: Int, in text: TextAnalysis) -> Int {
        let token = i, sc = text.scalars
        let hash = text.tokens[token].lowerHash
        if exceptionWords.mayContain(hash: hash) { return count(text.tokens[token].lower, hash: hash) }
        let start = text.tokens[token].start, end = text.tokens[token].end
        // Three scalars or fewer ("the", "of", "it"): at most three letters, so one syllable if any letter.
        if end - start <= 3 {
            var letter = false
            for k in start..<end {
                let v = sc[k].value
                if v >= 128 { return Self.count(text.tokens[token].lower, hash: hash) }
                if v >= 97 && v <= 122 || v >= 65 && v <= 90 { letter = true }
            }
            return letter ? 1 : 0
        }
        var n = 0, count = 0, prevVowel = false
        var prev: UInt8 = 0
        // The first four letters, and the last four (the last in the low byte), for the prefix and ending rules.
        var head: UInt32 = 0, tail: UInt32 = 0
        for k in start..<end {
            var v = sc[k].value
            if v >= 128 {
                if v == 0x2019 { continue } // the lower case has an apostrophe: not a letter
                return Self.count(text.tokens[token].lower, hash: hash)
            }
            if v >= 65 && v <= 90 { v += 32 }
            guard v >= 97 && v <= 122 else { continue }
            let c = UInt8(truncatingIfNeeded: v)
            // ia, io, eo, ua, uo, iu, ii: the vowel-pair rule reads the whole word.
            switch (prev, c) {
            case (105, 97), (105, 111), (101, 111), (117, 97), (117, 111), (105, 117), (105, 105):
                return Self.count(text.tokens[token].lower, hash: hash)
            default: break
            }
            let vowel = isVowel(c, n)
            if vowel && !prevVowel { count += 1 }
            prevVowel = vowel
            if n < 4 { head |= UInt32(c) << UInt32(8 * n) }
            tail = tail << 8 | UInt32(c)
            prev = c
            n += 1
        }
        if n == 0 { return 0 }
        if n <= 3 { return 1 }
        let e1 = UInt8(truncatingIfNeeded: tail), e2 = UInt8(truncatingIfNeeded: tail >> 8)
        let e3 = UInt8(truncatingIfNeeded: tail >> 16), e4 = UInt8(truncatingIfNeeded: tail >> 24)
        let e: UInt8 = 101, d: UInt8 = 100, s: UInt8 = 115, t: UInt8 = 116, h: UInt8 = 104
        if e1 == e {
            let consonantLe = e2 == 108 && !isVowel(e3, n - 3)
            if !consonantLe && !isVowel(e2, n - 2) { count -= 1 }
        }
        if e1 == d && e2 == e, e3 != t && e3 != d && !isVowel(e3, n - 3) { count -= 1 }
        if e1 == s && e2 == e {
            let sibilant = e3 == s || e3 == 120 || e3 == 122 || e3 == 99 || e3 == 103 || (e3 == h && (e4 == 99 || e4 == s))
            if !sibilant && !isVowel(e3, n - 3) { count -= 1 }
        }
        if e3 == 105, e2 == s, e1 == 109 { count += 1 } // -ism
        if n > 4, head & 0xFF_FFFF == 0x65_7270, isVowel(UInt8(truncatingIfNeeded: head >> 24), 3) { count += 1 } // pre + vowel
        return max(1, count)
    }

    @inline(__always) static func isVowel(_ c: UInt8, _ i: Int) -> Bool {
        switch c {
        case 97, 101, 105, 111, 117: return true // a e i o u
        case 121: return i > 0 // y
        default: return false
        }
    }

    /// The same rules on lower-case ASCII bytes without allocating; nil for anything else.
    static func countASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ word: String, _ hash: UInt64) -> Int? {
        var n = 0
        for b in bytes {
            if b >= 128 || (b >= 65 && b <= 90) { return nil }
            if b >= 97 && b <= 122 { n += 1 }
        }
        if n == 0 { return exception(word, hash: hash) ?? 0 }
        if n <= 3 { return exception(word, hash: hash) ?? 1 }
        if n >= 4, let e = exception(word, hash: hash) { return e }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { l -> Int in
            var k = 0
            for b in bytes where b >= 97 && b <= 122 { l[k] = b; k += 1 }
            var count = 0
            var prevVowel = false
            for i in 0..<n {
                let v = isVowel(l[i], i)
                if v && !prevVowel { count += 1 }
                prevVowel = v
            }
            let e: UInt8 = 101, d: UInt8 = 100, s: UInt8 = 115, t: UInt8 = 116, h: UInt8 = 104
            if l[n - 1] == e {
                let consonantLe = n >= 3 && l[n - 2] == 108 && !isVowel(l[n - 3], n - 3)
                if !consonantLe && !(n >= 2 && isVowel(l[n - 2], n - 2)) { count -= 1 }
            }
            if n >= 4 && l[n - 1] == d && l[n - 2] == e {
                let c = l[n - 3]
                if c != t && c != d && !isVowel(c, n - 3) { count -= 1 }
            }
            if n >= 4 && l[n - 1] == s && l[n - 2] == e {
                let c = l[n - 3]
                let sibilant = c == s || c == 120 || c == 122 || c == 99 || c == 103
                    || (c == h && (l[n - 4] == 99 || l[n - 4] == s))
                if !sibilant && !isVowel(c, n - 3) { count -= 1 }
            }
            func has(_ p: StaticString) -> Bool {
                let m = p.utf8CodeUnitCount
                guard m <= n else { return false }
                let pp = p.utf8Start
                var i = 0
                while i + m <= n {
                    var ok = true
                    for j in 0..<m where l[i + j] != pp[j] { ok = false; break }
                    if ok { return true }
                    i += 1
                }
                return false
            }
            // Which of ia, io, eo, ua, uo, iu, ii occur (each counts once), in one pass.
            var seen: UInt8 = 0
            for i in 0..<(n - 1) {
                switch (l[i], l[i + 1]) {
                case (105, 97): seen |= 1 // ia
                case (105, 111): seen |= 2 // io
                case (101, 111): seen |= 4 // eo
                case (117, 97): seen |= 8 // ua
                case (117, 111): seen |= 16 // uo
                case (105, 117): seen |= 32 // iu
                case (105, 105): seen |= 64 // ii
                default: break
                }
            }
            let pairs = seen.nonzeroBitCount
            if pairs > 0, !(has("tion") || has("sion") || has("cial") || has("tial") || has("cious") || has("tious")
                            || has("gious") || has("qua") || has("guo") || has("quo")) {
                count += pairs
            }
            if n >= 3, l[n - 3] == 105, l[n - 2] == s, l[n - 1] == 109 { count += 1 } // -ism
            if n > 4, l[0] == 112, l[1] == 114, l[2] == e, isVowel(l[3], 3) { count += 1 } // pre + vowel
            return max(1, count)
        }
    }

    static func slowCount(_ word: String) -> Int {
        let w = word.lowercased()
        if let e = exceptions[w] { return e }
        let letters = Array(w.unicodeScalars.filter { CharClass.isLetter($0) })
        if letters.isEmpty { return 0 }
        if letters.count <= 3 { return 1 }
        func vowel(_ s: Unicode.Scalar, _ i: Int) -> Bool {
            switch s {
            case "a", "e", "i", "o", "u": return true
            case "y": return i > 0
            case "\u{E9}", "\u{E8}", "\u{EA}", "\u{E0}", "\u{E2}", "\u{EF}", "\u{F4}", "\u{FC}", "\u{F6}", "\u{E4}": return true
            default: return false
            }
        }
        var count = 0
        var prevVowel = false
        for (i, s) in letters.enumerated() {
            let v = vowel(s, i)
            if v && !prevVowel { count += 1 }
            prevVowel = v
        }
        let n = letters.count
        // Silent final e ("make"), but not "-le" after a consonant ("table") nor "-ee".
        if letters[n - 1] == "e" {
            let consonantLe = n >= 3 && letters[n - 2] == "l" && !vowel(letters[n - 3], n - 3)
            if !consonantLe && !(n >= 2 && vowel(letters[n - 2], n - 2)) { count -= 1 }
        }
        // "-es" / "-ed" endings that add no syllable ("makes", "named"), except after t/d ("wanted") or s/x/z/ch/sh.
        if n >= 4 && letters[n - 1] == "d" && letters[n - 2] == "e" {
            let c = letters[n - 3]
            if c != "t" && c != "d" && !vowel(c, n - 3) { count -= 1 }
        }
        if n >= 4 && letters[n - 1] == "s" && letters[n - 2] == "e" {
            let c = letters[n - 3]
            let sibilant = c == "s" || c == "x" || c == "z" || c == "c" || c == "g"
                || (c == "h" && (letters[n - 4] == "c" || letters[n - 4] == "s"))
            if !sibilant && !vowel(c, n - 3) { count -= 1 }
        }
        // Vowel pairs that are usually two syllables.
        let s = String(String.UnicodeScalarView(letters))
        for pair in ["ia", "io", "eo", "ua", "uo", "iu", "ii"] where s.contains(pair) {
            if !(s.contains("tion") || s.contains("sion") || s.contains("cial") || s.contains("tial")
                 || s.contains("cious") || s.contains("tious") || s.contains("gious") || s.contains("qua")
                 || s.contains("guo") || s.contains("quo")) {
                count += 1
            }
        }
        if s.hasSuffix("ism") { count += 1 }
        if s.hasPrefix("pre") && n > 4, vowel(letters[3], 3) { count += 1 }
        if s.hasPrefix("re") && n > 3, letters[2] == "a" || letters[2] == "i" { count += 0 }
        return max(1, count)
    }
}
