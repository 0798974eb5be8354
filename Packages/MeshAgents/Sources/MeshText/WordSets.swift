import MeshProtocol

/// A 65,536-bit filter over words, keyed by FNV-1a of their UTF-8: `mayContain` is false only for words never
/// inserted, so a failed test can skip a dictionary look-up (SipHash plus probing costs about ten times more).
package struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)

    @inline(__always) package static func key(_ s: String) -> Int { key(hash: fnv1a(s)) }

    @inline(__always) package static func key(hash h: UInt64) -> Int { Int(truncatingIfNeeded: (h ^ (h >> 32)) & 0xFFFF) }

    package init() {}

    package init<S: Sequence>(_ words: S) where S.Element == String {
        for w in words { insert(w) }
    }

    package mutating func insert(_ s: String) {
        let k = Self.key(s)
        bits[k >> 6] |= 1 << UInt64(k & 63)
    }

    @inline(__always) package func mayContain(_ s: String) -> Bool { mayContain(hash: fnv1a(s)) }

    /// `mayContain(word)` given `fnv1a(word)`, such as a token's `lowerHash`.
    @inline(__always) package func mayContain(hash: UInt64) -> Bool {
        let k = Self.key(hash: hash)
        return bits[k >> 6] & (1 << UInt64(k & 63)) != 0
    }
}

/// A read-only map from words to values: open addressing probed by a 64-bit FNV-1a hash of the word's UTF-8.
/// A look-up costs about a quarter of a `Dictionary<String, …>` one (SipHash, then probing), and a miss usually
/// ends at an empty slot without comparing strings; the phrase tables look up every token.
package struct WordMap<Value: Sendable>: Sendable {
    private let slots: [WordMapSlot]
    private let keys: [String]
    private let values: [Value]
    private let mask: Int

    package init(_ dictionary: [String: Value]) {
        var capacity = 16
        while capacity < dictionary.count * 2 { capacity *= 2 }
        var slots = [WordMapSlot](repeating: WordMapSlot(hash: 0, index: -1), count: capacity)
        var keys: [String] = [], values: [Value] = []
        for (key, value) in dictionary {
            let h = Self.hash(key)
            var i = Int(truncatingIfNeeded: h) & (capacity - 1)
            while slots[i].index >= 0 { i = (i + 1) & (capacity - 1) }
            slots[i] = WordMapSlot(hash: h, index: Int32(keys.count))
            keys.append(key)
            values.append(value)
        }
        self.slots = slots
        self.keys = keys
        self.values = values
        mask = capacity - 1
    }

    @inline(__always) package static func hash(_ s: String) -> UInt64 { mix(fnv1a(s)) }

    /// FNV's low bits mix poorly; the slot comes from them.
    @inline(__always) package static func mix(_ fnv: UInt64) -> UInt64 {
        let h = (fnv ^ (fnv >> 29)) &* 0xbf58_476d_1ce4_e5b9
        return h ^ (h >> 32)
    }

    package subscript(key: String) -> Value? { self[key, hash: fnv1a(key)] }

    /// `self[key]` given `fnv1a(key)`, such as a token's `lowerHash`.
    @inline(__always) package subscript(key: String, hash fnv: UInt64) -> Value? {
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

/// Numbers the distinct words it is given 0, 1, 2 … in the order first seen, so that a caller counts and marks them
/// in arrays. An ASCII word is found by its FNV-1a hash (a token's `lowerHash`) in an open-addressed table, like a
/// `WordMap`; any other in a `Dictionary`, whose `String` equality is canonical equivalence. So words get the same
/// number exactly when a `Set<String>` would hold them once, without hashing each with SipHash, provided no word
/// holds U+037E, U+1FEF or U+212A, the only characters that decompose to ASCII: a word token's lower case holds
/// none (the Kelvin sign lower-cases to "k", the other two are not letters).
package struct WordNumbers {
    package private(set) var words: [String] = []
    private var slots = [WordMapSlot](repeating: WordMapSlot(hash: 0, index: -1), count: 1024)
    private var asciiCount = 0
    private var others: [String: Int] = [:]

    package init() {}

    /// The number of `word`, given `fnv1a(word)` and whether it is ASCII; a new word gets the next.
    package mutating func number(of word: String, hash fnv: UInt64, isASCII: Bool) -> Int {
        guard isASCII else {
            if let n = others[word] { return n }
            others[word] = words.count
            words.append(word)
            return words.count - 1
        }
        let h = WordMap<Bool>.mix(fnv)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i].index >= 0 {
            if slots[i].hash == h && words[Int(slots[i].index)] == word { return Int(slots[i].index) }
            i = (i + 1) & mask
        }
        let n = words.count
        words.append(word)
        slots[i] = WordMapSlot(hash: h, index: Int32(n))
        asciiCount += 1
        if asciiCount * 2 > slots.count { grow() }
        return n
    }

    /// Twice the slots, so that at most half are used.
    private mutating func grow() {
        var bigger = [WordMapSlot](repeating: WordMapSlot(hash: 0, index: -1), count: slots.count * 2)
        let mask = bigger.count - 1
        for slot in slots where slot.index >= 0 {
            var i = Int(truncatingIfNeeded: slot.hash) & mask
            while bigger[i].index >= 0 { i = (i + 1) & mask }
            bigger[i] = slot
        }
        slots = bigger
    }
}

/// A slot holds its key's mixed hash beside the key's index, so a probe reads one slot to rule a word out;
/// `index` is -1 when the slot is empty. At most half the slots are used. Outside `WordMap`, so that probing from
/// the map's unspecialized code does not ask the runtime for a generic slot type's metadata on every look-up.
private struct WordMapSlot {
    var hash: UInt64
    var index: Int32
}

/// A read-only set of words, probed like a `WordMap`: with a token's `lowerHash`, a member test costs a few
/// instructions where `Set<String>.contains` hashes the word with SipHash first.
package typealias WordSet = WordMap<Bool>

extension WordMap where Value == Bool {
    package init<S: Sequence>(words: S) where S.Element == String {
        self.init(Dictionary(words.map { ($0, true) }, uniquingKeysWith: { a, _ in a }))
    }

    @inline(__always) package func contains(_ word: String, hash: UInt64) -> Bool { self[word, hash: hash] != nil }
}

/// A word list that rules test with `contains`, written like a `Set<String>` literal. When the list and the word are
/// ASCII (where equal strings are equal bytes), `contains` hashes the word's bytes with FNV-1a and probes a
/// `WordSet`, a few dozen instructions; otherwise it asks the `Set` (whose `String` equality is canonical
/// equivalence), so the answer is always the `Set`'s. `Set<String>.contains` hashes with SipHash first.
package struct WordList: Sendable, Sequence, ExpressibleByArrayLiteral {
    package let words: Set<String>
    private let map: WordSet
    private let ascii: Bool

    package init(_ words: Set<String>) {
        self.words = words
        map = WordSet(words: words)
        ascii = words.allSatisfy { $0.utf8.allSatisfy { $0 < 128 } }
    }

    package init(arrayLiteral words: String...) { self.init(Set(words)) }

    package func contains(_ word: String) -> Bool {
        guard ascii, let hash = Self.asciiHash(word) else { return words.contains(word) }
        return map.contains(word, hash: hash)
    }

    /// `contains(token.lower)`, probed by the hash the tokenizer already took rather than hashing the word again.
    @inline(__always) package func contains(_ token: Token) -> Bool {
        guard ascii, token.lowerIsASCII else { return words.contains(token.lower) }
        return map.contains(token.lower, hash: token.lowerHash)
    }

    /// `fnv1a(word)` when the word is ASCII, else nil.
    @inline(__always) package static func asciiHash(_ word: String) -> UInt64? {
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

    package func union<S: Sequence>(_ other: S) -> Set<String> where S.Element == String { words.union(other) }

    package func makeIterator() -> Set<String>.Iterator { words.makeIterator() }
}

/// A read-only `[String: Value]` for look-ups per word, with the dictionary's answers: for an ASCII word the
/// subscript probes a `WordMap` by FNV-1a of its bytes, since a key can equal an ASCII word only as the same bytes
/// (only U+037E, U+1FEF and U+212A decompose to ASCII, and no key may hold them); other words ask the dictionary.
package struct WordDictionary<Value: Sendable>: Sendable {
    package let dictionary: [String: Value]
    private let map: WordMap<Value>
    private let bytesDecide: Bool

    package init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        map = WordMap(dictionary)
        bytesDecide = !dictionary.keys.contains { $0.unicodeScalars.contains { $0 == "\u{037E}" || $0 == "\u{1FEF}" || $0 == "\u{212A}" } }
    }

    package subscript(word: String) -> Value? {
        guard bytesDecide, let hash = WordList.asciiHash(word) else { return dictionary[word] }
        return map[word, hash: hash]
    }

    /// `self[tokens[i].lower]`, probed by the hash the tokenizer already took. Read in place: a token passed by
    /// value is copied, its two strings retained.
    @inline(__always) package subscript(tokens: [Token], at i: Int) -> Value? {
        guard bytesDecide, tokens[i].lowerIsASCII else { return dictionary[tokens[i].lower] }
        return map[tokens[i].lower, hash: tokens[i].lowerHash]
    }
}
