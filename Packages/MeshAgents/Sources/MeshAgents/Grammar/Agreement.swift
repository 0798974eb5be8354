import MeshProtocol
import MeshText

/// `grammar.agreement`: subject and verb, pronoun case and number after a determiner ("he go", "they was",
/// "there is many", "to I", "a milestones", "these kind of", "people thinks", "with who").
extension GrammarSpecialist {
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

    static let objectOf = WordDictionary<String>(["i": "me", "he": "him", "she": "her", "we": "us", "they": "them"])

    static let casePrepositions: WordList = [
        "to", "at", "with", "between", "from", "about", "by", "on", "into", "without", "toward", "towards", "against",
        "among", "behind", "beside", "under", "over", "near", "upon", "onto", "except", "of",
    ]

    static let frequencyAdverbs: WordList = [
        "always", "never", "often", "usually", "sometimes", "rarely", "also", "still", "really", "just", "only", "even",
        "ever", "seldom", "generally", "normally", "frequently", "occasionally", "hardly", "already", "actually",
    ]

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

    /// Collective nouns that read well with a plural verb ("The team are").
    static let collectiveNouns: WordList = [
        "team", "family", "staff", "police", "government", "committee", "couple", "public", "majority", "crew", "group",
        "audience", "class", "band", "company", "jury", "army", "crowd", "board", "council", "management", "people",
        "cattle", "data", "media", "sheep", "fish", "deer", "species", "series", "aircraft", "personnel", "clergy",
        "pair", "number", "rest", "lot", "remainder", "percent", "half", "kind", "sort", "type", "youth", "gentry",
        "yeomanry", "infantry", "cavalry", "peasantry", "nobility", "aristocracy", "militia", "faculty", "congregation",
        // Heads that stand for the items they introduce or pick out ("The following are examples", "the latter are").
        "following", "former", "latter", "bulk", "minority",
    ]

    static let subjectOpeners: WordList = ["whether", "if", "where", "because", "when", "while", "although", "since", "that", "so", "but"]

    static let nounDeterminers: WordList = ["the", "my", "your", "his", "her", "our", "their", "this", "that", "its"]

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
        // "As the name suggest, …": "as" opens a clause whose verb ends at the comma.
        let asClause = i > 0 && tokens[i - 1].lower == "as"
        let opensClause = starts.contains(i) || asClause || (i > 0 && Self.subjectOpeners.contains(tokens[i - 1]))
        guard opensClause else { return }
        let k = i + 1
        guard k < n, tokens[k].kind == .word, tokens[k].text.unicodeScalars.first.map(CharClass.isLower) == true else { return }
        let noun = tokens[k].lower
        // After "as" the verb's comma settles the reading, so a noun that is also a verb or adjective ("name") counts.
        guard let f = lex.classes(noun), f.contains(.noun), !f.contains(.adjective) || asClause, !noun.hasSuffix("s") || noun.hasSuffix("ss"),
              !Self.collectiveNouns.contains(noun), !Self.subjectPronouns.contains(noun), !Self.objectStarters.contains(noun),
              !Self.modals.contains(noun), !Verbs.auxiliaries.contains(noun), Self.irregularPlurals[noun] == nil, Self.numberWords[noun] == nil else { return }
        if f.contains(.verb), !f.contains(.plural), !asClause { return }
        // Skip one parenthesis between commas.
        var v = k + 1
        if v < n, tokens[v].text == "," {
            var j = v + 1
            while j < n, j - v <= 12, tokens[j].text != ",", tokens[j].kind != .punct || tokens[j].text == "'" { j += 1 }
            guard j < n, tokens[j].text == ",", j - v > 1 else { return }
            // "This flag, and the other one, are deprecated": a second subject set off by commas makes two.
            if tokens[v + 1].lower == "and" { return }
            v = j + 1
        }
        guard v < n, tokens[v].kind == .word else { return }
        let verb = tokens[v].lower
        // "if the errand were", "that the meeting adjourn": the subjunctive after a clause opener.
        let opener = i > 0 ? tokens[i - 1].lower : ""
        let subjunctive = ["if", "that", "whether", "lest", "though"].contains(opener)
        if verb == "are" || verb == "were" && !subjunctive {
            let fix = verb == "are" ? "is" : "was"
            ctx.addHeuristic("grammar.agreement", "'\(tokens[k].text)' is singular: use '\(fix)'.", tokens[v].span, [matchCase(fix, like: tokens[v].text)])
        } else if !subjunctive || opener == "whether" || opener == "if", lex.isPureVerb(verb), !verb.hasSuffix("s"), regularPastBase(verb) == nil, !verb.hasSuffix("ing"),
                  Verbs.pastToBase[verb] == nil, !Self.modals.contains(verb), !Verbs.auxiliaries.contains(verb),
                  // After "as" only a reporting verb and a comma ("as the name suggest,"): "as the vector type,"
                  // ends in a noun. A heading is a title, not a clause: "The index file" names a file.
                  asClause ? (v + 1 < n && tokens[v + 1].text == "," && Self.asideVerbs.contains(verb))
                  : (v + 1 >= n && ctx.chunk.kind != .heading || v + 1 < n && [".", "!", "?", ";"].contains(tokens[v + 1].text)
                    || v + 1 < n && Self.objectStarters.contains(tokens[v + 1])) {
            let third = Self.thirdPerson(verb)
            // The aside ("as the name suggest,") is a fixed shape; a noun and its verb elsewhere is a guess.
            if asClause {
                ctx.add("grammar.agreement", "'\(tokens[k].text)' is singular: use '\(third)'.", tokens[v].span, [matchCase(third, like: tokens[v].text)])
            } else {
                ctx.addHeuristic("grammar.agreement", "'\(tokens[k].text)' is singular: use '\(third)'.", tokens[v].span, [matchCase(third, like: tokens[v].text)])
            }
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
            if let singular = lex.pureNounSingular(ofPlural: x) {
                // "The proposed algorithm shards queries": after a noun, a noun technical writing also uses as a verb
                // may be that noun's verb, and what follows its object.
                if k > i + 1, Self.jargonVerbs.contains(singular) { return }
                noun = k
                break
            }
            if ["people", "children", "men", "women"].contains(x) { noun = k; break }
            k += 1
        }
        guard noun > 0, noun + 2 < n, tokens[noun + 1].kind == .word else { return }
        let v = tokens[noun + 1].lower
        guard let base = Self.baseOfThirdPerson(v), tokens[noun + 2].kind == .word || [".", "!", "?"].contains(tokens[noun + 2].text),
              !(tokens[noun + 2].kind == .word && ["of", "and", "or", "are", "were", "is", "was"].contains(tokens[noun + 2].lower)) else { return }
        ctx.addHeuristic("grammar.agreement", "'\(tokens[noun].text)' is plural: use '\(base)'.", tokens[noun + 1].span, [base])
    }

    /// Nouns that hunspell lists only as nouns and technical writing also uses as verbs ("the router shards
    /// requests", "the agent logs errors").
    static let jargonVerbs: Set<String> = [
        "shard", "log", "tag", "proxy", "checksum", "timestamp", "sandbox", "symlink", "alias", "template", "script",
        "snapshot", "checkpoint", "benchmark", "bookmark", "namespace", "spool", "cron", "hotfix", "backport",
        "webhook", "scaffold", "shim", "stub", "mock", "vendor", "version", "tunnel", "pipe", "route", "queue",
    ]

    /// Prepositions whose object a pronoun can be ("for those", "except us").
    static let objectPrepositions: WordList = [
        "of", "for", "with", "to", "from", "among", "amongst", "between", "by", "about", "on", "in", "at", "like", "than",
        "without", "toward", "towards", "into", "onto", "upon", "against", "beyond", "except", "including", "besides",
        "unlike", "per", "via", "over", "under", "within", "through", "throughout", "across", "behind", "beside", "near",
    ]

    /// Verbs of an "as the name suggests" aside.
    static let asideVerbs: WordList = [
        "suggest", "imply", "indicate", "show", "state", "say", "explain", "describe", "mention", "note", "demonstrate",
        "illustrate", "specify", "require", "expect", "recommend",
    ]

    /// Words that count a plural noun phrase ("two flags", "these settings").
    static let countedQuantifiers: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many", "several", "multiple", "both",
        "these", "those", "various", "numerous",
    ]

    /// Plural nouns that also make an adverbial ("in many cases that means", "several times that happens"), where
    /// "that" is a pronoun and its verb agrees with it.
    static let adverbialPlurals: WordList = [
        "cases", "times", "ways", "years", "days", "months", "weeks", "hours", "minutes", "seconds", "situations",
        "instances", "places", "scenarios", "circumstances", "respects", "senses",
    ]

    /// Verbs (and "are" of "there are") whose object may be a counted plural.
    static let countedObjectVerbs: WordList = [
        "are", "were", "has", "have", "had", "need", "needs", "use", "uses", "add", "adds", "provide", "provides", "offer",
        "offers", "include", "includes", "contain", "contains", "define", "defines", "create", "creates", "support",
        "supports", "expose", "exposes", "see", "find", "get", "gets", "set",
    ]

    /// "There are two flags that allows", "It has many options that makes": a counted plural noun in object place
    /// and a relative clause whose verb is singular. After "of" the head may be another noun ("a set of three rules
    /// that defines"), so only a verb or "there are" before the count.
    func countedRelative(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        guard i > 0, tokens[i - 1].kind == .word, i + 3 < n else { return }
        guard Self.countedObjectVerbs.contains(tokens[i - 1]) else { return }
        var k = i + 1
        func lowerWord(_ j: Int) -> Bool { tokens[j].kind == .word && tokens[j].text.unicodeScalars.first.map(CharClass.isLower) == true }
        // One adjective or count may come between: "two optional flags", "these two flags".
        if lowerWord(k), lex.nounSingular(ofPlural: tokens[k].lower) == nil { k += 1 }
        guard k + 2 < n, lowerWord(k), lex.nounSingular(ofPlural: tokens[k].lower) != nil,
              !Self.adverbialPlurals.contains(tokens[k]), ["that", "which", "who"].contains(tokens[k + 1].lower),
              tokens[k + 2].kind == .word, let base = Self.baseOfThirdPerson(tokens[k + 2].lower, afterModal: true) else { return }
        // A verb that also reads as a plural noun ("uses", "needs") is left alone, and so is "that" as a
        // determiner: "two options that flags control".
        guard !Verbs.nounLike.contains(tokens[k + 2].lower) else { return }
        if k + 3 < n, tokens[k + 3].kind == .word,
           lex.isPureVerb(tokens[k + 3].lower) || Verbs.auxiliaries.contains(tokens[k + 3]) || Self.modals.contains(tokens[k + 3]) { return }
        ctx.add("grammar.agreement", "'\(tokens[k].text)' is plural: use '\(base)'.", tokens[k + 2].span, [matchCase(base, like: tokens[k + 2].text)])
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

    static let whomPrepositions: WordList = ["with", "to", "for", "from", "by", "about", "against", "between", "among", "of"]

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

    /// I/you/we/they (+ frequency adverb) + third-person form of a pure verb.
    func pluralPronounAgreement(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        if Self.isSubjectPosition(tokens, i, starts: starts), !(i > 0 && tokens[i - 1].lower == "of") {
            var k = i + 1
            if let a = word(k), Self.frequencyAdverbs.contains(a) { k += 1 }
            if let v = word(k), let base = lex.pureVerbBase(ofThird: v), Verbs.thirdToBase[v] == nil || k > i + 1 {
                let vt = tokens[k]
                ctx.add("grammar.agreement", "The verb does not agree with '\(tokens[i].text)': use '\(base)'.", vt.span, [matchCase(base, like: vt.text)])
            }
        }
    }

    /// he/she/it + base form of a verb ("she support the plan").
    func singularPronounAgreement(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        let w = tokens[i].lower
        let next = tokens[i + 1]
        let nw = tokens[i + 1].lower
        if w != "it" || Self.isSubjectPosition(tokens, i, starts: starts),
           !(i > 0 && Self.bareInfinitiveLeaders.contains(tokens[i - 1])),
           Verbs.thirdPersonFix[nw] == nil, lex.isVerb(nw), !Verbs.auxiliaries.contains(nw), !Self.modals.contains(nw),
           Verbs.pastToBase[nw] == nil, !nw.hasSuffix("ed"), !nw.hasSuffix("s"), !nw.hasSuffix("ing"), nw != "be",
           // Adverbs hunspell also lists as verbs ("but it still returns").
           !["still", "also", "always", "never", "often", "only", "just", "even", "ever", "really", "usually", "already", "then",
             "now", "again", "actually", "sometimes", "first", "simply"].contains(nw),
           lex.isPureVerb(nw) || (word(i + 2).map { Self.objectStarters.contains($0) } ?? false) {
            let third = Self.thirdPerson(nw)
            ctx.add("grammar.agreement", "The verb does not agree with '\(tokens[i].text)': use '\(third)'.", next.span, [matchCase(third, like: next.text)])
        }
    }

    /// Pronoun case after a preposition: "to I", "between he and".
    func pronounCaseAfterPreposition(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        let next = tokens[i + 1]
        let nw = tokens[i + 1].lower
        // "from I/O devices": a letter glued to a slash is an abbreviation, not the pronoun.
        if let obj = Self.objectOf[nw], nw != "i" || next.text == "I", !(i + 2 < n && !tokens[i + 2].spaceBefore && tokens[i + 2].text == "/"),
           !(i + 2 < n && tokens[i + 2].kind == .word && lex.isVerb(tokens[i + 2].lower) && tokens[i + 2].lower != "and"),
           // "except we don't have": before an auxiliary the pronoun is the subject of a clause.
           !(i + 2 < n && Verbs.auxiliaries.contains(tokens[i + 2])) {
            ctx.addHeuristic("grammar.agreement", "After '\(tokens[i].text)' use the object form '\(obj)'.", next.span, [obj])
        }
    }

    /// "there was discussions" → "there were".
    func thereIsWithPlural(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        let nw = tokens[i + 1].lower
        if ["is", "was", "'s"].contains(nw) || nw == "there's" {
            var k = i + 2
            if word(k) == "no" || word(k) == "many" || word(k) == "several" || word(k) == "some" { k += 1 }
            if let p = word(k), lex.pureNounSingular(ofPlural: p) != nil,
               k + 1 >= n || tokens[k + 1].kind == .punct || (word(k + 1).map { Self.clauseFollowers.contains($0) } ?? false) {
                let fix = nw == "was" ? "were" : "are"
                ctx.add("grammar.agreement", "'\(tokens[k].text)' is plural: use 'there \(fix)'.", TextSpan(start: tokens[i].start, end: tokens[k].end),
                        [matchCase("there \(fix) ", like: tokens[i].text) + ctx.text(TextSpan(start: tokens[i + 2].start, end: tokens[k].end))])
            }
        }
    }

    /// "a milestones", "a major milestones".
    func articleWithPlural(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        if tokens[i].text != "A" || starts.contains(i),
           !(i > 0 && tokens[i - 1].kind == .punct && tokens[i - 1].text == "." && !tokens[i].spaceBefore) {
            var k = i + 1
            if let adj = word(k), !lex.isPureNoun(adj), !adj.hasSuffix("s"), !Self.determinersAndQuantifiers.contains(adj), word(k + 1) != nil { k += 1 }
            // The noun phrase ends: punctuation, a clause word, or "and" with a verb after it ("make a products
            // and sell them"; "a sales and marketing team" goes on).
            let andVerb = (word(k + 1) == "and" || word(k + 1) == "or") && (word(k + 2).map(lex.isPureVerb) ?? false)
            let clauseEnd = k + 1 >= n || [".", ",", ";", "!", "?"].contains(tokens[k + 1].text) || andVerb
            // A plural that hunspell also knows as a verb ("a cars") counts only at the end of a clause.
            // "the entire time a program runs": a noun and its verb, not an adjective and a plural.
            // A middle word the word classes do not know may be that noun too ("the path a request takes").
            let middle = lex.flags[word(i + 1) ?? ""]
            let subjectVerb = k == i + 2 && (middle == nil || middle?.contains(.noun) == true || middle?.contains(.plural) == true)
                && (word(k).flatMap { Verbs.thirdToBase[$0] ?? lex.pureVerbBase(ofThird: $0) } != nil || word(k).map { lex.isVerb(String($0.dropLast())) } == true)
            if !subjectVerb, let p = word(k), !["does", "goes", "has", "is", "was"].contains(p),
               let singular = lex.pureNounSingular(ofPlural: p) ?? (k == i + 1 && clauseEnd ? lex.nounSingular(ofPlural: p) : nil),
               tokens[k].text.unicodeScalars.first.map(CharClass.isLower) == true,
               k + 1 >= n || tokens[k + 1].kind == .punct || andVerb
                || (word(k + 1).map { Self.clauseFollowers.contains($0) && $0 != "and" && $0 != "or" } ?? false) {
                // "in a couple ways": a quantity noun with its "of" left out; a singular would make it worse.
                if k == i + 2, let q = word(i + 1), Self.quantityNouns.contains(q) {
                    ctx.add("grammar.agreement", "'\(tokens[i].text) \(tokens[i + 1].text)' takes 'of' before a plural: '\(q) of \(tokens[k].text)'.",
                            tokens[i + 1].span, [tokens[i + 1].text + " of"])
                    return
                }
                ctx.add("grammar.agreement", "'\(tokens[i].text)' needs a singular noun: '\(singular)'.", tokens[k].span, [matchCase(singular, like: tokens[k].text)])
            }
        }
    }

    /// Nouns of quantity that take "of" before a plural ("a couple of ways", "a bunch of files").
    static let quantityNouns: Set<String> = ["couple", "bunch", "lot", "handful", "number", "variety", "pair", "range"]

    /// "these kind of" → "this kind of".
    func demonstrativeKindOf(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        let w = tokens[i].lower
        let next = tokens[i + 1]
        let nw = tokens[i + 1].lower
        let pairSpan = TextSpan(start: tokens[i].start, end: next.end)
        if ["kind", "sort", "type"].contains(nw), word(i + 2) == "of" {
            let fix = w == "these" ? "this" : "that"
            ctx.add("grammar.agreement", "'\(nw)' is singular: use '\(fix) \(nw)' or '\(w) \(nw)s'.", pairSpan, [matchCase("\(fix) \(nw)", like: tokens[i].text), "\(tokens[i].text) \(nw)s"])
        }
    }

    /// someone / a person + who + are: "a person who are".
    func whoAfterSingular(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        let prev = word(i - 1)
        if let v = word(i + 1), ["are", "were", "have", "don't", "aren't", "weren't", "haven't"].contains(v), let p = prev {
            let single = ["someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "person", "man", "woman", "child"].contains(p)
            if single, p == "person" || p == "man" || p == "woman" || p == "child" ? ["a", "an", "the", "one", "every", "each", "any"].contains(word(i - 2) ?? "") : true {
                let fix = ["are": "is", "were": "was", "have": "has", "don't": "doesn't", "aren't": "isn't", "weren't": "wasn't", "haven't": "hasn't"][v]!
                ctx.add("grammar.agreement", "'\(tokens[i - 1].text)' is singular: use 'who \(fix)'.", tokens[i + 1].span, [matchCase(fix, like: tokens[i + 1].text)])
            }
        }
    }

    /// A pronoun or plural subject and a verb that does not agree with it ("he go", "they was", "everyone are").
    func pronounAgreement(_ ctx: inout RuleContext, _ i: Int, _ trigger: AgreementTrigger) {
        let tokens = ctx.tokens
        let t = tokens[i]
        let w = t.lower
        let nt = tokens[i + 1]
        let nw = nt.lower
        let prevWord: String? = i > 0 && tokens[i - 1].kind == .word ? tokens[i - 1].lower : nil
        let span = TextSpan(start: t.start, end: nt.end)
        func agree(_ fix: String) {
            guard ctx.config.isEnabled("grammar.agreement") else { return }
            // "those is" guesses that the pronoun is the subject ("the aim for those is").
            if trigger == .theseThose {
                ctx.addHeuristic("grammar.agreement", "The verb does not agree with '\(t.text)': use '\(t.text) \(fix)'.", span,
                                 [t.text + " " + matchCase(fix, like: nt.text)])
                return
            }
            ctx.add("grammar.agreement", "The verb does not agree with '\(t.text)': use '\(t.text) \(fix)'.", span,
                    [t.text + " " + matchCase(fix, like: nt.text)])
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
            // "Each of these is", "the aim for those is": after a preposition the pronoun is its object, and the
            // verb's subject came before it.
            if !(prevWord.map { Self.objectPrepositions.contains($0) } ?? false), let fix = Self.fixAfterTheseThose[nw] {
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
        default: break
        }
    }

    /// Fixed phrases whose verb does not agree ("there is many").
    static let agreementPhraseRule = ("grammar.agreement", GrammarLists.agreementPhrases, "The verb does not agree with its subject: use '%r'.")
}

extension GrammarLists {
    /// Agreement patterns with a counted subject.
    static let agreementPhrases = PhraseTable("""
    there is many => there are many
    there are not anything => there is not anything | there is nothing
    there are nothing => there is nothing
    there is several => there are several
    there is few => there are few
    there is two => there are two
    there is three => there are three
    there is four => there are four
    there is five => there are five
    there is numerous => there are numerous
    there is lots => there are lots
    there is various => there are various
    there was many => there were many
    there was several => there were several
    there was few => there were few
    there was two => there were two
    there was three => there were three
    there was numerous => there were numerous
    there was lots => there were lots
    there was various => there were various
    there isn't many => there aren't many
    there wasn't many => there weren't many
    a lot of people is => a lot of people are
    one of the best thing => one of the best things
    one of my favorite thing => one of my favorite things
    each of them are => each of them is
    many person => many people
    several person => several people
    two person => two people
    this criteria => this criterion | these criteria
    a phenomena => a phenomenon | phenomena
    this phenomena => this phenomenon | these phenomena
    a bacteria => a bacterium | bacteria
    was been => was | has been
    were been => were | have been
    wasn't been => wasn't | hasn't been
    was not been => was not | has not been
    """)
}
