import MeshProtocol
@testable import MeshText
import Testing
@testable import MeshAgents

/// The fast look-ups the rules use must answer exactly what the plain ones do.
@Suite("Look-ups")
struct LookupTests {
    static let text = """
    In order to win, the team at the end of the day had a number of the best players. In the event that it rains, \
    Ünder and ÜNDER stay in; the Kelvin \u{212A}elvin scale, 7 days and 12 items. At this point in time, it is what it is.
    """

    /// `PhraseTables` (one pass, flat arrays, groups skipped by a second-word mask) gives each table the matches it
    /// gives alone, table by table, each in text order.
    @Test func phraseTablesMatchEachTableAlone() {
        let tables = [
            PhraseTable(["in order to => to", "in the event that => if", "a number of => some", "at the end of the day"]),
            PhraseTable(["in", "the end", "the best", "at this point in time => now", "# days", "# items"]),
            PhraseTable(["it is what it is", "in the", "the *", "at the"]),
        ]
        let tokens = TextAnalysis(text: Self.text).tokens
        let together = PhraseTables(tables).matches(tokens, active: [true, true, true], where: { _, _, _, _ in true })
        var expected: [(Int, Int, Int, [String])] = []
        for (k, t) in tables.enumerated() {
            expected += t.matches(tokens).map { (k, $0.0, $0.1, $0.2.words) }
        }
        #expect(together.map { "\($0.0) \($0.1) \($0.2) \($0.3.words)" } == expected.map { "\($0.0) \($0.1) \($0.2) \($0.3)" })
        #expect(together.count > 10)
        // An inactive table gives nothing; the others are unchanged.
        let twoOnly = PhraseTables(tables).matches(tokens, active: [true, false, true], where: { _, _, _, _ in true })
        #expect(twoOnly.map { "\($0.0) \($0.1) \($0.2)" } == together.filter { $0.0 != 1 }.map { "\($0.0) \($0.1) \($0.2)" })
    }

    /// `WordList.contains(token)` and `WordDictionary[token]` probe by the token's hash; the answer is the plain
    /// look-up of the token's lower case, ASCII or not (the Kelvin sign lower-cases to an ASCII "k").
    /// `HashTable` (a sorted array with an index on the top 16 bits) answers what a `Set<UInt64>` answers: for
    /// random hashes, duplicates, hashes crowded into one bucket, the first and the last bucket, and for misses.
    @Test func hashTableAnswersLikeASet() {
        var rng = SystemRandomNumberGenerator()
        var hashes = (0..<20_000).map { _ in UInt64.random(in: .min ... .max, using: &rng) }
        hashes += (0..<300).map { 0x1234_0000_0000_0000 | UInt64($0 * 7) }   // one crowded bucket
        hashes += [0, 1, UInt64.max, UInt64.max - 1] + hashes.prefix(100)     // the ends, and duplicates
        let set = Set(hashes), table = HashTable(unsorted: Array(set))
        #expect(table.count == set.count)
        #expect(hashes.allSatisfy(table.contains))
        let probes = (0..<20_000).map { _ in UInt64.random(in: .min ... .max, using: &rng) }
            + (0..<300).map { 0x1234_0000_0000_0000 | UInt64($0 * 7 + 3) } + [2, UInt64.max - 2, 0xFFFF_0000_0000_0000]
        let wrong = probes.filter { table.contains($0) != set.contains($0) }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(!HashTable(unsorted: []).contains(0))
        // Built from the hashes as they come, repeats and all: the same table.
        let unsorted = HashTable(unsorted: hashes.shuffled())
        #expect(unsorted.count == set.count && unsorted.digest == table.digest)
        #expect(probes.allSatisfy { unsorted.contains($0) == set.contains($0) })
        #expect(HashTable(unsorted: []).count == 0 && HashTable(unsorted: [5, 5, 5]).count == 1)
    }

    /// `WordNumbers` gives two words one number exactly when a `Set<String>` holds them once: ASCII words by their
    /// bytes (past the table's first growth), others by canonical equivalence ("café" composed and decomposed).
    @Test func wordNumbersTellWordsApartLikeASet() {
        var numbers = WordNumbers()
        func number(_ w: String) -> Int { numbers.number(of: w, hash: fnv1a(w), isASCII: w.utf8.allSatisfy { $0 < 128 }) }
        let ascii = (0..<3_000).map { "w\($0 * 7919 % 3_001)" }
        let given = ascii + ["caf\u{E9}", "cafe\u{301}", "cafe", "na\u{EF}ve", "naive"] + ascii.reversed()
        var set = Set<String>(), first: [String: Int] = [:]
        for w in given {
            let n = number(w)
            if set.insert(w).inserted {
                #expect(n == set.count - 1, "\(w): a new word gets the next number")
                first[w] = n
            } else {
                #expect(first[w] == n, "\(w): the number it had")
            }
        }
        #expect(numbers.words.count == set.count && set.count == 3_000 + 4)
        #expect(number("cafe\u{301}") == number("caf\u{E9}") && number("cafe") != number("caf\u{E9}"))
        #expect(Set(numbers.words) == set)
    }

    /// The binary search of the misspellings blob in place answers what a dictionary of its entries answers: every
    /// word is found with its correction, and nothing else is (a word's prefixes, its extensions, words before the
    /// first and after the last).
    @Test func knownMisspellingsAnswerLikeASetOfTheBlob() {
        let entries = KnownMisspellings.blob.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }.split(whereSeparator: { $0 == " " || $0 == "\n" })
        let pairs = entries.map { e in
            let parts = e.split(separator: ">", maxSplits: 1).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : nil)
        }
        let words = pairs.map(\.0)
        #expect(words.count > 20_000)
        #expect(words == words.sorted())
        #expect(pairs.filter { $0.1 != nil }.count > 50_000)
        let set = Set(words)
        #expect(words.allSatisfy(KnownMisspellings.contains))
        #expect(pairs.allSatisfy { KnownMisspellings.correction(of: $0.0) == $0.1 })
        #expect(KnownMisspellings.correction(of: "adresses") == "addresses")
        #expect(KnownMisspellings.correction(of: "accension") == nil)  // codespell gives two: the speller ranks them
        var others = ["", "a", "aaa", "zzzzzz", "classic", "receive", "reflink"]
        for w in words.prefix(200) + words.suffix(200) + stride(from: 0, to: words.count, by: 97).map({ words[$0] }) {
            others += [String(w.dropLast()), w + "s", w + "a", String(w.dropFirst())]
        }
        for w in others { #expect(KnownMisspellings.contains(w) == set.contains(w), "\(w)") }
        #expect(KnownMisspellings.contains("clasic"))
        #expect(!KnownMisspellings.contains("launchd"))
    }

    @Test func tokenLookUpsAnswerLikeTheWord() {
        let list: WordList = ["in", "the", "under", "ünder", "kelvin", "days"]
        let dictionary = WordDictionary(["in": 1, "ünder": 2, "kelvin": 3, "it": 4])
        let tokens = TextAnalysis(text: Self.text).tokens
        for (k, t) in tokens.enumerated() {
            #expect(list.contains(t) == list.contains(t.lower), "\(t.text)")
            #expect(dictionary[tokens, at: k] == dictionary[t.lower], "\(t.text)")
        }
    }

    /// `sentence(containing:)` (a binary search) finds the sentence a linear search finds, and nil past the end.
    @Test func sentenceContainingATokenIsFoundBySearch() {
        let a = TextAnalysis(text: "One. Two three! Four five six? Seven\n\nEight nine.")
        #expect(a.sentences.count == 5)
        for k in a.tokens.indices {
            #expect(a.sentence(containing: k) == a.sentences.first(where: { $0.tokens.contains(k) }))
        }
        #expect(a.sentence(containing: a.tokens.count) == nil)
    }

    /// The decoder every analysis starts with reads ASCII eight bytes at a time: it must give the standard library's
    /// scalars for every text, whatever falls on either side of an eight-byte block.
    @Test func scalarsAsTheStandardLibraryDecodesThem() {
        var samples = ["", "a", "abcdefg", "abcdefgh", "abcdefghi", "é", "aé", "abcdefgé", "abcdefghé", "€uro", "😀", "ab😀cdefghijk",
                       "ÜNDER \u{212A}elvin", "日本語のテキストと ASCII text mixed 123", String(repeating: "x", count: 63) + "ß"]
        var rng = SplitMix64(seed: 11)
        let pool: [Unicode.Scalar] = ["a", "Z", " ", "\n", "é", "ß", "\u{2019}", "—", "€", "日", "😀", "\u{10FFFF}", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}"]
        for _ in 0..<400 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &rng) {
                // Mostly ASCII runs, so blocks of eight start and end everywhere.
                view.append(Int.random(in: 0..<4, using: &rng) == 0 ? pool.randomElement(using: &rng)! : Unicode.Scalar(UInt8.random(in: 32...126, using: &rng)))
            }
            samples.append(String(view))
        }
        for text in samples {
            #expect(unicodeScalars(of: text) == Array(text.unicodeScalars), "\(text.debugDescription)")
        }
    }
}
