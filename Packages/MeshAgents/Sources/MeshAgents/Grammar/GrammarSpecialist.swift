import Foundation
import MeshProtocol
import MeshText

/// Spelling, repeated words, a/an, confused words, agreement, verb forms, capitalisation, spacing,
/// punctuation and sentences that never end.
public struct GrammarSpecialist: BudgetedSpecialist {
    public var type: SpecialistType { .grammar }
    public let speller: Speller

    public init(speller: Speller = .shared) { self.speller = speller }

    public func analyze(_ chunk: Chunk, config: MeshConfig) -> ChunkAnalysis {
        analyze(chunk, config: config, text: chunk.kind == .outline ? TextAnalysis(text: "") : TextAnalysis(chunk: chunk))
    }

    public func analyze(_ chunk: Chunk, config: MeshConfig, text: TextAnalysis) -> ChunkAnalysis {
        analyze(chunk, config: config, text: text, deadline: .none)
    }

    func analyze(_ chunk: Chunk, config: MeshConfig, text: TextAnalysis, deadline: Deadline) -> ChunkAnalysis {
        guard chunk.kind != .outline else { return ChunkAnalysis() }
        var ctx = RuleContext(chunk: chunk, config: config, text: text, deadline: deadline)
        let starts = sentenceStarts(ctx)
        // The rule families in order, the deadline checked after each (and inside the long ones).
        let families: [(inout RuleContext) -> Void] = [
            { phraseRules(&$0, starts: starts) },
            { wordRules(&$0, starts: starts) },
            { patternRules(&$0, starts: starts) },
            { learnerPatterns(&$0, starts: starts) },
            { clausePatterns(&$0, starts: starts) },
            { slipPatterns(&$0, starts: starts) },
            { spacingRules(&$0) },
            { if config.isEnabled("grammar.spelling") { spelling(&$0, starts: starts) } },
            { unterminated(&$0) },
            { CustomRules.apply(&$0, type: .grammar) },
        ]
        for family in families {
            if ctx.overBudget() { return .timedOut }
            family(&ctx)
        }
        if ctx.overBudget() { return .timedOut }
        return ChunkAnalysis(findings: dedupe(ctx.findings))
    }

    /// Token indices of the first word of each sentence.
    func sentenceStarts(_ ctx: RuleContext) -> SentenceStarts {
        var out = SentenceStarts(count: ctx.tokens.count)
        for s in ctx.text.sentences {
            for i in s.tokens where ctx.tokens[i].kind != .punct {
                out.insert(i)
                break
            }
        }
        return out
    }

    /// Keeps one finding per span: the more specific rule wins over spelling.
    func dedupe(_ findings: [Finding]) -> [Finding] {
        var seen = Set<TextSpan>(minimumCapacity: findings.count)
        var out: [Finding] = []
        out.reserveCapacity(findings.count)
        func keep(_ f: Finding) {
            if seen.insert(f.span).inserted || f.rule != out.last?.rule { out.append(f) }
        }
        // Compared once per finding (the rule ids are literals longer than a small string).
        let spelling = findings.map { $0.rule == "grammar.spelling" }
        // Every other rule first, in order; then spelling, in order.
        for k in findings.indices where !spelling[k] { keep(findings[k]) }
        guard out.count < findings.count else { return out }
        // A spelling finding goes where a kept finding (other than an unterminated sentence) overlaps it. Those
        // spans sorted by start, with the running maximum of their ends, answer that by binary search: some span
        // starting before the finding ends reaches past its start. (A chunk can hold thousands of findings.)
        let spans = out.filter { $0.rule != "grammar.unterminated-sentence" }.map(\.span).sorted { $0.start < $1.start }
        var maxEnd: [Int] = []
        maxEnd.reserveCapacity(spans.count)
        for s in spans { maxEnd.append(max(maxEnd.last ?? Int.min, s.end)) }
        var keptSpelling: [TextSpan] = []
        for k in findings.indices where spelling[k] {
            let f = findings[k]
            var lo = 0, hi = spans.count // spans[..<lo] start before f ends
            while lo < hi {
                let mid = (lo + hi) / 2
                if spans[mid].start < f.span.end { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0, maxEnd[lo - 1] > f.span.start { continue }
            if keptSpelling.contains(where: { $0.overlaps(f.span) }) { continue }
            let count = out.count
            keep(f)
            if out.count > count { keptSpelling.append(f.span) }
        }
        return out
    }

    /// Two equal words that are not a slip: written in capitals ("CR CR LF LF", a sequence of symbols), or in cases
    /// that differ other than a capital first letter ("the COMMAND command": a name, then the word).
    static func deliberateRepeat(_ a: String, _ b: String) -> Bool {
        func caps(_ s: String) -> Bool { s.unicodeScalars.count >= 2 && !s.unicodeScalars.contains(where: CharClass.isLower) }
        if caps(a) || caps(b) { return true }
        return a.unicodeScalars.dropFirst().elementsEqual(b.unicodeScalars.dropFirst()) == false
    }

    /// A run of 2–4 words repeated at once with no punctuation between ("miss the biggest illusion miss the biggest illusion").
    func repeatedPhrase(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        for m in 2...4 where i + 2 * m <= n {
            guard tokens[i + m].kind == .word, ctx.text.sameLower(i + m, i) else { continue }
            var same = true
            for k in 0..<m where tokens[i + k].kind != .word || tokens[i + m + k].kind != .word || !ctx.text.sameLower(i + k, i + m + k) {
                same = false
                break
            }
            // Names and numbers repeat for good reasons; so do short refrains ("bye now bye now") rarely in prose.
            if same, i == 0 || tokens[i - 1].kind != .word || !ctx.text.sameLower(i - 1, i + m - 1) {
                let phrase = ctx.text(TextSpan(start: tokens[i].start, end: tokens[i + m - 1].end))
                ctx.add("grammar.repeated-word", "'\(phrase)' is repeated.", TextSpan(start: tokens[i].start, end: tokens[i + 2 * m - 1].end), [phrase])
                return
            }
        }
    }

    // MARK: Phrase tables

    func phraseRules(_ ctx: inout RuleContext, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let rules = Self.phraseRules
        let active = rules.map { ctx.config.isEnabled($0.0) }
        for (k, a, b, e) in Self.phraseTables.matches(tokens, active: active, where: { k, a, b, e in
            if e.note == "start" { return starts.contains(a) }
            if e.note == "mid" { return !starts.contains(a) }
            if k == 0 {
                if b > a, tokens[(a + 1)...b].contains(where: { $0.kind == .word && $0.text.unicodeScalars.first.map(CharClass.isUpper) == true && $0.lower != "i" }) { return false }
                if b + 1 < tokens.count, tokens[b].lower == "of", tokens[b + 1].lower == "course" { return false }
                // "enumerating its possible variants": an adjective before a noun belongs to the possessive.
                if b == a + 1, tokens[a].lower == "its", b + 1 < tokens.count, tokens[b + 1].kind == .word,
                   ["possible", "impossible", "hard", "easy", "important", "difficult", "true", "clear", "necessary", "good", "bad"].contains(tokens[b].lower),
                   !["to", "that", "for", "because", "if", "when", "and", "but", "enough", "than", "now", "not"].contains(tokens[b + 1].lower) { return false }
            }
            return true
        }) {
            let (rule, _, message) = rules[k]
            let span = TextSpan(start: tokens[a].start, end: tokens[b].end)
            let original = ctx.text(span)
            let reps = e.replacements.map { matchCase($0, like: original) }
            var msg = message.replacingAll("%r", with: reps.first ?? "")
            if let note = e.note, note != "start", note != "mid" { msg = note }
            ctx.add(rule, msg, span, reps)
        }
    }

    static let phraseTables = PhraseTables(phraseRules.map(\.1))

    static let phraseRules: [(String, PhraseTable, String)] = [
        ("grammar.confused-words", GrammarLists.confused, "Did you mean '%r'?"),
        ("grammar.nonstandard-phrase", GrammarLists.nonstandard, "Use the standard form '%r'."),
        ("grammar.agreement", GrammarLists.agreementPhrases, "The verb does not agree with its subject: use '%r'."),
        ("grammar.typography", GrammarLists.typography, "Use '%r'."),
        ("grammar.preposition", GrammarLists.prepositions, "Use '%r'."),
    ]

    // MARK: Word-level rules

    /// Double negatives: the negative pronouns, the words after "no" that make no double negative ("no one", "no
    /// longer"), and the words that end a negation's reach ("don't think that nobody").
    static let negativeWords: WordList = ["nothing", "nobody", "nowhere", "none"]
    static let afterNoNotNegative: WordList = ["one", "matter", "longer", "doubt", "for", "to", "yet", "more", "less", "sooner", "way"]
    static let negationScopeEnders: WordList = [
        "that", "only", "just", "because", "if", "believe", "think", "know", "imagine", "guess", "suppose", "mean", "realize",
        "realise", "say", "said", "wonder",
    ]

    func wordRules(_ ctx: inout RuleContext, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        let cfg = ctx.config
        // Asked once, not per token.
        let repeatedOn = cfg.isEnabled("grammar.repeated-word")
        let articleOn = cfg.isEnabled("grammar.a-an")
        let capitalizationOn = cfg.isEnabled("grammar.capitalization")
        let doubleNegativeOn = cfg.isEnabled("grammar.double-negative")
        // Statics read once: each read of a `static let` calls `swift_once`, and these are asked per token.
        let agreementTriggers = Self.agreementTriggerMap
        let uncountablePluralWords = GrammarLists.uncountablePluralWords
        let properNounWords = GrammarLists.properNounWords
        let scalars = ctx.text.scalars
        /// A phrase of 2–4 words at `k` can repeat only if its first word comes back 2–4 words later: equal lower
        /// cases have equal hashes, so three integer tests rule out nearly every word before `repeatedPhrase`.
        func repeatsLater(_ k: Int) -> Bool {
            let h = tokens[k].lowerHash
            return (k + 4 <= n && tokens[k + 2].lowerHash == h) || (k + 6 <= n && tokens[k + 3].lowerHash == h)
                || (k + 8 <= n && tokens[k + 4].lowerHash == h)
        }
        for i in 0..<n {
            guard tokens[i].kind == .word else { continue }
            // The token is copied (two strings retained) only on the paths that flag something.
            var t: Token { tokens[i] }
            let w = tokens[i].lower

            // Repeated word ("the the"; "that that that" even though "that that" is fine) and repeated phrase
            // ("is an echo is an echo"): lexical illusions, across line breaks too.
            if i + 1 < n, tokens[i + 1].kind == .word, ctx.text.sameLower(i + 1, i), repeatedOn,
               !Self.deliberateRepeat(tokens[i].text, tokens[i + 1].text) {
                if !GrammarLists.repeatAllowed.contains(w) {
                    ctx.add("grammar.repeated-word", "'\(t.text)' is repeated.", TextSpan(start: t.start, end: tokens[i + 1].end), [t.text])
                } else if w == "that" || w == "had" || w == "is", i + 2 < n, tokens[i + 2].kind == .word, tokens[i + 2].lower == w, i == 0 || tokens[i - 1].lower != w {
                    ctx.add("grammar.repeated-word", "'\(t.text)' is repeated three times.", TextSpan(start: t.start, end: tokens[i + 2].end), [t.text])
                }
            } else if repeatedOn, repeatsLater(i) {
                repeatedPhrase(&ctx, i)
            }

            // a / an.
            // Length first: most words are neither (and only these strings equal these literals).
            if w.utf8.count <= 2, w == "a" || w == "an", i + 1 < n, case let next = tokens[i + 1], next.kind == .word || next.kind == .number, !next.newlineBefore,
               !(i > 0 && tokens[i - 1].text == "." && !tokens[i].spaceBefore), articleOn,
               // A capital "A" inside a sentence is a name or label ("from A again", "If module A is").
               tokens[i].text != "A" || starts.contains(i) {
                // A word in capitals is read as a word when it is an English word ("A HOUSE"), not a term the
                // speller knows only from the technical lists ("an HTTP request").
                let caps = next.text.unicodeScalars.allSatisfy({ !CharClass.isLower($0) })
                let spoken = caps && speller.check(next.lower) && !Articles.readAsLetters(next.text) ? next.lower : next.text
                if let vowelSound = Articles.startsWithVowelSound(spoken) {
                    if w == "a" && vowelSound {
                        ctx.add("grammar.a-an", "Use 'an' before '\(next.text)', which starts with a vowel sound.",
                                TextSpan(start: t.start, end: t.end), [matchCase("an", like: t.text)])
                    } else if w == "an" && !vowelSound {
                        ctx.add("grammar.a-an", "Use 'a' before '\(next.text)', which starts with a consonant sound.",
                                TextSpan(start: t.start, end: t.end), [matchCase("a", like: t.text)])
                    }
                }
            }

            // Uncountable plurals.
            if uncountablePluralWords.mayContain(hash: tokens[i].lowerHash), let singular = GrammarLists.uncountablePlurals[w] {
                ctx.add("grammar.uncountable-plural", "'\(singular)' has no plural; use '\(singular)' or 'pieces of \(singular)'.",
                        t.span, [matchCase(singular, like: t.text)])
            }

            // Project vocabulary: rejected words.
            if !cfg.reject.isEmpty, cfg.reject.contains(w) {
                ctx.add("grammar.rejected-word", "The project vocabulary rejects '\(t.text)'.", t.span)
            }

            // Capitalisation.
            // `capitalization` needs a lower-case word that starts with "i", may be a proper noun or starts a
            // sentence: asked here, most words need no call.
            if capitalizationOn, case let first = scalars[tokens[i].start], CharClass.isLower(first),
               first == "i" || first.value >= 128 || starts.contains(i) || properNounWords.mayContain(hash: tokens[i].lowerHash) {
                capitalization(&ctx, i, starts: starts)
            }

            // Agreement and verb forms (most words trigger nothing: no call for them).
            if agreementTriggers[w, hash: tokens[i].lowerHash] != nil { agreement(&ctx, i) }

            // Double negatives: "don't have nothing", "can't get no".
            if (w.utf8.count == 5 && w == "never" || w.utf8.count == 3 && w == "not"
                || lastByte(w) == UInt8(ascii: "t") && w.utf8.count >= 3 && w.hasSuffix("n't")), doubleNegativeOn {
                var k = i + 1
                var seen = 0
                while k < n, seen < 2, tokens[k].kind == .word {
                    let x = tokens[k].lower
                    if Self.negativeWords.contains(tokens[k])
                        || (x == "no" && k + 1 < n && tokens[k + 1].kind == .word && !Self.afterNoNotNegative.contains(tokens[k + 1])) {
                        if seen == 0 && (w == "not") { break }
                        let positive = ["nothing": "anything", "nobody": "anybody", "nowhere": "anywhere", "none": "any", "no": "any"][x]!
                        ctx.add("grammar.double-negative", "Double negative: '\(t.text) … \(tokens[k].text)' cancels out; use '\(positive)'.",
                                TextSpan(start: t.start, end: tokens[k].end))
                        break
                    }
                    if Self.negationScopeEnders.contains(tokens[k]) { break }
                    seen += 1
                    k += 1
                }
            }
        }
    }

    func capitalization(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        // Every case below needs a word starting in lower case that is "i…", may be a proper noun, or starts a
        // sentence: most words are none, and are only read, not copied (a copy retains two strings).
        let first = ctx.text.scalars[tokens[i].start] // the word's first scalar, without walking its text
        guard CharClass.isLower(first) else { return }
        // The lower case starts with "i" when the word does: a lower-case letter is its own lower case, so only a
        // non-ASCII first letter needs the string read.
        let startsWithI = first == "i" || first.value >= 128 && tokens[i].lower.utf8.first == UInt8(ascii: "i")
        // The five forms of "I" are "i" alone or "i" and an apostrophe: "in", "it", "is" and "if" end here.
        let iForm = startsWithI && (tokens[i].lower.utf8.count == 1 || tokens[i].lower.utf8.dropFirst().first == UInt8(ascii: "'"))
        guard iForm || GrammarLists.properNounWords.mayContain(hash: tokens[i].lowerHash) || starts.contains(i)
        else { return }
        let t = tokens[i]
        if iForm, t.lower == "i" || t.lower == "i'm" || t.lower == "i've" || t.lower == "i'll" || t.lower == "i'd" {
            if CharClass.isLower(first), !(i + 1 < tokens.count && tokens[i + 1].text == "." && !tokens[i + 1].spaceBefore),
               !(i > 0 && tokens[i - 1].text == "." && !t.spaceBefore) {
                ctx.add("grammar.capitalization", "Write the pronoun 'I' in capitals.", t.span, [matchCase("I", like: "I") + t.text.dropFirst()])
                return
            }
        }
        if CharClass.isLower(first), GrammarLists.properNounWords.mayContain(hash: t.lowerHash), let proper = GrammarLists.properNouns[t.lower],
           !(i > 0 && (tokens[i - 1].text == "." || tokens[i - 1].text == "/" || tokens[i - 1].text == "-") && !t.spaceBefore),
           // A common word too ("polish", "turkey"): used as a verb ("to polish their patches") it stays lower case.
           !(speller.check(t.lower) && (i + 1 < tokens.count && Self.objectStarters.contains(tokens[i + 1].lower)
               || i > 0 && (tokens[i - 1].lower == "to" || Self.subjectPronouns.contains(tokens[i - 1].lower) || Self.modals.contains(tokens[i - 1].lower)))) {
            ctx.add("grammar.capitalization", "'\(proper)' is a proper noun: capitalise it.", t.span, [proper])
            return
        }
        if CharClass.isLower(first), starts.contains(i),
           !(i > 0 && (tokens[i - 1].text == "\u{2026}" || (i >= 2 && tokens[i - 1].text == "." && tokens[i - 2].text == "."))) {
            // The chunk's first sentence of a list item, table cell or heading may start in lower case.
            let isFirstOfChunk = ctx.text.sentences.first.map { $0.tokens.contains(i) } ?? true
            if isFirstOfChunk && ctx.chunk.kind != .paragraph { return }
            // A Markdown paragraph can go on with a sentence that a code block, a list or a footnote label
            // interrupted ("is equivalent to"): only a suggestion there.
            let continuation = isFirstOfChunk && ctx.chunk.format == .markdown
            // A lone fragment ("noon") is not a sentence.
            if let s = ctx.text.sentence(containing: i), !s.terminated,
               ctx.text.countWords(in: s.tokens) < 3 { return }
            // A sentence after a colon-ended or unterminated sentence is a continuation.
            if i > 0, !isFirstOfChunk {
                var j = i - 1
                while j >= 0, tokens[j].kind == .punct, ctx.text.token(j, isOneOf: "\"')]\u{201D}\u{2019}") { j -= 1 }
                if j >= 0, tokens[j].kind == .punct, !(tokens[j].text == "." || tokens[j].text == "!" || tokens[j].text == "?") { return }
                // '"Am I late?" she asked.': a quotation ending in ? or ! goes on in lower case.
                if j >= 0, j < i - 1, tokens[j].text == "?" || tokens[j].text == "!" { return }
                if j >= 0, tokens[j].kind != .punct { return }
            }
            // Quoted or parenthetical starts, "iPhone"-style words and lists written in lower case are fine.
            if t.text.unicodeScalars.dropFirst().contains(where: CharClass.isUpper) { return }
            let upper = String(first).uppercased() + String(String.UnicodeScalarView(t.text.unicodeScalars.dropFirst()))
            var f = Finding("grammar.capitalization", "Start the sentence with a capital letter.", t.span, [upper])
            if continuation { f.severity = .suggestion }
            ctx.findings.append(f)
        }
    }

    /// The words `agreement` looks after, by the case of its `switch` that handles them: the rule switches on this
    /// enum, found by the token's hash, instead of comparing the word with up to fifty string literals in turn.
    enum AgreementTrigger: Sendable {
        case heSheIt, i, weTheyYou, theseThose, people, everyone, doForm, modal, to, haveForm, beForm, moreMost
    }

    static let agreementTriggers: [String: AgreementTrigger] = {
        let groups: [(AgreementTrigger, [String])] = [
            (.heSheIt, ["he", "she", "it"]),
            (.i, ["i"]),
            (.weTheyYou, ["we", "they", "you"]),
            (.theseThose, ["these", "those"]),
            (.people, ["people", "children", "men", "women"]),
            (.everyone, ["everyone", "everybody", "nobody", "someone", "somebody", "anyone", "anybody", "everything", "nothing"]),
            (.doForm, ["does", "did", "doesn't", "didn't", "do", "don't"]),
            (.modal, ["can", "could", "will", "would", "should", "might", "must", "shall", "cannot", "can't", "won't", "wouldn't",
                      "shouldn't", "couldn't", "mustn't"]),
            (.to, ["to"]),
            (.haveForm, ["has", "have", "had", "hasn't", "haven't", "hadn't", "having"]),
            (.beForm, ["be", "been", "being", "is", "are", "was", "were", "isn't", "aren't", "wasn't", "weren't"]),
            (.moreMost, ["more", "most"]),
        ]
        var d: [String: AgreementTrigger] = [:]
        for (trigger, words) in groups { for w in words { d[w] = trigger } }
        return d
    }()

    /// Words after which `agreement` takes a pronoun for a subject ("and it", "because you").
    static let subjectLeaders = WordSet(words: ["and", "but", "because", "so", "that", "when", "since", "while", "although", "though",
                                                "then", "where", "after", "before", "until", "once", "or", "which", "who"])
    /// Words after which `agreement` leaves a pronoun's verb alone ("can it be", "let it go", "if it were").
    static let agreementAuxiliaries = WordSet(words: Verbs.auxiliaries.union(["let", "make", "help", "to", "if", "wish", "though", "that"]))

    /// Verb fixes by subject for `agreement`, and the base of "be": static, since a dictionary literal in the
    /// function is built on every call.
    static let fixAfterI = WordDictionary<String>(["is": "am", "are": "am", "has": "have", "does": "do", "doesn't": "don't", "hasn't": "haven't", "isn't": "am not"])
    static let fixAfterWeTheyYou = WordDictionary<String>(["is": "are", "was": "were", "has": "have", "does": "do", "doesn't": "don't", "hasn't": "haven't", "isn't": "aren't", "wasn't": "weren't", "am": "are"])
    static let fixAfterTheseThose = WordDictionary<String>(["is": "are", "was": "were", "has": "have", "does": "do", "doesn't": "don't", "isn't": "aren't", "wasn't": "weren't"])
    static let fixAfterPeople = WordDictionary<String>(["is": "are", "was": "were", "has": "have", "isn't": "aren't", "wasn't": "weren't", "doesn't": "don't"])
    static let fixAfterEveryone = WordDictionary<String>(["are": "is", "were": "was", "have": "has", "don't": "doesn't", "aren't": "isn't", "weren't": "wasn't", "do": "does"])
    static let beBase = WordDictionary<String>(["is": "be", "are": "be", "was": "be", "were": "be", "am": "be"])

    func agreement(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        // Most words trigger nothing: test before copying the token.
        guard let trigger = Self.agreementTriggerMap[tokens[i].lower, hash: tokens[i].lowerHash] else { return }
        // A form of "be" is followed by a past form in a few sentences of a book: decide before copying anything.
        if trigger == .beForm {
            guard i + 1 < tokens.count, Self.participleOfPast[tokens[i + 1].lower, hash: tokens[i + 1].lowerHash] != nil else { return }
        }
        let t = tokens[i]
        let w = t.lower
        guard i + 1 < tokens.count, tokens[i + 1].kind == .word else { return }
        let nt = tokens[i + 1]
        let nw = nt.lower
        let prevWord: String? = i > 0 && tokens[i - 1].kind == .word ? tokens[i - 1].lower : nil
        let span = TextSpan(start: t.start, end: nt.end)
        func agree(_ fix: String) {
            guard ctx.config.isEnabled("grammar.agreement") else { return }
            ctx.add("grammar.agreement", "The verb does not agree with '\(t.text)': use '\(t.text) \(fix)'.", span,
                    [t.text + " " + matchCase(fix, like: nt.text)])
        }
        func form(_ message: String, _ fix: String) {
            guard ctx.config.isEnabled("grammar.verb-form") else { return }
            ctx.add("grammar.verb-form", message, span, [t.text + " " + matchCase(fix, like: nt.text)])
        }
        // Subject position: sentence start, or after a conjunction or comma. This and `afterAux` are computed only
        // by the cases that ask.
        var subjectPosition: Bool {
            i == 0 || tokens[i - 1].kind == .punct || Self.subjectLeaders.contains(tokens[i - 1].lower, hash: tokens[i - 1].lowerHash)
        }
        var afterAux: Bool {
            prevWord != nil && Self.agreementAuxiliaries.contains(tokens[i - 1].lower, hash: tokens[i - 1].lowerHash)
        }
        switch trigger {
        case .heSheIt:
            guard !afterAux, w != "it" || subjectPosition else { break }
            if let fix = Verbs.thirdPersonFix[nw], !(nw == "were" && (prevWord == "if" || prevWord == "as")) {
                // "it have" in "does it have" is excluded above; "it" as object ("make it work") too.
                if w == "it" && Verbs.baseForms[nw] != nil && !(["do", "don't", "have", "haven't", "are", "aren't", "were", "weren't"].contains(nw)) { break }
                agree(fix)
            }
        case .i:
            if let fix = Self.fixAfterI[nw],
               !afterAux {
                agree(fix)
            } else if let base = Verbs.thirdToBase[nw], !afterAux, !["does", "has", "is"].contains(nw) {
                agree(base)
            }
        case .weTheyYou:
            guard !afterAux, w != "you" || subjectPosition, prevWord != "of" else { break }
            if let fix = Self.fixAfterWeTheyYou[nw] {
                agree(fix)
            } else if let base = Verbs.thirdToBase[nw] {
                agree(base)
            }
        case .theseThose:
            if let fix = Self.fixAfterTheseThose[nw] {
                agree(fix)
            }
        case .people:
            let determiner = prevWord.map { ["the", "these", "those", "many", "some", "most", "all", "young", "old", "other", "such", "few", "several"].contains($0) } ?? subjectPosition
            if determiner, let fix = Self.fixAfterPeople[nw],
               prevWord != "of" {
                agree(fix)
            }
        case .everyone:
            if let fix = Self.fixAfterEveryone[nw],
               !afterAux, prevWord != "for", prevWord != "of" {
                agree(fix)
            }
        case .doForm:
            if let base = Verbs.thirdToBase[nw] ?? Verbs.pastToBase[nw], !Verbs.nounLike.contains(nw), nw != "was", nw != "were" {
                form("After '\(t.text)' use the base form of the verb.", base)
            }
        case .modal:
            if w == "can" || w == "will", let pw = prevWord, ["a", "the", "this", "that", "his", "her", "my", "your", "free"].contains(pw) { break }
            if let base = Verbs.thirdToBase[nw] ?? Verbs.pastToBase[nw] ?? Self.beBase[nw],
               !Verbs.nounLike.contains(nw) {
                form("After '\(t.text)' use the base form of the verb.", base)
            }
        case .to:
            if let base = Verbs.pastToBase[nw], Verbs.strongPast.contains(nw) {
                form("After 'to' use the base form of the verb.", base)
            }
        case .haveForm:
            if let pp = Self.participleOfPast[nw, hash: nt.lowerHash] {
                form("Use the past participle after '\(t.text)'.", pp)
            }
        case .beForm:
            // "It will be took", "The car was stole": a passive needs the participle. A few past forms are also
            // nouns or adjectives after "be" ("lay people", "a rose").
            if let pp = Self.participleOfPast[nw, hash: nt.lowerHash], !Self.pastAlsoNoun.contains(nw), i + 2 >= tokens.count || tokens[i + 2].text != "-" {
                form("Use the past participle after '\(t.text)'.", pp)
            }
        case .moreMost:
            if w == "more", let fix = GrammarLists.comparatives[nw], !(i > 0 && ["is", "was", "be", "one", "much", "any", "no"].contains(tokens[i - 1].lower)) {
                form("'\(nt.text)' is already comparative: drop 'more'.", fix)
                if ctx.config.isEnabled("grammar.verb-form") {
                    ctx.findings[ctx.findings.count - 1].replacements = [matchCase(nt.text, like: t.text)]
                }
            } else if w == "most", GrammarLists.superlatives.contains(nw) {
                if ctx.config.isEnabled("grammar.verb-form") {
                    ctx.add("grammar.verb-form", "'\(nt.text)' is already superlative: drop 'most'.", span, [matchCase(nt.text, like: t.text)])
                }
            }
        }
    }

    /// `Verbs.pastToParticiple` probed by the token's hash: "is" and "has" ask it for nearly every word after them.
    static let participleOfPast = WordMap(Verbs.pastToParticiple)
    static let pastAlsoNoun: Set<String> = ["lay", "saw", "rose", "fell", "bore", "wound", "ground", "found", "was", "were"]

    // MARK: Spacing and punctuation

    /// Doubled punctuation that is a slip ("..", "?!" and "!!" are handled apart).
    static let doubledMarks: WordList = [",,", ";;", ",.", ".,", ";.", ",;", ";,", ":.", ".:", "?.", "!.", ",:", ":,", "??"]

    /// The message and replacement of "Remove the space before ','", built once per mark: a text typeset with a
    /// space before every comma has one finding per comma, and each would allocate both.
    static let spaceBeforeFinding: [Unicode.Scalar: (String, [String])] = Dictionary(uniqueKeysWithValues:
        ",.;:!?".unicodeScalars.map { ($0, ("Remove the space before '\($0)'.", [String($0)])) })

    func spacingRules(_ ctx: inout RuleContext) {
        let tokens = ctx.tokens
        let sc = ctx.text.scalars
        let n = tokens.count
        let cfg = ctx.config
        // Asked once, not per token.
        let spacingOn = cfg.isEnabled("grammar.spacing")
        let punctuationOn = cfg.isEnabled("grammar.punctuation")
        // Marks are tested as scalars (`token(_:isOneOf:)`): an array literal of strings allocates per token.
        // Tokens are read in place: a copy retains two strings.
        let text = ctx.text
        for i in 0..<n {
            if tokens[i].kind == .punct {
                let p = tokens[i].text
                // A punctuation token is one scalar: marks are compared as scalars, not as strings.
                let mark = sc[tokens[i].start]
                // Space before , . ; : ! ?
                if tokens[i].spaceBefore, !tokens[i].newlineBefore, i > 0, text.token(i, isOneOf: ",.;:!?"),
                   tokens[i - 1].kind == .word || tokens[i - 1].kind == .number,
                   i + 1 >= n || tokens[i + 1].spaceBefore || tokens[i + 1].kind == .punct && !text.token(i + 1, isOneOf: ",.!?") && tokens[i + 1].spaceBefore,
                   !(mark == "." && i + 1 < n && text.token(i + 1, is: ".") && !tokens[i + 1].spaceBefore),
                   spacingOn {
                    let (message, replacements) = Self.spaceBeforeFinding[mark] ?? ("Remove the space before '\(p)'.", [p])
                    ctx.add("grammar.spacing", message, TextSpan(start: tokens[i - 1].end, end: tokens[i].end), replacements)
                }
                // Missing space after , between words ("word,word").
                if mark == ",", i > 0, i + 1 < n, !tokens[i].spaceBefore, !tokens[i + 1].spaceBefore,
                   tokens[i - 1].kind == .word, tokens[i + 1].kind == .word, spacingOn {
                    ctx.add("grammar.spacing", "Add a space after ','.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end), [", " + tokens[i + 1].text])
                }
                // Missing space after . ! ? before a capitalised word ("end.Next").
                if text.token(i, isOneOf: ".!?"), i > 0, i + 1 < n, !tokens[i].spaceBefore, !tokens[i + 1].spaceBefore,
                   tokens[i - 1].kind == .word, tokens[i - 1].text.unicodeScalars.count >= 2,
                   tokens[i + 1].kind == .word, tokens[i + 1].text.unicodeScalars.count >= 2,
                   let f = tokens[i + 1].text.unicodeScalars.first, CharClass.isUpper(f),
                   tokens[i + 1].text.unicodeScalars.dropFirst().allSatisfy({ !CharClass.isUpper($0) }),
                   let l = tokens[i - 1].text.unicodeScalars.last, CharClass.isLower(l), spacingOn {
                    ctx.add("grammar.spacing", "Add a space after '\(p)'.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end), [p + " " + tokens[i + 1].text])
                }
                // "4:they have": a colon glued to the word after it (times, ratios and "std::io" have no letters after).
                if mark == ":", i > 0, i + 1 < n, !tokens[i].spaceBefore, !tokens[i + 1].spaceBefore, tokens[i - 1].kind != .punct,
                   tokens[i + 1].kind == .word, tokens[i + 1].text.unicodeScalars.count >= 2,
                   tokens[i + 1].text.unicodeScalars.allSatisfy(CharClass.isLower), spacingOn {
                    ctx.add("grammar.spacing", "Add a space after ':'.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end), [": " + tokens[i + 1].text])
                }
                // A straight quotation mark between two letters ("say"hey") lacks a space on one side.
                if mark == "\"", i > 0, i + 1 < n, !tokens[i].spaceBefore, !tokens[i + 1].spaceBefore,
                   tokens[i - 1].kind == .word, tokens[i + 1].kind == .word, spacingOn {
                    ctx.add("grammar.spacing", "Add a space before or after the quotation mark.", TextSpan(start: tokens[i - 1].start, end: tokens[i + 1].end),
                            [tokens[i - 1].text + " \"" + tokens[i + 1].text, tokens[i - 1].text + "\" " + tokens[i + 1].text])
                }
                // Space inside brackets.
                if mark == "(" || mark == "[", i + 1 < n, tokens[i + 1].spaceBefore, !tokens[i + 1].newlineBefore,
                   tokens[i + 1].kind == .word, spacingOn {
                    ctx.add("grammar.spacing", "Remove the space after '\(p)'.", TextSpan(start: tokens[i].start, end: tokens[i + 1].start), [p])
                }
                if mark == ")" || mark == "]", tokens[i].spaceBefore, !tokens[i].newlineBefore, i > 0, tokens[i - 1].kind == .word,
                   tokens[..<i].contains(where: { $0.text == (p == ")" ? "(" : "[") }), spacingOn {
                    ctx.add("grammar.spacing", "Remove the space before '\(p)'.", TextSpan(start: tokens[i - 1].end, end: tokens[i].end), [p])
                }
                // "?!", "!?", "????": one mark says it (a run of "!" alone is tone.exclamation's).
                if mark == "?" || mark == "!", i + 1 < n, !tokens[i + 1].spaceBefore, text.token(i + 1, is: "?") || text.token(i + 1, is: "!"),
                   !(i > 0 && !tokens[i].spaceBefore && (text.token(i - 1, is: "?") || text.token(i - 1, is: "!"))), punctuationOn {
                    var j = i + 1
                    var mixed = false
                    while j < n, !tokens[j].spaceBefore, tokens[j].text == "?" || tokens[j].text == "!" {
                        if tokens[j].text != p { mixed = true }
                        j += 1
                    }
                    if mixed || (p == "?" && j - i >= 3) {
                        ctx.add("grammar.punctuation", "Use one '\(p == "?" || mixed ? "?" : "!")', not '\(tokens[i..<j].map(\.text).joined())'.",
                                TextSpan(start: tokens[i].start, end: tokens[j - 1].end), [mixed ? "?" : p])
                    }
                }
                // Doubled punctuation.
                if i + 1 < n, !tokens[i + 1].spaceBefore, tokens[i + 1].kind == .punct, punctuationOn {
                    let q = tokens[i + 1].text
                    let pair = p + q
                    let prevSame = i > 0 && tokens[i - 1].kind == .punct && !tokens[i].spaceBefore && tokens[i - 1].text == p
                    let ellipsisNext = q == "." && i + 2 < n && tokens[i + 2].text == "." && !tokens[i + 2].spaceBefore
                    let abbreviation = p == "." && i > 0 && tokens[i - 1].kind == .word && tokens[i - 1].text.unicodeScalars.count <= 4
                    if Self.doubledMarks.contains(pair), !prevSame,
                       !ellipsisNext, !abbreviation {
                        let third = i + 2 < n && !tokens[i + 2].spaceBefore && tokens[i + 2].text == q
                        if !(pair == "??" && third) {
                            ctx.add("grammar.punctuation", "Doubled punctuation '\(pair)'.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end),
                                    [pair == "??" ? "?" : (pair.hasPrefix(".") || pair.hasPrefix("?") || pair.hasPrefix("!") ? p : q)])
                        }
                    } else if pair == "..", !prevSame, !(i + 2 < n && tokens[i + 2].text == "." && !tokens[i + 2].spaceBefore),
                              i > 0, tokens[i - 1].kind == .word {
                        ctx.add("grammar.punctuation", "Two full stops: use one, or '…' for an ellipsis.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end), [".", "…"])
                    }
                }
            } else if tokens[i].spaceBefore, !tokens[i].newlineBefore, i > 0, spacingOn {
                // Doubled spaces between words.
                var k = tokens[i].start - 1
                var spaces = 0
                while k >= 0, sc[k] == " " { spaces += 1; k -= 1 }
                if spaces >= 2, k >= 0, sc[k] != "\n", tokens[i - 1].end == k + 1 {
                    ctx.findings.append(Finding(rule: "grammar.spacing", severity: .suggestion, message: "Use one space, not \(spaces).",
                                                span: TextSpan(start: k + 1, end: tokens[i].start), replacements: [" "]))
                }
            }
        }
    }

    // MARK: Spelling

    func spelling(_ ctx: inout RuleContext, starts: SentenceStarts) {
        guard speller.isAvailable else { return }
        let tokens = ctx.tokens
        let sc = ctx.text.scalars
        var evidence: TermEvidence?
        for i in 0..<tokens.count {
            guard tokens[i].kind == .word else { continue }
            // Identifiers and acronyms: digits, underscores, ALLCAPS, inner capitals. A word's text is
            // `sc[start..<end]`, read there rather than by walking the string; the token is copied (two strings
            // retained) only once the word turns out misspelt.
            let start = tokens[i].start, end = tokens[i].end
            var upper = 0, lower = 0, digit = false, inner = false
            for k in start..<end {
                let s = sc[k]
                if CharClass.isUpper(s) { upper += 1; if k > start { inner = true } }
                else if CharClass.isLower(s) { lower += 1 }
                else if CharClass.isDigit(s) || s == "_" { digit = true }
            }
            if digit || inner || lower == 0 || end - start < 2 { continue }
            // Capitalised words inside a sentence are names; only sentence starts get checked.
            if upper > 0 && !starts.contains(i) { continue }
            // Joined to code-like neighbours ("file.txt", "@user", "#tag", "$HOME").
            if i > 0, !tokens[i].spaceBefore, ctx.text.token(i - 1, isOneOf: "@#$/\\._-<&%~=") { continue }
            if i + 1 < tokens.count, !tokens[i + 1].spaceBefore, ctx.text.token(i + 1, isOneOf: "@/\\_(=<[{") { continue }
            if i + 2 < tokens.count, !tokens[i + 1].spaceBefore, tokens[i + 1].text == ".", !tokens[i + 2].spaceBefore, tokens[i + 2].kind == .word { continue }
            let w = tokens[i].lower
            if !ctx.config.accept.isEmpty, ctx.config.accept.contains(w) { continue }
            if GrammarLists.uncountablePluralWords.mayContain(hash: tokens[i].lowerHash), GrammarLists.uncountablePlurals[w] != nil { continue }
            if check(tokens[i].text, lower: w, lowerHash: tokens[i].lowerHash) { continue }
            // Suggestions are the slow part: a text of unknown words stops here once the deadline passes.
            if ctx.overBudget() { return }
            let t = tokens[i]
            // A term of this project or document is not a typo: the vocabulary's patterns, the document's terms
            // (`DocumentReview.withTerms`), and words of this chunk's own code spans and enclosing headings.
            if !ctx.config.documentTerms.isEmpty, ctx.config.documentTerms.contains(w) { continue }
            if !ctx.config.acceptPatterns.isEmpty, ctx.config.acceptsByPattern(t.text) { continue }
            if TermEvidence.isForeignScript(t.text) { continue }
            if evidence == nil { evidence = TermEvidence(code: tokens.lazy.filter { $0.kind == .opaque }.map(\.text), headings: ctx.chunk.headingPath) }
            if evidence!.contains(w) { continue }
            var likely = TermEvidence.termShape(w, known: { self.check($0, lower: $0) })
            // A capitalised word built like a term ("Destructuring" opening a sentence) is a term's name, unless a
            // slip of spelling explains it better ("Altough", "Techology").
            if upper > 0, likely != nil, !speller.suggest(w).contains(where: { TermEvidence.isTypingSlip(w, $0) }) { continue }
            var suggestions = speller.suggest(t.text).filter { $0.lowercased() != w }
            // The slips people make ("preffer", "conseder", "raher") beat the shape of a term; a term is only a
            // consonant away from some word ("malloc" → "mallow"), which is no reason to offer that word.
            if upper == 0 {
                let slips = suggestions.filter { TermEvidence.isTypingSlip(w, $0.lowercased()) }
                if likely != nil, !slips.isEmpty, !TermEvidence.readAsLetters(w) { likely = nil }
                // An error needs a word it is a slip of; an unknown word with none ("deref", "malloc") may be a term.
                if likely == nil, slips.isEmpty { likely = .warning }
                suggestions = likely == nil ? slips : []
            }
            // A capitalised unknown word is usually a name: flag it only when it is one letter away from a
            // common lower-case word of the same length or longer ("Becuase", "Teh").
            if upper > 0 {
                let lowerSuggestions = speller.suggest(w).filter { $0 != w }
                guard w.count >= 6, let best = lowerSuggestions.first, best.unicodeScalars.first.map(CharClass.isLower) == true,
                      best.count >= w.count, Self.editDistance(best, w) <= 1 || Self.isTransposition(best, w) else { continue }
                suggestions = lowerSuggestions.map { matchCase($0, like: t.text) }
            }
            guard ctx.config.isEnabled("grammar.spelling") else { continue }
            var f = Finding("grammar.spelling", "'\(t.text)' may be misspelt.", t.span, suggestions)
            // Severity is confidence: a near miss of an English word is an error; a word built like a term
            // (prefix + word, word + suffix, two words run together, no vowel) is at most a warning.
            if let likely {
                f.severity = likely
                f.message = likely == .suggestion ? "'\(t.text)' is not in the dictionary; if it is a term, add it to the vocabulary."
                    : "'\(t.text)' is not in the dictionary: a misspelling, or a term to add to the vocabulary?"
            }
            ctx.findings.append(f)
        }
    }

    static func isTransposition(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard x.count == y.count else { return false }
        let diff = (0..<x.count).filter { x[$0] != y[$0] }
        return diff.count == 2 && diff[1] == diff[0] + 1 && x[diff[0]] == y[diff[1]] && x[diff[1]] == y[diff[0]]
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// `lowerHash`, when given, is `fnv1a(lower)`: the speller's cache takes it instead of hashing a word that is
    /// its own lower case again.
    func check(_ word: String, lower: String, lowerHash: UInt64? = nil) -> Bool {
        let known = if let lowerHash, word == lower { speller.check(word, hash: lowerHash) } else { speller.check(word) }
        if known { return true }
        if word != lower, speller.check(lower) { return true }
        // Possessives and contractions hunspell lacks ("Redis's", "data's").
        for suffix in ["'s", "'"] where lower.hasSuffix(suffix) {
            let stem = String(lower.dropLast(suffix.count))
            if !stem.isEmpty, speller.check(stem) { return true }
        }
        // Hyphenated compounds: every part must be a word.
        if lower.contains("-") {
            let parts = lower.split(separator: "-").map(String.init)
            if parts.allSatisfy({ $0.count <= 1 || speller.check($0) || Prefixes.all.contains($0) }) { return true }
            return false
        }
        // British spellings: accept when the American form is known (consistency is structure's job).
        var forms = [lower]
        if lower.hasSuffix("'s") { forms.append(String(lower.dropLast(2))) }
        for form in forms {
            for (gb, us) in [("our", "or"), ("ours", "ors"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"), ("isation", "ization"),
                             ("isations", "izations"), ("yse", "yze"), ("ysed", "yzed"), ("tre", "ter"), ("tres", "ters"),
                             ("lled", "led"), ("lling", "ling"), ("ogue", "og"), ("ence", "ense"), ("ourite", "orite"),
                             ("ourites", "orites"), ("oured", "ored"), ("ouring", "oring"), ("ourful", "orful"), ("amme", "am"),
                             ("ller", "ler"), ("mme", "m"), ("ises", "izes"), ("ellery", "elry")] where form.hasSuffix(gb) {
                let us = String(form.dropLast(gb.count)) + us
                if speller.check(us) { return true }
            }
        }
        return false
    }

    // MARK: Sentences that never end

    func unterminated(_ ctx: inout RuleContext) {
        guard ctx.chunk.kind == .paragraph, ctx.config.isEnabled("grammar.unterminated-sentence"),
              let last = ctx.text.sentences.last, !last.terminated else { return }
        let tokens = ctx.tokens
        guard let lastToken = tokens.last else { return }
        // Ends in a word or number (not a closing quote, colon, code span or emoticon).
        guard lastToken.kind == .word || lastToken.kind == .number else { return }
        let words = ctx.text.countWords(in: last.tokens)
        guard words >= 25 || ctx.text.sentences.count >= 2 else { return }
        var f = Finding("grammar.unterminated-sentence", "This sentence never ends: finish it with a full stop.",
                        TextSpan(start: lastToken.start, end: lastToken.end), [lastToken.text + "."])
        // In Markdown a paragraph may end in a link's text or lead into a list or code block that the chunk does
        // not show: only a suggestion there.
        if ctx.chunk.format == .markdown { f.severity = .suggestion }
        ctx.findings.append(f)
    }
}

enum Prefixes {
    static let all: WordList = ["re", "pre", "non", "co", "multi", "anti", "semi", "sub", "super", "self", "post", "inter", "over",
                                   "under", "un", "de", "mis", "ex", "cross", "micro", "macro", "mid", "pro", "well", "e", "x"]
}

/// The token indices that start a sentence, one flag per token: rules ask about nearly every word, and a
/// `Set<Int>` would hash the index each time.
struct SentenceStarts {
    private var flags: [Bool]

    init(count: Int) { flags = [Bool](repeating: false, count: count) }

    mutating func insert(_ i: Int) { flags[i] = true }

    func contains(_ i: Int) -> Bool { i >= 0 && i < flags.count && flags[i] }
}

/// Decides whether a word starts with a vowel sound, for a/an.
enum Articles {
    static let silentH: [String] = ["hour", "honest", "honor", "honour", "heir", "herb"]
    static let yooU: [String] = ["uni", "use", "usu", "uti", "uri", "ura", "ure", "uku", "ubi", "uto", "ufo", "ute", "uv", "unanim", "unary",
                                 "eu", "ewe"]

    /// A word in capitals with no vowel letter (Y counts as one: "GYM", "MYTH") is an initialism: "HTTP", "LLVM".
    static func readAsLetters(_ word: String) -> Bool {
        var letters = 0
        for s in word.unicodeScalars {
            guard CharClass.isLetter(s) else { continue }
            letters += 1
            if "AEIOUYaeiouy".unicodeScalars.contains(s) { return false }
        }
        return letters >= 2
    }

    /// Whether an English word can start with these two letters: a vowel, or a consonant followed by a vowel, or
    /// one of the consonant pairs that start English words ("bl", "str", "sch", "ps", ...).
    static func impossibleOnsetAllowed(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        let vowels = "aeiouy".unicodeScalars
        if vowels.contains(a) || vowels.contains(b) || !CharClass.isLetter(b) { return true }
        let pair = String(String.UnicodeScalarView([a, b]))
        return ["bl", "br", "ch", "cl", "cr", "cz", "dr", "dw", "fj", "fl", "fr", "gh", "gl", "gn", "gr", "gw", "kh", "kl", "kn", "kr",
                "kw", "mn", "ph", "pl", "pn", "pr", "ps", "pt", "qu", "rh", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "sq", "st", "sv",
                "sw", "th", "tr", "ts", "tw", "vl", "wh", "wr", "zh", "zw", "ll", "hm"].contains(pair)
    }

    /// true: vowel sound, false: consonant sound, nil: unsure (left alone). Asked for the word after every "a" and
    /// "an", so the word is read once, without building arrays.
    static func startsWithVowelSound(_ word: String) -> Bool? {
        guard let first = word.unicodeScalars.first else { return nil }
        let lower = word.lowercased()
        if CharClass.isDigit(first) {
            if lower.hasPrefix("8") { return true }
            if lower == "11" || lower == "18" || lower.hasPrefix("11,") || lower.hasPrefix("18,") { return true }
            if lower.count == 5 || lower.count == 6, lower.hasPrefix("11") || lower.hasPrefix("18") { return nil }
            return false
        }
        var scalarCount = 0, letterCount = 0, lettersUpper = true
        var firstLetter: Unicode.Scalar?
        for s in word.unicodeScalars {
            scalarCount += 1
            guard CharClass.isLetter(s) else { continue }
            letterCount += 1
            if firstLetter == nil { firstLetter = s }
            if !CharClass.isUpper(s) { lettersUpper = false }
        }
        // Initialisms are read letter by letter ("an FBI agent", "an XML file", "an LLVM pass", "a URL"); a word in
        // capitals with vowels may be an acronym read as a word ("a NASA probe", "a SATA disk"), which sounds
        // different only when its first letter's name starts with a vowel but the letter does not (F H L M N R S X).
        if letterCount >= 2, lettersUpper, let firstLetter {
            let vowelLetters = "AEFHILMNORSX"
            if ["NASA", "NATO", "SCSI", "SQL", "GIF", "JPEG", "RAM", "ROM", "LAN", "WAN", "PIN", "SIM", "FAQ", "GUI", "URL", "UI"].contains(word) { return nil }
            if readAsLetters(word) || letterCount <= 3 && scalarCount == letterCount {
                return vowelLetters.unicodeScalars.contains(firstLetter)
            }
            if "FHLMNRSX".unicodeScalars.contains(firstLetter) { return nil }
            if firstLetter == "U" { return false }
            return "AEIO".unicodeScalars.contains(firstLetter)
        }
        if letterCount == 1 {
            return "aefhilmnorsx".unicodeScalars.contains(lower.unicodeScalars.first!)
        }
        // One letter and a hyphen is the letter's name ("an n-ary tuple", "an x-axis", "a y-coordinate").
        let ls = Array(lower.unicodeScalars.prefix(3))
        if ls.count >= 3, CharClass.isLetter(ls[0]), ls[1] == "-" {
            return "aefhilmnorsx".unicodeScalars.contains(ls[0])
        }
        // A lower-case word no English word starts like ("rlib", "nvim", "mkdir") is spoken some other way: unsure.
        if ls.count >= 2, !impossibleOnsetAllowed(ls[0], ls[1]) { return nil }
        if silentH.contains(where: { lower.hasPrefix($0) }) { return true }
        if lower.hasPrefix("one") || lower.hasPrefix("once") { return false }
        if lower.hasPrefix("u") {
            if yooU.contains(where: { lower.hasPrefix($0) }) {
                if lower.hasPrefix("unin") || lower.hasPrefix("unid") || lower.hasPrefix("unim") || lower.hasPrefix("uninst") { return true }
                return false
            }
            if lower.hasPrefix("us") && lower.count > 3 { return nil }
            return true
        }
        if lower.hasPrefix("eu") || lower.hasPrefix("ewe") { return false }
        if lower.hasPrefix("y") { return false }
        if "aeio".unicodeScalars.contains(lower.unicodeScalars.first!) { return true }
        if lower.hasPrefix("h") { return false }
        if CharClass.isLetter(first) { return false }
        return nil
    }
}
