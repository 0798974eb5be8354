import Foundation
import MeshProtocol
import MeshText

/// Spelling, repeated words, a/an, confused words, agreement, verb forms, capitalisation, spacing,
/// punctuation and sentences that never end. This file holds the dispatch: which rule family runs, in which
/// order, on which trigger words. Each family owns its rule ids in its own file (Agreement.swift,
/// Articles.swift, ConfusedWords.swift, ...); `GrammarRuleOwnershipTests` keeps it so.
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
}

extension GrammarSpecialist {
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
                // "the buffer we use to accumulate", "which they use to catch": the object of "use" comes before its
                // subject, so "use to" + verb says what for; "used to" is a habit ("we use to go" still fires).
                if b == a + 2, tokens[a + 1].lower == "use", tokens[b].lower == "to", Self.objectFrontedBefore(tokens, a) { return false }
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

    /// The clause at subject `k` is relative with its object moved before it: a relative word ("which", "that",
    /// "what"), or a noun phrase ending right before the subject ("the buffer we ...", "of energy we ..."): a noun
    /// after a determiner or preposition, not a time ("every day we ...") nor a predicate ("when I was young we ...").
    static func objectFrontedBefore(_ tokens: [Token], _ k: Int) -> Bool {
        guard k > 1, tokens[k - 1].kind == .word else { return false }
        let prev = tokens[k - 1].lower
        if ["which", "that", "what", "whatever", "whichever"].contains(prev) { return true }
        guard tokens[k - 2].kind == .word, Self.nounPhraseOpeners.contains(tokens[k - 2].lower),
              WordClasses.shared.classes(prev).map({ $0.contains(.noun) && !$0.contains(.adjective) }) == true
                || WordClasses.shared.nounSingular(ofPlural: prev) != nil else { return false }
        return !["day", "days", "week", "weeks", "month", "months", "year", "years", "time", "times", "morning", "evening",
                 "night", "summer", "winter", "weekend", "weekends", "childhood"].contains(prev)
    }

    /// Words that open a noun phrase: determiners, possessives and prepositions.
    static let nounPhraseOpeners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their", "some", "any",
        "each", "every", "one", "no", "of", "for", "with", "in", "on", "from", "by", "about", "same", "main", "only",
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
                repeatedWord(&ctx, i)
            } else if repeatedOn, repeatsLater(i) {
                repeatedPhrase(&ctx, i)
            }

            // a / an.
            // Length first: most words are neither (and only these strings equal these literals).
            if w.utf8.count <= 2, w == "a" || w == "an", i + 1 < n, case let next = tokens[i + 1], next.kind == .word || next.kind == .number, !next.newlineBefore,
               !(i > 0 && (tokens[i - 1].text == "." || tokens[i - 1].text == "-") && !tokens[i].spaceBefore), articleOn,
               // A capital "A" inside a sentence is a name or label ("from A again", "If module A is").
               tokens[i].text != "A" || starts.contains(i),
               // "events a and c": before a conjunction or a verb of its clause, "a" is the letter itself.
               !(w == "a" && ["and", "or", "nor", "is", "are", "was", "were", "then", "else"].contains(next.lower)) {
                articleBeforeSound(&ctx, i)
            }

            // Uncountable plurals.
            if uncountablePluralWords.mayContain(hash: tokens[i].lowerHash), let singular = GrammarLists.uncountablePlurals[w] {
                uncountablePlural(&ctx, i, singular: singular)
            }

            // Project vocabulary: rejected words.
            if !cfg.reject.isEmpty, cfg.reject.contains(w) {
                rejectedWord(&ctx, i)
            }

            // Capitalisation.
            // `capitalization` needs a lower-case word that starts with "i", may be a proper noun or starts a
            // sentence: asked here, most words need no call.
            if capitalizationOn, case let first = scalars[tokens[i].start], CharClass.isLower(first),
               first == "i" || first.value >= 128 || starts.contains(i) || properNounWords.mayContain(hash: tokens[i].lowerHash) {
                capitalization(&ctx, i, starts: starts)
            }

            // Agreement and verb forms (most words trigger nothing: no call for them).
            if agreementTriggers[w, hash: tokens[i].lowerHash] != nil { agreementAndForm(&ctx, i) }

            // Double negatives: "don't have nothing", "can't get no".
            if (w.utf8.count == 5 && w == "never" || w.utf8.count == 3 && w == "not"
                || lastByte(w) == UInt8(ascii: "t") && w.utf8.count >= 3 && w.hasSuffix("n't")), doubleNegativeOn {
                doubleNegative(&ctx, i)
            }
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

    /// Agreement after a pronoun or plural subject, and the verb form after an auxiliary, "to" or "more": both
    /// start at a trigger word that one look-up by hash finds.
    func agreementAndForm(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        // Most words trigger nothing: test before copying the token.
        guard let trigger = Self.agreementTriggerMap[tokens[i].lower, hash: tokens[i].lowerHash] else { return }
        // A form of "be" is followed by a past form in a few sentences of a book: decide before copying anything.
        if trigger == .beForm {
            guard i + 1 < tokens.count, Self.participleOfPast[tokens[i + 1].lower, hash: tokens[i + 1].lowerHash] != nil else { return }
        }
        guard i + 1 < tokens.count, tokens[i + 1].kind == .word else { return }
        switch trigger {
        case .heSheIt, .i, .weTheyYou, .theseThose, .people, .everyone: pronounAgreement(&ctx, i, trigger)
        case .doForm, .modal, .to, .haveForm, .beForm, .moreMost: verbFormAfterTrigger(&ctx, i, trigger)
        }
    }

    /// The patterns of `patternRules` a word can start. One look-up per token gives them all, so the loop tests
    /// bits instead of comparing the word with a dozen strings (an unequal string compare is a library call).
    struct PatternTrigger: OptionSet, Sendable {
        let rawValue: UInt16
        static let to = PatternTrigger(rawValue: 1 << 0)
        static let modal = PatternTrigger(rawValue: 1 << 1)
        static let doForm = PatternTrigger(rawValue: 1 << 2)
        /// "i", "you", "we", "they".
        static let pluralPronoun = PatternTrigger(rawValue: 1 << 3)
        /// "he", "she", "it".
        static let singularPronoun = PatternTrigger(rawValue: 1 << 4)
        static let casePreposition = PatternTrigger(rawValue: 1 << 5)
        static let there = PatternTrigger(rawValue: 1 << 6)
        /// "a", "an".
        static let article = PatternTrigger(rawValue: 1 << 7)
        /// "these", "those".
        static let demonstrative = PatternTrigger(rawValue: 1 << 8)
        static let then = PatternTrigger(rawValue: 1 << 9)
    }

    /// Every word that can start one of `patternRules`' patterns, with the patterns it can start.
    static let patternDispatch = TriggerDispatch<PatternTrigger>([
        (["to"], .to),
        (Array(modals), .modal),
        (Array(doForms), .doForm),
        (["i", "you", "we", "they"], .pluralPronoun),
        (["he", "she", "it"], .singularPronoun),
        (Array(casePrepositions), .casePreposition),
        (["there"], .there),
        (["a", "an"], .article),
        (["these", "those"], .demonstrative),
        (["then"], .then),
    ])

    func patternRules(_ ctx: inout RuleContext, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        let formOn = ctx.config.isEnabled("grammar.verb-form")
        let agreeOn = ctx.config.isEnabled("grammar.agreement")
        let confusedOn = ctx.config.isEnabled("grammar.confused-words")
        let dispatch = Self.patternDispatch
        for i in 0..<n {
            // Every pattern reads the word after the trigger.
            guard tokens[i].kind == .word, let trigger = dispatch.patterns(in: tokens, at: i), i + 1 < n, tokens[i + 1].kind == .word else { continue }
            if trigger.contains(.to), formOn { thirdPersonAfterTo(&ctx, i) }
            if trigger.contains(.modal), formOn { thirdPersonAfterModal(&ctx, i) }
            if trigger.contains(.doForm), formOn { formAfterDoAndPronoun(&ctx, i) }
            if trigger.contains(.pluralPronoun), agreeOn { pluralPronounAgreement(&ctx, i, starts: starts) }
            if trigger.contains(.singularPronoun), agreeOn { singularPronounAgreement(&ctx, i, starts: starts) }
            if trigger.contains(.casePreposition), agreeOn { pronounCaseAfterPreposition(&ctx, i) }
            if trigger.contains(.there), agreeOn { thereIsWithPlural(&ctx, i) }
            if trigger.contains(.article), agreeOn { articleWithPlural(&ctx, i, starts: starts) }
            if trigger.contains(.demonstrative), agreeOn { demonstrativeKindOf(&ctx, i) }
            if trigger.contains(.then), confusedOn { thenAfterComparative(&ctx, i) }
        }
        if confusedOn {
            confusions(&ctx)
            itsConfusions(&ctx)
        }
        if ctx.config.isEnabled("grammar.date") || ctx.config.isEnabled("grammar.date-without-year") { dates(&ctx) }
    }

    /// The patterns of `learnerPatterns` a word can start. One look-up per token gives them all, so the loop tests
    /// bits instead of comparing the word with strings (an unequal string compare is a library call).
    struct LearnerTrigger: OptionSet, Sendable {
        let rawValue: UInt16
        static let pluralDeterminer = LearnerTrigger(rawValue: 1 << 0)
        /// "many", "several", "various", "numerous".
        static let many = LearnerTrigger(rawValue: 1 << 1)
        /// "every", "each".
        static let every = LearnerTrigger(rawValue: 1 << 2)
        static let much = LearnerTrigger(rawValue: 1 << 3)
        /// "lot", "lots".
        static let lot = LearnerTrigger(rawValue: 1 << 4)
        static let one = LearnerTrigger(rawValue: 1 << 5)
        /// The modals and "let's".
        static let modal = LearnerTrigger(rawValue: 1 << 6)
        static let gerundVerb = LearnerTrigger(rawValue: 1 << 7)
        /// "look", "looks", "looked", "looking".
        static let look = LearnerTrigger(rawValue: 1 << 8)
        static let finiteBe = LearnerTrigger(rawValue: 1 << 9)
        static let doForm = LearnerTrigger(rawValue: 1 << 10)
        /// "more", "most".
        static let more = LearnerTrigger(rawValue: 1 << 11)
        static let who = LearnerTrigger(rawValue: 1 << 12)
        static let since = LearnerTrigger(rawValue: 1 << 13)
    }

    /// Every word that can start one of `learnerPatterns`' patterns, with the patterns it can start.
    static let learnerDispatch = TriggerDispatch<LearnerTrigger>([
        (Array(pluralDeterminers), .pluralDeterminer),
        (["many", "several", "various", "numerous"], .many),
        (["every", "each"], .every),
        (["much"], .much),
        (["lot", "lots"], .lot),
        (["one"], .one),
        (Array(modals) + ["let's"], .modal),
        (Array(gerundVerbs.dictionary.keys), .gerundVerb),
        (["look", "looks", "looked", "looking"], .look),
        (Array(finiteBe), .finiteBe),
        (Array(doForms), .doForm),
        (["more", "most"], .more),
        (["who"], .who),
        (["since"], .since),
    ])

    func learnerPatterns(_ ctx: inout RuleContext, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let numberOn = ctx.config.isEnabled("grammar.noun-number")
        let patternOn = ctx.config.isEnabled("grammar.verb-pattern")
        guard numberOn || patternOn else { return }
        let dispatch = Self.learnerDispatch
        for i in tokens.indices where tokens[i].kind == .word {
            guard let trigger = dispatch.patterns(in: tokens, at: i) else { continue }
            if numberOn {
                if trigger.contains(.pluralDeterminer) { pluralAfterQuantifier(&ctx, i, verbOK: trigger.contains(.many)) }
                if trigger.contains(.many) { pluralAfterQuantifierAndAdjective(&ctx, i) }
                if trigger.contains(.every) {
                    singularAfterEvery(&ctx, i)
                    uncountableAfterEvery(&ctx, i)
                }
                if trigger.contains(.much) { pluralAfterMuch(&ctx, i) }
                if trigger.contains(.lot) { lotOfPeoples(&ctx, i) }
                if trigger.contains(.one) { oneOfThePlural(&ctx, i) }
            }
            guard patternOn else { continue }
            if trigger.contains(.modal) { modalBeforeTo(&ctx, i) }
            if trigger.contains(.gerundVerb) { gerundAfterVerb(&ctx, i) }
            if trigger.contains(.look) { gerundAfterLookForward(&ctx, i) }
            if trigger.contains(.finiteBe) { baseFormAfterBe(&ctx, i) }
            if trigger.contains(.doForm) { formAfterDoNot(&ctx, i) }
            if trigger.contains(.more) { doubleComparative(&ctx, i) }
            // "a person who are" is agreement, checked with the verb patterns.
            if trigger.contains(.who) { whoAfterSingular(&ctx, i) }
            if trigger.contains(.since) { sinceWithDuration(&ctx, i) }
        }
    }

    /// Which clause patterns a word can start: one dictionary look-up per candidate token picks them.
    struct ClausePattern: OptionSet, Sendable {
        let rawValue: UInt16
        static let inverted = ClausePattern(rawValue: 1 << 0)
        static let subject = ClausePattern(rawValue: 1 << 1)
        static let adverb = ClausePattern(rawValue: 1 << 2)
        static let toToo = ClausePattern(rawValue: 1 << 3)
        static let noVerb = ClausePattern(rawValue: 1 << 4)
        static let determiner = ClausePattern(rawValue: 1 << 5)
        static let modal = ClausePattern(rawValue: 1 << 6)
        static let article = ClausePattern(rawValue: 1 << 7)
        static let compound = ClausePattern(rawValue: 1 << 8)
        static let preposition = ClausePattern(rawValue: 1 << 9)
        static let pluralSubject = ClausePattern(rawValue: 1 << 10)
    }

    static let clauseDispatch = TriggerDispatch<ClausePattern>([
        (Array(pluralAuxiliary.keys) + Array(singularAuxiliary.dictionary.keys), .inverted),
        (Array(nounDeterminers), .subject),
        (["the", "these", "those", "my", "our", "their", "your", "his", "her", "many", "some", "most", "all"], .pluralSubject),
        (["he", "she"], .adverb),
        (["to"], .toToo),
        (Array(beFor.dictionary.keys), .noVerb),
        (Array(articles) + Array(possessives) + ["these", "those"], .determiner),
        (Array(strictModals) + Array(softModals) + ["to"], .modal),
        (["lot", "i'm", "he's", "she's", "i", "he", "she"] + Array(ofQuantifiers), .article),
        (Array(articles) + languages, .compound),
        (["explain", "explains", "explained", "explaining", "am", "is", "are", "was", "were", "'m", "'re", "'s", "i'm", "you're", "we're", "they're", "he's", "she's"], .preposition),
    ])

    func clausePatterns(_ ctx: inout RuleContext, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let cfg = ctx.config
        var on: ClausePattern = []
        if cfg.isEnabled("grammar.agreement") { on.formUnion([.inverted, .subject, .adverb, .pluralSubject]) }
        if cfg.isEnabled("grammar.confused-words") { on.insert(.toToo) }
        if cfg.isEnabled("grammar.missing-verb") { on.insert(.noVerb) }
        if cfg.isEnabled("grammar.double-determiner") { on.insert(.determiner) }
        if cfg.isEnabled("grammar.verb-form") { on.insert(.modal) }
        if cfg.isEnabled("grammar.article") { on.insert(.article) }
        if cfg.isEnabled("grammar.compound-adjective") { on.insert(.compound) }
        if cfg.isEnabled("grammar.preposition") { on.insert(.preposition) }
        let dispatch = Self.clauseDispatch
        for i in tokens.indices where tokens[i].kind == .word {
            guard let p = dispatch.patterns(in: tokens, at: i)?.intersection(on), !p.isEmpty else { continue }
            if p.contains(.inverted) { invertedQuestion(&ctx, i, starts: starts) }
            if p.contains(.subject) { singularSubject(&ctx, i, starts: starts) }
            if p.contains(.pluralSubject) { pluralSubject(&ctx, i, starts: starts) }
            if p.contains(.adverb) { adverbBeforeVerb(&ctx, i, starts: starts) }
            if p.contains(.toToo) { toForToo(&ctx, i) }
            if p.contains(.noVerb) { pronounWithoutVerb(&ctx, i, starts: starts) }
            if p.contains(.determiner) { doubleDeterminer(&ctx, i) }
            if p.contains(.modal) { pastAfterModal(&ctx, i) }
            if p.contains(.article) { missingArticle(&ctx, i, starts: starts) }
            if p.contains(.compound) {
                unhyphenatedCompound(&ctx, i)
                // "a 10-metres rope": the article leads to the hyphenated word after it.
                if i + 1 < tokens.count, Self.articles.contains(tokens[i]), tokens[i + 1].kind == .word,
                   tokens[i + 1].lower.utf8.contains(UInt8(ascii: "-")) { pluralUnitCompound(&ctx, i + 1) }
            }
            if p.contains(.preposition) { wrongPreposition(&ctx, i) }
        }
        if cfg.isEnabled("grammar.punctuation") { tagQuestions(&ctx, starts: starts) }
    }

    /// Which slip patterns a word can start: one dictionary look-up per candidate token picks them.
    struct SlipPattern: OptionSet, Sendable {
        let rawValue: UInt32
        static let toToo = SlipPattern(rawValue: 1 << 0)
        static let asThan = SlipPattern(rawValue: 1 << 1)
        static let context = SlipPattern(rawValue: 1 << 2)
        static let who = SlipPattern(rawValue: 1 << 3)
        static let people = SlipPattern(rawValue: 1 << 4)
        static let auxiliary = SlipPattern(rawValue: 1 << 5)
        static let complement = SlipPattern(rawValue: 1 << 6)
        static let plural = SlipPattern(rawValue: 1 << 7)
        static let kinds = SlipPattern(rawValue: 1 << 8)
        static let article = SlipPattern(rawValue: 1 << 9)
        static let decade = SlipPattern(rawValue: 1 << 10)
        static let acronym = SlipPattern(rawValue: 1 << 11)
        static let bareVerb = SlipPattern(rawValue: 1 << 12)
        static let makeTo = SlipPattern(rawValue: 1 << 13)
        static let everyday = SlipPattern(rawValue: 1 << 14)
        static let except = SlipPattern(rawValue: 1 << 15)
        static let others = SlipPattern(rawValue: 1 << 16)
        static let textSpeak = SlipPattern(rawValue: 1 << 17)
        static let afterComma = SlipPattern(rawValue: 1 << 18)
        static let orForOur = SlipPattern(rawValue: 1 << 19)
        static let thatComma = SlipPattern(rawValue: 1 << 20)
        static let pronounThen = SlipPattern(rawValue: 1 << 21)
        static let amount = SlipPattern(rawValue: 1 << 22)
        static let pastClause = SlipPattern(rawValue: 1 << 23)
        static let beliefComma = SlipPattern(rawValue: 1 << 24)
        static let pairedConjunction = SlipPattern(rawValue: 1 << 25)
        static let countedRelative = SlipPattern(rawValue: 1 << 26)
    }

    static let slipDispatch = TriggerDispatch<SlipPattern>([
        (["to", "too"], .toToo),
        (["as"], .asThan),
        (["you're", "you’re", "th", "all", "them", "than"], .context),
        (["who", "whom"], .who),
        (["people"], .people),
        (Array(doForms) + Array(strictModals) + Array(softModals), .auxiliary),
        (["afford", "affords", "afforded", "affording", "allow", "allows", "allowed", "allowing", "don't", "doesn't", "didn't"], .complement),
        (["this", "there", "there're"], .plural),
        (["two", "three", "four", "five", "many", "several", "various", "both"], .kinds),
        (["a", "an"] + Array(mealVerbs), .article),
        (decadePrepositions, .decade),
        (acronymQuantifiers, .acronym),
        (["want", "wants", "wanted", "going"], .bareVerb),
        (["make", "makes", "made", "making", "let", "lets", "letting"], .makeTo),
        (["everyday"], .everyday),
        (["except"], .except),
        (["others"], .others),
        (["u"], .textSpeak),
        (Array(capitalAfterCommaWords), .afterComma),
        (["or"], .orForOur),
        (["that"], .thatComma),
        (["i", "you", "we", "they", "he", "she"], .pronounThen),
        (["amount", "amounts"], .amount),
        (["when"], .pastClause),
        (["believe", "think", "feel", "guess", "suppose"], .beliefComma),
        (["although", "though", "because"], .pairedConjunction),
        (Array(countedQuantifiers), .countedRelative),
    ])

    func slipPatterns(_ ctx: inout RuleContext, starts: SentenceStarts) {
        let cfg = ctx.config
        var on: SlipPattern = []
        if cfg.isEnabled("grammar.confused-words") { on.formUnion([.toToo, .asThan, .context]) }
        if cfg.isEnabled("grammar.agreement") { on.formUnion([.who, .people, .countedRelative]) }
        if cfg.isEnabled("grammar.verb-form") || cfg.isEnabled("grammar.missing-verb") { on.insert(.auxiliary) }
        if cfg.isEnabled("grammar.verb-pattern") { on.formUnion([.complement, .bareVerb, .makeTo]) }
        if cfg.isEnabled("grammar.confused-words") { on.formUnion([.everyday, .except]) }
        let number = cfg.isEnabled("grammar.noun-number")
        if number { on.formUnion([.plural, .kinds, .acronym, .others]) }
        if cfg.isEnabled("grammar.nonstandard-phrase") { on.insert(.textSpeak) }
        if cfg.isEnabled("grammar.capitalization") { on.insert(.afterComma) }
        if cfg.isEnabled("grammar.confused-words") { on.formUnion([.orForOur, .amount]) }
        if cfg.isEnabled("grammar.punctuation") { on.formUnion([.thatComma, .beliefComma]) }
        if cfg.isEnabled("grammar.verb-form") { on.insert(.pastClause) }
        if cfg.isEnabled("grammar.nonstandard-phrase") { on.insert(.pairedConjunction) }
        if cfg.isEnabled("grammar.verb-form") || cfg.isEnabled("grammar.missing-verb") { on.insert(.pronounThen) }
        if cfg.isEnabled("grammar.article") { on.formUnion([.article, .decade]) }
        let tokens = ctx.tokens
        let scalars = ctx.text.scalars
        let lex = WordClasses.shared
        let dispatch = Self.slipDispatch
        if cfg.isEnabled("grammar.comma-after-introduction") { introductionComma(&ctx, starts: starts) }
        for i in tokens.indices where tokens[i].kind == .word || tokens[i].kind == .number {
            // "5 CD's": a number leads to the word after it.
            if number, tokens[i].kind == .number { acronymPlural(&ctx, i + 1) }
            guard let p = dispatch.patterns(in: tokens, at: i)?.intersection(on), !p.isEmpty else { continue }
            if p.contains(.toToo) { toAndToo(&ctx, i) }
            if p.contains(.asThan) { asThan(&ctx, i) }
            if p.contains(.context) { contextWords(&ctx, i, starts: starts) }
            if p.contains(.who) { whoAndWhom(&ctx, i, starts: starts) }
            if p.contains(.people) { peopleAgreement(&ctx, i, starts: starts) }
            if p.contains(.auxiliary) { formAfterAuxiliary(&ctx, i) }
            if p.contains(.complement) { verbComplement(&ctx, i) }
            if p.contains(.plural) { pluralAfterDeterminer(&ctx, i) }
            if p.contains(.kinds) { kindsOf(&ctx, i) }
            if p.contains(.article) { articleSlips(&ctx, i) }
            if p.contains(.decade) { decade(&ctx, i + 1) }
            if p.contains(.acronym) { acronymPlural(&ctx, i + 1) }
            if p.contains(.bareVerb) || p.contains(.makeTo) { infinitiveSlips(&ctx, i) }
            if p.contains(.everyday) || p.contains(.except) { wordChoice(&ctx, i) }
            if p.contains(.others) { othersBeforeNoun(&ctx, i) }
            if p.contains(.textSpeak) { textSpeakYou(&ctx, i) }
            // The frequent triggers ("the", "and", "that", pronouns) are tested here, before a call: nearly every
            // "the" is in lower case, one scalar decides.
            if p.contains(.afterComma), !starts.contains(i), CharClass.isUpper(scalars[tokens[i].start]) { capitalAfterComma(&ctx, i) }
            if p.contains(.orForOur) { orForOur(&ctx, i) }
            if p.contains(.amount) { amountOfPlural(&ctx, i) }
            if p.contains(.pastClause), starts.contains(i) { presentAfterPastClause(&ctx, i) }
            if p.contains(.beliefComma) { commaAfterBelief(&ctx, i, starts: starts) }
            if p.contains(.pairedConjunction) { doubledConjunction(&ctx, i, starts: starts) }
            if p.contains(.countedRelative) { countedRelative(&ctx, i) }
            if p.contains(.thatComma), i >= 3, tokens[i - 1].kind == .punct { commaBeforeThat(&ctx, i) }
            if p.contains(.pronounThen), i + 2 < tokens.count {
                let k = Self.pronounAdverbs.contains(tokens[i + 1]) ? i + 2 : i + 1
                let x = tokens[k].lower
                if Self.participlesOnly.contains(x) || (k == i + 1 && lex.isNounOnly(x)) { afterSubjectPronoun(&ctx, i, starts: starts) }
            }
        }
    }

    static let agreementTriggerMap = WordMap(agreementTriggers)

    /// The phrase-table rules, one entry per family that owns a table.
    static let phraseRules: [(String, PhraseTable, String)] = [
        confusedPhraseRule, nonstandardPhraseRule, agreementPhraseRule, typographyPhraseRule, prepositionPhraseRule,
    ]
}

/// The token indices that start a sentence, one flag per token: rules ask about nearly every word, and a
/// `Set<Int>` would hash the index each time.
struct SentenceStarts {
    private var flags: [Bool]

    init(count: Int) { flags = [Bool](repeating: false, count: count) }

    mutating func insert(_ i: Int) { flags[i] = true }

    func contains(_ i: Int) -> Bool { i >= 0 && i < flags.count && flags[i] }
}

/// Trigger words and the patterns each can start, as a `WordMap` probed by the token's hash behind a
/// `WordFilter`: most tokens cost one filter test, the rest one probe.
struct TriggerDispatch<Pattern: OptionSet & Sendable>: Sendable where Pattern.Element == Pattern {
    private let map: WordMap<Pattern>
    private let filter: WordFilter
    /// The trigger words, sorted (the robustness tests draw texts from them).
    let words: [String]

    /// Each group: words and the pattern they start (a word may start several).
    init(_ groups: [([String], Pattern)]) {
        var patterns: [String: Pattern] = [:]
        for (words, pattern) in groups {
            for w in words { patterns[w, default: []].insert(pattern) }
        }
        map = WordMap(patterns)
        filter = WordFilter(patterns.keys)
        words = patterns.keys.sorted()
    }

    /// The patterns `tokens[i]` can start. Read in place: a `Token` passed by value was copied, its two strings
    /// retained and released, for every word of every chunk (some 190,000 copies a rule loop on the bench corpus).
    @inline(__always) func patterns(in tokens: [Token], at i: Int) -> Pattern? {
        let hash = tokens[i].lowerHash
        return filter.mayContain(hash: hash) ? map[tokens[i].lower, hash: hash] : nil
    }
}
