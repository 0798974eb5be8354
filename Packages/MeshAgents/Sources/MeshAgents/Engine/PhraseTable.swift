import Foundation
import MeshProtocol
import MeshText

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
