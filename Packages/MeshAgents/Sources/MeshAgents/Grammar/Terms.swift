import MeshDocument
import MeshProtocol
import MeshText

/// What tells a term from a typo. A word hunspell does not know is a term, not a spelling mistake, when:
/// - the project says so: `vocabulary.accept` (words), `accept-file` (Vale's accept.txt: words and patterns);
/// - the document uses it as one (`DocumentReview.withTerms`, over the whole document): the word, or the word
///   without a plural or possessive ending, also appears inside code spans, URLs or paths anywhere in the
///   document, or in a fenced or indented code block or a link's destination (`DocumentEvidence`: code the
///   document shows, like a code span); or it is used three times or more in its prose, or twice with one use
///   in a heading or as a link's label (`[jemalloc](…)`: naming something the reader can follow), or twice
///   when it is no slip of an English word (`isTypingSlip`). One use as a label alone is not enough: a label is
///   prose someone typed, and a typo in it is still a typo;
/// - the chunk itself shows it: the same word inside one of its code spans, or in an enclosing heading.
/// A typo made once in prose has none of these, and is still caught. Words that are only *built* like terms
/// (`termShape`) are still reported, at a lower severity and with no replacement offered.
struct TermEvidence {
    private var words = Set<String>()

    init<C: Sequence, H: Sequence>(code: C, headings: H) where C.Element == String, H.Element == String {
        for text in code { Self.insertWords(of: text, into: &words, parts: true) }
        for text in headings { Self.insertWords(of: text, into: &words, parts: false) }
    }

    func contains(_ w: String) -> Bool {
        words.contains(w) || Self.stems(w).contains(where: words.contains)
    }

    /// The lower-cased letter runs of `text` ("HashMap::new" → hashmap, new), and with `parts` the pieces of a
    /// camelCase or snake_case identifier as well (hash, map).
    static func insertWords(of text: String, into set: inout Set<String>, parts: Bool) {
        // Runs and pieces are ranges of the text's scalars, made strings only when kept (from bytes, when ASCII):
        // building them scalar by scalar cost most of this function.
        let sc = unicodeScalars(of: text)
        var runStart = 0, pieceStart = 0
        func keep(_ start: Int, _ end: Int) {
            if end - start >= 2 { set.insert(makeString(sc, start, end).lowercased()) }
        }
        for i in 0...sc.count {
            if i < sc.count, CharClass.isLetter(sc[i]) || sc[i] == "'" || sc[i] == "’" {
                if parts, CharClass.isUpper(sc[i]), i > pieceStart, CharClass.isLower(sc[i - 1]) {
                    keep(pieceStart, i)
                    pieceStart = i
                }
            } else {
                keep(runStart, i)
                if parts { keep(pieceStart, i) }
                runStart = i + 1
                pieceStart = i + 1
            }
        }
    }

    /// The word without a plural or possessive ending: "impls" → impl, "submodule’s" → submodule.
    static func stems(_ w: String) -> [String] {
        // Every ending below ends in "s", and a string ends in the character "s" only if its last byte is "s":
        // most words are ruled out without the generic suffix and character-count code.
        guard lastByte(w) == UInt8(ascii: "s") else { return [] }
        var out: [String] = []
        for suffix in ["'s", "’s", "es", "s"] where w.hasSuffix(suffix) && w.count > suffix.count + 2 {
            out.append(String(w.dropLast(suffix.count)))
        }
        if w.hasSuffix("ies"), w.count > 5 { out.append(String(w.dropLast(3)) + "y") }
        return out
    }

    /// Letters of a script other than Latin (Greek, Cyrillic, CJK ...): an English dictionary cannot judge them.
    static func isForeignScript(_ word: String) -> Bool {
        word.unicodeScalars.contains { $0.value > 0x24F && !(0x1E00...0x1EFF).contains($0.value) && $0.properties.isAlphabetic }
    }

    /// The shipped technical words (`Vocabulary.builtIn`, `TechTerms`), lower-cased.
    static let technicalTerms = Set((Vocabulary.builtIn + TechTerms.words).map { $0.lowercased() })

    /// Prefixes of technical coinages ("deallocate", "submodule", "multithreaded", "unsized"). Two-letter ones
    /// need a longer rest, so "untill" stays a typo.
    static let prefixes = ["anti", "auto", "bio", "co", "counter", "cross", "de", "hyper", "inter", "intra", "macro", "meta",
                           "micro", "mono", "multi", "non", "over", "poly", "post", "pre", "pseudo", "re", "semi", "sub",
                           "super", "trans", "un", "under"]
    /// Suffixes of technical coinages ("growable", "implementors", "hasher", "parallelizable", "refutability").
    static let suffixes = ["ability", "ables", "able", "ably", "ers", "er", "ors", "or", "izations", "ization", "izes", "ized",
                           "izing", "ize", "ity", "ing"]

    /// Function words that open the run-togethers learners write ("everytime", "alot", "infact", "noone").
    static let runTogetherStarts: Set<String> = ["every", "each", "any", "some", "no", "none", "all", "in", "at", "as", "on", "of",
                                                 "be", "to", "with", "even", "more", "any", "what", "where", "when", "how", "who",
                                                 "thank", "may", "can", "could", "would", "should", "there", "here", "other", "another",
                                                 "after", "before", "over", "out", "up", "down", "off", "by", "for", "from", "into",
                                                 "the", "this", "that", "them", "their", "your", "our", "its", "his", "her", "my"]

    /// How an unknown lower-case word is built, as the severity its spelling finding gets: `.suggestion` for an
    /// abbreviation (no vowel: "src"), a known word with a prefix or suffix of technical coinage ("unsized",
    /// "growable"), two content words of four letters or more run together ("backtrace", "loopback") and a daemon's
    /// name ("systemd"); `.warning` for other words run together ("everytime", "keyspace"); nil (an error) for anything else,
    /// such as a near miss of a word ("recieve", "teh").
    static func termShape(_ w: String, known: (String) -> Bool) -> Severity? {
        let letters = Array(w.unicodeScalars)
        guard letters.count >= 2, letters.allSatisfy({ CharClass.isLower($0) || $0 == "-" || $0 == "'" || $0 == "’" }) else { return nil }
        if readAsLetters(w) { return .suggestion }
        let n = letters.count
        func word(_ a: Int, _ b: Int) -> String { makeString(letters, a, b) }
        for p in prefixes where w.hasPrefix(p) {
            let p0 = p.unicodeScalars.count
            let rest = n - p0
            if rest >= (p0 == 2 ? 5 : 4), known(word(p0, n)) { return .suggestion }
        }
        // A technical term made a verb ("namespaced", "webhooked"): the shipped vocabulary knows the noun, and an
        // English stem ("successed") is left to the slips.
        for s in ["d", "ed"] where w.hasSuffix(s) && n - s.count >= 4 && technicalTerms.contains(word(0, n - s.count)) { return .suggestion }
        for s in suffixes where w.hasSuffix(s) {
            let stemEnd = n - s.unicodeScalars.count
            guard stemEnd >= 3 else { continue }
            let stem = word(0, stemEnd)
            // "-ing" only with the dropped "e" ("templating"): "comeing" is a slip.
            if s == "ing" { if !known(stem), known(stem + "e") { return .suggestion }; continue }
            // An agent noun is made from a verb or noun ("hasher", "implementor"), not an adjective ("smallers").
            if s.hasPrefix("er") || s.hasPrefix("or"), WordClasses.shared.classes(stem)?.contains(.adjective) == true { continue }
            if known(stem) || known(stem + "e") { return .suggestion }
            if stemEnd >= 4, letters[stemEnd - 1] == letters[stemEnd - 2], known(word(0, stemEnd - 1)) { return .suggestion }
            if s.hasPrefix("iz"), s != "ize", known(stem + "ize") { return .suggestion }
        }
        if n >= 6 {
            for k in 3...(n - 3) where letters[k - 1] != "-" && letters[k] != "-" {
                // Run-togethers that learners write start with a function word ("everytime", "eachother"), and a
                // short part is as often a slip ("arkward", "perpose"); two content words of four letters or more
                // are a technical compound ("loopback", "whitebox").
                if known(word(0, k)), known(word(k, n)) {
                    return k >= 4 && n - k >= 4 && !runTogetherStarts.contains(word(0, k)) ? .suggestion : .warning
                }
            }
        }
        // A daemon's name: a word and "d" ("systemd", "launchd", "statsd"), not its past form.
        if n >= 5, w.hasSuffix("d"), !w.hasSuffix("ed"), known(word(0, n - 1)), !known(word(0, n - 1) + "e") { return .suggestion }
        return nil
    }

    /// A verb made back from a known noun in "-ion" or adjective in "-ive" by ending it in "e" ("recurse":
    /// recursion, recursive; "transpile" is not one), or such a verb with an ending ("recurses"; "successed" stays a slip).
    static func isBackFormation(_ w: String, known: (String) -> Bool) -> Bool {
        for (ending, restore) in [("", ""), ("s", ""), ("ing", "e")] where w.hasSuffix(ending) {
            let base = String(w.dropLast(ending.count)) + restore
            guard base.count >= 5, base.hasSuffix("e") else { continue }
            let stem = String(base.dropLast())
            if known(stem + "ion") || known(stem + "ive") { return true }
        }
        return false
    }

    /// A regular form of a known word that the dictionary happens to lack, which no slip explains better: an
    /// adjective-shaped word of five letters or more with "-ly" ("natively"; "truely", "basicly", "stablely", "accidently" stay slips),
    /// the plural of a known agent noun ("linters"), a noun of five letters or more used as a verb ("sharding";
    /// "studing" stays a slip of "studying").
    static func isRegularDerivation(_ w: String, known: (String) -> Bool) -> Bool {
        if w.hasSuffix("ly") {
            let stem = String(w.dropLast(2))
            if stem.count >= 5, ["ive", "al", "ous", "ful", "ary"].contains(where: stem.hasSuffix), known(stem) { return true }
            // An adverb of an adjective made with "-less" or "-ful" from a known word ("headlessly", "seamlessly").
            for suffix in ["less", "ful"] where stem.hasSuffix(suffix) {
                let base = String(stem.dropLast(suffix.count))
                if base.count >= 3, known(stem) || known(base) { return true }
            }
        }
        // (Not a comparative made a noun: "olders", "smallers" are slips; nor one letter from a plural, which a
        // learner may have meant: "attributers" for "attributes".)
        if w.hasSuffix("ers") || w.hasSuffix("ors"), w.count >= 7,
           known(String(w.dropLast())) || known(String(w.dropLast(3))) || known(String(w.dropLast(3)) + "e"),
           WordClasses.shared.classes(String(w.dropLast(3)))?.contains(.adjective) != true,
           !known(String(w.dropLast(3)) + "es") { return true }
        // A prefix of three letters or more and a known word of five or more ("precompute"; "overrall" stays a slip).
        for p in prefixes where p.count >= 3 && w.hasPrefix(p) && w.count - p.count >= 5 && known(String(w.dropFirst(p.count))) { return true }
        // (Only "-ing": a noun with "-ed" is how learners write a verb's past, "successed".)
        for ending in ["ing"] where w.hasSuffix(ending) {
            let stem = String(w.dropLast(ending.count))
            if stem.count >= 5, !stem.hasSuffix("e"), WordClasses.shared.isNounOnly(stem) { return true }
        }
        return false
    }

    /// Word-building that technical writing uses more than learners do, for Markdown documents: a two-letter
    /// prefix on a known word of seven letters or more ("rebalance", "deprovision"), an agent noun of a verb in
    /// "-y" ("queriers" from "query"), a noun in "-ment" of a known verb ("enablement"). A known misspelling is
    /// never one ("arguement").
    static func isTechnicalDerivation(_ w: String, known: (String) -> Bool, isVerb: (String) -> Bool) -> Bool {
        guard !KnownMisspellings.contains(w) else { return false }
        for p in prefixes where p.count == 2 && w.hasPrefix(p) && w.count - 2 >= 7 && known(String(w.dropFirst(2))) { return true }
        for suffix in ["iers", "ier"] where w.hasSuffix(suffix) && w.count - suffix.count >= 3 {
            let base = String(w.dropLast(suffix.count)) + "y"
            if known(base), isVerb(base) { return true }
        }
        for suffix in ["ments", "ment"] where w.hasSuffix(suffix) && w.count - suffix.count >= 4 {
            let base = String(w.dropLast(suffix.count))
            // "arguement" is "argument" with the verb's "e" kept: a slip, not a noun of its own.
            if base.hasSuffix("e"), known(String(base.dropLast()) + suffix) { continue }
            if known(base), isVerb(base) { return true }
        }
        // A daemon named Unix-style, a noun and "d" ("containerd", "systemd", "dockerd"): a name, not a slip.
        if w.hasSuffix("d"), w.count - 1 >= 6, !w.hasSuffix("ed"), known(String(w.dropLast())),
           WordClasses.shared.classes(String(w.dropLast()))?.contains(.noun) == true { return true }
        // The plural of a verb's "-ing" noun ("learnings", "trainings") and a verb's agent noun ("matcher",
        // "matchers", "inliner"; "inlining" with the verb's "e" dropped): words of the trade, not slips. The verb
        // needs four letters, so that short stems do not turn slips into words.
        for (suffix, restore) in [("ings", ""), ("ings", "e"), ("ing", "e"), ("ers", ""), ("ers", "e"), ("er", ""), ("er", "e")]
        where w.hasSuffix(suffix) && w.count - suffix.count >= 4 {
            let base = String(w.dropLast(suffix.count)) + restore
            if known(base), isVerb(base) { return true }
        }
        return false
    }

    /// The words that `w` (lower case) is a regular inflection of: "-ing", "-ed", "-es", "-s", "-er", "-ers" taken
    /// off, with and without a final "e" put back ("kustomizing" → "kustomiz", "kustomize").
    static func inflectionStems(_ w: String) -> [String] {
        var out: [String] = []
        for suffix in ["ing", "ers", "ed", "es", "er", "s"] where w.hasSuffix(suffix) && w.count - suffix.count >= 3 {
            let stem = String(w.dropLast(suffix.count))
            out.append(stem)
            out.append(stem + "e")
        }
        return out
    }

    /// A hyphenated word whose unknown parts are all four letters or fewer, with at least one known part of three
    /// letters or more.
    static func unknownPartsAreShort(_ w: String, known: (String) -> Bool) -> Bool {
        let parts = w.split(separator: "-").map(String.init)
        guard parts.count >= 2 else { return false }
        let unknown = parts.filter { !known($0) && !Prefixes.all.contains($0) && !prefixes.contains($0) }
        return !unknown.isEmpty && unknown.allSatisfy { $0.count <= 4 } && parts.contains { $0.count >= 3 && known($0) }
    }

    /// Two known words of four letters or more run together ("textfile", "breakpoint"): a compound, which a slip
    /// of one letter ("textile") does not explain better.
    static func isLongCompound(_ w: String, known: (String) -> Bool) -> Bool {
        let letters = Array(w.unicodeScalars)
        let n = letters.count
        guard n >= 8, letters.allSatisfy(CharClass.isLower) else { return false }
        for k in 4...(n - 4) where known(makeString(letters, 0, k)) && known(makeString(letters, k, n)) {
            return true
        }
        return false
    }

    /// `typed` is `word` (or, hyphenated, one part of it is the word's part) with its first consonant dropped or
    /// one put before it: "irst" / "first", "Rustaceans" / "crustaceans". Slips keep a word's first consonant, so
    /// this is how coinages (Pig Latin, puns, names) are made. A first vowel or "h" is another matter: learners
    /// write "anderstand", "imotions", "habilities", "equalifications", so those stay slips.
    /// With `anyLetter`, any first letter dropped, added or changed counts.
    static func differsInFirstLetter(_ typed: String, _ word: String, anyLetter: Bool = false) -> Bool {
        let a = typed.lowercased().split(separator: "-", omittingEmptySubsequences: false)
        let b = word.lowercased().split(separator: "-", omittingEmptySubsequences: false)
        guard a.count == b.count else { return false }
        func consonant(_ s: Unicode.Scalar?) -> Bool { s.map { CharClass.isLower($0) && !"aeiouyh".unicodeScalars.contains($0) } ?? false }
        var differing = 0
        for (x, y) in zip(a, b) where x != y {
            differing += 1
            let dropped = x.unicodeScalars.elementsEqual(y.unicodeScalars.dropFirst()) && consonant(y.unicodeScalars.first)
            let added = y.unicodeScalars.elementsEqual(x.unicodeScalars.dropFirst()) && consonant(x.unicodeScalars.first)
            let changed = anyLetter && x.unicodeScalars.count == y.unicodeScalars.count && x.unicodeScalars.dropFirst().elementsEqual(y.unicodeScalars.dropFirst())
            guard dropped || added || changed || (anyLetter && (x.unicodeScalars.elementsEqual(y.unicodeScalars.dropFirst())
                                                                || y.unicodeScalars.elementsEqual(x.unicodeScalars.dropFirst()))) else { return false }
        }
        return differing == 1
    }

    /// The word without a prefix of coinage ("repost" → post), when what is left has three letters or more.
    static func unprefixed(_ w: String) -> String? {
        for p in prefixes where w.hasPrefix(p) && w.count >= p.count + 3 { return String(w.dropFirst(p.count)) }
        return nil
    }

    /// No vowel ("src"), a letter and a hyphen ("n-ary", "x-axis"), or a start no English word has ("rlib",
    /// "nvim"): a name read letter by letter, not a word someone tried to spell.
    static func readAsLetters(_ w: String) -> Bool {
        let letters = Array(w.unicodeScalars)
        guard letters.count >= 2 else { return false }
        if !letters.contains(where: { "aeiouy".unicodeScalars.contains($0) }) { return true }
        return letters[1] == "-" || !Articles.impossibleOnsetAllowed(letters[0], letters[1])
    }

    /// Whether `typed` is `word` with one of the slips of typing or spelling: two letters swapped, a letter doubled
    /// or undoubled, one vowel for another, or (in words of five letters or more) a letter left out or added. One
    /// consonant for another is not: that is how technical terms differ from words ("malloc", "mallow").
    static func isTypingSlip(_ typed: String, _ word: String) -> Bool {
        let a = Array(typed.unicodeScalars), b = Array(word.unicodeScalars)
        let vowels = "aeiouy".unicodeScalars
        if a.count == b.count {
            let diff = (0..<a.count).filter { a[$0] != b[$0] }
            if diff.count == 2, diff[1] == diff[0] + 1, a[diff[0]] == b[diff[1]], a[diff[1]] == b[diff[0]] { return true }
            // "implementors" for "implementers" is the other agent ending, not a slip.
            if diff.count == 1, diff[0] == a.count - 2 || diff[0] == a.count - 3, typed.hasSuffix("or") || typed.hasSuffix("ors") { return false }
            return diff.count == 1 && vowels.contains(a[diff[0]]) && vowels.contains(b[diff[0]])
        }
        guard abs(a.count - b.count) == 1 else { return false }
        // The word and an ending ("reformats", "namespaced", "getters") is a form of it, not a slip.
        if a.count > b.count, typed.hasPrefix(word), a[a.count - 1] != b[b.count - 1] { return false }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        var k = 0
        while k < short.count, long[k] == short[k] { k += 1 }
        guard Array(long[(k + 1)...]) == Array(short[k...]) else { return false }
        let doubled = (k > 0 && long[k - 1] == long[k]) || (k + 1 < long.count && long[k + 1] == long[k])
        return doubled || a.count >= 5
    }

    /// Per chunk index, the words of that chunk the whole document shows to be terms (see the type's comment),
    /// lower-cased and sorted; chunks with none are left out. `known` is the speller.
    /// `evidence` is what the chunker saw outside the prose chunks: code block text and link destinations count
    /// like code spans, link labels like headings.
    static func documentTerms(_ chunks: [Chunk], analyses: [TextAnalysis?], evidence: DocumentEvidence = DocumentEvidence(), known: (String) -> Bool,
                              slipOfAWord: (String) -> Bool = { _ in true }) -> [Int: [String]] {
        var code = Set<String>()
        var headings = Set<String>()
        for block in evidence.codeBlocks { insertWords(of: block, into: &code, parts: true) }
        for link in evidence.links {
            insertWords(of: link.destination, into: &code, parts: true)
            insertWords(of: link.label, into: &headings, parts: false)
        }
        // The document's words are numbered as they come (`WordNumbers`, by the hash the tokenizer took) and then
        // counted, marked and judged in arrays: sets and maps of `String`s hashed every use of every word with
        // SipHash, a third of the producer's preparing.
        var numbers = WordNumbers()
        var prose: [Int] = []       // by word number: its uses in prose, or -1 for a word no term can be
        var lastChunk: [Int] = []   // by word number: the last chunk it was listed for
        var perChunk: [(Int, [Int])] = []
        for (chunkNumber, (c, t)) in zip(chunks, analyses).enumerated() {
            guard let t else { continue }
            var mine: [Int] = []
            let tokens = t.tokens
            // By index: a token taken by value is a copy, two strings retained, for every word of the document.
            for k in tokens.indices {
                switch tokens[k].kind {
                case .opaque:
                    insertWords(of: tokens[k].text, into: &code, parts: true)
                case .word:
                    let w = tokens[k].lower
                    let n = numbers.number(of: w, hash: tokens[k].lowerHash, isASCII: tokens[k].lowerIsASCII)
                    if n == prose.count {
                        // An ASCII lower case has a scalar a byte, as many as the token has.
                        let length = tokens[k].lowerIsASCII ? tokens[k].end - tokens[k].start : w.unicodeScalars.count
                        let candidate = length >= 3 && w.unicodeScalars.allSatisfy { CharClass.isLetter($0) || $0 == "'" || $0 == "’" || $0 == "-" }
                        prose.append(candidate ? 0 : -1)
                        lastChunk.append(-1)
                    }
                    guard prose[n] >= 0 else { continue }
                    prose[n] += 1
                    if c.kind == .heading { headings.insert(w) }
                    if lastChunk[n] != chunkNumber {
                        lastChunk[n] = chunkNumber
                        mine.append(n)
                    }
                default:
                    continue
                }
            }
            if !mine.isEmpty { perChunk.append((c.index, mine)) }
        }
        let words = numbers.words
        // Counted per word first, then per stem: stems are worked out once per distinct word, not per use.
        var wordStems = [[String]](repeating: [], count: words.count)  // by word number
        var uses: [String: Int] = [:]
        for (n, count) in prose.enumerated() where count > 0 {
            wordStems[n] = stems(words[n])
            uses[wordStems[n].last ?? words[n], default: 0] += count
        }
        var verdict = [Bool?](repeating: nil, count: words.count)  // by word number
        func isTerm(_ number: Int) -> Bool {
            if let v = verdict[number] { return v }
            let w = words[number]
            let n = uses[wordStems[number].last ?? w] ?? 0
            var shown = n >= 3 || (n >= 2 && headings.contains(w)) || code.contains(w) || wordStems[number].contains(where: code.contains)
            let v0 = !known(w)
            // Twice is enough for a word that is no slip of any English word ("newtype", "tradeoffs"): a typo
            // repeated exactly is rare, and one a letter away from a word ("recieve" twice) still needs three.
            if !shown, v0, n == 2, !slipOfAWord(w) { shown = true }
            // A prefix and a word the document uses three times or more, or in code ("repost" where posts are what
            // the text is about): a word made from the document's own.
            if !shown, v0, let rest = unprefixed(w), max(uses[rest] ?? 0, uses[stems(rest).last ?? rest] ?? 0) >= 3 || code.contains(rest) {
                shown = true
            }
            // A regular form of a word the document uses three times or more, or in code ("Kustomizing" where the
            // page is about "Kustomize"): that term at work.
            if !shown, v0, inflectionStems(w).contains(where: { (uses[$0] ?? 0) >= 3 || code.contains($0) }) { shown = true }
            let v = shown && v0
            verdict[number] = v
            return v
        }
        var out: [Int: [String]] = [:]
        for (index, mine) in perChunk {
            let terms = mine.filter(isTerm).map { words[$0] }.sorted()
            if !terms.isEmpty { out[index] = terms }
        }
        return out
    }
}
