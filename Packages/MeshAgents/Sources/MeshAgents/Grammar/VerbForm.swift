import Foundation
import MeshProtocol
import MeshText

/// `grammar.verb-form` (the form after an auxiliary, "to", a modal or "let" + object; the present after a past
/// "when" clause; "more better") and `grammar.missing-verb` ("I afraid of the dark", "They success and").
extension GrammarSpecialist {
    static let beBase = WordDictionary<String>(["is": "be", "are": "be", "was": "be", "were": "be", "am": "be"])

    /// `Verbs.pastToParticiple` probed by the token's hash: "is" and "has" ask it for nearly every word after them.
    static let participleOfPast = WordMap(Verbs.pastToParticiple)

    static let pastAlsoNoun: Set<String> = ["lay", "saw", "rose", "fell", "bore", "wound", "ground", "found", "was", "were"]

    /// Adjectives that only stand after a verb ("I am afraid"), so a pronoun directly before them lacks one.
    static let predicateAdjectives: WordList = [
        "afraid", "aware", "glad", "sorry", "ready", "able", "unable", "happy", "sad", "hungry", "thirsty", "tired",
        "angry", "busy", "ill", "sick", "asleep", "awake", "alive", "interested", "worried", "scared", "excited",
        "bored", "proud", "fond", "keen", "jealous", "nervous", "lucky", "responsible", "upset", "confused",
        "disappointed", "satisfied", "surprised", "afraid", "ashamed", "embarrassed", "frightened", "pleased",
    ]

    static let beFor = WordDictionary<String>(["i": "am", "you": "are", "we": "are", "they": "are", "he": "is", "she": "is", "it": "is"])

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
        if !isModal, Self.participleAfterPrepositionTo(tokens, i) { return }
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

    /// Whether the "to" at `i` follows a word that takes an infinitive, past a "not" ("tried not to") or an object
    /// ("wants you to", "asked them to").
    static func infinitiveBefore(_ tokens: [Token], _ i: Int) -> Bool {
        var k = i - 1
        if k >= 0, ["not", "never", "also", "just", "only", "always", "really", "even"].contains(tokens[k].lower) { k -= 1 }
        guard k >= 0, tokens[k].kind == .word else { return false }
        if infinitiveLeaders.contains(tokens[k]) { return true }
        if k > 0, ["me", "you", "him", "her", "us", "them", "it", "everyone", "people", "others"].contains(tokens[k].lower) {
            return objectInfinitiveVerbs.contains(tokens[k - 1])
        }
        // "getting her father to": a verb, then an object with its possessive.
        guard k > 1, ["her", "his", "their", "my", "your", "our"].contains(tokens[k - 1].lower), tokens[k - 2].kind == .word else { return false }
        return objectInfinitiveVerbs.contains(tokens[k - 2]) || tokens[k - 2].lower.hasSuffix("ing")
    }

    static let objectInfinitiveVerbs: WordList = [
        "want", "wants", "wanted", "ask", "asks", "asked", "tell", "tells", "told", "allow", "allows", "allowed", "expect",
        "expects", "expected", "need", "needs", "needed", "help", "helps", "helped", "force", "forces", "forced", "cause",
        "causes", "caused", "enable", "enables", "enabled", "invite", "invites", "invited", "remind", "reminds", "reminded",
    ]

    /// Words after which "to" starts an infinitive rather than a prepositional phrase: verbs of wanting, trying and
    /// starting, "have to", "going to", "used to", and adjectives of ability and ease ("able to", "easy to").
    static let infinitiveLeaders: WordList = [
        "want", "wants", "wanted", "wanting", "need", "needs", "needed", "try", "tries", "tried", "trying", "have", "has", "had",
        "having", "going", "used", "order", "like", "likes", "liked", "love", "loves", "hope", "hopes", "hoped", "wish", "wishes",
        "plan", "plans", "planned", "decide", "decides", "decided", "seem", "seems", "seemed", "tend", "tends", "begin", "begins",
        "began", "start", "starts", "started", "continue", "continues", "learn", "learns", "learned", "forget", "forgot", "remember",
        "able", "unable", "easy", "hard", "difficult", "possible", "impossible", "ready", "free", "sure", "likely", "allowed",
        "supposed", "meant", "ought", "how", "what", "where", "when", "whether", "which", "who", "asked", "told", "expected",
        "agree", "agreed", "refuse", "refused", "promise", "promised", "manage", "managed", "fail", "failed", "choose", "chose",
        "would", "'d", "afraid", "glad", "happy", "sorry", "important", "necessary", "time", "way", "surprised", "pleased",
        "excited", "shocked", "amazed", "delighted", "disappointed", "relieved", "sad", "proud", "eager", "enough",
    ]

    /// "to learns" → "to learn".
    /// A plural noun after the preposition "to" looks the same ("maps keys to values of type V", "applies to
    /// types that ...", "from strings to numbers"): not when "of", "that", "like" ... follow, nor in "from … to".
    func thirdPersonAfterTo(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        let next = tokens[i + 1]
        let nw = tokens[i + 1].lower
        if let base = lex.pureVerbBase(ofThird: nw),
           // "to" starts an infinitive only after a word that takes one ("want to buys", "able to gets"); after a
           // noun, a participle ("tied to partitions", "referring to"), a past tense ("went to") or "up to" it is a
           // preposition, and a plural noun may follow: "access to files" (hunspell lists "file" and "partition" as
           // verbs only, so the word itself cannot tell).
           Self.infinitiveBefore(tokens, i),
           !Self.nounPhraseGoesOn(tokens, i + 2), !Self.fromBefore(tokens, i), !Self.comparedAfter(tokens, i + 2),
           // A title ("Publishing a Crate to Crates.io") or a noun ending its phrase ("specific to strings.").
           next.text.unicodeScalars.first.map(CharClass.isLower) == true, i + 2 < n, tokens[i + 2].kind == .word,
           !["into", "onto", "at", "on", "as", "by", "to", "than", "but", "when", "if", "because"].contains(tokens[i + 2].lower) {
            ctx.add("grammar.verb-form", "After 'to' use the base form of the verb: '\(base)'.", next.span, [matchCase(base, like: next.text)])
        }
    }

    /// A comparison made about the word before `k` ("packages older than", "files larger than"): a noun qualified
    /// by a comparative and "than", so the word before it is a noun, not a verb after "to".
    static func comparedAfter(_ tokens: [Token], _ k: Int) -> Bool {
        guard k + 1 < tokens.count, tokens[k].kind == .word, tokens[k + 1].lower == "than" else { return false }
        let w = tokens[k].lower
        return comparativeWords.contains(w) || (w.hasSuffix("er") && WordClasses.shared.classes(w)?.contains(.adjective) == true)
    }

    /// "paths to built artifacts", "links to paid plans": after a noun "to" is a preposition, and a form that is
    /// both past and participle ("built", not "went"), followed by a noun, is a participle used as an adjective.
    /// ("decided to built houses" has a verb before "to"; "want to bought new shoes" no noun after the form.)
    static func participleAfterPrepositionTo(_ tokens: [Token], _ i: Int) -> Bool {
        let lex = WordClasses.shared
        guard i > 0, i + 2 < tokens.count, tokens[i - 1].kind == .word, tokens[i + 2].kind == .word else { return false }
        let past = tokens[i + 1].lower, prev = tokens[i - 1].lower, next = tokens[i + 2].lower
        guard Verbs.pastToBase[past] != nil, Verbs.pastToParticiple[past] == nil else { return false }
        let nounBefore = lex.isPureNoun(prev) || lex.nounSingular(ofPlural: prev) != nil
        let nounAfter = lex.isNounOnly(next) || lex.nounSingular(ofPlural: next) != nil
        return nounBefore && nounAfter
    }

    /// Modal + third-person form ("can goes"), modal + "no" + verb ("could no hear").
    func thirdPersonAfterModal(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        let next = tokens[i + 1]
        let nw = tokens[i + 1].lower
        if let base = lex.pureVerbBase(ofThird: nw), Verbs.thirdToBase[nw] == nil {
            ctx.add("grammar.verb-form", "After '\(tokens[i].text)' use the base form of the verb: '\(base)'.", next.span, [matchCase(base, like: next.text)])
        } else if nw == "no", let v = word(i + 2), lex.isVerb(v), !lex.isPureNoun(v), !Self.objectStarters.contains(v), v != "one", v != "longer", v != "more", v != "doubt", v != "matter" {
            ctx.add("grammar.verb-form", "Did you mean 'not'?", next.span, [matchCase("not", like: next.text)])
        }
    }

    /// "did you forgot", "does he needs" → base form after do-support with a pronoun subject.
    func formAfterDoAndPronoun(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        let next = tokens[i + 1]
        let nw = tokens[i + 1].lower
        if ["i", "you", "he", "she", "it", "we", "they"].contains(nw), let v = word(i + 2) {
            let vt = tokens[i + 2]
            if let base = Verbs.pastToBase[v] ?? lex.pureVerbBase(ofThird: v), !Verbs.nounLike.contains(v), v != "was", v != "were",
               !(v.hasSuffix("ed") && false) {
                ctx.add("grammar.verb-form", "After '\(tokens[i].text) \(next.text)' use the base form: '\(base)'.", vt.span, [matchCase(base, like: vt.text)])
            } else if v.hasSuffix("ed"), let base = regularPastBase(v), lex.isPureVerb(base) {
                ctx.add("grammar.verb-form", "After '\(tokens[i].text) \(next.text)' use the base form: '\(base)'.", vt.span, [matchCase(base, like: vt.text)])
            }
        }
    }

    /// The verb form after do, a modal, "to", have, be or "more"/"most" ("did went", "has went", "more better").
    func verbFormAfterTrigger(_ ctx: inout RuleContext, _ i: Int, _ trigger: AgreementTrigger) {
        let tokens = ctx.tokens
        let t = tokens[i]
        let w = t.lower
        let nt = tokens[i + 1]
        let nw = nt.lower
        let prevWord: String? = i > 0 && tokens[i - 1].kind == .word ? tokens[i - 1].lower : nil
        let span = TextSpan(start: t.start, end: nt.end)
        func form(_ message: String, _ fix: String) {
            guard ctx.config.isEnabled("grammar.verb-form") else { return }
            ctx.add("grammar.verb-form", message, span, [t.text + " " + matchCase(fix, like: nt.text)])
        }
        switch trigger {
        case .doForm:
            if let base = Verbs.thirdToBase[nw] ?? Verbs.pastToBase[nw], !Verbs.nounLike.contains(nw), nw != "was", nw != "were" {
                form("After '\(t.text)' use the base form of the verb.", base)
            }
        case .modal:
            if w == "can" || w == "will", let pw = prevWord, ["a", "the", "this", "that", "his", "her", "my", "your", "free"].contains(pw) { break }
            // "The change from must to should is": a modal after a preposition or article, with a verb of its own
            // after it, is a word mentioned, not used.
            if let pw = prevWord, ["to", "from", "of", "the", "a", "an"].contains(pw), ["is", "was", "are", "were"].contains(nw) { break }
            if let base = Verbs.thirdToBase[nw] ?? Verbs.pastToBase[nw] ?? Self.beBase[nw],
               !Verbs.nounLike.contains(nw) {
                // "it can used by the next task": a participle and its agent is a passive with "be" left out.
                if Verbs.pastToBase[nw] != nil, i + 2 < tokens.count, tokens[i + 2].lower == "by", ctx.config.isEnabled("grammar.verb-form") {
                    ctx.add("grammar.verb-form", "After '\(t.text)' a participle needs 'be': '\(t.text) be \(nt.text)'.", span,
                            [t.text + " be " + nt.text, t.text + " " + matchCase(base, like: nt.text)])
                    break
                }
                form("After '\(t.text)' use the base form of the verb.", base)
                // "flag will has been deprecated since v0.53": the stray word may as well be the modal.
                if nw == "has" || nw == "had", i + 2 < tokens.count, tokens[i + 2].lower == "been", ctx.config.isEnabled("grammar.verb-form") {
                    ctx.findings[ctx.findings.count - 1].message = "After '\(t.text)' use the base form of the verb, or drop '\(t.text)'."
                    ctx.findings[ctx.findings.count - 1].replacements.append(matchCase(nt.text, like: t.text))
                }
            }
        case .to:
            if let base = Verbs.pastToBase[nw], Verbs.strongPast.contains(nw), !Self.participleAfterPrepositionTo(tokens, i) {
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
            if w == "more", let fix = GrammarLists.comparatives[nw], !(i > 0 && ["is", "was", "be", "one", "much", "many", "any", "no"].contains(tokens[i - 1].lower)) {
                form("'\(nt.text)' is already comparative: drop 'more'.", fix)
                if ctx.config.isEnabled("grammar.verb-form") {
                    ctx.findings[ctx.findings.count - 1].replacements = [matchCase(nt.text, like: t.text)]
                }
            } else if w == "most", GrammarLists.superlatives.contains(nw) {
                if ctx.config.isEnabled("grammar.verb-form") {
                    ctx.add("grammar.verb-form", "'\(nt.text)' is already superlative: drop 'most'.", span, [matchCase(nt.text, like: t.text)])
                }
            }
        default: break
        }
    }

    /// "let the product looks nice", "made him feels": after "make"/"let" and an object the verb takes its base form.
    func baseFormAfterObject(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        var k = i + 1
        if k < n, ["the", "a", "an", "this", "that", "my", "your", "his", "her", "our", "their", "its"].contains(tokens[k].lower) { k += 1 }
        guard k + 1 < n, tokens[k].kind == .word, tokens[k].text.unicodeScalars.first.map(CharClass.isLower) == true,
              Self.objectPronouns.contains(tokens[k]) || tokens[k].lower == "it" || (k > i + 1 && lex.isNounOnly(tokens[k].lower)),
              tokens[k + 1].kind == .word, let base = lex.pureVerbBase(ofThird: tokens[k + 1].lower) else { return }
        ctx.add("grammar.verb-form", "After '\(tokens[i].text) … \(tokens[k].text)' use the base form: '\(base)'.", tokens[k + 1].span,
                [matchCase(base, like: tokens[k + 1].text)])
    }
}
