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

    package init(kind: Kind, text: String, lower: String, start: Int, end: Int, spaceBefore: Bool, newlineBefore: Bool) {
        self.init(kind: kind, text: text, lower: lower, lowerHash: fnv1a(lower), start: start, end: end,
                  spaceBefore: spaceBefore, newlineBefore: newlineBefore)
    }

    /// `lowerHash` must be `fnv1a(lower)`; the tokenizer has it from the bytes it copies.
    package init(kind: Kind, text: String, lower: String, lowerHash: UInt64, start: Int, end: Int, spaceBefore: Bool, newlineBefore: Bool) {
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
