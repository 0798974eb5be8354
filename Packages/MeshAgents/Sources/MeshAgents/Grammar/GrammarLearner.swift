import Foundation
import MeshProtocol
import MeshText

/// Patterns that learners of English get wrong, decided from hunspell's word classes (`WordClasses`) around a
/// few trigger words rather than from lists of sentences:
/// - `grammar.noun-number`: a determiner or quantifier whose noun has the wrong number ("many problem",
///   "every students", "much problems", "one of the reason.");
/// - `grammar.verb-pattern`: the wrong complement after a verb ("must to go", "enjoy to swim", "look forward
///   to meet", "I am agree", "did not went"), "more easier"/"most biggest" for any adjective hunspell inflects,
///   "a person who are", and "since two years" (a duration takes "for").
extension GrammarSpecialist {
    /// Determiners and numbers that need a plural noun.
    static let pluralDeterminers: WordList = [
        "many", "several", "few", "various", "numerous", "both", "these", "those", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "twelve", "twenty", "hundreds", "thousands", "millions",
    ]
    /// Numbers and collective nouns that read well after a plural determiner or in "one of the ...".
    static let numberLikeNouns: WordList = [
        "hundred", "thousand", "million", "billion", "dozen", "percent", "score", "times", "kind", "sort", "type", "team",
        "family", "crowd", "group", "party", "public", "staff", "crew", "class", "gang", "band", "club", "committee",
        "audience", "herd", "pack", "lot", "pair", "couple", "people", "other", "one", "more", "most", "less", "least",
        "same", "former", "latter", "rest", "majority", "minority", "best", "worst", "first", "last", "next", "number",
        "total", "sum", "series", "means", "species", "fish", "sheep", "deer", "aircraft", "police", "data", "media",
        "following", "above", "below", "whole", "world", "way", "day", "time", "year", "week", "month", "while",
    ]
    /// Nouns with no plural ("informations" is a mistake), from `GrammarLists.uncountablePlurals`.
    static let uncountables = Set(GrammarLists.uncountablePlurals.values).subtracting(["staff", "vocabulary", "traffic"])
        .union(["stuff", "news", "weather"])
    static let irregularPlurals = WordDictionary<String>([
        "people": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot", "teeth": "tooth",
        "mice": "mouse", "peoples": "people",
    ])
    /// Words after a noun that show the noun phrase has ended.
    static let phraseEnders: WordList = [
        "is", "are", "was", "were", "have", "has", "had", "that", "which", "who", "in", "on", "at", "for", "to", "with",
        "from", "by", "will", "can", "would", "could", "should", "do", "did", "does", "but", "because", "so", "of", "as",
        "i", "we", "they", "you", "he", "she", "it", "when", "why", "where", "than", "like",
    ]
    /// Verbs followed by an -ing form, never by "to" + verb.
    static let gerundVerbs = WordDictionary<String>([
        "enjoy": "enjoy", "enjoys": "enjoy", "enjoyed": "enjoy", "enjoying": "enjoy", "avoid": "avoid", "avoids": "avoid",
        "avoided": "avoid", "avoiding": "avoid", "finish": "finish", "finished": "finish", "finishes": "finish",
        "suggest": "suggest", "suggests": "suggest", "suggested": "suggest", "suggesting": "suggest", "mind": "mind",
        "postpone": "postpone", "postponed": "postpone", "dislike": "dislike", "dislikes": "dislike", "disliked": "dislike",
        "practise": "practise", "practice": "practice", "quit": "quit", "quitted": "quit", "deny": "deny", "denied": "deny",
        "denies": "deny", "risk": "risk", "risked": "risk", "keep": "keep", "keeps": "keep", "kept": "keep",
        "consider": "consider", "considers": "consider", "considered": "consider", "considering": "consider",
    ])
    static let durationUnits: WordList = [
        "years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries", "ages",
    ]
    static let countWords: WordList = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
        "thirty", "forty", "fifty", "many", "several", "few", "some", "a", "the", "last", "past",
    ]
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

    /// The regular plural of a noun ("city" → "cities", "box" → "boxes", "day" → "days").
    static func plural(of w: String) -> String {
        if w.hasSuffix("y"), let c = w.dropLast().last, !"aeiou".contains(c) { return w.dropLast() + "ies" }
        if w.hasSuffix("s") || w.hasSuffix("sh") || w.hasSuffix("ch") || w.hasSuffix("x") { return w + "es" }
        return w + "s"
    }

    /// -ing form of a verb for a suggestion ("swim" → "swimming" is left to the reader: "swiming" is not offered).
    /// Whether token `k` (after "am/is/are + base form") lets the base form be read as a verb: the clause ends,
    /// or an object, preposition, adverb or -ing form follows ("I am agree with", "they are not stop talking").
    /// A noun, "of", "that" or code after it reads as a noun phrase ("is part of", "are code that", "is type `char`").
    /// Verbs that take a "that" clause: "they are believe that" is still the verb.
    static let ItsClauseVerbs: WordList = ["think", "believe", "know", "agree", "disagree", "feel", "hope", "say", "suppose", "understand",
                                           "mean", "realize", "realise", "expect", "doubt", "guess", "notice", "suggest", "claim", "argue"]

    /// Common verbs that are never nouns: after "am/is/are" whatever follows, they are the slip ("are make products").
    static let neverNouns: WordList = ["make", "take", "give", "think", "believe", "know", "agree", "disagree", "go", "come", "become",
                                       "get", "seem", "want", "understand", "bring", "buy", "tell", "say", "see", "prefer", "enjoy",
                                       "spend", "choose", "decide", "provide", "allow", "let", "keep", "find", "feel", "learn", "teach",
                                       "live", "improve", "suggest", "affect", "depend", "happen", "belong", "consider", "contain"]

    static func endsVerbReading(_ tokens: [Token], _ k: Int) -> Bool {
        guard k < tokens.count else { return true }
        let t = tokens[k]
        if t.kind == .punct { return [".", ",", "!", "?", ";", ":"].contains(t.text) }
        guard t.kind == .word else { return false }
        let a = t.lower
        if ["of", "that", "which", "who", "whose", "and", "or"].contains(a) { return false }
        if objectStarters.contains(a) || a.hasSuffix("ing") || a.hasSuffix("ly") { return true }
        return ["with", "in", "at", "on", "about", "from", "by", "into", "for", "after", "before", "because", "but", "so", "if",
                "when", "here", "there", "now", "very", "too", "much", "well", "you", "it", "not", "again", "yet", "still",
                "anymore", "any", "what", "everything", "anything", "something", "nothing"].contains(a)
    }

    static func ingForm(_ base: String) -> String? {
        if base.hasSuffix("ie") { return String(base.dropLast(2)) + "ying" }
        if base.hasSuffix("e"), !base.hasSuffix("ee"), base != "be" { return String(base.dropLast()) + "ing" }
        let s = Array(base.unicodeScalars)
        if s.count >= 3, !"aeiouwxy".unicodeScalars.contains(s[s.count - 1]), "aeiou".unicodeScalars.contains(s[s.count - 2]),
           !"aeiou".unicodeScalars.contains(s[s.count - 3]), s.count <= 4 {
            return base + String(s[s.count - 1]) + "ing"
        }
        return base + "ing"
    }

    /// The adjective behind a comparative ("easier" → "easy") or superlative ("biggest" → "big") that hunspell
    /// builds by affix only (the form itself is no dictionary stem).
    func adjectiveBase(of w: String, suffix: String) -> String? {
        let lex = WordClasses.shared
        guard w.hasSuffix(suffix), w.utf8.count > suffix.utf8.count + 2, lex.flags[w] == nil else { return nil }
        let stem = String(w.dropLast(suffix.count))
        var candidates = [stem, stem + "e"]
        if stem.hasSuffix("i") { candidates.append(String(stem.dropLast()) + "y") }
        let s = Array(stem)
        if s.count >= 3, s[s.count - 1] == s[s.count - 2] { candidates.append(String(s.dropLast())) }
        for c in candidates {
            if let f = lex.flags[c], f.contains(.adjective), !f.contains(.verb) { return c }
        }
        return nil
    }

    func learnerPatterns(_ ctx: inout RuleContext, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        let numberOn = ctx.config.isEnabled("grammar.noun-number")
        let patternOn = ctx.config.isEnabled("grammar.verb-pattern")
        guard numberOn || patternOn else { return }
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        func lowerCase(_ k: Int) -> Bool { tokens[k].text.unicodeScalars.first.map(CharClass.isLower) == true }
        /// The noun phrase ends after token k: end of text, punctuation, or a function word.
        func endsAfter(_ k: Int) -> Bool {
            k + 1 >= n || (tokens[k + 1].kind == .punct && tokens[k + 1].text != "-" && tokens[k + 1].text != "'")
                || (word(k + 1).map { Self.phraseEnders.contains($0) } ?? false)
        }
        /// A countable singular noun: hunspell gives it a plural, it is not itself a plural or an adjective.
        func countableSingular(_ w: String, allowVerb: Bool) -> Bool {
            guard takesPlural(w), let f = lex.flags[w], f.contains(.noun) else { return false }
            return allowVerb || !f.contains(.verb)
        }
        /// A word hunspell gives an -s form and that is no adjective, nor a plural, modal, number or uncountable
        /// noun: a countable noun when hunspell calls it one, and at the end of a clause after "several" a noun
        /// ("several reason.") whatever else it can be.
        func takesPlural(_ w: String) -> Bool {
            guard let f = lex.flags[w], f.contains(.plural), !f.contains(.adjective), !w.hasSuffix("s"), !w.hasSuffix("ing"),
                  !Self.modals.contains(w), !Verbs.auxiliaries.contains(w), !Self.numberLikeNouns.contains(w),
                  GrammarLists.uncountablePlurals[w + "s"] == nil else { return false }
            return true
        }
        func clauseEndsAfter(_ k: Int) -> Bool {
            k + 1 >= n || [".", ",", ";", "!", "?"].contains(tokens[k + 1].text)
        }
        /// "several reason to support": a noun with a to-infinitive after it, as well as at a clause's end.
        func nounEndsAfter(_ k: Int) -> Bool {
            clauseEndsAfter(k) || (k + 2 < n && tokens[k + 1].lower == "to" && lex.isVerb(tokens[k + 2].lower))
        }
        /// The singular of a plural noun ("students" → "student", "people" → "person").
        func pluralNoun(_ k: Int) -> String? {
            guard let w = word(k), lowerCase(k) else { return nil }
            if let s = Self.irregularPlurals[w], w != "peoples" { return s }
            if Verbs.thirdToBase[w] != nil || Verbs.auxiliaries.contains(w) { return nil }
            return lex.pureNounSingular(ofPlural: w)
        }
        let dispatch = Self.learnerDispatch
        for i in 0..<n where tokens[i].kind == .word {
            guard let trigger = dispatch.patterns(for: tokens[i]) else { continue }
            let w = tokens[i].lower
            let prev = word(i - 1)

            // many / several / these / two + singular noun: "many problem", "these day."
            if numberOn, trigger.contains(.pluralDeterminer), !(prev == "a" && w == "few"),
               let nw = word(i + 1), lowerCase(i + 1) {
                let verbOK = trigger.contains(.many)
                // "many" stands alone before a verb ("Many hope."); "several", "various" and "numerous" rarely do.
                let manyThenVerb = w == "many" && clauseEndsAfter(i + 1) && (lex.flags[nw]?.contains(.verb) == true || lex.verbsByPastEntry.contains(nw))
                if !manyThenVerb, countableSingular(nw, allowVerb: verbOK) || (verbOK && w != "many" && nounEndsAfter(i + 1) && takesPlural(nw)),
                   endsAfter(i + 1),
                   !(prev == "the" && ["two", "three", "four", "five"].contains(w)),
                   !["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both", "all"].contains(nw),
                   !(["one", "each", "every", "of"].contains(prev ?? "") && Self.countWords.contains(w) == false && w != "many") {
                    let p = Self.plural(of: nw)
                    ctx.add("grammar.noun-number", "After '\(tokens[i].text)' use the plural '\(p)'.", tokens[i + 1].span, [p])
                }
            }

            // many / several + an adjective + a singular noun: "many new employee every year".
            if numberOn, trigger.contains(.many), let adj = word(i + 1), lowerCase(i + 1), lex.classes(adj).map({ $0.contains(.adjective) && !$0.contains(.verb) }) == true,
               let nw = word(i + 2), lowerCase(i + 2), countableSingular(nw, allowVerb: false), endsAfter(i + 2) {
                let p = Self.plural(of: nw)
                ctx.add("grammar.noun-number", "After '\(tokens[i].text)' use the plural '\(p)'.", tokens[i + 2].span, [p])
            }

            // every / each + plural noun: "every students".
            if numberOn, trigger.contains(.every), let single = pluralNoun(i + 1), word(i + 2) != "other",
               !(w == "each" && prev.map { Self.subjectPronouns.contains($0) || $0 == "you" || $0 == "them" || $0 == "us" } ?? false) {
                ctx.add("grammar.noun-number", "'\(tokens[i].text)' takes a singular noun: '\(single)'.", tokens[i + 1].span, [matchCase(single, like: tokens[i + 1].text)])
            }

            // every + a noun that has no plural: "every knowledge is" → "all knowledge".
            if numberOn, trigger.contains(.every), w == "every", let nw = word(i + 1), Self.uncountables.contains(nw), endsAfter(i + 1) {
                ctx.add("grammar.noun-number", "'\(nw)' has no plural, so not 'every': use 'all \(nw)'.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end),
                        [matchCase("all \(nw)", like: tokens[i].text)])
            }

            // much + plural noun: "much problems" → "many".
            if numberOn, trigger.contains(.much), pluralNoun(i + 1) != nil {
                ctx.add("grammar.noun-number", "Use 'many' with a plural noun.", tokens[i].span, [matchCase("many", like: tokens[i].text)])
            }

            // a lot of / lots of / many + "peoples".
            if numberOn, trigger.contains(.lot), word(i + 1) == "of", word(i + 2) == "peoples" {
                ctx.add("grammar.noun-number", "'People' is already plural.", tokens[i + 2].span, [matchCase("people", like: tokens[i + 2].text)])
            }

            // one of the (adjective) + singular noun: "one of the main reason."
            if numberOn, trigger.contains(.one), word(i + 1) == "of", let d = word(i + 2),
               ["the", "my", "his", "her", "our", "their", "your", "its", "these", "those"].contains(d) {
                var k = i + 3
                var mods = 0
                while mods < 2, let m = word(k), word(k + 1) != nil,
                      m == "most" || m == "best" || m == "main" || m == "biggest" || GrammarLists.superlatives.contains(m)
                        || (lex.isPureAdjective(m) && !countableSingular(m, allowVerb: true)) {
                    k += 1
                    mods += 1
                }
                if let nw = word(k), lowerCase(k), countableSingular(nw, allowVerb: true), !lex.isPureAdjective(nw),
                   k + 1 >= n || tokens[k + 1].kind == .punct && [".", ",", ";", "!", "?"].contains(tokens[k + 1].text)
                    || (word(k + 1).map { ["is", "was", "that", "which", "who", "i", "we", "in", "why", "for"].contains($0) } ?? false) {
                    let p = Self.plural(of: nw)
                    ctx.add("grammar.noun-number", "After 'one of \(d)' use the plural '\(p)'.", tokens[k].span, [p])
                }
            }

            guard patternOn else { continue }

            // must to / should to / let's to + verb.
            if trigger.contains(.modal), word(i + 1) == "to", let v = word(i + 2), lex.isVerb(v), !lex.isNounOnly(v),
               !(prev.map { Self.determinersAndQuantifiers.contains($0) || $0 == "free" || $0 == "good" } ?? false),
               !["will", "may", "can"].contains(w) || prev != nil && (Self.subjectPronouns.contains(prev!) || prev == "you" || prev == "it") {
                ctx.add("grammar.verb-pattern", "After '\(tokens[i].text)' use the verb without 'to'.", tokens[i + 1].span, [""])
            }

            // enjoy / avoid / suggest + to + verb → -ing.
            // "keep to" also means "stay with" ("keep to schedule"): only a verb that is never a noun counts there.
            // "are considered to have been": a passive takes "to".
            if trigger.contains(.gerundVerb), word(i + 1) == "to", let base = Self.gerundVerbs[w], let v = word(i + 2), lowerCase(i + 2), v != "be", v != "have",
               !(prev.map { ClarityLists.beForms.contains($0) } ?? false),
               // "a good practice to begin", "half a mind to take": the noun, not the verb.
               !(prev.map { Self.determinersAndQuantifiers.contains($0) || lex.classes($0)?.contains(.adjective) == true || $0 == "a" } ?? false),
               lex.isVerb(v) && !lex.isNounOnly(v) || Verbs.baseForms[v] != nil, !Self.objectStarters.contains(v),
               base != "keep" || Verbs.baseForms[v] != nil || lex.isPureVerb(v) {
                let ing = Self.ingForm(v) ?? v + "ing"
                ctx.add("grammar.verb-pattern", "'\(tokens[i].text)' takes an -ing form: '\(tokens[i].text) \(ing)'.",
                        TextSpan(start: tokens[i + 1].start, end: tokens[i + 2].end), [ing])
            }

            // look forward to + base form → -ing.
            if trigger.contains(.look), word(i + 1) == "forward", word(i + 2) == "to", let v = word(i + 3),
               lowerCase(i + 3), Verbs.baseForms[v] != nil || lex.isPureVerb(v), !Self.objectStarters.contains(v) {
                let ing = Self.ingForm(v) ?? v + "ing"
                ctx.add("grammar.verb-pattern", "'Look forward to' takes an -ing form: '\(ing)'.", tokens[i + 3].span, [ing])
            }

            // am / is / are (+ not) + base form of a verb: "I am agree", "they are not stop".
            if trigger.contains(.finiteBe) {
                var k = i + 1
                if word(k) == "not" { k += 1 }
                if let v = word(k), lowerCase(k), v.utf8.count >= 3, !Self.objectStarters.contains(v), !Self.determinersAndQuantifiers.contains(v),
                   lex.isPureVerb(v), lex.flags[v] != nil, !["do", "did", "does", "done"].contains(prev ?? ""), !(lex.flags[v]!.contains(.adjective)),
                   !v.hasSuffix("ed"), !v.hasSuffix("ing"), !Self.participleLikeBases.contains(v), Verbs.pastToBase[v] == nil,
                   !(prev.map { ["what", "how", "where", "why", "who", "which", "that", "there", "here"].contains($0) } ?? false),
                   !(i + 1 < n && tokens[i + 1].kind == .punct), word(k + 1) != "to" || v == "agree",
                   Self.endsVerbReading(tokens, k + 1) || word(k + 1) == "that" && Self.ItsClauseVerbs.contains(v) || Self.neverNouns.contains(v) {
                    // Many base forms are nouns too ("is part of", "are value expressions", "are type aliases"): the
                    // verb reading needs what follows a verb (see `endsVerbReading`), and the -ing form is offered
                    // only when it is a word.
                    let ing = Self.ingForm(v) ?? v + "ing"
                    let known = speller.check(ing)
                    var f = Finding("grammar.verb-pattern", "'\(tokens[i].text)' cannot go with the base form '\(tokens[k].text)': drop '\(tokens[i].text)'"
                                    + (known ? " or use '\(ing)'." : "."), TextSpan(start: tokens[i].start, end: tokens[k].end),
                                    [ctx.text(tokens[k].span)])
                    f.severity = .warning
                    if ctx.config.isEnabled(f.rule) { ctx.findings.append(f) }
                }
            }

            // did not / does not + past or third-person form: "did not went", "didn't wanted".
            if trigger.contains(.doForm) {
                var k = i + 1
                if word(k) == "not" { k += 1 }
                if let v = word(k), k > i + 1 || w.hasSuffix("n't") {
                    let withNot = k > i + 1
                    var base: String? = withNot && Verbs.strongPast.contains(v) ? Verbs.pastToBase[v] : nil
                    if base == nil, v.hasSuffix("ed"), let b = regularPastBase(v), lex.isPureVerb(b), lex.flags[v] == nil { base = b }
                    if base == nil, withNot, w != "did", let b = lex.pureVerbBase(ofThird: v), !Verbs.nounLike.contains(v) { base = b }
                    if let base {
                        ctx.add("grammar.verb-pattern", "After '\(tokens[i].text)\(k > i + 1 ? " not" : "")' use the base form: '\(base)'.", tokens[k].span, [matchCase(base, like: tokens[k].text)])
                    }
                }
            }

            // more + comparative, most + superlative of any adjective hunspell inflects: "more easier", "most biggest".
            if trigger.contains(.more), let nw = word(i + 1), !(prev.map { ["one", "any", "no", "much", "far"].contains($0) && w == "more" } ?? false) {
                let base = adjectiveBase(of: nw, suffix: w == "more" ? "er" : "est")
                let listed = w == "more" ? GrammarLists.comparatives[nw] != nil : GrammarLists.superlatives.contains(nw)
                if base != nil, !listed {
                    ctx.add("grammar.verb-pattern", "'\(tokens[i + 1].text)' is already \(w == "more" ? "comparative" : "superlative"): drop '\(tokens[i].text)'.",
                            TextSpan(start: tokens[i].start, end: tokens[i + 1].end), [tokens[i + 1].text])
                }
            }

            // someone / a person + who + are: "a person who are".
            if trigger.contains(.who), let v = word(i + 1), ["are", "were", "have", "don't", "aren't", "weren't", "haven't"].contains(v), let p = prev {
                let single = ["someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "person", "man", "woman", "child"].contains(p)
                if single, p == "person" || p == "man" || p == "woman" || p == "child" ? ["a", "an", "the", "one", "every", "each", "any"].contains(word(i - 2) ?? "") : true {
                    let fix = ["are": "is", "were": "was", "have": "has", "don't": "doesn't", "aren't": "isn't", "weren't": "wasn't", "haven't": "hasn't"][v]!
                    ctx.add("grammar.agreement", "'\(tokens[i - 1].text)' is singular: use 'who \(fix)'.", tokens[i + 1].span, [matchCase(fix, like: tokens[i + 1].text)])
                }
            }

            // since + a duration → for: "since two years".
            if trigger.contains(.since), let c = word(i + 1) ?? (i + 1 < n && tokens[i + 1].kind == .number ? "#" : nil), c == "#" || Self.countWords.contains(c) {
                var k = i + 2
                if c == "a" || c == "the" || c == "last" || c == "past", word(k) == "long" || word(k) == "few" || word(k) == "couple" { k += 1 }
                if word(k) == "of" { k += 1 }
                let unit = word(k)
                let duration = unit.map { Self.durationUnits.contains($0) } ?? false || (c == "a" && unit == "time" && word(k - 1) == "long")
                if duration, c != "the",
                   !(word(k + 1).map { ["ago", "earlier", "before", "later", "after"].contains($0) } ?? false) {
                    ctx.add("grammar.verb-pattern", "Use 'for' with a length of time ('since' needs a point in time).", tokens[i].span, [matchCase("for", like: tokens[i].text)])
                }
            }
        }
    }

    /// Finite forms of "be" (static: an array literal in the loop allocates per trigger word).
    static let finiteBe: WordList = ["am", "is", "are", "was", "were", "isn't", "aren't", "wasn't", "weren't"]

    /// Base forms that are also past participles ("is come", "was run"): never flagged after "be".
    static let participleLikeBases: Set<String> = {
        var s: Set<String> = ["let", "put", "set", "cut", "hit", "read", "spread", "shut", "hurt", "cost", "quit", "burst", "bet",
                              "cast", "thrust", "rid", "upset", "like", "worth", "near", "due", "born", "welcome", "become",
                              "come", "run", "overcome", "awake", "asleep", "alike", "alive", "aware", "forecast", "broadcast", "beat", "split", "bid", "fit", "wed"]
        for (b, _, _, pp) in Verbs.table where b == pp { s.insert(b) }
        return s
    }()
}
