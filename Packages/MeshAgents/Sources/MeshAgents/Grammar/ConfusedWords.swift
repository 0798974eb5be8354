import Foundation
import MeshProtocol
import MeshText

/// `grammar.confused-words`: its/it's, their/there, then/than, to/too, affect/effect ... told apart by context.
extension GrammarSpecialist {
    static let comparativeWords: WordList = [
        "more", "less", "fewer", "better", "worse", "rather", "larger", "smaller", "greater", "higher", "lower", "faster",
        "slower", "older", "younger", "bigger", "easier", "harder", "longer", "shorter", "cheaper", "earlier", "later",
        "stronger", "weaker", "richer", "poorer", "bigger", "smarter", "happier", "heavier", "lighter", "wider",
        "deeper", "closer", "further", "farther", "quicker", "simpler", "safer", "nicer", "cooler", "warmer", "colder",
    ]

    /// Verb forms written where the noun belongs ("a common complain", "my advise").
    static let verbForNoun: [String: String] = [
        "complain": "complaint", "complains": "complaints", "advise": "advice", "believe": "belief", "breathe": "breath",
        "choose": "choice", "prove": "proof", "succeed": "success", "respond": "response", "responds": "responses",
        "affect": "effect", "affects": "effects", "lose": "loss", "excel": "excellence",
    ]

    /// Nouns written where the verb belongs after a subject pronoun ("we advice you", "he beliefs").
    static let nounForVerb: [String: String] = [
        "advice": "advise", "belief": "believe", "beliefs": "believes", "proof": "prove", "complaint": "complain",
        "breath": "breathe", "loss": "lose", "choice": "choose", "success": "succeed", "response": "respond",
    ]

    static let timeWords: WordList = [
        "today", "tomorrow", "yesterday", "now", "again", "once", "anyway", "too", "yet", "tonight", "already", "first",
        "last", "before", "after", "either", "instead", "alone", "together", "all", "both", "every", "each",
    ]

    /// Every word `confusions` acts on: its switch's case labels and the noun/verb confusions of its default case.
    /// A label added to the switch must be added here too, or the filter skips it.
    static let confusionWords = WordFilter([
        "affect", "affects", "effect", "effects", "effected", "there", "here", "where", "were", "quiet", "quite", "lose",
        "said", "say", "says", "saying", "look", "looks", "looked", "looking",
    ] + Array(nounForVerb.keys) + Array(verbForNoun.keys))

    /// Confusions told apart by the word classes around them.
    /// Determiners that are also pronouns or adverbs: "that", "this" and "only" before "affect" may start a clause.
    static let pronounOrAdverbDeterminers: Set<String> = ["that", "this", "these", "those", "only", "first", "same", "of", "which", "some", "many", "several"]
    /// What follows a noun "affect"/"effect" and not the verb: "the affect of", "no affect on", "the affect is".
    static let effectNounFollowers: Set<String> = ["of", "on", "upon", "in", "for", "is", "was", "will", "would", "has", "had", "and", "or"]

    func confusions(_ ctx: inout RuleContext) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        func fix(_ k: Int, _ replacement: String, _ message: String) {
            ctx.add("grammar.confused-words", message, tokens[k].span, [matchCase(replacement, like: tokens[k].text)])
        }
        for i in 0..<n where tokens[i].kind == .word {
            let w = tokens[i].lower
            // The switch compares a word with its labels one by one; most words are none of them.
            guard Self.confusionWords.mayContain(hash: tokens[i].lowerHash) else { continue }
            let prev = word(i - 1)
            let next = word(i + 1)
            switch w {
            case "affect", "affects":
                // "the same affect", "take affect", "side affect", "cause and affect".
                if let p = prev, Self.determinersAndQuantifiers.contains(p) || ["take", "takes", "took", "taken", "taking", "side", "immediate",
                    "positive", "negative", "adverse", "desired", "undesired", "significant", "little", "great", "greatest", "big",
                    "profound", "lasting", "primary", "opposite", "cumulative", "net", "overall", "cause and", "and"].contains(p),
                   !(p == "and" && word(i - 2) != "cause"), !(p == "that" && next != nil && Self.objectStarters.contains(next!)) {
                    if p == "that" || p == "this" || p == "these" || p == "those", let nx = next, Self.objectStarters.contains(nx) || lex.isVerb(nx) { break }
                    // "changes only affect the way", "that affects you": an object follows, so it is the verb.
                    if let nx = next, Self.objectStarters.contains(nx) || ["you", "it", "me", "how", "what", "whether"].contains(nx) { break }
                    // After a word that may be a pronoun or adverb ("features that affect multiple parts", "this only
                    // affects summaries", "will only affect local builds") the noun needs a noun's neighbour after it:
                    // a preposition, a verb of its clause, or the end ("the affect of", "no affect.").
                    if Self.pronounOrAdverbDeterminers.contains(p), let nx = next, !Self.effectNounFollowers.contains(nx) { break }
                    // So is anything but a word or the clause's end after it: "only affects `volumeClaimTemplate`
                    // workspaces" (a code span), "this affects 3 pods".
                    if Self.pronounOrAdverbDeterminers.contains(p), next == nil, i + 1 < n,
                       !(tokens[i + 1].kind == .punct && ctx.text.token(i + 1, isOneOf: ".!?,;:)")) { break }
                    fix(i, w == "affect" ? "effect" : "effects", "Use the noun 'effect' here ('affect' is the verb).")
                }
            case "effect", "effects", "effected":
                // "shouldn't effect the baby", "adversely effect", "badly effected".
                let adverbs: Set<String> = ["adversely", "badly", "negatively", "positively", "greatly", "seriously", "directly",
                                            "significantly", "severely", "deeply", "strongly", "not", "also", "profoundly"]
                if let p = prev, Self.modals.contains(p) || adverbs.contains(p) || p.hasSuffix("n't") || p.hasSuffix("'ve"),
                   w == "effected" ? true : (next.map { Self.objectStarters.contains($0) || $0 == "you" || $0 == "how" } ?? false),
                   !(p == "not" && word(i - 2) == "to") {
                    fix(i, w == "effect" ? "affect" : w == "effects" ? "affects" : "affected", "Use the verb 'affect' here ('effect' is the noun).")
                }
            case "there":
                // "at there son", "loved there son" → "their".
                if let p = prev, Self.casePrepositions.contains(p) || (lex.isVerb(p) && !Verbs.auxiliaries.contains(p) && !ClarityLists.beForms.contains(p)),
                   let nx = next, !Self.timeWords.contains(nx), let f = lex.flags[nx], f.contains(.noun),
                   !ClarityLists.beForms.contains(nx), !Verbs.auxiliaries.contains(nx), !Self.modals.contains(nx),
                   !(word(i + 2).map { ClarityLists.beForms.contains($0) || Self.modals.contains($0) || $0 == "has" || $0 == "have" } ?? false),
                   tokens[i + 1].text.unicodeScalars.first.map(CharClass.isLower) == true, !["is", "are", "was", "were", "be", "get", "go", "come", "put", "stay", "live", "sit", "stand", "leave", "left", "went", "came"].contains(p) {
                    fix(i, "their", "Did you mean the possessive 'their'?")
                }
            case "here":
                // "to here from you", "can here you" → "hear".
                if let p = prev, p == "to" || Self.modals.contains(p) || p == "not" || p == "don't" || p == "didn't",
                   let nx = next, ["from", "that", "about", "you", "it", "them", "him", "her", "me", "us", "the", "what", "how"].contains(nx) {
                    if p == "to", let pp = word(i - 2), ["come", "came", "comes", "go", "went", "back", "way", "get", "got", "up", "down", "over", "moved", "here", "there", "from", "welcome", "close", "near", "next", "closer", "nearer", "due", "according"].contains(pp) { break }
                    fix(i, "hear", "Did you mean 'hear' (listen)?")
                }
            case "where":
                // "they where going" → "were"; "there where delays".
                if let p = prev, ["they", "we", "you"].contains(p) || (p == "there" && (i < 2 || tokens[i - 2].kind == .punct) && (next.map { lex.isVerb($0) || lex.flags[$0] != nil } ?? false)),
                   let nx = next, !Self.subjectPronouns.contains(nx), !["you", "it"].contains(nx), !(p == "there" && Self.objectStarters.contains(nx) && nx != "no" && nx != "many"),
                   !(i >= 2 && tokens[i - 2].kind == .word && ["know", "knew", "see", "saw", "wonder", "ask", "asked", "from", "to", "is", "was", "place", "back", "out", "here"].contains(tokens[i - 2].lower)),
                   // "tells you where visitors came from": "you" is a verb's object, and "where" opens a question.
                   !(p == "you" && i >= 2 && tokens[i - 2].kind == .word && (Verbs.thirdToBase[tokens[i - 2].lower] != nil || Verbs.pastToBase[tokens[i - 2].lower] != nil || lex.isVerb(tokens[i - 2].lower))) {
                    fix(i, "were", "Did you mean 'were' (the verb)?")
                }
            case "were":
                // "from were they came", "to were you came from" → "where".
                if let p = prev, ["from", "to", "back", "know", "is"].contains(p), let nx = next, Self.subjectPronouns.contains(nx) || nx == "you" || nx == "it" {
                    fix(i, "where", "Did you mean 'where' (the place)?")
                }
            case "quiet":
                if let nx = next, ["a", "an", "the"].contains(nx), prev != "the", prev != "a", prev != "in", word(i + 2) != "lot", word(i + 2) != "while" {
                    fix(i, "quite", "Did you mean 'quite' (fairly)?")
                }
            case "quite":
                if prev == "be" || prev == "keep" || prev == "kept" || prev == "stay" || prev == "stayed", i + 1 >= n || tokens[i + 1].kind == .punct {
                    fix(i, "quiet", "Did you mean 'quiet' (silent)?")
                }
            case "lose":
                if let p = prev, ["broke", "break", "breaks", "knocked", "cut", "let", "set", "came", "come", "turned", "shook", "hang", "hanging", "worked", "wriggled", "broken"].contains(p),
                   i + 1 >= n || tokens[i + 1].kind == .punct || ["from", "of", "on", "in", "and"].contains(next ?? "") {
                    fix(i, "loose", "Did you mean 'loose' (not tight, free)?")
                } else if prev == "the", word(i - 2) == "on" {
                    fix(i, "loose", "'On the loose' is spelt with 'loose'.")
                } else if prev == "a", word(i - 2) == "at" {
                    fix(i, "loss", "'At a loss' is spelt with 'loss'.")
                }
            case "said", "say", "says", "saying":
                if let nx = next, Self.objectPronouns.contains(nx), let after = word(i + 2), ["the", "that", "about", "a", "what", "how", "to", "why", "everything", "nothing", "something", "so", "it", "this"].contains(after) {
                    let tell = ["said": "told", "say": "tell", "says": "tells", "saying": "telling"][w]!
                    fix(i, tell, "Use 'tell' with a person as the object: '\(tell) \(nx)'.")
                }
            case "look", "looks", "looked", "looking":
                if let nx = next, nx == "tv" || nx == "television" {
                    let watch = ["look": "watch", "looks": "watches", "looked": "watched", "looking": "watching"][w]!
                    fix(i, watch, "Use 'watch' for television.")
                }
            default:
                guard Self.nounVerbWords.mayContain(w) else { break }
                if let verb = Self.nounForVerb[w], let p = prev, ["i", "we", "they", "you", "he", "she"].contains(p),
                   ["he", "she"].contains(p) == w.hasSuffix("s") || w == "loss",
                   let nx = next, ["that", "you", "him", "her", "them", "us", "me", "it", "the", "in", "to"].contains(nx) {
                    fix(i, verb, "Use the verb '\(verb)' here.")
                } else if let noun = Self.verbForNoun[w], let p = prev, Self.determinersAndQuantifiers.contains(p),
                          p != "to", i + 1 >= n || tokens[i + 1].kind == .punct || ["from", "of", "about", "on", "and", "is", "was", "that", "to", "for", "among", "in"].contains(next ?? ""),
                          !(p == "that" || p == "this" || p == "those" || p == "these"), !(w.hasSuffix("s") && (p == "a" || p == "an")) {
                    fix(i, noun, "Use the noun '\(noun)' here.")
                }
            }
        }
    }

    /// Verbs whose "to" names the state or value they end at ("set to", "evaluates to", "defaults to", "gets to").
    static let toResultVerbs: Set<String> = [
        "set", "sets", "setting", "evaluate", "evaluates", "evaluated", "get", "gets", "got", "default", "defaults", "defaulted",
        "change", "changes", "changed", "turn", "turns", "turned", "switch", "switches", "switched", "resolve", "resolves",
        "resolved", "convert", "converts", "converted", "go", "goes", "went", "return", "returns", "returned", "reset",
        "resets", "flip", "flips", "flipped", "toggle", "toggles", "toggled", "initialized", "initialised", "come", "comes",
        "back", "transition", "transitions", "transitioned", "move", "moves", "moved", "equal", "equals", "revert", "reverts",
    ]

    /// The word before "to" in phrases where "to" is always the preposition: "with regard to", "in addition to",
    /// "according to", "due to", "prior to", "similar to", "up to", "as to".
    static let prepositionalTo: WordList = [
        "regard", "respect", "addition", "relation", "reference", "according", "due", "prior", "contrary", "thanks", "owing",
        "similar", "related", "close", "next", "compared", "subject", "up", "response", "as", "opposed", "pertaining",
    ]

    /// Words that open a clause or a noun phrase after a comma ("to big, and", "to late, the train").
    static let clauseOpenersAfterComma: WordList = [
        "and", "but", "or", "nor", "so", "yet", "which", "that", "because", "as", "if", "when", "then", "though",
        "although", "while", "since", "unless", "the", "a", "an", "this", "these", "those", "it", "its", "we", "you",
        "they", "he", "she", "i", "there", "please", "not", "too",
    ]

    /// "looks to pretty", "it is to expensive.": "to" before an adjective that ends the phrase means "too".
    func toForToo(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        guard tokens[i].lower == "to", i + 1 < n, tokens[i + 1].kind == .word, i > 0, tokens[i - 1].kind == .word else { return }
        let adj = tokens[i + 1].lower
        // "evaluates to false", "set to true", "get to healthy": a verb of setting or change and the value it ends at.
        guard !Self.toResultVerbs.contains(tokens[i - 1].lower), !["true", "false", "null", "nil", "empty", "zero"].contains(adj) else { return }
        // "with regard to sensitive and secret data", "due to heavy load": the end of a prepositional phrase, whose
        // noun comes after the adjective.
        guard !Self.prepositionalTo.contains(tokens[i - 1]) else { return }
        guard WordClasses.shared.isPureAdjective(adj), !Self.comparativeWords.contains(adj),
              i + 2 >= n || [".", ",", "!", "?", ";"].contains(tokens[i + 2].text) || ["to", "for", "and", "that"].contains(tokens[i + 2].lower) else { return }
        // "to different, independent Queriers": adjectives in a row before their noun (a comma, then a word that
        // opens no clause and the noun).
        if i + 4 < n, tokens[i + 2].text == ",", tokens[i + 3].kind == .word, tokens[i + 4].kind == .word,
           !Self.clauseOpenersAfterComma.contains(tokens[i + 3]) { return }
        // "from rich to poor", "changed from green to red": a range, not "too".
        var k = i - 1
        while k >= 0, i - k <= 6, tokens[k].kind == .word {
            if tokens[k].lower == "from" || tokens[k].lower == "between" { return }
            k -= 1
        }
        ctx.add("grammar.confused-words", "Did you mean 'too' (excessively)?", tokens[i].span, [matchCase("too", like: tokens[i].text)])
    }

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

    /// "a good time in or country" → "our": "or" right after a preposition and before a noun. ("in or out",
    /// "with or without" join two prepositions.)
    func orForOur(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        guard i > 0, i + 1 < tokens.count, tokens[i - 1].kind == .word, tokens[i + 1].kind == .word,
              Self.casePrepositions.contains(tokens[i - 1].lower) || ["in", "for"].contains(tokens[i - 1].lower),
              tokens[i + 1].text.unicodeScalars.first.map(CharClass.isLower) == true else { return }
        let next = tokens[i + 1].lower
        // "equal to or less than", "expert on or something": "or" joining two phrases, with a word that cannot follow
        // "our" (a comparative, an indefinite pronoun).
        guard !["less", "more", "greater", "fewer", "something", "anything", "everything", "nothing", "someone", "anyone"].contains(next) else { return }
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

    static let itsPrepositions: WordList = [
        "of", "for", "from", "about", "with", "by", "in", "on", "into", "onto", "amid", "alongside", "all", "through",
        "under", "over", "without", "within", "towards", "toward", "against", "across", "behind", "beyond", "despite",
        "during", "upon", "among", "throughout", "at", "near", "inside", "outside",
    ]

    /// Words that open a verb phrase or a clause: after "its" they show the contraction "it's".
    static let itsContractionNext: WordList = [
        "a", "an", "the", "not", "been", "so", "very", "too", "just", "also", "gonna", "ok", "okay", "his", "her",
        "my", "your", "our", "their", "where", "what", "who", "when", "how", "this", "these", "those", "because",
        "still", "already", "always", "never", "really", "quite", "getting", "going", "like", "no", "all", "only",
    ]

    /// Nouns that follow "it's" as a predicate ("it's fun", "it's time"): not a possessive slip.
    static let itsPredicateNouns: WordList = [
        "time", "fun", "nonsense", "noon", "midnight", "bedtime", "lunchtime", "dinnertime", "teatime", "morning",
        "evening", "night", "today", "tomorrow", "yesterday", "chaos", "magic", "rubbish", "trouble", "history",
        "news", "luck", "heaven", "hell", "home", "art", "science", "business", "me", "mine", "yours", "ours",
        "theirs", "hers", "his", "nothing", "everything", "something", "anything", "somewhere", "nowhere",
        "worth", "autumn", "spring", "summer", "winter", "fall", "weekend", "christmas", "over", "war",
    ]

    /// Closed-class and number words hunspell also lists as nouns.
    static let itsNotNouns: WordList = [
        "in", "on", "up", "out", "off", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "hours", "days", "weeks",
        "months", "years", "minutes", "seconds", "ages", "times", "miles", "degrees", "lots", "tons", "thanks",
    ]

    /// Verbs that take a clause, so "its" after them may be the contraction ("I think its going to rain").
    static let clauseVerbs: WordList = [
        "think", "thought", "thinks", "guess", "know", "knew", "knows", "say", "said", "says", "hope", "hoped", "believe",
        "believed", "suppose", "feel", "felt", "bet", "mean", "reckon", "seems", "seem", "seemed", "sure", "realize",
        "realise", "see", "saw", "hear", "heard", "tell", "told", "because", "since", "and", "but", "so", "when", "if",
    ]

    static let itsFiniteVerbs: WordList = [
        "is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "should", "may", "might",
        "must", "does", "did", "seems", "looks", "makes", "remains",
    ]

    func itsConfusions(_ ctx: inout RuleContext) {
        let tokens = ctx.tokens
        let already = Set(ctx.findings.filter { $0.rule == "grammar.confused-words" }.map(\.span.start))
        let n = tokens.count
        let lex = WordClasses.shared
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        for i in 0..<n where tokens[i].kind == .word {
            let raw = tokens[i].lower
            guard raw.utf8.first == UInt8(ascii: "i"), raw.utf8.count >= 3, raw.utf8.count <= 6 else { continue }
            guard !already.contains(tokens[i].start) else { continue }
            let w = straightApostrophes(raw)
            guard w == "it's" || w == "its" else { continue }
            guard let next = word(i + 1), !tokens[i + 1].text.unicodeScalars.first!.properties.isUppercase || next == "ok" else { continue }
            let prev = word(i - 1)
            if w == "it's" {
                // The possessive: before a plural noun ("it's eyes"), or a singular one where a clause cannot
                // follow: after a preposition ("due to it's nature") or before a verb ("it's door is").
                // ("as" is left out: "as it's undesirable", "as it's what we need" read "because it is".)
                let prepBefore = prev.map { Self.itsPrepositions.contains($0) || $0 == "to" } ?? false
                func nounAt(_ k: Int) -> (plural: Bool, singular: Bool) {
                    guard let x = word(k), !Self.itsPredicateNouns.contains(x), !Self.itsNotNouns.contains(x),
                          !x.hasSuffix("ing"), x.utf8.count > 2 else { return (false, false) }
                    let f = lex.classes(x)
                    let singular = f.map { $0.contains(.noun) && !$0.contains(.adjective) } ?? false
                    var plural = false
                    if f == nil, x.utf8.count >= 4, x.hasSuffix("s"), !x.hasSuffix("ss") {
                        for stem in [String(x.dropLast()), String(x.dropLast(2)), String(x.dropLast(3)) + "y"] {
                            if let g = lex.classes(stem), g.contains(.noun), g.contains(.plural), !g.contains(.adjective) { plural = true; break }
                        }
                    }
                    // "it's eyes that matter": a cleft sentence.
                    if plural, let after = word(k + 1), ["that", "who", "which"].contains(after) { plural = false }
                    return (plural, singular)
                }
                func singularFits(_ k: Int) -> Bool {
                    if prepBefore { return true }
                    if let after = word(k + 1), Self.itsFiniteVerbs.contains(after) { return true }
                    return false
                }
                var possessive = false
                let first = nounAt(i + 1)
                if first.plural || first.singular && singularFits(i + 1) { possessive = true }
                // "It's purpose is", "it's name was": "it is" + one word + a finite verb cannot be a clause, whatever
                // else the dictionary says the word is (hunspell marks "purpose" and "name" adjectives too).
                else if let after = word(i + 2), Self.itsFiniteVerbs.contains(after), lex.classes(next) != nil,
                        !Self.itsPredicateNouns.contains(next), !Self.itsNotNouns.contains(next), !Self.itsContractionNext.contains(next),
                        !next.hasSuffix("ing"), !next.hasSuffix("ly"), !next.hasSuffix("ed"), !lex.isPureAdjective(next) {
                    possessive = true
                }
                else if lex.isPureAdjective(next) || next.hasSuffix("est") || tokens[i + 1].kind == .number {
                    let second = nounAt(i + 2)
                    if second.plural || second.singular && singularFits(i + 2) { possessive = true }
                }
                if possessive {
                    ctx.add("grammar.confused-words", "Did you mean 'its' (belonging to it)? 'it's' means 'it is'.", tokens[i].span,
                            [matchCase("its", like: tokens[i].text)])
                }
            } else {
                var contraction = Self.itsContractionNext.contains(next)
                // "its removing", "its going": an -ing form that the dictionary only knows as a verb.
                if !contraction, next.hasSuffix("ing"), next.utf8.count > 5, lex.classes(next) == nil {
                    let stem = String(next.dropLast(3))
                    if lex.isPureVerb(stem) || lex.isPureVerb(stem + "e") { contraction = true }
                    // "performs its parsing", "stopped its loading": after a verb that takes an object, "its" is that
                    // object's possessive; verbs that take a clause ("I think its going") are the exception.
                    if contraction, let prev, !Self.clauseVerbs.contains(prev),
                       Verbs.thirdToBase[prev] != nil || Verbs.pastToBase[prev] != nil || lex.isVerb(prev) || prev.hasSuffix("s") && lex.isVerb(String(prev.dropLast())) {
                        contraction = false
                    }
                    // "its encoding will be composed of", "its parsing is slow": an -ing form before a finite verb
                    // is a noun, the subject that "its" belongs to ("it's going is" is no sentence).
                    if contraction, i + 2 < n, Self.itsFiniteVerbs.contains(tokens[i + 2]) { contraction = false }
                }
                // "its difficult to", "its better for": a pure adjective ending the phrase.
                if !contraction, lex.isPureAdjective(next) || ["better", "worse", "ok", "okay"].contains(next) {
                    let n2 = word(i + 2)
                    let ends = n2 == nil && (i + 2 >= n || tokens[i + 2].kind == .punct)
                    let afterVerb = prev.map { !Self.clauseVerbs.contains($0) && (Verbs.thirdToBase[$0] != nil || Verbs.pastToBase[$0] != nil || lex.isVerb($0)) } ?? false
                    if !afterVerb, ends || (n2 != nil && ["to", "for", "that", "and", "because", "when", "if", "enough", "than", "but", "now"].contains(n2!)) {
                        contraction = true
                    }
                }
                // "its rightly said, ...", "its widely known that": an adverb and a participle that end the phrase
                // make a passive clause ("it is said"); before a noun ("its widely used API") they are the possessive's.
                if !contraction, next.hasSuffix("ly"), next.utf8.count > 4, let part = word(i + 2),
                   part.hasSuffix("ed") || Verbs.pastToBase[part] != nil || ["known", "said", "done", "seen", "given", "thought"].contains(part),
                   i + 3 >= n || tokens[i + 3].kind == .punct || ["that", "to", "by"].contains(word(i + 3) ?? "") {
                    contraction = true
                }
                // "its only argument", "its only user": "only" before a noun belongs to the possessive ("it's only a
                // test" has a determiner or adjective after "only").
                if contraction, next == "only", let n2 = word(i + 2), lex.isNounOnly(n2) || lex.pureNounSingular(ofPlural: n2) != nil { contraction = false }
                // "to its going out of business", "from its too short shirt": after a preposition it is the possessive.
                if contraction, let prev, Self.itsPrepositions.contains(prev) || ["the", "a", "an", "to"].contains(prev) { contraction = false }
                if contraction {
                    ctx.add("grammar.confused-words", "Did you mean 'it's' (it is)? 'its' means 'belonging to it'.", tokens[i].span,
                            [matchCase("it's", like: tokens[i].text)])
                }
            }
        }
    }

    /// Comparative … "then" → "than".
    func thenAfterComparative(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        if i > 0, !(i + 1 < n && tokens[i + 1].kind == .punct) {
            var k = i - 1
            var steps = 0
            var found = false
            while k >= 0, steps < 6, tokens[k].kind == .word || tokens[k].kind == .number {
                if Self.comparativeWords.contains(tokens[k]) { found = true; break }
                k -= 1
                steps += 1
            }
            // "make simpler then go for it": "then" before a verb's base form opens the next clause.
            let clauseAfter = i + 1 < n && tokens[i + 1].kind == .word && WordClasses.shared.isVerb(tokens[i + 1].lower)
            // "If … you can still see older blocks from the bucket UI then that's the case": after an "if" clause, a
            // "then" some words past the comparison opens the consequence.
            var conditional = false
            if found, steps >= 3 {
                var j = k - 1
                while j >= 0, k - j <= 30, ![".", "!", "?", ";", ":"].contains(tokens[j].text) {
                    if ["if", "when", "whenever", "once"].contains(tokens[j].lower) { conditional = true; break }
                    j -= 1
                }
            }
            if found, !clauseAfter, !conditional, !["and", "but", "since", "if", "when", "until", "just"].contains(tokens[i - 1].lower) {
                ctx.add("grammar.confused-words", "After a comparison use 'than'.", tokens[i].span, [matchCase("than", like: tokens[i].text)])
            }
        }
    }

    /// Confusions a phrase gives away ("could of", "loose the game").
    static let confusedPhraseRule = ("grammar.confused-words", GrammarLists.confused, "Did you mean '%r'?")
}

extension GrammarLists {
    /// Confused words, in contexts that give them away. `## start` matches at a sentence start only.
    static let confused = PhraseTable("""
    its a => it's a
    its an => it's an
    its not => it's not
    its been => it's been
    its very => it's very
    its so => it's so
    its just => it's just
    its important => it's important
    its possible => it's possible
    its impossible => it's impossible
    its hard => it's hard
    its easy => it's easy
    its true => it's true
    its raining => it's raining
    its okay => it's okay
    its ok => it's ok
    its always => it's always
    its never => it's never
    its really => it's really
    its about time => it's about time
    it's own => its own
    it's self => itself
    on it's => on its
    of it's => of its
    in it's => in its
    by it's => by its
    with it's => with its
    for it's => for its
    from it's => from its
    into it's => into its
    at it's => at its
    your welcome => you're welcome
    your an => you're an
    your not => you're not
    your in a => you're in a
    your in the => you're in the
    your on the => you're on the
    your at the => you're at the
    somethings => some things | something
    your going => you're going
    your wrong => you're wrong
    your so => you're so
    your very => you're very
    your too => you're too
    your sure => you're sure
    your probably => you're probably
    your just => you're just
    your really => you're really
    your getting => you're getting
    your making => you're making
    your trying => you're trying
    your doing => you're doing
    your always => you're always
    your still => you're still
    your able => you're able
    your gonna => you're gonna
    you're own => your own
    of you're => of your
    in you're => in your
    with you're => with your
    for you're => for your
    on you're => on your
    from you're => from your
    their is => there is
    their are => there are
    their was => there was
    their were => there were
    their will be => there will be
    their has been => there has been
    their have been => there have been
    their going => they're going
    their not => they're not
    there own => their own
    there house => their house
    there home => their home
    there homes => their homes
    there car => their car
    there parents => their parents
    there friends => their friends
    there family => their family
    there families => their families
    there children => their children
    there kids => their kids
    there lives => their lives
    there jobs => their jobs
    there names => their names
    there favorite => their favorite
    there favourite => their favourite
    there opinion => their opinion
    there opinions => their opinions
    there ideas => their ideas
    there problems => their problems
    there fault => their fault
    there country => their country
    there teacher => their teacher
    there going to => they're going to
    they're own => their own
    more then => more than
    less then => less than
    better then => better than
    worse then => worse than
    rather then => rather than
    other then => other than
    greater then => greater than
    larger then => larger than
    smaller then => smaller than
    bigger then => bigger than
    higher then => higher than
    lower then => lower than
    faster then => faster than
    slower then => slower than
    fewer then => fewer than
    older then => older than
    younger then => younger than
    longer then => longer than
    shorter then => shorter than
    easier then => easier than
    harder then => harder than
    cheaper then => cheaper than
    stronger then => stronger than
    further then => further than
    happier then => happier than
    smarter then => smarter than
    and than => and then
    since than => since then
    until than => until then
    till than => till then
    back than => back then
    just than => just then
    even than => even then
    than , => then , ## start
    side affect => side effect
    side affects => side effects
    an affect => an effect
    no affect => no effect
    any affect => any effect
    great affect => great effect
    big affect => big effect
    huge affect => huge effect
    little affect => little effect
    positive affect on => positive effect on
    negative affect on => negative effect on
    the affect of => the effect of
    the affects of => the effects of
    an affect on => an effect on
    fell afraid => feel afraid
    fell happy => feel happy
    fell sad => feel sad
    fell lonely => feel lonely
    fell comfortable => feel comfortable
    fell better => feel better
    fell bad => feel bad
    fell good => feel good
    fell nervous => feel nervous
    fell proud => feel proud
    fell safe => feel safe
    costumer => customer
    costumers => customers
    extra curricular => extracurricular
    can affect on => can affect
    could affect on => could affect
    will affect on => will affect
    would affect on => would affect
    may affect on => may affect
    might affect on => might affect
    to affect on => to affect
    in affect => in effect
    into affect => into effect
    will effect => will affect
    would effect => would affect
    can effect => can affect
    could effect => could affect
    may effect => may affect
    might effect => might affect
    not effect => not affect
    does effect => does affect
    did effect => did affect
    effected by => affected by
    be effected => be affected
    is effected => is affected
    are effected => are affected
    was effected => was affected
    were effected => were affected
    been effected => been affected
    to loose => to lose
    will loose => will lose
    would loose => would lose
    can loose => can lose
    could loose => could lose
    might loose => might lose
    may loose => may lose
    don't loose => don't lose
    didn't loose => didn't lose
    loose weight => lose weight
    loosing => losing
    could of => could have
    would of => would have
    should of => should have
    must of => must have
    might of => might have
    couldn't of => couldn't have
    wouldn't of => wouldn't have
    shouldn't of => shouldn't have
    alot => a lot
    aswell => as well
    inorder to => in order to
    eventhough => even though
    everytime => every time
    infact => in fact
    eachother => each other
    noone => no one
    atleast => at least
    incase => in case
    alright => all right
    thankyou => thank you
    is suppose to => is supposed to
    are suppose to => are supposed to
    was suppose to => was supposed to
    were suppose to => were supposed to
    am suppose to => am supposed to
    i use to => I used to
    we use to => we used to
    they use to => they used to
    he use to => he used to
    she use to => she used to
    weather or not => whether or not
    can here => can hear
    could here => could hear
    cannot here => cannot hear
    can't here => can't hear
    hear is => here is
    hear are => here are
    over hear => over here
    come hear => come here
    an advise => an advice | a piece of advice
    some advise => some advice
    good advise => good advice
    my advise => my advice
    your advise => your advice
    to advice => to advise
    will advice => will advise
    take a breathe => take a breath
    deep breathe => deep breath
    to breath => to breathe
    can't breath => can't breathe
    cannot breath => cannot breathe
    to chose => to choose
    will chose => will choose
    can chose => can choose
    has lead => has led
    was lead by => was led by
    were lead by => were led by
    it dose => it does
    dose not => does not
    way to much => way too much
    way to many => way too many
    me to . => me too .
    less people => fewer people
    less things => fewer things
    less mistakes => fewer mistakes
    less errors => fewer errors
    less problems => fewer problems
    less options => fewer options
    less students => fewer students
    less cars => fewer cars
    less calories => fewer calories
    less items => fewer items
    less words => fewer words
    amount of people => number of people
    amount of times => number of times
    amount of things => number of things
    much people => many people
    much friends => many friends
    much things => many things
    much problems => many problems
    many money => much money
    many information => much information
    an other => another
    a another => another
    whose going => who's going
    who's car => whose car
    lets go => let's go ## start
    lets see => let's see ## start
    lets try => let's try ## start
    lets start => let's start ## start
    lets get => let's get ## start
    lets make => let's make ## start
    lets talk => let's talk ## start
    lets have => let's have ## start
    lets take => let's take ## start
    lets do => let's do ## start
    then ever => than ever
    then expected => than expected
    then usual => than usual
    then before => than before
    where as => whereas
    every body => everybody
    any body => anybody
    some body => somebody
    every thing => everything
    some thing => something
    it self => itself
    them self => themselves
    themself => themselves
    theirselves => themselves
    hisself => himself
    ourself => ourselves
    there's many => there are many
    there's several => there are several
    there's lots => there are lots
    there's two => there are two
    there's three => there are three
    and so one . => and so on.
    and so one , => and so on,
    and so one ) => and so on)
    i thin you => I think you
    i thin we => I think we
    i thin they => I think they
    i thin he => I think he
    i thin she => I think she
    i thin so => I think so
    i thing => I think
    we thing => we think
    they thing => they think
    i thin that => I think that
    as follow . => as follows.
    as follow : => as follows:
    miss understand => misunderstand
    miss understood => misunderstood
    miss understanding => misunderstanding
    miss used => misused
    miss spelled => misspelled
    miss spelt => misspelt
    miss lead => mislead
    miss leading => misleading
    without out => without
    some what => somewhat
    all be it => albeit
    lot's of => lots of
    a lot's => a lot
    for along time => for a long time
    along time ago => a long time ago
    last but not last => last but not least
    all over the word => all over the world
    word war => world war
    feel tree to => feel free to
    tot he => to the
    doe snot => does not
    one ore more => one or more
    ore more => or more
    came throw the => came through the
    went throw the => went through the
    walked throw the => walked through the
    through away => throw away
    a know => a known
    look ate => look at
    looked ate => looked at
    looking ate => looking at
    beat regards => best regards
    to being with => to begin with
    tank you => thank you
    i've go to => I've got to
    you've go to => you've got to
    we've go to => we've got to
    humans beings => human beings
    human's beings => human beings
    my be => may be
    is should => it should
    is would => it would
    is could => it could
    is was => it was
    is wasn't => it wasn't
    your should => you should
    your would => you would
    your could => you could
    your can => you can
    your must => you must
    your might => you might
    i wont => I won't
    we wont => we won't
    you wont => you won't
    they wont => they won't
    it wont => it won't
    vary much => very much
    vary well => very well
    vary good => very good
    vary happy => very happy
    vary important => very important
    vary nice => very nice
    once and a while => once in a while
    in the mean time => in the meantime
    on accident => by accident
    what ca i => what can I
    i ca => I can
    you ca => you can
    we ca => we can
    they ca => they can
    should of been => should have been
    to what extend => to what extent
    to some extend => to some extent
    to a great extend => to a great extent
    to a large extend => to a large extent
    to a certain extend => to a certain extent
    to the extend that => to the extent that
    to the fullest extend => to the fullest extent
    of coarse => of course
    office stationary => office stationery
    stationary cupboard => stationery cupboard
    stationary shop => stationery shop
    an alter boy => an altar boy
    at the alter => at the altar
    the route of the problem => the root of the problem
    the route cause => the root cause
    route cause => root cause
    authorized personal => authorized personnel
    authorised personal => authorised personnel
    director of personal => director of personnel
    not save to => not safe to
    feel save => feel safe
    feels save => feels safe
    felt save => felt safe
    is it save => is it safe
    save and sound => safe and sound
    hell be => he'll be
    shell be => she'll be
    wed better => we'd better
    wed like => we'd like
    wed love => we'd love
    baring in mind => bearing in mind
    bare in mind => bear in mind
    piece of mind => peace of mind
    the route of the => the root of the
    the routes of the => the roots of the
    their might be => there might be
    their may be => there may be
    their must be => there must be
    their could be => there could be
    their should be => there should be
    they're is => there is
    they're was => there was
    they're are => there are
    for all intense purposes => for all intents and purposes
    to all intensive and purposes => to all intents and purposes
    to all intense and purposes => to all intents and purposes
    around the alter => around the altar
    to the alter => to the altar
    before the alter => before the altar
    the rational for => the rationale for
    the rational behind => the rationale behind
    in vacation => on vacation
    at vacation => on vacation
    error massage => error message
    text massage => text message
    send a massage => send a message
    sent a massage => sent a message
    # minuets => # minutes
    ten minuets => ten minutes
    five minuets => five minutes
    corral reef => coral reef
    corral reefs => coral reefs
    side-affect => side effect
    side-affects => side effects
    after super => after supper
    just desserts => just deserts
    set a precedence => set a precedent
    zero-sum gain => zero-sum game
    with the flew => with the flu
    have the flew => have the flu
    had the flew => had the flu
    got the flew => got the flu
    marriage anniversary => wedding anniversary
    blessing in the skies => blessing in disguise
    walked passed => walked past
    drove passed => drove past
    ran passed => ran past
    went passed => went past
    in the passed => in the past
    at the hard of => at the heart of
    hardly await => hardly wait
    await until => wait until
    that being sad => that being said
    quiet sure => quite sure
    quiet a few => quite a few
    quiet often => quite often
    of cause => of course ## start
    the extend of => the extent of
    to the extend => to the extent
    totem poll => totem pole
    telephone poll => telephone pole
    opinion pole => opinion poll
    i herd => I heard
    we herd => we heard
    you herd => you heard
    they herd => they heard
    have herd => have heard
    had herd => had heard
    another words => in other words
    egg yoke => egg yolk
    egg yokes => egg yolks
    et all => et al.
    brake up => break up
    airplane hangers => airplane hangars
    airplane hanger => airplane hangar
    aircraft hanger => aircraft hangar
    law suit => lawsuit
    law suits => lawsuits
    adopt to the => adapt to the
    adopt to a => adapt to a
    adopt to an => adapt to an
    adopt to new => adapt to new
    adopt to their => adapt to their
    adopt to its => adapt to its
    adopt to your => adapt to your
    adopt to our => adapt to our
    adopt to this => adapt to this
    adopt to these => adapt to these
    adopt to changing => adapt to changing
    adopt to different => adapt to different
    adopt to changes => adapt to changes
    ally concern => allay concern
    ally concerns => allay concerns
    ally fears => allay fears
    ally your fears => allay your fears
    addicting drug => addictive drug
    on behave of => on behalf of
    in behave of => in behalf of
    witch one => which one
    witch way => which way
    wildly accepted => widely accepted
    wildly used => widely used
    wildly available => widely available
    wildly known => widely known
    a through discussion => a thorough discussion
    a through investigation => a thorough investigation
    a through review => a thorough review
    a through examination => a thorough examination
    a through analysis => a thorough analysis
    a through understanding => a thorough understanding
    wandering if => wondering if
    wandering whether => wondering whether
    wandering why => wondering why
    wander if => wonder if
    wander whether => wonder whether
    wander why => wonder why
    on the positive site => on the positive side
    on the negative site => on the negative side
    on the bright site => on the bright side
    on the other site => on the other side
    construction side => construction site
    it seams => it seems
    seams to be => seems to be
    seams like => seems like
    ease off use => ease of use
    some tome => some time
    no tome => no time
    more tome => more time
    masters degree => master's degree
    bachelors degree => bachelor's degree
    masters thesis => master's thesis
    masters dissertation => master's dissertation
    masters program => master's program
    bachelors thesis => bachelor's thesis
    the some => the same | some
    kind if => kind of
    analysis if => analysis of
    heard off => heard of
    know off => know of
    think off => think of
    instead off => instead of
    because off => because of
    word war ii => World War II
    word war i => World War I
    beat wishes => best wishes
    tanks to => thanks to
    nail on the hat => nail on the head
    of the shelf => off the shelf
    opening seen => opening scene
    at see => at sea | at seeing
    read though => read through
    going though => going through
    go though => go through
    went though => went through
    get though => get through
    got though => got through
    pass though => pass through
    today morning => this morning
    today afternoon => this afternoon
    today evening => this evening
    today night => tonight
    yesterday night => last night
    an exception of => an exception to
    can able to => can | am able to
    could able to => could | was able to
    according about => according to
    according for => according to
    according of => according to
    despite of => despite | in spite of
    in stead of => instead of
    whose coming => who's coming
    whose been => who's been
    whose there => who's there
    the whether => the weather
    whether forecast => weather forecast
    come in car => come by car
    come in bus => come by bus
    come in train => come by train
    come in plane => come by plane
    come in taxi => come by taxi
    come in bike => come by bike
    come in bicycle => come by bicycle
    comes in car => comes by car
    comes in bus => comes by bus
    comes in train => comes by train
    comes in plane => comes by plane
    comes in taxi => comes by taxi
    comes in bike => comes by bike
    comes in bicycle => comes by bicycle
    came in car => came by car
    came in bus => came by bus
    came in train => came by train
    came in plane => came by plane
    came in taxi => came by taxi
    came in bike => came by bike
    came in bicycle => came by bicycle
    go in car => go by car
    go in bus => go by bus
    go in train => go by train
    go in plane => go by plane
    go in taxi => go by taxi
    go in bike => go by bike
    go in bicycle => go by bicycle
    goes in car => goes by car
    goes in bus => goes by bus
    goes in train => goes by train
    goes in plane => goes by plane
    goes in taxi => goes by taxi
    goes in bike => goes by bike
    goes in bicycle => goes by bicycle
    went in car => went by car
    went in bus => went by bus
    went in train => went by train
    went in plane => went by plane
    went in taxi => went by taxi
    went in bike => went by bike
    went in bicycle => went by bicycle
    travel in car => travel by car
    travel in bus => travel by bus
    travel in train => travel by train
    travel in plane => travel by plane
    travel in taxi => travel by taxi
    travel in bike => travel by bike
    travel in bicycle => travel by bicycle
    travels in car => travels by car
    travels in bus => travels by bus
    travels in train => travels by train
    travels in plane => travels by plane
    travels in taxi => travels by taxi
    travels in bike => travels by bike
    travels in bicycle => travels by bicycle
    travelled in car => travelled by car
    travelled in bus => travelled by bus
    travelled in train => travelled by train
    travelled in plane => travelled by plane
    travelled in taxi => travelled by taxi
    travelled in bike => travelled by bike
    travelled in bicycle => travelled by bicycle
    traveled in car => traveled by car
    traveled in bus => traveled by bus
    traveled in train => traveled by train
    traveled in plane => traveled by plane
    traveled in taxi => traveled by taxi
    traveled in bike => traveled by bike
    traveled in bicycle => traveled by bicycle
    get in car => get by car
    get in bus => get by bus
    get in train => get by train
    get in plane => get by plane
    get in taxi => get by taxi
    get in bike => get by bike
    get in bicycle => get by bicycle
    gets in car => gets by car
    gets in bus => gets by bus
    gets in train => gets by train
    gets in plane => gets by plane
    gets in taxi => gets by taxi
    gets in bike => gets by bike
    gets in bicycle => gets by bicycle
    got in car => got by car
    got in bus => got by bus
    got in train => got by train
    got in plane => got by plane
    got in taxi => got by taxi
    got in bike => got by bike
    got in bicycle => got by bicycle
    """)
}
