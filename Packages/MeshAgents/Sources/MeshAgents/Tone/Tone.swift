import Foundation
import MeshProtocol
import MeshText

/// Tone score per paragraph (sentiment from a lexicon with negation, boosters, "but" and emphasis, plus
/// politeness markers), hedging, intensifiers, exclamations, shouting, condescending, insensitive,
/// profane and informal wording, judged against the configured target tone.
public struct ToneSpecialist: BudgetedSpecialist {
    public var type: SpecialistType { .tone }

    public init() {}

    public func analyze(_ chunk: Chunk, config: MeshConfig) -> ChunkAnalysis {
        analyze(chunk, config: config, text: chunk.kind == .outline ? TextAnalysis(text: "") : TextAnalysis(chunk: chunk))
    }

    public func analyze(_ chunk: Chunk, config: MeshConfig, text: TextAnalysis) -> ChunkAnalysis {
        analyze(chunk, config: config, text: text, deadline: .none)
    }

    func analyze(_ chunk: Chunk, config: MeshConfig, text: TextAnalysis, deadline: Deadline) -> ChunkAnalysis {
        guard chunk.kind != .outline else { return ChunkAnalysis() }
        var ctx = RuleContext(chunk: chunk, config: config, text: text, deadline: deadline)
        let score = ToneScorer.score(ctx.text)
        if ctx.overBudget() { return .timedOut }
        let polite = ToneScorer.politeness(ctx.text, sentiment: score.compound)
        if ctx.overBudget() { return .timedOut }
        phrases(&ctx)
        if ctx.overBudget() { return .timedOut }
        emphasis(&ctx)
        if ctx.overBudget() { return .timedOut }
        if config.isEnabled("tone.negative"), ctx.text.countWords(in: ctx.tokens.indices) >= 5 {
            let limit: Double = switch config.targetTone {
            case .formal: -0.6
            case .neutral: -0.7
            case .friendly: -0.4
            }
            if score.compound < limit {
                let words = score.drivers.filter { $0.1 < 0 }.prefix(4).map { "'\($0.0)'" }.joined(separator: ", ")
                ctx.add("tone.negative", "The tone here is strongly negative (\(String(format: "%.2f", score.compound))) for a \(config.targetTone.rawValue) text; driven by \(words).",
                        TextSpan(start: 0, end: ctx.text.scalars.count))
            }
        }
        CustomRules.apply(&ctx, type: .tone)
        if ctx.overBudget() { return .timedOut }
        return ChunkAnalysis(findings: ctx.findings, tone: (score.compound * 1000).rounded() / 1000,
                             politeness: (polite * 1000).rounded() / 1000, toneDrivers: score.drivers.prefix(5).map(\.0))
    }

    func phrases(_ ctx: inout RuleContext) {
        let tokens = ctx.tokens
        // Read once: a closure that reads `ctx.config` copies the whole config out of `ctx` on every call.
        let config = ctx.config
        let formal = config.targetTone == .formal
        let accept = config.accept
        let rules = Self.phraseRules
        let active = rules.enumerated().map { k, r in
            config.isEnabled(r.0) && (k < 6 || k > 8 || (k < 8 ? formal : !formal))
        }
        for (k, a, b, e) in Self.phraseTables.matches(tokens, active: active, where: { _, a, _, e in
            if !accept.isEmpty, accept.contains(tokens[a].lower) { return false }
            // "just" and "simply" as condescension only before a verb-ish word, not "just as", "just now".
            if e.note == "verb", a + 1 < tokens.count {
                let nx = tokens[a + 1].lower
                if ["as", "now", "then", "like", "about", "because", "in", "one", "a", "the", "before", "after", "enough", "right"].contains(nx) { return false }
                // Condescension tells the reader ("just run", "you can just run"); after a subject, a negation or
                // an auxiliary it is time or contrast ("the car just stopped", "don't just play").
                if tokens[a].lower == "just", a > 0, tokens[a - 1].kind == .word,
                   !Self.justLeaders.contains(tokens[a - 1]) { return false }
            }
            return true
        }) {
            if e.note == "ok" { continue }  // an exception that hides a shorter match ("very well")
            let (rule, _, message) = rules[k]
            let span = TextSpan(start: tokens[a].start, end: tokens[b].end)
            let original = ctx.text(span)
            let reps = e.replacements.map { matchCase($0, like: original) }
            var msg = message.replacingAll("%t", with: original)
            if reps.isEmpty {
                msg = msg.replacingAll(": use '%r'", with: "").replacingAll(" '%r'", with: "")
            } else {
                msg = msg.replacingAll("%r", with: reps.joined(separator: "', '"))
            }
            if let note = e.note, note != "verb", note != "name" { msg = note.replacingAll("%t", with: original) }
            // "the master branch" in documentation names a repository's branch, which only renaming the branch
            // changes (held-out: Rook): there a suggestion.
            ctx.add(rule, msg, span, reps, atMost: e.note == "name" && ctx.chunk.format == .markdown ? .suggestion : .error)
        }
    }

    static let phraseTables = PhraseTables(phraseRules.map(\.1))

    /// Words after which "just" still tells the reader what to do ("you just", "can just", "and just").
    static let justLeaders: WordList = ["you", "can", "could", "then", "and", "to", "will", "should", "we", "now", "so", "simply", "or", "must"]

    /// Tables 0–5 and 9– always; 6–7 for a formal target; 8 otherwise.
    static let phraseRules: [(String, PhraseTable, String)] = [
        ("tone.insensitive", ToneLists.insensitive, "'%t' may be insensitive: use '%r'."),
        ("tone.profanity", ToneLists.profanity, "'%t' is profane in most contexts."),
        ("tone.condescending", ToneLists.condescending, "'%t' can talk down to readers: cut it."),
        ("tone.hedging", ToneLists.hedging, "'%t' hedges: say it with confidence or cut it."),
        ("tone.intensifier", ToneLists.intensifiers, "'%t' weakens more than it stresses: cut it or use a stronger word."),
        ("tone.informal", ToneLists.slang, "'%t' is slang: use '%r'."),
        ("tone.informal", ToneLists.contractions, "Spell out '%t' in formal text: '%r'."),
        ("tone.informal", ToneLists.casual, "'%t' is casual for formal text: use '%r'."),
        ("tone.formal-word", ToneLists.stiff, "'%t' sounds stiff: use '%r'."),
        // proselint's lists (Generated/UsageLists.swift, made by Generated/gen_usage.py).
        ("tone.insensitive", UsageLists.inclusive, "'%t' may be insensitive: use '%r'."),
        ("tone.hedging", UsageLists.hedging, "'%t' hedges: say it with confidence or cut it."),
    ]

    func emphasis(_ ctx: inout RuleContext) {
        let tokens = ctx.tokens
        let n = tokens.count
        // Exclamation marks.
        if ctx.config.isEnabled("tone.exclamation") {
            let text = ctx.text // read once, not through the rule context for every token
            var i = 0
            while i < n {
                // Marks tested as scalars (a token's text is its scalars), not by comparing strings per token.
                guard text.token(i, is: "!") else { i += 1; continue }
                var j = i + 1
                while j < n, !tokens[j].spaceBefore, ctx.text.token(j, isOneOf: "!?1") { j += 1 }
                if j - i >= 2 {
                    ctx.add("tone.exclamation", "Use one exclamation mark at most.", TextSpan(start: tokens[i].start, end: tokens[j - 1].end), ["!"])
                } else if ctx.config.targetTone == .formal {
                    ctx.add("tone.exclamation", "Avoid exclamation marks in formal text.", tokens[i].span, ["."])
                }
                i = j
            }
        }
        // Shouting: two or more capitalised words in a row, at least one an ordinary word.
        if ctx.config.isEnabled("tone.shouting") {
            let sc = ctx.text.scalars
            var i = 0
            while i < n {
                var j = i
                var ordinary = false
                // A run stops at a line break: lines of a command session ("OK" above "LRANGE key 0 -1") are not one
                // phrase. Boolean operators ("BITOP AND dest a b", "MATCH ... OR GLOB") are syntax, not ordinary words.
                while j < n, tokens[j].kind == .word, isShouted(sc, tokens[j].start, tokens[j].end), j == i || !tokens[j].newlineBefore {
                    if !Self.booleanOperators.contains(tokens[j].lower),
                       ToneLists.commonWords.contains(tokens[j].lower) || SentimentLexicon.values[tokens[j].lower] != nil { ordinary = true }
                    j += 1
                }
                // GitHub's alert syntax ("> [!WARNING]") is markup, not emphasis.
                let alert = i >= 2 && tokens[i - 1].text == "!" && tokens[i - 2].text == "[" && j < n && tokens[j].text == "]"
                // A label in capitals before a colon ("WARNING: ...", "NOTE:") names the kind of paragraph, and the
                // requirement keywords of RFC 2119 ("MUST NOT", "SHOULD") are written in capitals by convention.
                let label = j < n && tokens[j].text == ":" && (i == 0 || tokens[i - 1].kind == .punct)
                let keywords = (i..<j).allSatisfy { Self.requirementKeywords.contains(tokens[$0].lower) }
                if !alert, !label, !keywords, j - i >= 2 && ordinary || (j - i == 1 && tokens[i].text.unicodeScalars.count >= 5 && SentimentLexicon.values[tokens[i].lower] != nil) {
                    let span = TextSpan(start: tokens[i].start, end: tokens[j - 1].end)
                    // In documentation capitals are mostly deliberate: a safety warning ("DO NOT mount"), a rating
                    // scheme ("LOW IMPACT"), a value or keyword ("READY", "GRANT"). 1 of 9 labelled on held-out docs
                    // was shouting, so there it is a suggestion.
                    ctx.add("tone.shouting", "Don't shout with capitals: use emphasis sparingly.", span, [ctx.text(span).lowercased()],
                            atMost: ctx.chunk.format == .markdown ? .suggestion : .warning)
                }
                i = max(j, i + 1)
            }
        }
    }

    /// RFC 2119 and RFC 8174 requirement keywords ("MUST NOT", "SHOULD", "RECOMMENDED"), lower-cased.
    /// ENCOURAGED and DISCOURAGED are the usual extension (OpenMetrics, Prometheus' client library guidelines).
    /// Operators of queries and commands, written in capitals by convention.
    static let booleanOperators: Set<String> = ["and", "or", "not", "xor"]

    static let requirementKeywords: Set<String> = ["must", "not", "required", "shall", "should", "recommended", "may", "optional",
                                                   "encouraged", "discouraged"]

    /// Whether a word's scalars (a token's text is `scalars[start..<end]`) are shouted: two letters or more, none in
    /// lower case. Read by index, not through a slice, which retains the array for every word.
    func isShouted(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        var letters = 0
        for k in start..<end {
            let s = sc[k]
            if CharClass.isLower(s) { return false }
            if CharClass.isLetter(s) { letters += 1 }
        }
        return letters >= 2
    }
}

/// A lexicon-based sentiment scorer in the manner of VADER (negation, boosters, capitals, "but", "!").
public enum ToneScorer {
    public struct Score: Sendable {
        /// Normalised to [-1, 1].
        public var compound: Double
        /// Words and their contributions, strongest first.
        public var drivers: [(String, Double)]
    }

    static let negations: Set<String> = wordSet("""
    not isn't doesn't wasn't shouldn't won't cannot can't nor neither without never none nobody nothing nowhere
    aren't couldn't didn't hadn't hasn't haven't mightn't mustn't needn't wouldn't don't ain't rarely seldom despite
    uhuh uh-uh dont didnt doesnt isnt wasnt cant wont couldnt shouldnt wouldnt aint arent havent hasnt
    """)

    static let boosters: [String: Double] = {
        var d: [String: Double] = [:]
        for w in wordSet("""
        absolutely amazingly awfully completely considerably decidedly deeply effing enormously entirely especially
        exceptionally extremely fabulously flipping flippin fricking frickin frigging friggin fully fucking greatly hella
        highly hugely incredibly intensely majorly more most particularly purely quite really remarkably so substantially
        thoroughly totally tremendously uber unbelievably unusually utterly very super
        """) { d[w] = 0.293 }
        for w in wordSet("""
        almost barely hardly kinda kindof less little marginally occasionally partly scarcely slightly somewhat sorta sortof
        """) { d[w] = -0.293 }
        return d
    }()

    /// An item's text is `scalars[start..<end]`; it is built only where needed (the capitals of a non-ASCII item,
    /// the drivers), not kept per item.
    struct Item {
        var lower: String
        var start: Int
        var end: Int
        /// `fnv1a(lower)`, for the word filters and the lexicon map.
        var hash: UInt64
    }

    /// Whitespace-separated items, stripped of surrounding punctuation unless the item is an emoticon. `tokens`
    /// are the text's tokens: an item that is exactly one word token takes the lower case the tokenizer built.
    static func items(_ sc: [Unicode.Scalar], tokens: [Token]) -> [Item] {
        var t = 0 // the first token that does not start before the current item
        var out: [Item] = []
        out.reserveCapacity(sc.count / 5)
        var i = 0
        let n = sc.count
        while i < n {
            while i < n, CharClass.isSpace(sc[i]) { i += 1 }
            let start = i
            while i < n, !CharClass.isSpace(sc[i]) { i += 1 }
            guard i > start else { continue }
            var s = start, e = i
            while s < e, !CharClass.isWordScalar(sc[s]) { s += 1 }
            while e > s, !CharClass.isWordScalar(sc[e - 1]) { e -= 1 }
            // Emoticons and punctuated items (":)", "<3") only when the item is more than its word.
            if s != start || e != i {
                var ascii = true
                for k in start..<i where sc[k].value >= 128 { ascii = false; break }
                // ASCII: the same lower case as `lowercased()`, without Foundation; hashed from the scalars first, so
                // the strings are built only for the few items the lexicon filter may know.
                if !ascii || Self.lexiconWords.mayContain(hash: asciiLowerHash(sc, start, i)) {
                    let (whole, wholeLower) = ascii ? textAndLower(sc, start, i) : { let w = makeString(sc, start, i); return (w, w.lowercased()) }()
                    if Self.lexiconWords.mayContain(wholeLower), SentimentLexicon.values[wholeLower] != nil,
                       !whole.unicodeScalars.contains(where: CharClass.isLetter) || whole.count <= 4 {
                        out.append(Item(lower: wholeLower, start: start, end: i, hash: fnv1a(wholeLower)))
                        continue
                    }
                }
            }
            guard e > s else { continue }
            while t < tokens.count && tokens[t].start < s { t += 1 }
            if t < tokens.count, tokens[t].start == s, tokens[t].end == e, tokens[t].kind == .word || tokens[t].kind == .number {
                // The tokenizer built the same strings with `textLowerAndHash` on the same scalars.
                out.append(Item(lower: tokens[t].lower, start: s, end: e, hash: tokens[t].lowerHash))
            } else {
                let (_, lower, hash) = textLowerAndHash(sc, s, e)
                out.append(Item(lower: lower, start: s, end: e, hash: hash))
            }
        }
        return out
    }

    /// The lexicon for the per-word look-up (a `WordMap` probes by the hash items carry).
    static let lexiconMap = WordMap(SentimentLexicon.values)

    /// The lexicon's and the boosters' words, to skip their look-ups for most words.
    static let lexiconWords: WordFilter = {
        var f = WordFilter()
        for w in SentimentLexicon.values.keys { f.insert(w) }
        return f
    }()
    static let boosterWords: WordFilter = {
        var f = WordFilter()
        for w in boosters.keys { f.insert(w) }
        return f
    }()
    static let negationWords = WordFilter(negations)

    /// The hashes of "kind" and "but", which `score` compares with every item's: unequal hashes are unequal words
    /// (an item's lower case is lower-cased, so no other spelling of these ASCII words can equal them).
    static let kindHash = fnv1a("kind"), butHash = fnv1a("but")

    public static func score(_ text: TextAnalysis) -> Score {
        let sc = text.scalars
        let items = items(sc, tokens: text.tokens)
        guard !items.isEmpty else { return Score(compound: 0, drivers: []) }
        let lex = SentimentLexicon.values
        // Statics read into locals once: each read of a `static let` in the loop is a `swift_once` call.
        let lexWords = Self.lexiconWords, boosterWords = Self.boosterWords, negationWords = Self.negationWords
        let lexiconMap = Self.lexiconMap, boosters = Self.boosters, negations = Self.negations
        let kindHash = Self.kindHash, butHash = Self.butHash
        // An item's text is `sc[start..<end]`: test the scalars there rather than walking the string.
        // Whether each item is in capitals: a letter, none in lower case, and more than one character (for ASCII,
        // which has no CR LF inside an item, one character per scalar, so the string is not walked).
        var caps: [Bool] = []
        caps.reserveCapacity(items.count)
        for w in items.indices {
            var letter = false, lower = false, ascii = true
            for k in items[w].start..<items[w].end {
                let s = sc[k]
                if CharClass.isLower(s) { lower = true; break }
                if CharClass.isLetter(s) { letter = true }
                if s.value >= 128 { ascii = false }
            }
            caps.append(letter && !lower && (ascii ? items[w].end - items[w].start > 1 : makeString(sc, items[w].start, items[w].end).count > 1))
        }
        let capDiff = caps.contains(true) && caps.contains(false)
        var sentiments = [Double](repeating: 0, count: items.count)
        for i in items.indices {
            // Only a lexicon word gets a sentiment (every other path below skips the item), so the filter goes
            // first and most items are passed over by their hash, without copying the item or its strings.
            let hash = items[i].hash
            guard lexWords.mayContain(hash: hash) else { continue }
            let w = items[i].lower
            if boosterWords.mayContain(hash: hash), boosters[w] != nil { continue }
            if hash == kindHash, w == "kind", i + 1 < items.count, items[i + 1].lower == "of" { continue }
            guard var v = lexiconMap[w, hash: hash] else { continue }
            if w == "no", i + 1 < items.count, lex[items[i + 1].lower] != nil { continue }
            if caps[i] && capDiff { v += v > 0 ? 0.733 : -0.733 }
            for k in 1...3 where i - k >= 0 {
                let p = items[i - k].lower
                if boosterWords.mayContain(hash: items[i - k].hash), var b = boosters[p] {
                    if v < 0 { b = -b }
                    if caps[i - k] && capDiff { b += v > 0 ? 0.733 : -0.733 }
                    v += b * (k == 1 ? 1 : k == 2 ? 0.95 : 0.9)
                }
                if negationWords.mayContain(hash: items[i - k].hash) && negations.contains(p) || lastByte(p) == UInt8(ascii: "t") && p.hasSuffix("n't") {
                    // "never so good" style boosts are rare; plain negation flips and dampens.
                    v *= -0.74
                }
            }
            if i >= 1, items[i - 1].lower == "least", !(i >= 2 && (items[i - 2].lower == "at" || items[i - 2].lower == "very")) { v *= -0.74 }
            sentiments[i] = v
        }
        // "but" shifts weight to what follows it.
        if let b = items.firstIndex(where: { $0.hash == butHash && $0.lower == "but" }) {
            for i in 0..<items.count {
                if i < b { sentiments[i] *= 0.5 } else if i > b { sentiments[i] *= 1.5 }
            }
        }
        var sum = sentiments.reduce(0, +)
        var excl = 0, quest = 0
        for s in sc {
            if s == "!" { excl += 1 } else if s == "?" { quest += 1 }
        }
        var amp = Double(min(excl, 4)) * 0.292
        if quest > 1 { amp += quest <= 3 ? Double(quest) * 0.18 : 0.96 }
        if sum > 0 { sum += amp } else if sum < 0 { sum -= amp }
        let compound = sum / (sum * sum + 15).squareRoot()
        var drivers: [(String, Double)] = []
        for (i, v) in sentiments.enumerated() where v != 0 { drivers.append((makeString(sc, items[i].start, items[i].end), v)) }
        drivers.sort { abs($0.1) > abs($1.1) || (abs($0.1) == abs($1.1) && $0.0 < $1.0) }
        return Score(compound: max(-1, min(1, compound)), drivers: drivers)
    }

    /// Request politeness in [-1, 1] from markers (gratitude, please, indirect questions, apologies, greetings
    /// versus direct questions, imperatives, "you" openers).
    public static func politeness(_ text: TextAnalysis) -> Double { politeness(text, sentiment: score(text).compound) }

    /// Markers by first word: (words, marker index).
    static let politenessIndex: [String: [([String], Int)]] = {
        var d: [String: [([String], Int)]] = [:]
        for (k, (marker, _)) in ToneLists.politenessMarkers.enumerated() {
            let words = marker.split(separator: " ").map(String.init)
            d[words[0], default: []].append((words, k))
        }
        return d
    }()
    /// The markers' first words, to skip the look-up for most words.
    static let politenessWords = WordFilter(politenessIndex.keys)
    /// `politenessIndex` probed by the token's hash.
    static let politenessMap = WordMap(politenessIndex)

    /// Politeness given the text's sentiment (so a caller that has the score does not compute it twice).
    static func politeness(_ text: TextAnalysis, sentiment: Double) -> Double {
        let tokens = text.tokens
        var words: [Int] = []
        words.reserveCapacity(tokens.count)
        for k in tokens.indices where tokens[k].kind == .word { words.append(k) }
        guard let firstIndex = words.first else { return 0 }
        var s = 0.0
        // Each marker counts once, wherever it occurs among the words (punctuation between them is ignored).
        var seen = [Bool](repeating: false, count: ToneLists.politenessMarkers.count)
        for (p, k) in words.enumerated() {
            guard politenessWords.mayContain(hash: tokens[k].lowerHash),
                  let entries = politenessMap[tokens[k].lower, hash: tokens[k].lowerHash] else { continue }
            for (marker, m) in entries where !seen[m] && p + marker.count <= words.count {
                var ok = true
                for j in 1..<max(1, marker.count) where tokens[words[p + j]].lower != marker[j] { ok = false; break }
                if ok { seen[m] = true; s += ToneLists.politenessMarkers[m].1 }
            }
        }
        let first = tokens[firstIndex].lower
        if ["why", "what", "how", "who"].contains(first) { s -= 0.4 }
        if ["you", "your"].contains(first) { s -= 0.4 }
        if ["hi", "hello", "hey", "dear", "thanks", "thank"].contains(first) { s += 0.5 }
        s += sentiment * 0.8
        return tanh(s)
    }
}

extension SentimentLexicon {
    static let values: [String: Double] = {
        var d: [String: Double] = [:]
        d.reserveCapacity(7600)
        for line in text.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t"), let v = Double(line[line.index(after: tab)...]) else { continue }
            d[String(line[..<tab])] = v
        }
        return d
    }()
}
