import MeshProtocol

/// Slips that a word's neighbours give away, decided from trigger words and hunspell's word classes:
/// - `grammar.confused-words`: "to" for "too" before a verb ("want too go") and "too" for "to" before a
///   determiner ("give it too the dog"), "as big than", "you're" for "your" before a noun, "Th water",
///   "all ready bought", "Them it became clear";
/// - `grammar.agreement`: "who" after a preposition ("with who?"), "Whom paid?", "people thinks";
/// - `grammar.verb-form`: the wrong form after do-support or a modal ("Did the application worked?", "I don't
///   needs", "They cannot works", "does no understand");
/// - `grammar.verb-pattern`: "afford spend", "allowed me do", "I don't afraid";
/// - `grammar.noun-number`: "this errors", "there are problem", "5 CD's";
/// - `grammar.article`: "in 1990s", "an oldest city", "had a breakfast".
extension GrammarSpecialist {
    /// Which slip patterns a word can start: one dictionary look-up per candidate token picks them.
    struct SlipPattern: OptionSet, Sendable {
        let rawValue: UInt16
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
    }

    static let slipDispatch = TriggerDispatch<SlipPattern>([
        (["to", "too"], .toToo),
        (["as"], .asThan),
        (["you're", "you’re", "th", "all", "them", "than"], .context),
        (["who", "whom"], .who),
        (["people"], .people),
        (Array(doForms) + Array(strictModals) + ["will", "can", "may"], .auxiliary),
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
    ])

    func slipPatterns(_ ctx: inout RuleContext, starts: SentenceStarts) {
        let cfg = ctx.config
        var on: SlipPattern = []
        if cfg.isEnabled("grammar.confused-words") { on.formUnion([.toToo, .asThan, .context]) }
        if cfg.isEnabled("grammar.agreement") { on.formUnion([.who, .people]) }
        if cfg.isEnabled("grammar.verb-form") || cfg.isEnabled("grammar.missing-verb") { on.insert(.auxiliary) }
        if cfg.isEnabled("grammar.verb-pattern") { on.formUnion([.complement, .bareVerb, .makeTo]) }
        if cfg.isEnabled("grammar.confused-words") { on.formUnion([.everyday, .except]) }
        let number = cfg.isEnabled("grammar.noun-number")
        if number { on.formUnion([.plural, .kinds, .acronym]) }
        if cfg.isEnabled("grammar.article") { on.formUnion([.article, .decade]) }
        let tokens = ctx.tokens
        if cfg.isEnabled("grammar.comma-after-introduction") { introductionComma(&ctx, starts: starts) }
        for i in tokens.indices where tokens[i].kind == .word || tokens[i].kind == .number {
            // "5 CD's": a number leads to the word after it.
            if number, tokens[i].kind == .number { acronymPlural(&ctx, i + 1) }
            guard let p = Self.slipDispatch.patterns(for: tokens[i])?.intersection(on), !p.isEmpty else { continue }
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
        }
    }

    /// Transitional words and phrases that open a sentence and take a comma after them ("However, …"). Openers
    /// that writers often leave without one ("Of course it was", "In fact we", "Finally the") are left out.
    static let introPhrases: [[String]] = [
        "however", "moreover", "furthermore", "nevertheless", "nonetheless", "consequently", "additionally", "firstly",
        "secondly", "thirdly", "lastly", "in my opinion", "in my view", "for example", "for instance", "in addition",
        "on the other hand", "first of all", "in conclusion", "to conclude", "in summary", "to sum up", "as a result",
        "for this reason", "in other words", "on the contrary", "in simple words", "last but not least", "to begin with",
    ].map { $0.split(separator: " ").map(String.init) }
    static let introFirstWords = Set(introPhrases.map { $0[0] })

    /// "However we …", "For example the …": a transitional opener with no comma after it.
    func introductionComma(_ ctx: inout RuleContext, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        for i in 0..<n where starts.contains(i) && Self.introFirstWords.contains(tokens[i].lower) {
            for phrase in Self.introPhrases where phrase[0] == tokens[i].lower && i + phrase.count < n {
                guard (0..<phrase.count).allSatisfy({ tokens[i + $0].kind == .word && tokens[i + $0].lower == phrase[$0] }) else { continue }
                let last = i + phrase.count - 1
                let next = tokens[last + 1]
                guard next.kind == .word else { break }
                let x = next.lower
                // "However hard you try", "In addition to …", "Of course not", "Finally got it".
                if x == "to" || x == "not" || x == "you" || x == "of" || lex.isPureAdjective(x) || ["much", "many", "long", "often", "little", "far", "well"].contains(x) { break }
                if phrase.count == 1, Verbs.pastToBase[x] != nil || regularPastBase(x) != nil || x.hasSuffix("ly") { break }
                let words = tokens[i...last].map(\.text).joined(separator: " ")
                ctx.add("grammar.comma-after-introduction", "Put a comma after the opening '\(words)'.", TextSpan(start: tokens[i].start, end: tokens[last].end), [words + ","])
                break
            }
        }
    }

    static let toVerbs: WordList = [
        "want", "wants", "wanted", "need", "needs", "needed", "have", "has", "had", "going", "try", "tries", "tried", "able",
        "like", "likes", "liked", "love", "loves", "loved", "hope", "hoped", "plan", "planned", "decided", "decide", "used",
        "refuse", "refused", "agreed", "seem", "seems", "seemed", "began", "begin", "start", "started", "learn", "learned",
    ]
    static let whomPrepositions: WordList = ["with", "to", "for", "from", "by", "about", "against", "between", "among", "of"]
    static let meals: WordList = ["breakfast", "lunch", "dinner", "supper", "brunch"]
    static let mealVerbs: WordList = ["have", "has", "had", "having", "eat", "eats", "ate", "eating", "for", "after", "before"]


    /// "want too go" → to; "give the bone too the dog" → to; "to good to be true" → too.
    func toAndToo(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        guard i > 0, i + 1 < n, tokens[i + 1].kind == .word, tokens[i - 1].kind == .word else { return }
        let w = tokens[i].lower
        let next = tokens[i + 1].lower
        if w == "too" {
            let verbAfter = lex.isPureVerb(next) || (Verbs.baseForms[next] != nil && !lex.isPureAdjective(next))
            if Self.toVerbs.contains(tokens[i - 1].lower) && verbAfter
                || ["the", "all", "my", "your", "his", "their", "our", "these", "those"].contains(next) && lex.isVerb(tokens[i - 1].lower) {
                ctx.add("grammar.confused-words", "Did you mean 'to'?", tokens[i].span, [matchCase("to", like: tokens[i].text)])
            }
        } else if w == "to", i + 3 < n, tokens[i + 2].lower == "to", lex.isPureAdjective(next) || ["good", "bad", "late", "early", "big", "small", "old", "young", "hot", "cold", "far"].contains(next),
                  tokens[i + 3].kind == .word, tokens[i + 3].lower == "be" || lex.isPureVerb(tokens[i + 3].lower),
                  ClarityLists.beForms.contains(tokens[i - 1].lower) || ["seems", "seemed", "looks", "looked", "sounds"].contains(tokens[i - 1].lower) {
            ctx.add("grammar.confused-words", "Did you mean 'too' (excessively)?", tokens[i].span, [matchCase("too", like: tokens[i].text)])
        }
    }

    /// "as big than mine" → "as big as".
    func asThan(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        guard tokens[i].lower == "as", i + 2 < tokens.count, tokens[i + 2].lower == "than", tokens[i + 1].kind == .word else { return }
        let adj = tokens[i + 1].lower
        guard !Self.comparativeWords.contains(adj), !adj.hasSuffix("er"), ["much", "many"].contains(adj) || WordClasses.shared.classes(adj)?.contains(.adjective) == true else { return }
        ctx.add("grammar.confused-words", "After 'as \(tokens[i + 1].text)' use 'as', not 'than'.", tokens[i + 2].span, ["as"])
    }

    /// "you're pet", "Th water", "all ready bought", "Them it became clear".
    func contextWords(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        let w = straightApostrophes(tokens[i].lower)
        guard i + 1 < n, tokens[i + 1].kind == .word else { return }
        let next = tokens[i + 1].lower
        let nextLower = tokens[i + 1].text.unicodeScalars.first.map(CharClass.isLower) == true
        switch w {
        case "you're":
            let afterPreposition = i > 0 && Self.casePrepositions.contains(tokens[i - 1].lower) && tokens[i - 1].lower != "like"
            let nounThenVerb = lex.isNounOnly(next) && i + 2 < n && ["is", "was", "has", "will", "can"].contains(tokens[i + 2].lower)
            if nextLower, afterPreposition && lex.classes(next)?.contains(.noun) == true || nounThenVerb {
                ctx.add("grammar.confused-words", "Did you mean the possessive 'your'?", tokens[i].span, [matchCase("your", like: tokens[i].text)])
            }
        case "th":
            if nextLower, tokens[i].text == "Th" || tokens[i].text == "th", lex.classes(next) != nil || next.hasSuffix("ly") {
                ctx.add("grammar.confused-words", "Did you mean 'the'?", tokens[i].span, [matchCase("the", like: tokens[i].text)])
            }
        case "all":
            if next == "ready", i + 2 < n, tokens[i + 2].kind == .word, Verbs.pastToBase[tokens[i + 2].lower] != nil || regularPastBase(tokens[i + 2].lower) != nil
                || ["been", "gone", "done", "seen", "known", "taken", "given", "written", "eaten", "available"].contains(tokens[i + 2].lower) {
                ctx.add("grammar.confused-words", "Did you mean 'already'?", TextSpan(start: tokens[i].start, end: tokens[i + 1].end), [matchCase("already", like: tokens[i].text)])
            }
        case "them", "than":
            if starts.contains(i), ["it", "i", "we", "they", "he", "she", "you", "the", "there"].contains(next) {
                ctx.add("grammar.confused-words", "Did you mean 'then'?", tokens[i].span, [matchCase("then", like: tokens[i].text)])
            }
        default: break
        }
    }

    /// "Who was with who?", "the people to who the funds went" → whom; "Whom paid for the meal?" → who.
    func whoAndWhom(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        let w = tokens[i].lower
        if w == "who", i > 0, Self.whomPrepositions.contains(tokens[i - 1].lower), tokens[i - 1].lower != "of" || i + 1 < n && tokens[i + 1].text == "?" {
            let after = i + 1 < n ? tokens[i + 1] : nil
            let objectPosition = after.map {
                $0.kind == .punct ? ["?", ".", "!"].contains($0.text)
                    : ["the", "a", "an", "do", "did", "does", "i", "you", "he", "she", "we", "they", "my", "your", "his", "her", "their", "our"].contains($0.lower)
            } ?? true
            if objectPosition {
                ctx.add("grammar.agreement", "After '\(tokens[i - 1].text)' use the object form 'whom'.", tokens[i].span, ["whom"])
            }
        } else if w == "whom", starts.contains(i), i + 1 < n, tokens[i + 1].kind == .word {
            let v = tokens[i + 1].lower
            if ["is", "was", "has", "did", "does", "can", "will", "would", "should"].contains(v) && !(i + 2 < n && ["you", "i", "we", "they", "he", "she", "it", "the"].contains(tokens[i + 2].lower))
                || (Verbs.pastToBase[v] != nil && !["did", "had", "was", "were"].contains(v)) || regularPastBase(v) != nil {
                ctx.add("grammar.agreement", "'Whom' is an object: the subject form is 'who'.", tokens[i].span, ["Who"])
            }
        }
    }

    /// "Some people thinks", "people who has expertise".
    func peopleAgreement(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        // Only a subject: "people" opening the sentence, or after a quantifier that does ("Some people thinks").
        guard tokens[i].lower == "people", tokens[i].text == "people" || starts.contains(i) else { return }
        guard starts.contains(i) || (i > 0 && starts.contains(i - 1)
            && ["some", "many", "most", "these", "those", "the", "other", "such", "all", "few", "several", "young", "old"].contains(tokens[i - 1].lower)) else { return }
        var k = i + 1
        if k < n, ["also", "often", "always", "usually", "still", "really", "just", "never", "sometimes"].contains(tokens[k].lower) { k += 1 }
        guard k < n, tokens[k].kind == .word else { return }
        let v = tokens[k].lower
        let fixed: String? = ["is": "are", "was": "were", "has": "have", "does": "do", "doesn't": "don't", "isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't"][v]
            ?? Verbs.thirdToBase[v] ?? WordClasses.shared.pureVerbBase(ofThird: v)
        guard let fixed, !Verbs.nounLike.contains(v) else { return }
        ctx.add("grammar.agreement", "'people' is plural: use '\(fixed)'.", tokens[k].span, [fixed])
    }

    /// "Did the application worked?", "Does your memory usage grows?", "I don't needs help", "They cannot works
    /// here", "She does no understand".
    func formAfterAuxiliary(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        let w = tokens[i].lower
        func word(_ k: Int) -> String? { k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        // do-support and strict modals, negated or not, directly before the verb.
        let softModal = ["will", "can", "may"].contains(w) && i > 0 && tokens[i - 1].kind == .word
            && !Self.determinersAndQuantifiers.contains(tokens[i - 1].lower) && !Self.objectStarters.contains(tokens[i - 1].lower)
        // "we will able to" → "will be able to".
        if Self.strictModals.contains(w) || softModal, word(i + 1) == "able", word(i + 2) == "to", ctx.config.isEnabled("grammar.missing-verb") {
            ctx.add("grammar.missing-verb", "A verb is missing: '\(tokens[i].text) be able to'.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end), ["\(tokens[i].text) be able"])
            return
        }
        if Self.doForms.contains(w) && w.hasSuffix("n't") || Self.strictModals.contains(w) || softModal || (Self.doForms.contains(w) && word(i + 1) == "not") {
            var k = i + 1
            if word(k) == "not" { k += 1 }
            // ("must needs" is an old idiom.)
            if let v = word(k), !(w == "must" && v == "needs"), let base = Self.baseOfThirdPerson(v, afterModal: Self.strictModals.contains(w)), !(k + 1 < n && tokens[k + 1].lower == "of") {
                ctx.add("grammar.verb-form", "After '\(tokens[i].text)' use the base form: '\(base)'.", tokens[k].span, [matchCase(base, like: tokens[k].text)])
                return
            }
        }
        // do / does / did + no + verb → not.
        if ["do", "does", "did"].contains(w), word(i + 1) == "no", let v = word(i + 2), lex.isPureVerb(v) {
            ctx.add("grammar.verb-form", "Did you mean 'not'?", tokens[i + 1].span, ["not"])
            return
        }
        // did / does + a noun phrase + the wrong form.
        guard ["did", "does", "didn't", "doesn't"].contains(w), let det = word(i + 1), Self.nounDeterminers.contains(det) || ["a", "an", "these", "those"].contains(det) else { return }
        for k in (i + 3)...min(i + 4, n - 1) where k < n && tokens[k].kind == .word {
            let v = tokens[k].lower
            var base: String?
            if w.hasPrefix("did") {
                if Verbs.strongPast.contains(v), lex.classes(v) == nil { base = Verbs.pastToBase[v] }
                else if v.hasSuffix("ed"), lex.classes(v) == nil, let b = regularPastBase(v), lex.isPureVerb(b) || Verbs.baseForms[b] != nil { base = b }
            } else {
                base = Self.baseOfThirdPerson(v)
            }
            guard let base else { continue }
            guard k + 1 >= n || ["?", ".", "!"].contains(tokens[k + 1].text) || Self.objectStarters.contains(tokens[k + 1].lower) else { return }
            ctx.add("grammar.verb-form", "After '\(tokens[i].text)' use the base form: '\(base)'.", tokens[k].span, [matchCase(base, like: tokens[k].text)])
            return
        }
    }

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
                && lex.isPureVerb(tokens[k].lower) && !Self.objectStarters.contains(tokens[k].lower)
                && !["off", "on", "up", "out", "down", "back", "over", "away", "home", "abroad", "there", "ahead", "through"].contains(tokens[k].lower)
        }
        if ["want", "wants", "wanted", "going"].contains(w), pureVerb(i + 1) {
            // "going" only as the future: after a form of "be".
            if w == "going", !(i > 0 && (ClarityLists.beForms.contains(tokens[i - 1].lower) || ["i'm", "you're", "we're", "they're", "he's", "she's", "it's"].contains(tokens[i - 1].lower))) { return }
            ctx.add("grammar.verb-pattern", "'\(tokens[i].text)' takes 'to' before a verb: '\(tokens[i].text) to \(tokens[i + 1].text)'.",
                    tokens[i + 1].span, ["to \(tokens[i + 1].text)"])
        } else if ["make", "makes", "made", "making", "let", "lets", "letting"].contains(w), i + 3 < n,
                  Self.objectPronouns.contains(tokens[i + 1].lower) || tokens[i + 1].lower == "you", tokens[i + 2].lower == "to", pureVerb(i + 3) {
            ctx.add("grammar.verb-pattern", "'\(tokens[i].text) \(tokens[i + 1].text)' takes the verb without 'to'.",
                    TextSpan(start: tokens[i + 2].start, end: tokens[i + 3].end), [tokens[i + 3].text])
        }
    }

    /// "I go there everyday." → "every day"; "I except your offer" → "accept".
    func wordChoice(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let w = tokens[i].lower
        if w == "everyday" {
            // The adjective stands before a noun ("everyday life"); at the end of a clause it is the adverb.
            guard i + 1 >= n || [".", ",", "!", "?", ";"].contains(tokens[i + 1].text), i > 0, tokens[i - 1].kind == .word else { return }
            ctx.add("grammar.confused-words", "As an adverb it is two words: 'every day'.", tokens[i].span, [matchCase("every day", like: tokens[i].text)])
        } else if w == "except", i > 0, i + 1 < n, tokens[i + 1].kind == .word {
            let prev = tokens[i - 1].lower
            let verbPosition = Self.subjectPronouns.contains(prev) || prev == "you" || prev == "to" || Self.strictModals.contains(prev) || prev == "will" || prev == "please"
            guard verbPosition, Self.objectStarters.contains(tokens[i + 1].lower) || tokens[i + 1].lower == "it" else { return }
            ctx.add("grammar.confused-words", "Did you mean 'accept' (take, agree to)?", tokens[i].span, [matchCase("accept", like: tokens[i].text)])
        }
    }

    /// "If this errors are easy to fix", "There are problem in Iraq".
    func pluralAfterDeterminer(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        let w = tokens[i].lower
        guard i + 1 < n, tokens[i + 1].kind == .word, tokens[i + 1].text.unicodeScalars.first.map(CharClass.isLower) == true else { return }
        if w == "this", i + 2 < n, let single = lex.pureNounSingular(ofPlural: tokens[i + 1].lower),
           ["are", "were", "have", "do", "seem"].contains(tokens[i + 2].lower) {
            let fix = "these"
            ctx.add("grammar.noun-number", "'\(tokens[i + 1].text)' is plural: use '\(fix)' (or '\(w) \(single)').", tokens[i].span, [matchCase(fix, like: tokens[i].text)])
        } else if w == "there're" || (w == "there" && i + 2 < n && ["are", "were"].contains(tokens[i + 1].lower)) {
            let k = w == "there're" ? i + 1 : i + 2
            guard k < n, tokens[k].kind == .word, let f = lex.classes(tokens[k].lower), f.contains(.noun), f.contains(.plural),
                  !f.contains(.adjective), !f.contains(.verb), !Self.numberLikeNouns.contains(tokens[k].lower), !Self.collectiveNouns.contains(tokens[k].lower),
                  Self.numberWords[tokens[k].lower] == nil,
                  k + 1 >= n || tokens[k + 1].kind == .punct || Self.phraseEnders.contains(tokens[k + 1].lower) else { return }
            let p = Self.plural(of: tokens[k].lower)
            ctx.add("grammar.noun-number", "After 'there \(w == "there're" ? "are" : tokens[i + 1].text)' use the plural '\(p)'.", tokens[k].span, [p])
        }
    }

    /// "two kind of studies" → "kinds".
    func kindsOf(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        // ("these kind of" is reported by the agreement rule.)
        guard i + 2 < tokens.count, ["two", "three", "four", "five", "many", "several", "various", "both"].contains(tokens[i].lower),
              ["kind", "type", "sort"].contains(tokens[i + 1].lower), tokens[i + 2].lower == "of" else { return }
        let p = tokens[i + 1].text + "s"
        ctx.add("grammar.noun-number", "After '\(tokens[i].text)' use the plural '\(p)'.", tokens[i + 1].span, [p])
    }

    static let acronymQuantifiers = ["many", "several", "few", "two", "three", "four", "five", "ten", "all", "some", "these", "those", "multiple"]
    static let decadePrepositions = ["in", "during", "since", "from", "until", "throughout", "through", "by"]

    /// "I have 5 CD's" → "CDs" (`i`: the word after a number or quantifier).
    func acronymPlural(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        guard i < tokens.count, tokens[i].kind == .word else { return }
        let text = tokens[i].text
        let u = text.utf8
        guard u.count >= 4, u.last == UInt8(ascii: "s"), u.dropLast().last == UInt8(ascii: "'"),
              text.unicodeScalars.dropLast(2).allSatisfy(CharClass.isUpper) else { return }
        let fix = String(text.dropLast(2)) + "s"
        ctx.add("grammar.noun-number", "A plural takes no apostrophe: '\(fix)'.", tokens[i].span, [fix])
    }

    /// "It happened in 1990s" → "in the 1990s" (`i`: the word after the preposition).
    func decade(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        guard i < tokens.count, tokens[i].kind != .punct, tokens[i].kind != .opaque else { return }
        let t = tokens[i].text
        guard t.utf8.count == 5, t.utf8.last == UInt8(ascii: "s"), t.utf8.dropLast().allSatisfy({ $0 >= 48 && $0 <= 57 }), t.hasSuffix("0s") else { return }
        ctx.add("grammar.article", "A decade takes 'the': '\(tokens[i - 1].text) the \(t)'.", TextSpan(start: tokens[i - 1].start, end: tokens[i].end), ["\(tokens[i - 1].text) the \(t)"])
    }

    /// "Kyoto is an oldest city" → "the oldest"; "We had a breakfast" → "had breakfast".
    func articleSlips(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let w = tokens[i].lower
        guard i + 1 < n, tokens[i + 1].kind == .word else { return }
        let next = tokens[i + 1].lower
        if w == "a" || w == "an", tokens[i + 1].spaceBefore, next != "best", next != "worst",
           GrammarLists.superlatives.contains(next) || adjectiveBase(of: next, suffix: "est") != nil,
           i + 2 < n, tokens[i + 2].kind == .word {
            ctx.add("grammar.article", "A superlative takes 'the': 'the \(tokens[i + 1].text)'.", tokens[i].span, [matchCase("the", like: tokens[i].text)])
        } else if Self.mealVerbs.contains(w), next == "a", i + 2 < n, Self.meals.contains(tokens[i + 2].lower),
                  i + 3 >= n || tokens[i + 3].kind == .punct || ["in", "at", "with", "and", "together", "today", "yesterday", "every", "before", "after"].contains(tokens[i + 3].lower) {
            let meal = tokens[i + 2].text
            ctx.add("grammar.article", "Meals take no article: '\(tokens[i].text) \(meal)'.", TextSpan(start: tokens[i].start, end: tokens[i + 2].end), ["\(tokens[i].text) \(meal)"])
        }
    }
}
