import Foundation
import MeshProtocol

/// FNV-1a (64-bit) of a string's UTF-8: the hash behind `WordFilter` and `WordMap`. Tokens keep it for their
/// lower case (`Token.lowerHash`).
@inline(__always) func fnv1a(_ s: String) -> UInt64 {
    var s = s
    return s.withUTF8 { b in
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return h
    }
}

/// A 65,536-bit filter over words, keyed by FNV-1a of their UTF-8: `mayContain` is false only for words never
/// inserted, so a failed test can skip a dictionary look-up (SipHash plus probing costs about ten times more).
struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)

    @inline(__always) static func key(_ s: String) -> Int { key(hash: fnv1a(s)) }

    @inline(__always) static func key(hash h: UInt64) -> Int { Int(truncatingIfNeeded: (h ^ (h >> 32)) & 0xFFFF) }

    init() {}

    init<S: Sequence>(_ words: S) where S.Element == String {
        for w in words { insert(w) }
    }

    mutating func insert(_ s: String) {
        let k = Self.key(s)
        bits[k >> 6] |= 1 << UInt64(k & 63)
    }

    @inline(__always) func mayContain(_ s: String) -> Bool { mayContain(hash: fnv1a(s)) }

    /// `mayContain(word)` given `fnv1a(word)`, such as a token's `lowerHash`.
    @inline(__always) func mayContain(hash: UInt64) -> Bool {
        let k = Self.key(hash: hash)
        return bits[k >> 6] & (1 << UInt64(k & 63)) != 0
    }
}

/// A read-only map from words to values: open addressing probed by a 64-bit FNV-1a hash of the word's UTF-8.
/// A look-up costs about a quarter of a `Dictionary<String, …>` one (SipHash, then probing), and a miss usually
/// ends at an empty slot without comparing strings; the phrase tables look up every token.
struct WordMap<Value: Sendable>: Sendable {
    /// A slot holds its key's mixed hash beside the key's index, so a probe reads one slot to rule a word out;
    /// `index` is -1 when the slot is empty. At most half the slots are used.
    private struct Slot {
        var hash: UInt64
        var index: Int32
    }

    private let slots: [Slot]
    private let keys: [String]
    private let values: [Value]
    private let mask: Int

    init(_ dictionary: [String: Value]) {
        var capacity = 16
        while capacity < dictionary.count * 2 { capacity *= 2 }
        var slots = [Slot](repeating: Slot(hash: 0, index: -1), count: capacity)
        var keys: [String] = [], values: [Value] = []
        for (key, value) in dictionary {
            let h = Self.hash(key)
            var i = Int(truncatingIfNeeded: h) & (capacity - 1)
            while slots[i].index >= 0 { i = (i + 1) & (capacity - 1) }
            slots[i] = Slot(hash: h, index: Int32(keys.count))
            keys.append(key)
            values.append(value)
        }
        self.slots = slots
        self.keys = keys
        self.values = values
        mask = capacity - 1
    }

    @inline(__always) static func hash(_ s: String) -> UInt64 { mix(fnv1a(s)) }

    /// FNV's low bits mix poorly; the slot comes from them.
    @inline(__always) static func mix(_ fnv: UInt64) -> UInt64 {
        let h = (fnv ^ (fnv >> 29)) &* 0xbf58_476d_1ce4_e5b9
        return h ^ (h >> 32)
    }

    subscript(key: String) -> Value? { self[key, hash: fnv1a(key)] }

    /// `self[key]` given `fnv1a(key)`, such as a token's `lowerHash`.
    @inline(__always) subscript(key: String, hash fnv: UInt64) -> Value? {
        let h = Self.mix(fnv)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[i]
            if slot.index < 0 { return nil }
            if slot.hash == h && keys[Int(slot.index)] == key { return values[Int(slot.index)] }
            i = (i + 1) & mask
        }
    }
}

/// A read-only set of words, probed like a `WordMap`: with a token's `lowerHash`, a member test costs a few
/// instructions where `Set<String>.contains` hashes the word with SipHash first.
typealias WordSet = WordMap<Bool>

extension WordMap where Value == Bool {
    init<S: Sequence>(words: S) where S.Element == String {
        self.init(Dictionary(words.map { ($0, true) }, uniquingKeysWith: { a, _ in a }))
    }

    @inline(__always) func contains(_ word: String, hash: UInt64) -> Bool { self[word, hash: hash] != nil }
}

/// A word list that rules test with `contains`, written like a `Set<String>` literal. When the list and the word are
/// ASCII (where equal strings are equal bytes), `contains` hashes the word's bytes with FNV-1a and probes a
/// `WordSet`, a few dozen instructions; otherwise it asks the `Set` (whose `String` equality is canonical
/// equivalence), so the answer is always the `Set`'s. `Set<String>.contains` hashes with SipHash first.
struct WordList: Sendable, Sequence, ExpressibleByArrayLiteral {
    let words: Set<String>
    private let map: WordSet
    private let ascii: Bool

    init(_ words: Set<String>) {
        self.words = words
        map = WordSet(words: words)
        ascii = words.allSatisfy { $0.utf8.allSatisfy { $0 < 128 } }
    }

    init(arrayLiteral words: String...) { self.init(Set(words)) }

    func contains(_ word: String) -> Bool {
        guard ascii, let hash = Self.asciiHash(word) else { return words.contains(word) }
        return map.contains(word, hash: hash)
    }

    /// `contains(token.lower)`, probed by the hash the tokenizer already took rather than hashing the word again.
    @inline(__always) func contains(_ token: Token) -> Bool {
        guard ascii, token.lowerIsASCII else { return words.contains(token.lower) }
        return map.contains(token.lower, hash: token.lowerHash)
    }

    /// `fnv1a(word)` when the word is ASCII, else nil.
    @inline(__always) static func asciiHash(_ word: String) -> UInt64? {
        var word = word
        return word.withUTF8 { b in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var high: UInt8 = 0
            for c in b {
                high |= c
                h = (h ^ UInt64(c)) &* 0x100_0000_01b3
            }
            return high < 128 ? h : nil
        }
    }

    func union<S: Sequence>(_ other: S) -> Set<String> where S.Element == String { words.union(other) }

    func makeIterator() -> Set<String>.Iterator { words.makeIterator() }
}

/// A read-only `[String: Value]` for look-ups per word, with the dictionary's answers: for an ASCII word the
/// subscript probes a `WordMap` by FNV-1a of its bytes, since a key can equal an ASCII word only as the same bytes
/// (only U+037E, U+1FEF and U+212A decompose to ASCII, and no key may hold them); other words ask the dictionary.
struct WordDictionary<Value: Sendable>: Sendable {
    let dictionary: [String: Value]
    private let map: WordMap<Value>
    private let bytesDecide: Bool

    init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        map = WordMap(dictionary)
        bytesDecide = !dictionary.keys.contains { $0.unicodeScalars.contains { $0 == "\u{037E}" || $0 == "\u{1FEF}" || $0 == "\u{212A}" } }
    }

    subscript(word: String) -> Value? {
        guard bytesDecide, let hash = WordList.asciiHash(word) else { return dictionary[word] }
        return map[word, hash: hash]
    }

    /// `self[token.lower]`, probed by the hash the tokenizer already took.
    @inline(__always) subscript(token: Token) -> Value? {
        guard bytesDecide, token.lowerIsASCII else { return dictionary[token.lower] }
        return map[token.lower, hash: token.lowerHash]
    }
}

/// Filters over the keys of word lists that rules consult for every token, derived from the lists themselves
/// (so they never drift): a rule asks `mayContain` before the look-up.
extension GrammarLists {
    static let uncountablePluralWords = WordFilter(uncountablePlurals.keys)
    static let properNounWords = WordFilter(properNouns.keys)
}

extension GrammarSpecialist {
    static let nounVerbWords = WordFilter(Array(nounForVerb.keys) + Array(verbForNoun.keys))
}

/// The agreement triggers as a map probed by the token's hash (derived from the list, which stays the source of
/// truth).
extension GrammarSpecialist {
    static let agreementTriggerMap = WordMap(agreementTriggers)
}

extension ClarityLists {
    static let beFormWords = WordFilter(beForms)
}

/// A list of phrases matched token by token (case-insensitive) over a chunk's tokens.
/// Patterns are tokenized like text; `#` matches any number, `*` any word.
struct PhraseTable: Sendable {
    struct Entry: Sendable {
        var words: [String] {
            didSet {
                kinds = Self.kinds(of: words)
                secondKey = Self.secondKey(of: words)
            }
        }
        var replacements: [String]
        var note: String?
        /// Per word: 0 a literal word, 1 `#` (any number), 2 `*` (any word); compared as bytes while matching.
        private(set) var kinds: [UInt8]
        /// `WordFilter.key` of a literal second word, else -1. Common first words ("in", "the") start many entries;
        /// comparing this integer with the next token's key rules most of them out without comparing strings.
        private(set) var secondKey: Int

        init(words: [String], replacements: [String], note: String?) {
            self.words = words
            self.replacements = replacements
            self.note = note
            self.kinds = Self.kinds(of: words)
            self.secondKey = Self.secondKey(of: words)
        }

        static func kinds(of words: [String]) -> [UInt8] { words.map { $0 == "#" ? 1 : $0 == "*" ? 2 : 0 } }

        static func secondKey(of words: [String]) -> Int {
            words.count > 1 && words[1] != "#" && words[1] != "*" ? WordFilter.key(words[1]) : -1
        }

        /// false when the entry cannot match because its literal second word differs from the next token's.
        @inline(__always) func mayMatch(nextKey: Int) -> Bool { secondKey < 0 || secondKey == nextKey }
    }

    private(set) var byFirst: [String: [Entry]] = [:]
    /// The keys of `byFirst`, to skip the look-up for most tokens.
    private var firstWords = WordFilter()

    /// One entry per line.
    init(_ text: String) {
        self.init(text.split(separator: "\n").map(String.init))
    }

    /// `lines` are `pattern => replacement | other replacement ## note`; replacement and note are optional.
    init(_ lines: [String]) {
        for line in lines {
            var pattern = line
            var replacements: [String] = []
            var note: String?
            if let r = pattern.rangeOfPair(UInt8(ascii: "#"), UInt8(ascii: "#")) {
                note = String(pattern[r.upperBound...]).trimmed
                pattern = String(pattern[..<r.lowerBound])
            }
            if let r = pattern.rangeOfPair(UInt8(ascii: "="), UInt8(ascii: ">")) {
                replacements = pattern[r.upperBound...].split(separator: "|").map { String($0).trimmed }.filter { !$0.isEmpty }
                pattern = String(pattern[..<r.lowerBound])
            }
            let tokens = Tokenizer.tokenize(Array(pattern.trimmed.unicodeScalars), ignored: []).map(\.lower)
            guard let first = tokens.first else { continue }
            byFirst[first, default: []].append(Entry(words: tokens, replacements: replacements, note: note))
        }
        for key in byFirst.keys {
            byFirst[key]!.sort { $0.words.count > $1.words.count }
            firstWords.insert(key)
        }
    }

    /// The key an entry's literal second word must have to match at token `i`; -2 (no entry's key) when no word
    /// can follow (the end, or an opaque token).
    @inline(__always) static func nextKey(_ tokens: [Token], _ i: Int) -> Int {
        i + 1 < tokens.count && tokens[i + 1].kind != .opaque ? WordFilter.key(hash: tokens[i + 1].lowerHash) : -2
    }


    /// Non-overlapping matches, longest first at each position: (first token, last token, entry).
    func matches(_ tokens: [Token], where accept: (Int, Int, Entry) -> Bool = { _, _, _ in true }) -> [(Int, Int, Entry)] {
        var out: [(Int, Int, Entry)] = []
        var i = 0
        let n = tokens.count
        let numberEntries = byFirst["#"]
        while i < n {
            let kind = tokens[i].kind
            if kind != .opaque, let entries = (kind == .number ? numberEntries : nil)
                ?? (firstWords.mayContain(hash: tokens[i].lowerHash) ? byFirst[tokens[i].lower] : nil) {
                var matched = false
                let nextKey = Self.nextKey(tokens, i)
                for j in entries.indices where entries[j].mayMatch(nextKey: nextKey) {
                    let e = entries[j]
                    let m = e.words.count
                    guard i + m <= n else { continue }
                    var ok = true
                    for k in 1..<max(1, m) {
                        switch e.kinds[k] {
                        case 1: if tokens[i + k].kind != .number { ok = false }
                        case 2: if tokens[i + k].kind != .word { ok = false }
                        default: if tokens[i + k].kind == .opaque || tokens[i + k].lower != e.words[k] { ok = false }
                        }
                        if !ok { break }
                    }
                    if ok && accept(i, i + m - 1, e) {
                        out.append((i, i + m - 1, e))
                        i += m
                        matched = true
                        break
                    }
                }
                if matched { continue }
            }
            i += 1
        }
        return out
    }
}

/// Several phrase tables matched in one pass: one dictionary look-up per token for all of them, with the same
/// result as matching each table on its own (non-overlapping within a table, longest first at each position).
///
/// Half the tokens of English prose start some phrase ("the", "in", "a"), so the scan is laid out flat: groups,
/// entries and second-word keys sit in three arrays, read in place without retaining anything per token.
struct PhraseTables: Sendable {
    /// One table's entries for one first word: `entries[start..<end]`, longest first.
    struct Group: Sendable {
        let table: Int
        let start: Int
        let end: Int
        /// Bit `key & 63` of each entry's literal second word; `open` when an entry has none (one word, `#`, `*`).
        /// A group whose bits miss the next token's key, and that is not open, is skipped without a scan.
        let secondBits: UInt64
        let open: Bool
    }

    /// First word → the range of its groups in `groups`, in table order.
    private let byFirst: WordMap<Range<Int>>
    private let groups: [Group]
    private let entries: [PhraseTable.Entry]
    /// `entries[j].secondKey`, side by side: scanning 48-byte entries for the few whose second word can match
    /// missed the cache on nearly every one.
    private let secondKeys: [Int32]
    /// The keys of `byFirst`, to skip the look-up for most tokens.
    private let firstWords: WordFilter
    let count: Int

    init(_ tables: [PhraseTable]) {
        count = tables.count
        var byWord: [String: [(Int, [PhraseTable.Entry])]] = [:]
        for (k, t) in tables.enumerated() {
            for (first, entries) in t.byFirst { byWord[first, default: []].append((k, entries)) }
        }
        var byFirst: [String: Range<Int>] = [:]
        var groups: [Group] = [], entries: [PhraseTable.Entry] = []
        for (first, list) in byWord {
            let lower = groups.count
            for (table, tableEntries) in list {
                var bits: UInt64 = 0
                var open = false
                for e in tableEntries {
                    if e.secondKey < 0 { open = true } else { bits |= 1 << UInt64(e.secondKey & 63) }
                }
                groups.append(Group(table: table, start: entries.count, end: entries.count + tableEntries.count, secondBits: bits, open: open))
                entries += tableEntries
            }
            byFirst[first] = lower..<groups.count
        }
        self.byFirst = WordMap(byFirst)
        self.groups = groups
        self.entries = entries
        secondKeys = entries.map { Int32($0.secondKey) }
        firstWords = WordFilter(byFirst.keys)
    }

    /// Matches of every table whose index `active` allows, as (table, first token, last token, entry), in text order
    /// per table. `accept(table, a, b, entry)` can veto a match, as in `PhraseTable.matches`.
    func matches(_ tokens: [Token], active: [Bool], where accept: (Int, Int, Int, PhraseTable.Entry) -> Bool) -> [(Int, Int, Int, PhraseTable.Entry)] {
        // (table, first token, last token, entry index), in text order.
        var found: [(Int, Int, Int, Int)] = []
        var next = [Int](repeating: 0, count: count)
        let n = tokens.count
        let numberGroups = byFirst["#"]
        // Tokens, groups and entries are read in place: copying one retains its strings and arrays.
        for i in 0..<n {
            let kind = tokens[i].kind
            guard kind != .opaque else { continue }
            guard let range = (kind == .number ? numberGroups : nil)
                ?? (firstWords.mayContain(hash: tokens[i].lowerHash) ? byFirst[tokens[i].lower, hash: tokens[i].lowerHash] : nil)
            else { continue }
            let nextKey = Int32(PhraseTable.nextKey(tokens, i))
            let nextBit: UInt64 = 1 << UInt64(truncatingIfNeeded: nextKey & 63)
            for g in range where active[groups[g].table] && next[groups[g].table] <= i
                && (groups[g].open || groups[g].secondBits & nextBit != 0) {
                let table = groups[g].table
                // `Entry.mayMatch`, read from the keys side by side.
                for j in groups[g].start..<groups[g].end where secondKeys[j] < 0 || secondKeys[j] == nextKey {
                    let m = entries[j].words.count
                    guard i + m <= n else { continue }
                    var ok = true
                    for k in 1..<max(1, m) {
                        switch entries[j].kinds[k] {
                        case 1: if tokens[i + k].kind != .number { ok = false }
                        case 2: if tokens[i + k].kind != .word { ok = false }
                        default: if tokens[i + k].kind == .opaque || tokens[i + k].lower != entries[j].words[k] { ok = false }
                        }
                        if !ok { break }
                    }
                    if ok, accept(table, i, i + m - 1, entries[j]) {
                        found.append((table, i, i + m - 1, j))
                        next[table] = i + m
                        break
                    }
                }
            }
        }
        // Table by table, each in text order.
        if found.count > 1 {
            found = found.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element)
        }
        return found.map { ($0.0, $0.1, $0.2, entries[$0.3]) }
    }
}

extension String {
    /// The first range of the two ASCII bytes `first` `second` ("##", "=>"), found in the UTF-8: Foundation's
    /// `range(of:)` made loading the phrase tables (thousands of lines) slow.
    func rangeOfPair(_ first: UInt8, _ second: UInt8) -> Range<String.Index>? {
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let j = utf8.index(after: i)
            if j < utf8.endIndex, utf8[i] == first, utf8[j] == second { return i..<utf8.index(after: j) }
            i = j
        }
        return nil
    }

    /// The same as `replacing(pattern, with: replacement)`, byte by byte when the string and the pattern are ASCII
    /// (and the pattern has no line break), where bytes are characters; messages are built this way per finding,
    /// and the generic algorithm costs tens of thousands of instructions a call. The bytes are read in place and
    /// the result written once, at its final size.
    func replacingAll(_ pattern: String, with replacement: String) -> String {
        enum Outcome { case generic, unchanged, replaced(String) }
        var text = self, pattern = pattern, replacement = replacement
        let outcome: Outcome = text.withUTF8 { b in
            pattern.withUTF8 { p in
                guard !p.isEmpty, p.allSatisfy({ $0 < 128 && $0 != 10 && $0 != 13 }), b.allSatisfy({ $0 < 128 }) else { return .generic }
                let n = b.count, m = p.count
                @inline(__always) func matches(at i: Int) -> Bool {
                    guard i + m <= n else { return false }
                    for j in 0..<m where b[i + j] != p[j] { return false }
                    return true
                }
                // Matches are taken left to right without overlapping, as the copy below takes them.
                var count = 0
                var i = 0
                while i < n {
                    if matches(at: i) { count += 1; i += m } else { i += 1 }
                }
                guard count > 0 else { return .unchanged }
                return replacement.withUTF8 { r in
                    .replaced(String(unsafeUninitializedCapacity: n + count * (r.count - m)) { out in
                        var i = 0, k = 0
                        while i < n {
                            if matches(at: i) {
                                for c in r { out[k] = c; k += 1 }
                                i += m
                            } else {
                                out[k] = b[i]
                                k += 1
                                i += 1
                            }
                        }
                        return k
                    })
                }
            }
        }
        switch outcome {
        case .generic: return replacing(pattern, with: replacement)
        case .unchanged: return self
        case .replaced(let s): return s
        }
    }
}

extension StringProtocol {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

/// Words parsed from a whitespace/comma separated list.
func wordSet(_ text: String) -> Set<String> {
    Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }).map { String($0).lowercased() })
}
