import MeshProtocol
import MeshText

/// Clause patterns decided from a few trigger words and hunspell's word classes (`WordClasses`):
/// - `grammar.agreement`: an inverted question whose verb does not agree with its pronoun ("Is you crazy?",
///   "What has you done?") and a singular subject with a plural verb ("My mother are a doctor", "The dog eat.");
/// - `grammar.missing-verb`: a pronoun and an adjective with no verb between ("I afraid of the dark");
/// - `grammar.double-determiner`: two determiners in a row ("the my life");
/// - `grammar.verb-form`: a past form after a modal or "to" ("can went", "decided to renamed the project");
/// - `grammar.punctuation`: a tag question with no comma before it ("She isn't coming is she?");
/// - `grammar.article`: a singular countable noun with no article after "I am" / "he is" ("He is
///   friend"), "lot of" with no "a", and "all of students" (no "the");
/// - `grammar.compound-adjective`: a number and a unit before a noun without hyphens ("a 35 hour week",
///   "a two year old reindeer") or with a plural unit ("a 10-metres rope");
/// - `grammar.preposition`: "good in maths" (at), "explain me" (to me).
extension GrammarSpecialist {
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
    static let languages = ["english", "french", "german", "spanish", "italian", "chinese", "japanese", "russian", "arabic", "portuguese", "dutch"]

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
            guard let p = dispatch.patterns(for: tokens[i])?.intersection(on), !p.isEmpty else { continue }
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

    // MARK: Word lists

    static let questionWords: WordList = ["what", "why", "where", "when", "how", "who", "whom", "which", "whose"]
    /// Inverted auxiliaries and their form for a plural subject ("you", "we", "they") and for "I".
    static let pluralAuxiliary: [String: (plural: String, first: String?)] = [
        "is": ("are", "am"), "was": ("were", nil), "has": ("have", "have"), "does": ("do", "do"),
        "doesn't": ("don't", "don't"), "isn't": ("aren't", "am not"), "wasn't": ("weren't", nil), "hasn't": ("haven't", "haven't"),
    ]
    static let singularAuxiliary = WordDictionary<String>([
        "are": "is", "were": "was", "have": "has", "do": "does", "don't": "doesn't", "aren't": "isn't", "weren't": "wasn't",
        "haven't": "hasn't",
    ])
    /// Adjectives that only stand after a verb ("I am afraid"), so a pronoun directly before them lacks one.
    static let predicateAdjectives: WordList = [
        "afraid", "aware", "glad", "sorry", "ready", "able", "unable", "happy", "sad", "hungry", "thirsty", "tired",
        "angry", "busy", "ill", "sick", "asleep", "awake", "alive", "interested", "worried", "scared", "excited",
        "bored", "proud", "fond", "keen", "jealous", "nervous", "lucky", "responsible", "upset", "confused",
        "disappointed", "satisfied", "surprised", "afraid", "ashamed", "embarrassed", "frightened", "pleased",
    ]
    static let beFor = WordDictionary<String>(["i": "am", "you": "are", "we": "are", "they": "are", "he": "is", "she": "is", "it": "is"])
    static let articles: WordList = ["a", "an", "the"]
    /// Words that cannot follow an article directly ("the a" is left out: "the _a_ stands for atomic" mentions a word).
    static let afterArticleNever: WordList = [
        "my", "your", "his", "our", "their", "its", "the", "he", "she", "we", "they", "me", "us", "them", "these", "those",
    ]
    /// Possessives that never stand alone ("his" does: "in his the consciousness of …" is old but correct).
    static let possessives: WordList = ["my", "your", "our", "their", "its"]
    /// Auxiliaries that end a tag question ("…, isn't it?").
    static let tagAuxiliaries: WordList = [
        "is", "isn't", "are", "aren't", "was", "wasn't", "were", "weren't", "do", "don't", "does", "doesn't", "did", "didn't",
        "have", "haven't", "has", "hasn't", "had", "hadn't", "can", "can't", "could", "couldn't", "will", "won't", "would",
        "wouldn't", "should", "shouldn't",
    ]
    static let tagPronouns: WordList = ["i", "you", "he", "she", "it", "we", "they", "there"]
    /// Modals that are never nouns, so the word after them is a verb.
    static let strictModals: WordList = [
        "could", "would", "should", "might", "must", "cannot", "can't", "won't", "wouldn't", "shouldn't", "couldn't", "mustn't",
    ]
    /// Units that form compound adjectives with a number ("a 35-hour week").
    static let units: WordList = [
        "year", "month", "week", "day", "hour", "minute", "second", "mile", "metre", "meter", "kilometre", "kilometer",
        "foot", "inch", "yard", "centimetre", "centimeter", "millimetre", "millimeter", "page", "storey", "story", "room",
        "bedroom", "person", "man", "point", "step", "part", "piece", "pound", "dollar", "euro", "litre", "liter", "gallon",
        "ton", "tonne", "seat", "door", "lane", "star", "game", "volume", "hole", "speed", "stage", "minute", "kilogram",
        "gram", "degree", "percent", "bit", "core", "lap", "round", "course", "member", "word", "line", "car", "track",
        "farad", "microfarad", "ohm", "milliohm", "kiloohm", "watt", "kilowatt", "volt", "amp", "ampere", "hertz",
    ]
    static let numberWords = WordDictionary<Int>([
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "hundred": 100,
    ])
    /// Quantifiers that take "of the" before a noun ("all of the students").
    static let ofQuantifiers: WordList = ["all", "most", "some", "many", "none", "each", "both", "half", "several", "few"]
    /// Words after "all of" that need no article.
    static let ofComplete: WordList = [
        "all", "everything", "everyone", "everybody", "anything", "anyone", "nothing", "something", "someone", "such",
        "mine", "yours", "ours", "theirs", "hers", "whom", "which", "what", "whatever", "last", "next", "today", "tonight",
        "yesterday", "tomorrow", "course", "sudden", "late", "recent", "old", "us", "them", "you", "it", "these", "those",
        "this", "that", "these", "another", "other", "others", "each", "both",
    ]
    /// Nouns that take no article as a title or a role ("He is president of the club", "She was captain").
    static let roleNouns: WordList = [
        "president", "chairman", "chair", "captain", "head", "king", "queen", "champion", "director", "editor", "secretary",
        "chief", "leader", "mayor", "governor", "minister", "manager", "member", "owner", "author", "co-author", "host",
        "part", "home", "alone", "one", "none",
    ]
    /// Collective nouns that read well with a plural verb ("The team are").
    static let collectiveNouns: WordList = [
        "team", "family", "staff", "police", "government", "committee", "couple", "public", "majority", "crew", "group",
        "audience", "class", "band", "company", "jury", "army", "crowd", "board", "council", "management", "people",
        "cattle", "data", "media", "sheep", "fish", "deer", "species", "series", "aircraft", "personnel", "clergy",
        "pair", "number", "rest", "lot", "remainder", "percent", "half", "kind", "sort", "type", "youth", "gentry",
        "yeomanry", "infantry", "cavalry", "peasantry", "nobility", "aristocracy", "militia", "faculty", "congregation",
    ]
    static let subjectOpeners: WordList = ["whether", "if", "where", "because", "when", "while", "although", "since", "that", "so", "but"]
    static let nounDeterminers: WordList = ["the", "my", "your", "his", "her", "our", "their", "this", "that", "its"]
    static let goodAt: WordList = ["good", "bad", "better", "best", "great", "excellent", "poor", "terrible", "brilliant", "hopeless", "skilled", "talented"]


    // MARK: Patterns

    /// "Is you crazy?", "What has you done?", "Are he coming?": an inverted auxiliary that does not agree.
    func invertedQuestion(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let w = tokens[i].lower
        guard i + 2 < tokens.count, tokens[i + 1].kind == .word, tokens[i + 2].kind == .word else { return }
        let atStart = starts.contains(i) || (i > 0 && starts.contains(i - 1) && Self.questionWords.contains(tokens[i - 1]))
        guard atStart else { return }
        let p = tokens[i + 1].lower
        guard !["and", "or", "nor"].contains(tokens[i + 2].lower) else { return }
        var fix: String?
        if let forms = Self.pluralAuxiliary[w] {
            if p == "i", tokens[i + 1].text == "I" { fix = forms.first } else if ["you", "we", "they"].contains(p) { fix = forms.plural }
        } else if let single = Self.singularAuxiliary[w] {
            // "Have it your way", "Do it now": imperatives, not questions.
            // "Were she a woman of fortune": an inverted condition, not a question.
            if p == "he" || p == "she" || p == "it", !["were", "weren't"].contains(w), p != "it" || ["are", "aren't"].contains(w) { fix = single }
        }
        guard let fix else { return }
        ctx.add("grammar.agreement", "'\(tokens[i].text)' does not agree with '\(tokens[i + 1].text)': use '\(matchCase(fix, like: tokens[i].text))'.",
                tokens[i].span, [matchCase(fix, like: tokens[i].text)])
    }

    /// "My mother are a doctor", "The dog eat.", "whether this room are big": a singular noun subject with a
    /// plural verb. The subject is a determiner and a noun that open a clause (the pattern is dispatched on the
    /// determiner); a parenthesis between commas ("My dog, whose name is Joe, eat.") is skipped.
    func singularSubject(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        let opensClause = starts.contains(i) || (i > 0 && Self.subjectOpeners.contains(tokens[i - 1]))
        guard opensClause else { return }
        let k = i + 1
        guard k < n, tokens[k].kind == .word, tokens[k].text.unicodeScalars.first.map(CharClass.isLower) == true else { return }
        let noun = tokens[k].lower
        guard let f = lex.classes(noun), f.contains(.noun), !f.contains(.adjective), !noun.hasSuffix("s") || noun.hasSuffix("ss"),
              !Self.collectiveNouns.contains(noun), !Self.subjectPronouns.contains(noun), !Self.objectStarters.contains(noun),
              !Self.modals.contains(noun), !Verbs.auxiliaries.contains(noun), Self.irregularPlurals[noun] == nil, Self.numberWords[noun] == nil else { return }
        if f.contains(.verb), !f.contains(.plural) { return }
        // Skip one parenthesis between commas.
        var v = k + 1
        if v < n, tokens[v].text == "," {
            var j = v + 1
            while j < n, j - v <= 12, tokens[j].text != ",", tokens[j].kind != .punct || tokens[j].text == "'" { j += 1 }
            guard j < n, tokens[j].text == ",", j - v > 1 else { return }
            v = j + 1
        }
        guard v < n, tokens[v].kind == .word else { return }
        let verb = tokens[v].lower
        // "if the errand were", "that the meeting adjourn": the subjunctive after a clause opener.
        let opener = i > 0 ? tokens[i - 1].lower : ""
        let subjunctive = ["if", "that", "whether", "lest", "though"].contains(opener)
        if verb == "are" || verb == "were" && !subjunctive {
            let fix = verb == "are" ? "is" : "was"
            ctx.add("grammar.agreement", "'\(tokens[k].text)' is singular: use '\(fix)'.", tokens[v].span, [matchCase(fix, like: tokens[v].text)])
        } else if !subjunctive || opener == "whether" || opener == "if", lex.isPureVerb(verb), !verb.hasSuffix("s"), regularPastBase(verb) == nil, !verb.hasSuffix("ing"),
                  Verbs.pastToBase[verb] == nil, !Self.modals.contains(verb), !Verbs.auxiliaries.contains(verb),
                  v + 1 >= n || [".", "!", "?", ";"].contains(tokens[v + 1].text) || Self.objectStarters.contains(tokens[v + 1]) {
            let third = Self.thirdPerson(verb)
            ctx.add("grammar.agreement", "'\(tokens[k].text)' is singular: use '\(third)'.", tokens[v].span, [matchCase(third, like: tokens[v].text)])
        }
    }

    /// "The heart disease patients shows improvement": a plural noun subject with a third-person verb.
    func pluralSubject(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        guard starts.contains(i) || (i > 0 && (Self.subjectOpeners.contains(tokens[i - 1].lower) || ["and", ","].contains(tokens[i - 1].lower))) else { return }
        var k = i + 1
        var noun = -1
        while k < n, k - i <= 4, tokens[k].kind == .word, tokens[k].text.unicodeScalars.first.map(CharClass.isLower) == true {
            let x = tokens[k].lower
            if Self.phraseEnders.contains(tokens[k]) || Self.objectStarters.contains(tokens[k]) || Self.modals.contains(tokens[k])
                || Self.determinersAndQuantifiers.contains(tokens[k]) { break }
            if lex.pureNounSingular(ofPlural: x) != nil || ["people", "children", "men", "women"].contains(x) { noun = k; break }
            k += 1
        }
        guard noun > 0, noun + 2 < n, tokens[noun + 1].kind == .word else { return }
        let v = tokens[noun + 1].lower
        guard let base = Self.baseOfThirdPerson(v), tokens[noun + 2].kind == .word || [".", "!", "?"].contains(tokens[noun + 2].text),
              !(tokens[noun + 2].kind == .word && ["of", "and", "or", "are", "were", "is", "was"].contains(tokens[noun + 2].lower)) else { return }
        ctx.add("grammar.agreement", "'\(tokens[noun].text)' is plural: use '\(base)'.", tokens[noun + 1].span, [base])
    }

    /// The base of a third-person form that is no dictionary entry of its own ("works" → "work"), or nil.
    static func baseOfThirdPerson(_ v: String, afterModal: Bool = false) -> String? {
        let lex = WordClasses.shared
        guard v.hasSuffix("s"), !v.hasSuffix("ss"), v.utf8.count >= 4, afterModal || lex.classes(v) == nil else { return nil }
        if let b = Verbs.thirdToBase[v] { return b }
        for c in WordClasses.stems(ofS: v) {
            if lex.isVerb(c) || Verbs.baseForms[c] != nil { return c }
        }
        return nil
    }

    /// "she also need a car", "he never listen": he/she, an adverb and the base form of a verb.
    func adverbBeforeVerb(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        let w = tokens[i].lower
        guard w == "he" || w == "she", i + 2 < n, Self.frequencyAdverbs.contains(tokens[i + 1]), tokens[i + 2].kind == .word,
              starts.contains(i) || (i > 0 && (tokens[i - 1].text == "," || ["and", "but", "because", "so", "when", "since", "while", "although", "though"].contains(tokens[i - 1].lower))) else { return }
        let v = tokens[i + 2].lower
        guard lex.isVerb(v) || Verbs.baseForms[v] != nil, !v.hasSuffix("s"), regularPastBase(v) == nil, !v.hasSuffix("ing"), v != "be",
              Verbs.pastToBase[v] == nil, !Self.modals.contains(v), !Verbs.auxiliaries.contains(v), !lex.isPureAdjective(v),
              tokens[i + 2].text.unicodeScalars.first.map(CharClass.isLower) == true else { return }
        let third = Self.thirdPerson(v)
        ctx.add("grammar.agreement", "The verb does not agree with '\(tokens[i].text)': use '\(third)'.", tokens[i + 2].span, [third])
    }

    /// "looks to pretty", "it is to expensive.": "to" before an adjective that ends the phrase means "too".
    func toForToo(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        guard tokens[i].lower == "to", i + 1 < n, tokens[i + 1].kind == .word, i > 0, tokens[i - 1].kind == .word else { return }
        let adj = tokens[i + 1].lower
        guard WordClasses.shared.isPureAdjective(adj), !Self.comparativeWords.contains(adj),
              i + 2 >= n || [".", ",", "!", "?", ";"].contains(tokens[i + 2].text) || ["to", "for", "and", "that"].contains(tokens[i + 2].lower) else { return }
        // "from rich to poor", "changed from green to red": a range, not "too".
        var k = i - 1
        while k >= 0, i - k <= 6, tokens[k].kind == .word {
            if tokens[k].lower == "from" || tokens[k].lower == "between" { return }
            k -= 1
        }
        ctx.add("grammar.confused-words", "Did you mean 'too' (excessively)?", tokens[i].span, [matchCase("too", like: tokens[i].text)])
    }

    /// "I afraid of the dark", "He very happy": a subject pronoun and an adjective with no verb between.
    func pronounWithoutVerb(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        let w = tokens[i].lower
        guard let be = Self.beFor[w], w != "i" || tokens[i].text == "I" else { return }
        guard starts.contains(i) || (i > 0 && (tokens[i - 1].text == "," || Self.pronounClauseLeaders.contains(tokens[i - 1]))) else { return }
        var k = i + 1
        if k < n, Self.degreeAdverbs.contains(tokens[k]) { k += 1 }
        // "I looking into it": an -ing form of a verb with no "am".
        // ("but she having then induced …" is an absolute phrase: only a sentence's first word counts.)
        if k == i + 1, starts.contains(i), k < n, tokens[k].kind == .word, tokens[k].lower.hasSuffix("ing"), tokens[k].lower != "being", tokens[k].lower != "having",
           let base = WordClasses.stems(ofIng: tokens[k].lower).first(where: { WordClasses.shared.isVerb($0) }),
           WordClasses.shared.classes(tokens[k].lower) == nil, !base.isEmpty, k + 1 < n, tokens[k + 1].kind == .word {
            let fixed = "\(tokens[i].text) \(be) \(tokens[k].text)"
            ctx.add("grammar.missing-verb", "A verb is missing: '\(fixed)'.", TextSpan(start: tokens[i].start, end: tokens[k].end), [fixed])
            return
        }
        // After "very" any adjective that is only an adjective will do ("it very familiar").
        guard k < n, tokens[k].kind == .word, Self.predicateAdjectives.contains(tokens[k])
            || (tokens[k - 1].lower == "very" && WordClasses.shared.classes(tokens[k].lower).map { $0.contains(.adjective) && !$0.contains(.verb) } == true) else { return }
        guard k + 1 >= n || tokens[k + 1].kind == .punct
            || ["of", "to", "that", "about", "for", "with", "at", "in", "and", "because", "when", "now", "today", "yes", "no"].contains(tokens[k + 1].lower) else { return }
        let fixed = "\(tokens[i].text) \(be) " + ctx.text(TextSpan(start: tokens[i + 1].start, end: tokens[k].end))
        ctx.add("grammar.missing-verb", "A verb is missing: '\(fixed)'.", TextSpan(start: tokens[i].start, end: tokens[k].end), [fixed])
    }

    static let modalAdverbs: WordList = ["not", "never", "also", "always", "still", "just", "even", "only"]
    static let pronounClauseLeaders: WordList = ["but", "because", "so", "that", "when", "if", "since", "while"]
    static let degreeAdverbs: WordList = ["very", "really", "so", "too", "not", "also", "still", "always", "never", "quite"]

    /// "the my life", "a the house", "my the car": two determiners in a row.
    func doubleDeterminer(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        guard i + 1 < tokens.count, tokens[i + 1].kind == .word, tokens[i + 1].spaceBefore,
              tokens[i + 1].text.unicodeScalars.first.map(CharClass.isLower) == true else { return }
        let w = tokens[i].lower
        let next = tokens[i + 1].lower
        // "the the" is a repeated word, reported as such.
        guard w != next else { return }
        let clash = (Self.articles.contains(tokens[i]) && Self.afterArticleNever.contains(tokens[i + 1]) && !(w == "a" && tokens[i].text == "A" && i > 0 && tokens[i - 1].kind == .word))
            || (Self.possessives.contains(tokens[i]) && Self.articles.contains(tokens[i + 1]) && !(next == "a" && tokens[i + 1].text == "A"))
            || ((w == "these" || w == "those") && (Self.possessives.contains(tokens[i + 1]) || next == "some" || next == "any"))
        guard clash, !(i > 0 && tokens[i - 1].text == "'" || tokens[i - 1 < 0 ? 0 : i - 1].text == "\"") else { return }
        ctx.add("grammar.double-determiner", "Two determiners in a row: keep '\(tokens[i].text)' or '\(tokens[i + 1].text)'.",
                TextSpan(start: tokens[i].start, end: tokens[i + 1].end), [tokens[i].text, matchCase(tokens[i + 1].text, like: tokens[i].text)])
    }

    /// "We can went", "She could not came", "decided to renamed the project": a past form where the base form belongs.
    func pastAfterModal(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        let w = tokens[i].lower
        let strict = Self.strictModals.contains(tokens[i])
        // "can", "will" and "may" are also nouns: a modal only after a subject, decided below.
        let maybeModal = !strict && (w == "can" || w == "will" || w == "may")
        var k = i + 1
        if strict || maybeModal, k < n, Self.modalAdverbs.contains(tokens[k]) { k += 1 }
        guard k < n, tokens[k].kind == .word, tokens[k].text.unicodeScalars.first.map(CharClass.isLower) == true else { return }
        let v = tokens[k].lower
        // Nearly every word after "to" or a modal is a base form: the word decides before the subject is looked at.
        guard Verbs.strongPast.contains(v) || v.hasSuffix("ed") else { return }
        let isModal = strict
            || (maybeModal && i > 0 && (Self.subjectPronouns.contains(tokens[i - 1]) || tokens[i - 1].lower == "you"
                || Self.irregularPlurals[tokens[i - 1].lower] != nil || lex.nounSingular(ofPlural: tokens[i - 1].lower) != nil))
        guard isModal || w == "to" else { return }
        var base: String?
        if Verbs.strongPast.contains(v), lex.classes(v).map({ !$0.contains(.noun) && !$0.contains(.verb) }) ?? true,
           let b = Verbs.pastToBase[v], v != "said", v != "had" || isModal {
            base = b
        } else if v.hasSuffix("ed"), lex.classes(v) == nil, let b = regularPastBase(v), lex.isPureVerb(b),
                  k + 1 < n, tokens[k + 1].kind == .word, Self.objectStarters.contains(tokens[k + 1]) {
            base = b
        }
        guard let base else { return }
        ctx.add("grammar.verb-form", "After '\(tokens[i].text)' use the base form: '\(base)'.", tokens[k].span, [matchCase(base, like: tokens[k].text)])
    }

    /// "He is friend", "I am student", "He does lot of things", "All of students": a singular countable noun or
    /// "lot" with no article, or a quantifier and "of" with no "the".
    func missingArticle(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        let w = tokens[i].lower
        func countable(_ k: Int) -> Bool {
            guard k < n, tokens[k].kind == .word, tokens[k].text.unicodeScalars.first.map(CharClass.isLower) == true else { return false }
            let x = tokens[k].lower
            guard !Self.objectStarters.contains(x), !Self.subjectPronouns.contains(x), x != "you",
                  let f = lex.classes(x), f.contains(.noun), f.contains(.plural), !f.contains(.adjective), !x.hasSuffix("s"),
                  !x.hasSuffix("ing"), !Self.roleNouns.contains(x), !Self.numberLikeNouns.contains(x), !Self.collectiveNouns.contains(x),
                  GrammarLists.uncountablePlurals[x + "s"] == nil else { return false }
            return true
        }
        func ends(_ k: Int) -> Bool {
            k >= n || (tokens[k].kind == .punct && tokens[k].text != "-" && tokens[k].text != "'" && tokens[k].text != "’")
                || ["and", "who", "with", "in", "at", "from", "because", "but"].contains(tokens[k].lower)
        }
        // "lot of" with nothing before that can stand for the article.
        if w == "lot", i + 1 < n, tokens[i + 1].lower == "of", i > 0, tokens[i - 1].kind == .word {
            let p = tokens[i - 1].lower
            if !["a", "the", "whole", "this", "that", "parking", "such", "big", "huge", "great", "entire", "same", "one", "every",
                 "each", "your", "my", "his", "her", "our", "their", "its", "what", "another", "empty", "vacant", "bad", "sorry",
                 "good", "fine", "motley", "sad", "last", "first", "second", "next", "car", "used"].contains(p),
               lex.isVerb(p) || Verbs.auxiliaries.contains(p) || Verbs.thirdToBase[p] != nil || Verbs.pastToBase[p] != nil || Self.casePrepositions.contains(p) {
                ctx.add("grammar.article", "Write 'a lot of'.", tokens[i].span, ["a lot"])
            }
            return
        }
        // all / most / some of + a bare noun.
        if Self.ofQuantifiers.contains(w), i + 2 < n, tokens[i + 1].lower == "of", tokens[i + 2].kind == .word,
           tokens[i + 2].text.unicodeScalars.first.map(CharClass.isLower) == true {
            let x = tokens[i + 2].lower
            guard !Self.ofComplete.contains(x), !Self.objectStarters.contains(x), !Self.determinersAndQuantifiers.contains(x),
                  !Self.subjectPronouns.contains(x), Self.numberWords[x] == nil, !x.hasSuffix("'s"), !x.hasSuffix("’s"), !x.hasSuffix("ing") else { return }
            // "most of people": an irregular plural is a noun whatever else hunspell says of it.
            if Self.irregularPlurals[x] == nil {
                guard let f = lex.classes(x) ?? lex.pureNounSingular(ofPlural: x).flatMap(lex.classes), f.contains(.noun),
                      !f.contains(.verb) || x.hasSuffix("s") else { return }
            }
            // "make the most of apples", "at most of ...".
            if !(i > 0 && tokens[i - 1].kind == .word && ["at", "in", "the"].contains(tokens[i - 1].lower)) {
                let fix = "\(tokens[i].text) of the \(tokens[i + 2].text)"
                ctx.add("grammar.article", "Add 'the': '\(fix)'.", TextSpan(start: tokens[i].start, end: tokens[i + 2].end),
                        [fix, "\(tokens[i].text) \(tokens[i + 2].text)"])
            }
            return
        }
        // I am / he is + (adverb) (adjectives) + countable noun.
        var k: Int
        switch w {
        case "i'm", "he's", "she's": k = i + 1
        case "i", "he", "she":
            guard i + 1 < n, ["am", "is", "was"].contains(tokens[i + 1].lower) else { return }
            guard (w == "i") == (tokens[i + 1].lower != "is") else { return }
            k = i + 2
        default: return
        }
        guard starts.contains(i) || (i > 0 && [",", "and", "but", "because", "so", "that"].contains(tokens[i - 1].lower)) else { return }
        let from = k
        if k < n, ["very", "really", "extremely", "quite", "such", "so"].contains(tokens[k].lower) { k += 1 }
        while k < n, tokens[k].kind == .word, !countable(k) || (k + 1 < n && countable(k + 1)),
              let f = lex.classes(tokens[k].lower), f.contains(.adjective) || tokens[k].lower.hasSuffix("ed"), k - from < 3 { k += 1 }
        guard countable(k), ends(k + 1), !(k + 1 < n && tokens[k + 1].lower == "of") else { return }
        // A bare word that is also a verb is more likely a participle or adjective ("I was upset").
        if k == from, lex.classes(tokens[k].lower)?.contains(.verb) == true { return }
        let phrase = ctx.text(TextSpan(start: tokens[from].start, end: tokens[k].end))
        let an = Articles.startsWithVowelSound(tokens[from].lower) == true ? "an" : "a"
        ctx.add("grammar.article", "A singular noun needs an article: '\(an) \(phrase)'.", TextSpan(start: tokens[from].start, end: tokens[k].end),
                ["\(an) \(phrase)", "the \(phrase)"])
    }

    /// "a 35 hour week", "a two year old reindeer", "a two-year old reindeer", "English speaking people".
    func unhyphenatedCompound(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        func word(_ k: Int) -> String? { k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        func modifiesNoun(_ k: Int) -> Bool {
            guard let x = word(k), tokens[k].spaceBefore, !Self.phraseEnders.contains(x),
                  !["and", "or", "ago", "later", "earlier", "long", "before", "after", "old"].contains(x) else { return false }
            // Inflected forms ("working", "tickets") are not dictionary entries: any other word of letters counts.
            guard let f = lex.classes(x) else {
                return x == tokens[k].text && x.unicodeScalars.allSatisfy(CharClass.isLetter) && !x.hasSuffix("ly") && !Self.modals.contains(x)
            }
            return f.contains(.noun) || f.contains(.adjective)
        }
        let w = tokens[i].lower
        // Language + "speaking" + noun.
        // "the English speaking loudly" are people, not a compound.
        if CharClass.isUpper(tokens[i].text.unicodeScalars.first!), word(i + 1) == "speaking", tokens[i + 1].spaceBefore, modifiesNoun(i + 2),
           !(i > 0 && tokens[i - 1].lower == "the"),
           Self.languages.contains(w) {
            let fix = "\(tokens[i].text)-speaking"
            ctx.add("grammar.compound-adjective", "Hyphenate the compound adjective: '\(fix)'.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end), [fix])
            return
        }
        // a / an / the + number + unit (+ old) + noun.
        guard Self.articles.contains(tokens[i]), i + 2 < n else { return }
        let num = tokens[i + 1]
        let count: Int? = num.kind == .number ? Int(num.text) : Self.numberWords[num.lower]
        if let count, count != 1, let unit = word(i + 2), Self.units.contains(unit), tokens[i + 2].spaceBefore {
            var last = i + 2
            if word(i + 3) == "old", tokens[i + 3].spaceBefore { last = i + 3 }
            guard modifiesNoun(last + 1) || (last == i + 3 && (last + 1 >= n || tokens[last + 1].kind == .punct)) else { return }
            let fix = tokens[(i + 1)...last].map(\.text).joined(separator: "-")
            ctx.add("grammar.compound-adjective", "Hyphenate the compound adjective: '\(fix)'.", TextSpan(start: num.start, end: tokens[last].end), [fix])
            return
        }
        // a two-year old reindeer.
        if num.kind == .word, word(i + 2) == "old", tokens[i + 2].spaceBefore, modifiesNoun(i + 3) {
            let parts = num.lower.split(separator: "-")
            if parts.count == 2, Self.numberWords[String(parts[0])] != nil || Int(parts[0]) != nil, Self.units.contains(String(parts[1])) {
                let fix = "\(num.text)-old"
                ctx.add("grammar.compound-adjective", "Hyphenate the compound adjective: '\(fix)'.", TextSpan(start: num.start, end: tokens[i + 2].end), [fix])
            }
        }
    }

    /// "a 10-metres rope", "a 6-microfarads capacitor": a unit in a compound adjective stays singular.
    func pluralUnitCompound(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        guard i > 0, Self.articles.contains(tokens[i - 1]), i + 1 < tokens.count, tokens[i + 1].kind == .word else { return }
        let t = tokens[i]
        let parts = t.text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, Int(parts[0]) != nil || Self.numberWords[parts[0].lowercased()] != nil else { return }
        let unit = parts[1].lowercased()
        guard unit.hasSuffix("s"), Self.units.contains(String(unit.dropLast())) || Self.units.contains(String(unit.dropLast(2))) else { return }
        guard let f = WordClasses.shared.classes(tokens[i + 1].lower), f.contains(.noun) || f.contains(.adjective),
              !Self.phraseEnders.contains(tokens[i + 1]) else { return }
        let single = Self.units.contains(String(unit.dropLast())) ? String(parts[1].dropLast()) : String(parts[1].dropLast(2))
        let fix = "\(parts[0])-\(single)"
        ctx.add("grammar.compound-adjective", "In a compound adjective the unit stays singular: '\(fix)'.", t.span, [fix])
    }

    /// "I'm good in maths" (at), "Let me explain you why" (explain to you).
    func wrongPreposition(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let w = tokens[i].lower
        func word(_ k: Int) -> String? { k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        if w.hasPrefix("explain"), let o = word(i + 1), ["me", "him", "us", "them", "you"].contains(o), let after = word(i + 2),
           ["the", "why", "what", "how", "that", "a", "an", "this", "these", "those", "about", "everything", "something", "my", "your", "his", "their", "our", "its", "where", "when"].contains(after) {
            let fix = "to \(tokens[i + 1].text)"
            ctx.add("grammar.preposition", "'\(tokens[i].text)' takes 'to' before the person: '\(tokens[i].text) \(fix)'.", tokens[i + 1].span, [fix])
            return
        }
        // be + good/bad + in + a subject ("good in geography"); "good in the end", "looks good in red" are left alone.
        guard ["am", "is", "are", "was", "were", "'m", "'re", "'s", "i'm", "you're", "we're", "they're", "he's", "she's"].contains(w) else { return }
        if ["am", "is", "are", "was", "were"].contains(w), !(i > 0 && (Self.subjectPronouns.contains(tokens[i - 1]) || tokens[i - 1].lower == "you")) { return }
        var k = i + 1
        if let x = word(k), ["very", "really", "so", "quite", "pretty", "not", "also", "always"].contains(x) { k += 1 }
        guard let adj = word(k), Self.goodAt.contains(adj), word(k + 1) == "in", let topic = word(k + 2),
              !Self.objectStarters.contains(topic), !Self.determinersAndQuantifiers.contains(topic),
              !["bed", "general", "theory", "practice", "particular", "part", "parts", "shape", "condition", "time", "person", "public", "private", "spirits", "health", "order"].contains(topic) else { return }
        ctx.add("grammar.preposition", "Say '\(tokens[k].text) at' a subject or skill.", tokens[k + 1].span, ["at"])
    }

    /// "She isn't coming is she?": a statement with a tag question needs a comma before the tag.
    func tagQuestions(_ ctx: inout RuleContext, starts: SentenceStarts) {
        let tokens = ctx.tokens
        for s in ctx.text.sentences {
            let r = s.tokens
            // "It is true, isn't it." asks a question: the tag takes a question mark.
            if r.count >= 6, tokens[r.upperBound - 1].text == ".", tokens[r.upperBound - 4].text == ",",
               Self.tagPronouns.contains(tokens[r.upperBound - 2]), tokens[r.upperBound - 3].lower.hasSuffix("n't") {
                ctx.add("grammar.punctuation", "A tag question ends with a question mark.", tokens[r.upperBound - 1].span, ["?"])
                continue
            }
            guard r.count >= 6, tokens[r.upperBound - 1].text == "?" else { continue }
            let pronoun = r.upperBound - 2
            let aux = r.upperBound - 3
            let before = r.upperBound - 4
            guard tokens[pronoun].kind == .word, Self.tagPronouns.contains(tokens[pronoun]),
                  tokens[aux].kind == .word, Self.tagAuxiliaries.contains(tokens[aux]),
                  tokens[before].kind == .word || tokens[before].kind == .number,
                  !Self.tagAuxiliaries.contains(tokens[before]), !Self.modals.contains(tokens[before]),
                  !["to", "not", "so", "and", "or", "but", "that"].contains(tokens[before].lower) else { continue }
            var words = 0
            var question = false
            for k in r.lowerBound..<aux where tokens[k].kind == .word {
                let x = tokens[k].lower
                if words == 0, Self.tagAuxiliaries.contains(x) || Self.modals.contains(x) || ["am", "shall", "may"].contains(x) { question = true }
                if Self.questionWords.contains(x) || x == "whether" || x == "if" { question = true }
                words += 1
            }
            guard !question, words >= 3, tokens[r.lowerBound].kind == .word else { continue }
            ctx.add("grammar.punctuation", "Put a comma before the tag question: '\(tokens[before].text), \(tokens[aux].text) \(tokens[pronoun].text)?'.",
                    tokens[before].span, [tokens[before].text + ","])
        }
    }
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

    @inline(__always) func patterns(for token: Token) -> Pattern? {
        filter.mayContain(hash: token.lowerHash) ? map[token.lower, hash: token.lowerHash] : nil
    }
}
