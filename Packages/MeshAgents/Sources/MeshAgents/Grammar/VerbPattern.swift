import Foundation
import MeshProtocol
import MeshText

/// `grammar.verb-pattern`: the wrong form after a verb or auxiliary ("must to go", "enjoy to swim", "look forward
/// to meet", "I am agree", "did not went", "more easier", "since two years").
extension GrammarSpecialist {
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

    static let toVerbs: WordList = [
        "want", "wants", "wanted", "need", "needs", "needed", "have", "has", "had", "going", "try", "tries", "tried", "able",
        "like", "likes", "liked", "love", "loves", "loved", "hope", "hoped", "plan", "planned", "decided", "decide", "used",
        "refuse", "refused", "agreed", "seem", "seems", "seemed", "began", "begin", "start", "started", "learn", "learned",
    ]

    /// "We cannot afford spend", "He allowed me do it", "You don't afraid".
    func verbComplement(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        let w = tokens[i].lower
        func word(_ k: Int) -> String? { k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        if w.hasPrefix("afford"), let v = word(i + 1) {
            if lex.isPureVerb(v) {
                ctx.add("grammar.verb-pattern", "'\(tokens[i].text)' takes 'to' before a verb: 'to \(v)'.", tokens[i + 1].span, ["to \(v)"])
            } else if v.hasSuffix("ing"), lex.classes(v) == nil, let base = WordClasses.stems(ofIng: v).first(where: { lex.isPureVerb($0) }) {
                ctx.add("grammar.verb-pattern", "'\(tokens[i].text)' takes 'to' before a verb: 'to \(base)'.", tokens[i + 1].span, ["to \(base)"])
            }
        } else if w.hasPrefix("allow"), let o = word(i + 1), Self.objectPronouns.contains(o) || o == "you", let v = word(i + 2), !Self.objectStarters.contains(v),
                  !Self.determinersAndQuantifiers.contains(v), lex.isPureVerb(v) || v == "do" || v == "go" {
            ctx.add("grammar.verb-pattern", "'\(tokens[i].text) \(tokens[i + 1].text)' takes 'to' before a verb: 'to \(v)'.", tokens[i + 2].span, ["to \(v)"])
        } else if w == "allow" || w == "allows" || w == "allowing", word(i + 1) == "to", let v = word(i + 2),
                  lex.isVerb(v) || Verbs.auxiliaries.contains(v), !Self.determinersAndQuantifiers.contains(v),
                  !(i > 0 && ["be", "been", "being", "is", "are", "was", "were", "not"].contains(tokens[i - 1].lower)),
                  // "whom I can ever allow to invite": the object was moved to the front.
                  !(max(0, i - 5)..<i).contains(where: { ["whom", "who", "which", "that"].contains(tokens[$0].lower) }) {
            // "It allows to have fun": the verb needs an object ("allows you to").
            ctx.add("grammar.verb-pattern", "'\(tokens[i].text) to' needs an object: '\(tokens[i].text) you to \(v)'.",
                    TextSpan(start: tokens[i].start, end: tokens[i + 1].end), ["\(tokens[i].text) you to"])
        } else if ["don't", "doesn't", "didn't"].contains(w), let adj = word(i + 1), Self.predicateAdjectives.contains(adj), i > 0 {
            let subject = tokens[i - 1].lower
            let be: String
            switch (w, subject) {
            case ("didn't", "i"), ("didn't", "he"), ("didn't", "she"), ("didn't", "it"): be = "wasn't"
            case ("didn't", _): be = "weren't"
            case (_, "i"): be = "am not"
            case ("doesn't", _): be = "isn't"
            default: be = "aren't"
            }
            ctx.add("grammar.verb-pattern", "'\(adj)' is an adjective: use '\(be) \(adj)'.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end), ["\(be) \(adj)"])
        }
    }

    /// "I want go home" → "want to go"; "I'm going eat" → "going to eat"; "It made me to laugh" → "made me laugh".
    func infinitiveSlips(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        let w = tokens[i].lower
        func pureVerb(_ k: Int) -> Bool {
            k < n && tokens[k].kind == .word && tokens[k].text.unicodeScalars.first.map(CharClass.isLower) == true
                && lex.isPureVerb(tokens[k].lower) && !Self.objectStarters.contains(tokens[k])
                && !["off", "on", "up", "out", "down", "back", "over", "away", "home", "abroad", "there", "ahead", "through"].contains(tokens[k].lower)
        }
        if ["want", "wants", "wanted", "going"].contains(w), pureVerb(i + 1) {
            // "going" only as the future: after a form of "be".
            if w == "going", !(i > 0 && (ClarityLists.beForms.contains(tokens[i - 1].lower) || ["i'm", "you're", "we're", "they're", "he's", "she's", "it's"].contains(tokens[i - 1].lower))) { return }
            ctx.add("grammar.verb-pattern", "'\(tokens[i].text)' takes 'to' before a verb: '\(tokens[i].text) to \(tokens[i + 1].text)'.",
                    tokens[i + 1].span, ["to \(tokens[i + 1].text)"])
        } else if ["make", "makes", "made", "making", "let", "lets", "letting"].contains(w), i + 3 < n,
                  Self.objectPronouns.contains(tokens[i + 1]) || tokens[i + 1].lower == "you"
                    || Self.irregularPlurals[tokens[i + 1].lower] != nil || lex.pureNounSingular(ofPlural: tokens[i + 1].lower) != nil,
                  tokens[i + 2].lower == "to", pureVerb(i + 3) {
            ctx.add("grammar.verb-pattern", "'\(tokens[i].text) \(tokens[i + 1].text)' takes the verb without 'to'.",
                    TextSpan(start: tokens[i + 2].start, end: tokens[i + 3].end), [tokens[i + 3].text])
        } else if ["make", "makes", "made", "making", "let", "lets", "letting"].contains(w) {
            baseFormAfterObject(&ctx, i)
        }
    }

    /// must to / should to / let's to + verb.
    func modalBeforeTo(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        let w = tokens[i].lower
        let prev = word(i - 1)
        // "what we can to help", "everything they could to": the verb is left out ("can [do]") and "to" is a purpose.
        // A negative ("what they can't to do") leaves nothing out: still a slip.
        let elided = i >= 2 && ["can", "could"].contains(w)
            && ["what", "whatever", "all", "everything", "anything", "best", "much", "as"].contains(tokens[i - 2].lower)
        if word(i + 1) == "to", let v = word(i + 2), lex.isVerb(v), !lex.isNounOnly(v), !elided,
           !(prev.map { Self.determinersAndQuantifiers.contains($0) || $0 == "free" || $0 == "good" } ?? false),
           !["will", "may", "can"].contains(w) || prev != nil && (Self.subjectPronouns.contains(prev!) || prev == "you" || prev == "it") {
            // "We would to thank": "would like to" lost its "like", as likely as a stray "to".
            if w == "would" {
                ctx.add("grammar.verb-pattern", "'\(tokens[i].text) to' lacks its verb: '\(tokens[i].text) like to'.", tokens[i + 1].span, ["like to", ""])
            } else {
                ctx.add("grammar.verb-pattern", "After '\(tokens[i].text)' use the verb without 'to'.", tokens[i + 1].span, [""])
            }
        }
    }

    /// Words before "practice" and its like that make it a noun ("best practice to …", "standard practice to …").
    static let nounPracticeModifiers: Set<String> = [
        "best", "worst", "better", "common", "standard", "recommended", "usual", "normal", "general", "accepted", "industry",
    ]

    /// enjoy / avoid / suggest + to + verb → -ing.
    /// "keep to" also means "stay with" ("keep to schedule"): only a verb that is never a noun counts there.
    /// "are considered to have been": a passive takes "to".
    func gerundAfterVerb(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        func lowerCase(_ k: Int) -> Bool { tokens[k].text.unicodeScalars.first.map(CharClass.isLower) == true }
        let n = tokens.count
        let lex = WordClasses.shared
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        let w = tokens[i].lower
        let prev = word(i - 1)
        if word(i + 1) == "to", let base = Self.gerundVerbs[w], let v = word(i + 2), lowerCase(i + 2), v != "be", v != "have",
           !(prev.map { ClarityLists.beForms.contains($0) } ?? false),
           // "a good practice to begin", "half a mind to take": the noun, not the verb.
           !(prev.map { Self.determinersAndQuantifiers.contains($0) || lex.classes($0)?.contains(.adjective) == true || $0 == "a" } ?? false),
           // "it is best practice to prefix", "common practice to pin": a superlative or an adjective the word lists
           // miss, before the noun.
           !(prev.map { Self.nounPracticeModifiers.contains($0) } ?? false),
           lex.isVerb(v) && !lex.isNounOnly(v) || Verbs.baseForms[v] != nil, !Self.objectStarters.contains(v),
           base != "keep" || Verbs.baseForms[v] != nil || lex.isPureVerb(v) {
            let ing = Self.ingForm(v) ?? v + "ing"
            ctx.add("grammar.verb-pattern", "'\(tokens[i].text)' takes an -ing form: '\(tokens[i].text) \(ing)'.",
                    TextSpan(start: tokens[i + 1].start, end: tokens[i + 2].end), [ing])
        }
    }

    /// look forward to + base form → -ing.
    func gerundAfterLookForward(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        func lowerCase(_ k: Int) -> Bool { tokens[k].text.unicodeScalars.first.map(CharClass.isLower) == true }
        let n = tokens.count
        let lex = WordClasses.shared
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        if word(i + 1) == "forward", word(i + 2) == "to", let v = word(i + 3),
           lowerCase(i + 3), Verbs.baseForms[v] != nil || lex.isPureVerb(v), !Self.objectStarters.contains(v) {
            let ing = Self.ingForm(v) ?? v + "ing"
            ctx.add("grammar.verb-pattern", "'Look forward to' takes an -ing form: '\(ing)'.", tokens[i + 3].span, [ing])
        }
    }

    /// Adverbs and particles the dictionary also lists as verbs ("to off", "to down"): "the feature is off", "the
    /// server is down", "the job is over" say where or how something is, not a verb.
    static let adverbParticles: Set<String> = ["off", "out", "down", "back", "over", "through", "away", "around", "about", "inside", "outside", "up", "on", "in"]

    /// am / is / are (+ not) + base form of a verb: "I am agree", "they are not stop".
    func baseFormAfterBe(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        func lowerCase(_ k: Int) -> Bool { tokens[k].text.unicodeScalars.first.map(CharClass.isLower) == true }
        let n = tokens.count
        let lex = WordClasses.shared
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        let prev = word(i - 1)
        var k = i + 1
        if word(k) == "not" { k += 1 }
        if let v = word(k), lowerCase(k), v.utf8.count >= 3, !Self.objectStarters.contains(v), !Self.determinersAndQuantifiers.contains(v),
           lex.isPureVerb(v), lex.flags[v] != nil, !["do", "did", "does", "done"].contains(prev ?? ""), !(lex.flags[v]!.contains(.adjective)),
           !v.hasSuffix("ed"), !v.hasSuffix("ing"), !Self.participleLikeBases.contains(v), Verbs.pastToBase[v] == nil,
           !Self.adverbParticles.contains(v),
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

    /// did not / does not + past or third-person form: "did not went", "didn't wanted".
    func formAfterDoNot(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        let w = tokens[i].lower
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

    /// more + comparative, most + superlative of any adjective hunspell inflects: "more easier", "most biggest".
    func doubleComparative(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        let w = tokens[i].lower
        let prev = word(i - 1)
        if let nw = word(i + 1), !(prev.map { ["one", "any", "no", "much", "far"].contains($0) && w == "more" } ?? false) {
            let base = adjectiveBase(of: nw, suffix: w == "more" ? "er" : "est")
            let listed = w == "more" ? GrammarLists.comparatives[nw] != nil : GrammarLists.superlatives.contains(nw)
            if base != nil, !listed {
                ctx.add("grammar.verb-pattern", "'\(tokens[i + 1].text)' is already \(w == "more" ? "comparative" : "superlative"): drop '\(tokens[i].text)'.",
                        TextSpan(start: tokens[i].start, end: tokens[i + 1].end), [tokens[i + 1].text])
            }
        }
    }

    /// since + a duration → for: "since two years".
    func sinceWithDuration(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        if let c = word(i + 1) ?? (i + 1 < n && tokens[i + 1].kind == .number ? "#" : nil), c == "#" || Self.countWords.contains(c) {
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
