import MeshProtocol
import MeshText

/// Slips that a word's neighbours give away, decided from trigger words and hunspell's word classes:
/// - `grammar.confused-words`: "to" for "too" before a verb ("want too go") and "too" for "to" before a
///   determiner ("give it too the dog"), "as big than", "you're" for "your" before a noun, "Th water",
///   "all ready bought", "Them it became clear";
/// - `grammar.agreement`: "who" after a preposition ("with who?"), "Whom paid?", "people thinks";
/// - `grammar.verb-form`: the wrong form after do-support or a modal ("Did the application worked?", "I don't
///   needs", "They cannot works", "does no understand");
/// - `grammar.verb-pattern`: "afford spend", "allowed me do", "I don't afraid";
/// - `grammar.noun-number`: "this errors", "there are problem", "5 CD's";
/// - `grammar.article`: "in 1990s", "an oldest city", "had a breakfast";
/// - `grammar.capitalization`: a capital after a comma inside a sentence ("For example, When I");
/// - `grammar.nonstandard-phrase`: text-speak "u" for "you".
extension GrammarSpecialist {
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
            guard let p = dispatch.patterns(for: tokens[i])?.intersection(on), !p.isEmpty else { continue }
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
            if p.contains(.thatComma), i >= 3, tokens[i - 1].kind == .punct { commaBeforeThat(&ctx, i) }
            if p.contains(.pronounThen), i + 2 < tokens.count {
                let k = Self.pronounAdverbs.contains(tokens[i + 1]) ? i + 2 : i + 1
                let x = tokens[k].lower
                if Self.participlesOnly.contains(x) || (k == i + 1 && lex.isNounOnly(x)) { afterSubjectPronoun(&ctx, i, starts: starts) }
            }
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
            if Self.toVerbs.contains(tokens[i - 1]) && verbAfter
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
            let afterPreposition = i > 0 && Self.casePrepositions.contains(tokens[i - 1]) && tokens[i - 1].lower != "like"
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
        if w == "who", i > 0, Self.whomPrepositions.contains(tokens[i - 1]), tokens[i - 1].lower != "of" || i + 1 < n && tokens[i + 1].text == "?" {
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
    /// Modals that are also nouns ("a tin can"), "do" without its negative forms, and the forms of "do" that
    /// carry past or third-person marking ("did the plan worked?").
    static let softModals: WordList = ["will", "can", "may"]
    static let doSupport: WordList = ["do", "does", "did"]
    static let pastOrThirdDoForms: WordList = ["did", "does", "didn't", "doesn't"]

    func formAfterAuxiliary(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        let w = tokens[i].lower
        func word(_ k: Int) -> String? { k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        // do-support and strict modals, negated or not, directly before the verb.
        let softModal = Self.softModals.contains(tokens[i]) && i > 0 && tokens[i - 1].kind == .word
            && !Self.determinersAndQuantifiers.contains(tokens[i - 1]) && !Self.objectStarters.contains(tokens[i - 1])
        // "we will able to" → "will be able to".
        let strict = Self.strictModals.contains(tokens[i]), doForm = Self.doForms.contains(tokens[i])
        if strict || softModal, word(i + 1) == "able", word(i + 2) == "to", ctx.config.isEnabled("grammar.missing-verb") {
            ctx.add("grammar.missing-verb", "A verb is missing: '\(tokens[i].text) be able to'.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end), ["\(tokens[i].text) be able"])
            return
        }
        if doForm && w.hasSuffix("n't") || strict || softModal || (doForm && word(i + 1) == "not") {
            var k = i + 1
            if word(k) == "not" { k += 1 }
            // ("must needs" is an old idiom.)
            if let v = word(k), !(w == "must" && v == "needs"), let base = Self.baseOfThirdPerson(v, afterModal: strict), !(k + 1 < n && tokens[k + 1].lower == "of") {
                ctx.add("grammar.verb-form", "After '\(tokens[i].text)' use the base form: '\(base)'.", tokens[k].span, [matchCase(base, like: tokens[k].text)])
                return
            }
        }
        // do / does / did + no + verb → not.
        if Self.doSupport.contains(tokens[i]), word(i + 1) == "no", let v = word(i + 2), lex.isPureVerb(v) {
            ctx.add("grammar.verb-form", "Did you mean 'not'?", tokens[i + 1].span, ["not"])
            return
        }
        // did / does + a noun phrase + the wrong form.
        guard Self.pastOrThirdDoForms.contains(tokens[i]), let det = word(i + 1), Self.nounDeterminers.contains(det) || ["a", "an", "these", "those"].contains(det) else { return }
        for k in (i + 3)..<max(i + 3, min(i + 5, n)) where tokens[k].kind == .word {
            let v = tokens[k].lower
            var base: String?
            if w.hasPrefix("did") {
                if Verbs.strongPast.contains(v), lex.classes(v) == nil { base = Verbs.pastToBase[v] }
                else if v.hasSuffix("ed"), lex.classes(v) == nil, let b = regularPastBase(v), lex.isPureVerb(b) || Verbs.baseForms[b] != nil { base = b }
            } else {
                base = Self.baseOfThirdPerson(v)
            }
            guard let base else { continue }
            guard k + 1 >= n || ["?", ".", "!"].contains(tokens[k + 1].text) || Self.objectStarters.contains(tokens[k + 1]) else { return }
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
            // "let the product looks nice", "made him feels": after the object the verb takes its base form.
            var k = i + 1
            if k < n, ["the", "a", "an", "this", "that", "my", "your", "his", "her", "our", "their", "its"].contains(tokens[k].lower) { k += 1 }
            guard k + 1 < n, tokens[k].kind == .word, tokens[k].text.unicodeScalars.first.map(CharClass.isLower) == true,
                  Self.objectPronouns.contains(tokens[k]) || tokens[k].lower == "it" || (k > i + 1 && lex.isNounOnly(tokens[k].lower)),
                  tokens[k + 1].kind == .word, let base = lex.pureVerbBase(ofThird: tokens[k + 1].lower) else { return }
            ctx.add("grammar.verb-form", "After '\(tokens[i].text) … \(tokens[k].text)' use the base form: '\(base)'.", tokens[k + 1].span,
                    [matchCase(base, like: tokens[k + 1].text)])
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
            guard verbPosition, Self.objectStarters.contains(tokens[i + 1]) || tokens[i + 1].lower == "it" else { return }
            ctx.add("grammar.confused-words", "Did you mean 'accept' (take, agree to)?", tokens[i].span, [matchCase("accept", like: tokens[i].text)])
        }
    }

    /// "many others animals" → "other": "others" stands alone, "other" goes before a noun.
    func othersBeforeNoun(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        guard i + 1 < tokens.count, tokens[i + 1].kind == .word, tokens[i + 1].spaceBefore, !tokens[i + 1].newlineBefore,
              tokens[i + 1].text.unicodeScalars.first.map(CharClass.isLower) == true else { return }
        let next = tokens[i + 1].lower
        guard Self.irregularPlurals[next] != nil || WordClasses.shared.pureNounSingular(ofPlural: next) != nil else { return }
        // "the respect of others takes time": a verb's -s form, with "others" its subject.
        if next.hasSuffix("s"), WordClasses.shared.isVerb(String(next.dropLast())) || Verbs.thirdToBase[next] != nil { return }
        let fix = String(tokens[i].text.dropLast())
        ctx.add("grammar.noun-number", "'\(tokens[i].text)' stands alone; before a noun write '\(fix)'.", tokens[i].span, [fix])
    }

    /// "by these evidence u will agree": text-speak "u" for "you", told apart from a variable or a letter by a
    /// verb after it or a verb or preposition before it.
    func textSpeakYou(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        guard tokens[i].text == "u", i + 1 < n, tokens[i + 1].kind == .word, tokens[i + 1].spaceBefore, tokens[i].spaceBefore || i == 0 else { return }
        let next = tokens[i + 1].lower
        let prev = i > 0 && tokens[i - 1].kind == .word ? tokens[i - 1].lower : ""
        guard Self.textSpeakNext.contains(next) || Self.textSpeakPrevious.contains(prev) else { return }
        ctx.add("grammar.nonstandard-phrase", "Text-speak: write 'you'.", tokens[i].span, ["you"])
    }
    static let textSpeakNext: Set<String> = [
        "will", "would", "can", "could", "should", "must", "may", "might", "are", "were", "have", "had", "do", "did", "don't",
        "know", "want", "need", "think", "like", "get", "see", "go", "say", "said", "mean", "guys",
    ]
    static let textSpeakPrevious: Set<String> = ["thank", "thanks", "love", "see", "tell", "told", "miss", "are", "do", "did", "can", "will"]

    /// Words that a writer capitalises after a comma as if a sentence began there ("For example, When I").
    static let capitalAfterCommaWords: Set<String> = [
        "the", "when", "this", "it", "they", "we", "he", "she", "if", "because", "there", "these", "those", "but", "and",
        "so", "then", "what", "how", "why", "although", "though", "while", "since", "my", "our", "their", "his", "her",
        "its", "you", "that", "which", "who",
    ]

    /// "Likewise, The theory", "For example, When I travelled", "because If I": a capital inside a sentence. A title
    /// ("see Chapter 3, The Basics"), a line of verse and quoted speech are left alone.
    func capitalAfterComma(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        func capitalisedWord(_ j: Int) -> Bool {
            tokens[j].kind == .word && tokens[j].text != "I" && tokens[j].text.unicodeScalars.first.map(CharClass.isUpper) == true
                && tokens[j].text.unicodeScalars.dropFirst().allSatisfy(CharClass.isLower)
                && (Self.capitalAfterCommaWords.contains(tokens[j].lower) || WordClasses.shared.classes(tokens[j].lower) != nil
                    || regularPastBase(tokens[j].lower) != nil)
        }
        guard i >= 2 else { return }
        // After a comma, or after a lower-case word ("That is because If I became").
        let afterWord = tokens[i - 1].kind == .word && tokens[i - 1].text.unicodeScalars.first.map(CharClass.isLower) == true
        guard tokens[i - 1].text == "," || afterWord, !tokens[i].newlineBefore, !tokens[i - 1].newlineBefore,
              let first = tokens[i].text.unicodeScalars.first, CharClass.isUpper(first),
              tokens[i].text.unicodeScalars.dropFirst().allSatisfy(CharClass.isLower) else { return }
        // The next word capitalised too reads as a title: "Dune, The Hobbit".
        if i + 1 < n, tokens[i + 1].kind == .word, tokens[i + 1].text.unicodeScalars.first.map(CharClass.isUpper) == true,
           tokens[i + 1].text != "I" { return }
        // Quoted speech may start with a capital after its comma, and verse run into one line capitalises the
        // first word of each line: a quotation mark or another capitalised common word in the sentence skips it.
        var lo = i - 1
        while lo > 0, i - lo < 60, !(tokens[lo - 1].kind == .punct && [".", "!", "?"].contains(tokens[lo - 1].text)) { lo -= 1 }
        var hi = i + 1
        while hi < n, hi - i < 60, !(tokens[hi].kind == .punct && [".", "!", "?"].contains(tokens[hi].text)) { hi += 1 }
        for k in lo..<hi where k != i {
            if tokens[k].kind == .punct, ["\"", "“", "”", "'", "‘", ":"].contains(tokens[k].text) { return }
            if k != lo, capitalisedWord(k) { return }
        }
        let lower = tokens[i].lower
        ctx.add("grammar.capitalization", afterWord ? "No capital inside a sentence: '\(lower)'." : "No capital after a comma: '\(lower)'.", tokens[i].span, [lower])
    }

    /// "a good time in or country" → "our": "or" right after a preposition and before a noun. ("in or out",
    /// "with or without" join two prepositions.)
    func orForOur(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        guard i > 0, i + 1 < tokens.count, tokens[i - 1].kind == .word, tokens[i + 1].kind == .word,
              Self.casePrepositions.contains(tokens[i - 1].lower) || ["in", "for"].contains(tokens[i - 1].lower),
              tokens[i + 1].text.unicodeScalars.first.map(CharClass.isLower) == true else { return }
        let next = tokens[i + 1].lower
        guard WordClasses.shared.isNounOnly(next) || WordClasses.shared.pureNounSingular(ofPlural: next) != nil,
              !Self.casePrepositions.contains(next) else { return }
        ctx.add("grammar.confused-words", "Did you mean 'our'?", tokens[i].span, [matchCase("our", like: tokens[i].text)])
    }

    /// "the amount of subjects" → "number": "amount" measures what cannot be counted.
    func amountOfPlural(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        guard i + 2 < tokens.count, tokens[i + 1].lower == "of", tokens[i + 2].kind == .word,
              tokens[i + 2].text.unicodeScalars.first.map(CharClass.isLower) == true,
              WordClasses.shared.pureNounSingular(ofPlural: tokens[i + 2].lower) != nil else { return }
        let fix = tokens[i].lower == "amounts" ? "numbers" : "number"
        ctx.add("grammar.confused-words", "'\(tokens[i + 2].text)' can be counted: use '\(fix) of'.", tokens[i].span, [matchCase(fix, like: tokens[i].text)])
    }

    /// The past of each verb in `Verbs.table`, by its base and third-person forms ("spend", "spends" → "spent").
    static let pastOfPresent: [String: String] = {
        var d: [String: String] = [:]
        for (base, third, past, _) in Verbs.table where base != "be" && base != "have" && base != "do" {
            d[base] = past
            d[third] = past
        }
        return d
    }()
    /// Verbs of the writer's present view, right after a past "when" clause ("When I was young, I remember …").
    static let presentView: Set<String> = [
        "think", "believe", "remember", "know", "feel", "guess", "suppose", "realize", "realise", "understand", "see",
        "hope", "wish", "agree", "mean", "admit", "doubt", "recall", "regret",
    ]

    /// "When I was a student, I spend all my time …" → "spent": the main clause of a past "when" clause is past too.
    func presentAfterPastClause(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        guard i + 3 < n, Self.subjectPronouns.contains(tokens[i + 1].lower), ["was", "were"].contains(tokens[i + 2].lower) else { return }
        var k = i + 3
        while k < n, k - i < 20, tokens[k].text != ",", !(tokens[k].kind == .punct && [".", "!", "?", ";"].contains(tokens[k].text)) { k += 1 }
        guard k + 2 < n, tokens[k].text == ",", Self.subjectPronouns.contains(tokens[k + 1]) else { return }
        var v = k + 2
        if ["always", "often", "usually", "never", "sometimes", "just", "also", "only"].contains(tokens[v].lower), v + 1 < n { v += 1 }
        let x = tokens[v].lower
        guard tokens[v].kind == .word, let past = Self.pastOfPresent[x], !Self.presentView.contains(Verbs.thirdToBase[x] ?? x) else { return }
        ctx.add("grammar.verb-form", "The 'when' clause is in the past: use '\(past)'.", tokens[v].span, [matchCase(past, like: tokens[v].text)])
    }

    /// "Although it rained, but we went": "although" and "because" already join the clauses, so the "but" or "so"
    /// after the comma is one conjunction too many.
    func doubledConjunction(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        let w = tokens[i].lower
        // At the start of the sentence ("Even though …" too).
        guard starts.contains(i) || (i == 1 && starts.contains(0) && tokens[0].lower == "even" && w == "though") else { return }
        let second = w == "because" ? "so" : "but"
        var k = i + 1
        while k + 1 < n, !(tokens[k].kind == .punct && [".", "!", "?", ";"].contains(tokens[k].text)) {
            // The comma that closes the subordinate clause: the first one.
            if tokens[k].text == "," {
                if tokens[k + 1].lower == second, k + 2 < n, tokens[k + 2].kind == .word {
                    ctx.add("grammar.nonstandard-phrase", "'\(tokens[i].text)' already joins the two clauses: drop '\(tokens[k + 1].text)'.",
                            TextSpan(start: tokens[k].start, end: tokens[k + 1].end), [","])
                }
                return
            }
            k += 1
        }
    }

    /// "I believe, this number is increasing": no comma between "I believe" and what is believed.
    func commaAfterBelief(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        guard i >= 1, i + 2 < tokens.count, ["i", "we"].contains(tokens[i - 1].lower), starts.contains(i - 1), tokens[i + 1].text == ",",
              tokens[i + 2].kind == .word, tokens[i + 2].text.unicodeScalars.first.map(CharClass.isLower) == true,
              Self.clauseSubjects.contains(tokens[i + 2].lower) || Self.articles.contains(tokens[i + 2])
                || ["these", "those", "that", "most", "many", "some", "all"].contains(tokens[i + 2].lower) else { return }
        ctx.add("grammar.punctuation", "No comma after '\(tokens[i - 1].text) \(tokens[i].text)'.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end),
                [tokens[i].text])
    }

    static let reportingVerbs: Set<String> = [
        "think", "thinks", "thought", "believe", "believes", "believed", "know", "knew", "say", "says", "said", "feel", "feels",
        "felt", "hope", "hoped", "agree", "agreed", "realize", "realized", "realise", "realised", "mean", "meant", "is", "was",
    ]

    /// "I believe, that the quality", "What I mean is, that": no comma between a verb and its "that" clause.
    func commaBeforeThat(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        // Only after "I believe" or "what I mean is": after "he said," the comma may close an aside ("It was,
        // he said, that …").
        guard i >= 3, i + 1 < tokens.count, tokens[i - 1].text == ",", tokens[i - 2].kind == .word, Self.reportingVerbs.contains(tokens[i - 2].lower),
              tokens[i - 2].lower == "is" || tokens[i - 2].lower == "was" ? ["say", "mean", "meant", "think", "believe", "know", "tell"].contains(tokens[i - 3].lower)
                : ["i", "we"].contains(tokens[i - 3].lower),
              tokens[i + 1].kind == .word, Self.articles.contains(tokens[i + 1]) || Self.clauseSubjects.contains(tokens[i + 1].lower)
                || Self.determinersAndQuantifiers.contains(tokens[i + 1]) else { return }
        // "It is, that is, ..." names the phrase; ", I believe, that" is an aside between commas.
        if tokens[i + 1].lower == "is" || (i >= 4 && tokens[i - 4].text == ",") { return }
        ctx.add("grammar.punctuation", "No comma between '\(tokens[i - 2].text)' and its 'that' clause.", TextSpan(start: tokens[i - 2].start, end: tokens[i].end),
                ["\(tokens[i - 2].text) that"])
    }
    static let clauseSubjects: Set<String> = ["i", "we", "you", "they", "he", "she", "it", "there", "this", "people"]

    /// Participles that are never a past tense or a present ("known", "taken", "been"; not "come" or "run").
    static let participlesOnly: Set<String> = Set(Verbs.pastToParticiple.values).filter { Verbs.baseForms[$0] == nil && Verbs.pastToBase[$0] == nil }

    /// Right after a subject pronoun at the start of a clause: a participle with no "have" ("As we all known"), or
    /// a noun where the verb belongs ("They success and").
    func afterSubjectPronoun(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        var k = i + 1
        if k < n, Self.pronounAdverbs.contains(tokens[k]) { k += 1 }
        guard k + 1 < n, tokens[k].kind == .word, tokens[k].spaceBefore, tokens[k].text.unicodeScalars.first.map(CharClass.isLower) == true else { return }
        let x = tokens[k].lower
        // Most pronouns are followed by neither: two look-ups decide.
        let participle = Self.participlesOnly.contains(x)
        guard participle || (k == i + 1 && lex.isNounOnly(x)) else { return }
        guard tokens[i].lower != "i" || tokens[i].text == "I" else { return }
        // "have I been", "Have you never known": an inverted question or clause has its auxiliary before the pronoun.
        if i > 0, tokens[i - 1].kind == .word, Verbs.auxiliaries.contains(tokens[i - 1]) || Self.modals.contains(tokens[i - 1])
            || tokens[i - 1].lower.hasSuffix("n't") { return }
        if participle {
            guard !(i > 0 && Self.comparedPronounLeaders.contains(tokens[i - 1])) else { return }
            let fix = (tokens[i].lower == "he" || tokens[i].lower == "she") ? "has \(x)" : "have \(x)"
            ctx.add("grammar.verb-form", "'\(tokens[k].text)' needs 'have' before it: '\(fix)'.", tokens[k].span, [fix])
            return
        }
        // A noun in the verb's place, at the start of a clause: "They success and they had the power."
        guard tokens[i].lower != "you",
              starts.contains(i) || (i > 0 && Self.clauseLeaders.contains(tokens[i - 1])),
              !x.hasSuffix("s") || x.hasSuffix("ss"), !x.hasSuffix("self"), !x.hasSuffix("selves"), !x.hasSuffix("ed"), !x.hasSuffix("ing"),
              // hunspell marks some verbs as nouns only ("hope/MS", "thought", "must", "are"): known verb forms are out.
              Verbs.baseForms[x] == nil, Verbs.pastToBase[x] == nil, !Verbs.auxiliaries.contains(x), !Self.modals.contains(x),
              !lex.verbsByPastEntry.contains(x),
              tokens[k + 1].kind == .punct || Self.nounFollowers.contains(tokens[k + 1]) else { return }
        ctx.add("grammar.missing-verb", "'\(tokens[k].text)' is a noun; the clause needs a verb here.", TextSpan(start: tokens[i].start, end: tokens[k].end))
    }
    static let pronounAdverbs: WordList = ["all", "also", "just", "already", "never", "both"]
    static let comparedPronounLeaders: WordList = ["than", "and", "or"]
    static let clauseLeaders: WordList = [",", "and", "but", "because", "so", "that"]
    static let nounFollowers: WordList = ["and", "but", "in", "of", "to", "with", "for", "because"]

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
        } else if w == "this", i + 3 < n, tokens[i + 2].kind == .word, lex.classes(tokens[i + 1].lower)?.contains(.noun) == true || tokens[i + 1].lower.hasSuffix("ing"),
                  tokens[i + 2].text.unicodeScalars.first.map(CharClass.isLower) == true,
                  !Self.determinersAndQuantifiers.contains(tokens[i + 1].lower), !["most", "more", "less"].contains(tokens[i + 1].lower),
                  let single = lex.pureNounSingular(ofPlural: tokens[i + 2].lower), Verbs.thirdToBase[tokens[i + 2].lower] == nil,
                  !lex.verbsByPastEntry.contains(single),
                  // Only at the end of the phrase: "this error lets you" is a verb after a noun.
                  [".", ",", ";", "!", "?"].contains(tokens[i + 3].text) {
            // "with this fishing limits": a noun before the plural does not change the number.
            ctx.add("grammar.noun-number", "'\(tokens[i + 2].text)' is plural: use 'these' (or 'this \(tokens[i + 1].text) \(single)').", tokens[i].span,
                    [matchCase("these", like: tokens[i].text)])
        } else if w == "there're" || (w == "there" && i + 2 < n && ["are", "were"].contains(tokens[i + 1].lower)) {
            let k = w == "there're" ? i + 1 : i + 2
            guard k < n, tokens[k].kind == .word, let f = lex.classes(tokens[k].lower), f.contains(.noun), f.contains(.plural),
                  !f.contains(.adjective), !f.contains(.verb), !Self.numberLikeNouns.contains(tokens[k]), !Self.collectiveNouns.contains(tokens[k]),
                  Self.numberWords[tokens[k].lower] == nil,
                  k + 1 >= n || tokens[k + 1].kind == .punct || Self.phraseEnders.contains(tokens[k + 1]) else { return }
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
        } else if Self.mealVerbs.contains(w), next == "a", i + 2 < n, Self.meals.contains(tokens[i + 2]),
                  i + 3 >= n || tokens[i + 3].kind == .punct || ["in", "at", "with", "and", "together", "today", "yesterday", "every", "before", "after"].contains(tokens[i + 3].lower) {
            let meal = tokens[i + 2].text
            ctx.add("grammar.article", "Meals take no article: '\(tokens[i].text) \(meal)'.", TextSpan(start: tokens[i].start, end: tokens[i + 2].end), ["\(tokens[i].text) \(meal)"])
        }
    }
}
