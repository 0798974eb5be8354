import Foundation
import MeshProtocol
import MeshText

/// Word classes read from hunspell's `en_US.dic` affix flags, so the grammar patterns know far more verbs and
/// nouns than a hand list: `G` (-ing) or `D` (-ed) marks a verb, `M` (possessive) a noun. A verb with no `M`
/// flag is a "pure" verb ("learn", "know"), a noun with no verb flags a "pure" noun ("milestone"); only pure
/// words are trusted where a noun/verb ambiguity would cause false alarms.
struct WordClasses: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let verb = Flags(rawValue: 1)
        static let noun = Flags(rawValue: 2)
        static let plural = Flags(rawValue: 4) // takes -s
        static let adjective = Flags(rawValue: 8) // takes -ly, -ness or -est (Y, P, T)
    }

    private(set) var flags = WordDictionary<Flags>([:])
    /// Words whose past or -ing form is a dictionary entry of its own ("hoped" beside "hope/MS", "caring" beside
    /// "care/SM"), so a verb too, though their flags say noun only. Kept apart from `flags` so that the classes
    /// every rule reads stay hunspell's.
    private(set) var verbsByPastEntry: Set<String> = []

    static let shared = WordClasses()

    init() {
        var dirs = ["/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts"]
        if let env = ProcessInfo.processInfo.environment["MESH_HUNSPELL_DIR"] { dirs.insert(env, at: 0) }
        for dir in dirs {
            guard let data = FileManager.default.contents(atPath: "\(dir)/en_US.dic") else { continue }
            var d: [String: Flags] = [:]
            d.reserveCapacity(60_000)
            var verbFormEntries: [String] = []
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let b = raw.bindMemory(to: UInt8.self)
                var lineStart = 0
                let n = b.count
                var i = 0
                while i <= n {
                    if i == n || b[i] == 10 {
                        // word/FLAGS
                        var slash = -1
                        var k = lineStart
                        while k < i { if b[k] == 47 { slash = k; break }; k += 1 }
                        let end = slash > lineStart ? slash : i
                        let ed = end - lineStart > 3 && b[end - 1] == 100 && b[end - 2] == 101 // "…ed"
                        let ing = end - lineStart > 4 && b[end - 1] == 103 && b[end - 2] == 110 && b[end - 3] == 105 // "…ing"
                        if ed || ing, b[lineStart] >= 97, b[lineStart] <= 122 {
                            verbFormEntries.append(String(decoding: UnsafeBufferPointer(rebasing: b[lineStart..<end]), as: UTF8.self))
                        }
                        if slash > lineStart, b[lineStart] >= 97, b[lineStart] <= 122 {
                            var f: Flags = []
                            for m in (slash + 1)..<i {
                                switch b[m] {
                                case 71, 68: f.insert(.verb) // G, D
                                case 77: f.insert(.noun) // M
                                case 83: f.insert(.plural) // S
                                case 89, 80, 84: f.insert(.adjective) // Y, P, T
                                default: break
                                }
                            }
                            if !f.isEmpty {
                                let word = String(decoding: UnsafeBufferPointer(rebasing: b[lineStart..<slash]), as: UTF8.self)
                                d[word] = f
                            }
                        }
                        lineStart = i + 1
                    }
                    i += 1
                }
            }
            flags = WordDictionary(d)
            for form in verbFormEntries {
                // "hoped" → "hope", "caring" → "care", "setting" → "set".
                let stems: [String]
                if form.hasSuffix("ing") {
                    let stem = String(form.dropLast(3))
                    stems = [stem, stem + "e", String(stem.dropLast())]
                } else {
                    stems = [String(form.dropLast()), String(form.dropLast(2))]
                }
                for stem in stems {
                    if let f = d[stem], !f.contains(.verb) { verbsByPastEntry.insert(stem) }
                }
            }
            return
        }
    }

    func isPureVerb(_ w: String) -> Bool {
        guard let f = flags[w] else { return Verbs.baseForms[w] != nil && !Verbs.nounLike.contains(w) }
        return f.contains(.verb) && !f.contains(.noun)
    }

    func classes(_ w: String) -> Flags? { flags[w] }

    /// A noun that is neither a verb nor an adjective ("presence", "name" is not: it is also a verb).
    func isNounOnly(_ w: String) -> Bool {
        guard let f = flags[w] else { return false }
        return f.contains(.noun) && !f.contains(.verb) && !f.contains(.adjective)
    }

    /// An adjective that is not also a noun or verb ("difficult", "wonderful").
    func isPureAdjective(_ w: String) -> Bool {
        guard let f = flags[w] else { return false }
        return f.contains(.adjective) && !f.contains(.noun) && !f.contains(.verb)
    }

    func isVerb(_ w: String) -> Bool { flags[w]?.contains(.verb) ?? (Verbs.baseForms[w] != nil) }

    func isPureNoun(_ w: String) -> Bool {
        guard let f = flags[w] else { return false }
        return f.contains(.noun) && !f.contains(.verb)
    }

    /// The base of a third-person form of a pure verb ("learns" → "learn", "tries" → "try"), or nil.
    func pureVerbBase(ofThird w: String) -> String? {
        if let b = Verbs.thirdToBase[w], !Verbs.nounLike.contains(w) { return b }
        guard w.utf8.count >= 4, w.utf8.last == UInt8(ascii: "s"), flags[w] == nil else { return nil }
        for c in Self.stems(ofS: w) {
            if let f = flags[c], f.contains(.verb), !f.contains(.noun) { return c }
        }
        return nil
    }

    /// The singular of a plural of a pure noun ("milestones" → "milestone"), or nil.
    func pureNounSingular(ofPlural w: String) -> String? {
        guard w.utf8.count >= 4, w.utf8.last == UInt8(ascii: "s"), flags[w] == nil, !w.hasSuffix("ss") else { return nil }
        for c in Self.stems(ofS: w) {
            if let f = flags[c], f.contains(.noun), f.contains(.plural), !f.contains(.verb) { return c }
        }
        return nil
    }

    /// The singular of a plural noun, also of one hunspell marks as a verb too or lists without its plural ("cars"
    /// → "car", "products" → "product"); nil for a word that is singular though it ends in -s ("species").
    func nounSingular(ofPlural w: String) -> String? {
        if let s = pureNounSingular(ofPlural: w) { return s }
        guard w.utf8.count >= 4, w.utf8.last == UInt8(ascii: "s"), flags[w] == nil, !w.hasSuffix("ss"), !Self.singularsInS.contains(w) else { return nil }
        for c in Self.stems(ofS: w) {
            if let f = flags[c], f.contains(.noun), !f.contains(.adjective) { return c }
        }
        return nil
    }
    static let singularsInS: Set<String> = [
        "species", "series", "means", "news", "lens", "works", "crossroads", "headquarters", "barracks", "gallows",
        "summons", "kudos", "innings", "diabetes", "measles", "mumps", "physics", "mathematics", "economics", "politics",
        "ethics", "athletics", "aerobics", "gymnastics", "billiards", "thanks", "odds", "whereabouts", "premises",
    ]

    /// The stems an -s form can come from, most specific first: "tries" → "try", "tri", "trie".
    static func stems(ofS w: String) -> [String] {
        var out: [String] = []
        if w.hasSuffix("ies") { out.append(String(w.dropLast(3)) + "y") }
        if w.hasSuffix("es") { out.append(String(w.dropLast(2))) }
        out.append(String(w.dropLast()))
        return out
    }

    /// The stems an -ing form can come from: "making" → "mak", "make".
    static func stems(ofIng w: String) -> [String] {
        let stem = String(w.dropLast(3))
        return [stem, stem + "e"]
    }
}

/// Sentence patterns over word classes: verb forms after "to", modals and "do"; pronoun agreement beyond the
/// hand lists; pronoun case after prepositions; "there was" + plural; "a" + plural; comparatives with "then";
/// weekdays that do not match their date, and dates that do not exist.
extension GrammarSpecialist {
    static let subjectPronouns: WordList = ["i", "he", "she", "we", "they"]
    /// Forms of "do" that take a base verb. A static set: an array literal in the loop allocates per token.
    static let doForms: WordList = ["did", "does", "do", "didn't", "doesn't", "don't"]
    static let objectOf = WordDictionary<String>(["i": "me", "he": "him", "she": "her", "we": "us", "they": "them"])
    static let casePrepositions: WordList = [
        "to", "at", "with", "between", "from", "about", "by", "on", "into", "without", "toward", "towards", "against",
        "among", "behind", "beside", "under", "over", "near", "upon", "onto", "except", "of",
    ]
    static let frequencyAdverbs: WordList = [
        "always", "never", "often", "usually", "sometimes", "rarely", "also", "still", "really", "just", "only", "even",
        "ever", "seldom", "generally", "normally", "frequently", "occasionally", "hardly", "already", "actually",
    ]
    static let modals: WordList = [
        "can", "could", "will", "would", "should", "might", "must", "shall", "may", "cannot", "can't", "won't",
        "wouldn't", "shouldn't", "couldn't", "mustn't",
    ]
    static let comparativeWords: WordList = [
        "more", "less", "fewer", "better", "worse", "rather", "larger", "smaller", "greater", "higher", "lower", "faster",
        "slower", "older", "younger", "bigger", "easier", "harder", "longer", "shorter", "cheaper", "earlier", "later",
        "stronger", "weaker", "richer", "poorer", "bigger", "smarter", "happier", "heavier", "lighter", "wider",
        "deeper", "closer", "further", "farther", "quicker", "simpler", "safer", "nicer", "cooler", "warmer", "colder",
    ]
    /// Token `k` continues a noun phrase rather than a verb's clause: "of", a relative pronoun, "like", "such", "and"
    /// or "or" followed by more, or code.
    static func nounPhraseGoesOn(_ tokens: [Token], _ k: Int) -> Bool {
        guard k < tokens.count else { return false }
        if tokens[k].kind == .opaque { return true }
        return ["of", "that", "which", "whose", "like", "such", "with", "and", "or", "in", "from", "for"].contains(tokens[k].lower)
    }

    /// "from" earlier in the same clause, so "to" ends a range ("from keys to values").
    static func fromBefore(_ tokens: [Token], _ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, i - k <= 8 {
            if tokens[k].kind == .punct, [".", ";", "!", "?"].contains(tokens[k].text) { return false }
            if tokens[k].lower == "from" { return true }
            k -= 1
        }
        return false
    }

    static let objectStarters: WordList = [
        "the", "a", "an", "my", "your", "his", "her", "its", "our", "their", "this", "that", "these", "those", "me",
        "him", "us", "them", "some", "any", "every", "each", "all",
    ]
    static let clauseFollowers: WordList = [
        "of", "for", "in", "on", "at", "to", "and", "or", "that", "which", "with", "is", "was", "are", "were", "from",
        "by", "who", "have", "has", "had", "about",
    ]

    /// Words after which a pronoun opens a clause (`patternRules`' subject position).
    static let clauseOpeners: WordList = [
        "and", "but", "because", "so", "that", "when", "since", "while", "although", "though", "where", "if", "after",
        "before", "until", "once", "or", "whether",
    ]
    /// Words after which he/she/it takes a base verb ("let it go", "did she know", "saw him run", "why she left").
    static let bareInfinitiveLeaders: WordList = [
        "let", "make", "help", "did", "does", "do", "will", "would", "can", "could", "should", "might", "must", "may", "shall",
        "to", "didn't", "doesn't", "don't", "saw", "see", "watch", "watched", "hear", "heard", "made", "let's", "not", "why",
        "how", "where", "what", "when",
    ]

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
        let lex = WordClasses.shared
        let formOn = ctx.config.isEnabled("grammar.verb-form")
        let agreeOn = ctx.config.isEnabled("grammar.agreement")
        let confusedOn = ctx.config.isEnabled("grammar.confused-words")
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        func isSubjectPosition(_ k: Int) -> Bool {
            if starts.contains(k) { return true }
            guard k > 0 else { return true }
            let p = tokens[k - 1]
            if p.kind == .punct { return p.text == "," || p.text == ";" || p.text == ":" || p.text == "(" || p.text == "\"" }
            return Self.clauseOpeners.contains(p)
        }
        let dispatch = Self.patternDispatch
        for i in 0..<n {
            guard tokens[i].kind == .word, let trigger = dispatch.patterns(for: tokens[i]), let nw = word(i + 1) else { continue }
            let w = tokens[i].lower
            let next = tokens[i + 1]
            let pairSpan = TextSpan(start: tokens[i].start, end: next.end)

            // "to learns" → "to learn".
            // A plural noun after the preposition "to" looks the same ("maps keys to values of type V", "applies to
            // types that ...", "from strings to numbers"): not when "of", "that", "like" ... follow, nor in "from … to".
            if trigger.contains(.to), formOn, let base = lex.pureVerbBase(ofThird: nw), !(i > 0 && (tokens[i - 1].lower == "up" || Verbs.pastToBase[tokens[i - 1].lower] != nil)),
               !Self.nounPhraseGoesOn(tokens, i + 2), !Self.fromBefore(tokens, i),
               // "the value that `r` is referring to has gone": a stranded preposition, then the clause's verb.
               !(i > 0 && ["referring", "pointing", "belonging", "listening", "talking", "looking", "applied", "referred", "pointed",
                           "belongs", "refers", "points", "related", "attached", "bound", "compared", "equal", "similar", "close",
                           "next", "due", "up"].contains(tokens[i - 1].lower)),
               // A title ("Publishing a Crate to Crates.io") or a noun ending its phrase ("specific to strings.").
               next.text.unicodeScalars.first.map(CharClass.isLower) == true, i + 2 < n, tokens[i + 2].kind == .word,
               !["into", "onto", "at", "on", "as", "by", "to", "than", "but", "when", "if", "because"].contains(tokens[i + 2].lower) {
                ctx.add("grammar.verb-form", "After 'to' use the base form of the verb: '\(base)'.", next.span, [matchCase(base, like: next.text)])
            }

            // Modal + third-person form ("can goes"), modal + "no" + verb ("could no hear").
            if trigger.contains(.modal), formOn {
                if let base = lex.pureVerbBase(ofThird: nw), Verbs.thirdToBase[nw] == nil {
                    ctx.add("grammar.verb-form", "After '\(tokens[i].text)' use the base form of the verb: '\(base)'.", next.span, [matchCase(base, like: next.text)])
                } else if nw == "no", let v = word(i + 2), lex.isVerb(v), !lex.isPureNoun(v), !Self.objectStarters.contains(v), v != "one", v != "longer", v != "more", v != "doubt", v != "matter" {
                    ctx.add("grammar.verb-form", "Did you mean 'not'?", next.span, [matchCase("not", like: next.text)])
                }
            }

            // "did you forgot", "does he needs" → base form after do-support with a pronoun subject.
            if trigger.contains(.doForm), formOn,
               ["i", "you", "he", "she", "it", "we", "they"].contains(nw), let v = word(i + 2) {
                let vt = tokens[i + 2]
                if let base = Verbs.pastToBase[v] ?? lex.pureVerbBase(ofThird: v), !Verbs.nounLike.contains(v), v != "was", v != "were",
                   !(v.hasSuffix("ed") && false) {
                    ctx.add("grammar.verb-form", "After '\(tokens[i].text) \(next.text)' use the base form: '\(base)'.", vt.span, [matchCase(base, like: vt.text)])
                } else if v.hasSuffix("ed"), let base = regularPastBase(v), lex.isPureVerb(base) {
                    ctx.add("grammar.verb-form", "After '\(tokens[i].text) \(next.text)' use the base form: '\(base)'.", vt.span, [matchCase(base, like: vt.text)])
                }
            }

            // I/you/we/they (+ frequency adverb) + third-person form of a pure verb.
            if trigger.contains(.pluralPronoun), agreeOn, isSubjectPosition(i), !(i > 0 && tokens[i - 1].lower == "of") {
                var k = i + 1
                if let a = word(k), Self.frequencyAdverbs.contains(a) { k += 1 }
                if let v = word(k), let base = lex.pureVerbBase(ofThird: v), Verbs.thirdToBase[v] == nil || k > i + 1 {
                    let vt = tokens[k]
                    ctx.add("grammar.agreement", "The verb does not agree with '\(tokens[i].text)': use '\(base)'.", vt.span, [matchCase(base, like: vt.text)])
                }
            }

            // he/she/it + base form of a verb ("she support the plan").
            if trigger.contains(.singularPronoun), w != "it" || isSubjectPosition(i), agreeOn,
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

            // Pronoun case after a preposition: "to I", "between he and".
            if trigger.contains(.casePreposition), agreeOn, let obj = Self.objectOf[nw], nw != "i" || next.text == "I",
               !(i + 2 < n && tokens[i + 2].kind == .word && lex.isVerb(tokens[i + 2].lower) && tokens[i + 2].lower != "and") {
                ctx.add("grammar.agreement", "After '\(tokens[i].text)' use the object form '\(obj)'.", next.span, [obj])
            }

            // "there was discussions" → "there were".
            if trigger.contains(.there), agreeOn, ["is", "was", "'s"].contains(nw) || nw == "there's" {
                var k = i + 2
                if word(k) == "no" || word(k) == "many" || word(k) == "several" || word(k) == "some" { k += 1 }
                if let p = word(k), lex.pureNounSingular(ofPlural: p) != nil,
                   k + 1 >= n || tokens[k + 1].kind == .punct || (word(k + 1).map { Self.clauseFollowers.contains($0) } ?? false) {
                    let fix = nw == "was" ? "were" : "are"
                    ctx.add("grammar.agreement", "'\(tokens[k].text)' is plural: use 'there \(fix)'.", TextSpan(start: tokens[i].start, end: tokens[k].end),
                            [matchCase("there \(fix) ", like: tokens[i].text) + ctx.text(TextSpan(start: tokens[i + 2].start, end: tokens[k].end))])
                }
            }

            // "a milestones", "a major milestones".
            if trigger.contains(.article), agreeOn, tokens[i].text != "A" || starts.contains(i),
               !(i > 0 && tokens[i - 1].kind == .punct && tokens[i - 1].text == "." && !tokens[i].spaceBefore) {
                var k = i + 1
                if let adj = word(k), !lex.isPureNoun(adj), !adj.hasSuffix("s"), !Self.determinersAndQuantifiers.contains(adj), word(k + 1) != nil { k += 1 }
                // The noun phrase ends: punctuation, a clause word, or "and" with a verb after it ("make a products
                // and sell them"; "a sales and marketing team" goes on).
                let andVerb = (word(k + 1) == "and" || word(k + 1) == "or") && (word(k + 2).map(lex.isPureVerb) ?? false)
                let clauseEnd = k + 1 >= n || [".", ",", ";", "!", "?"].contains(tokens[k + 1].text) || andVerb
                // A plural that hunspell also knows as a verb ("a cars") counts only at the end of a clause.
                // "the entire time a program runs": a noun and its verb, not an adjective and a plural.
                let subjectVerb = k == i + 2 && (lex.flags[word(i + 1) ?? ""]?.contains(.noun) == true || lex.flags[word(i + 1) ?? ""]?.contains(.plural) == true)
                    && (word(k).flatMap { Verbs.thirdToBase[$0] ?? lex.pureVerbBase(ofThird: $0) } != nil || word(k).map { lex.isVerb(String($0.dropLast())) } == true)
                if !subjectVerb, let p = word(k), !["does", "goes", "has", "is", "was"].contains(p),
                   let singular = lex.pureNounSingular(ofPlural: p) ?? (k == i + 1 && clauseEnd ? lex.nounSingular(ofPlural: p) : nil),
                   tokens[k].text.unicodeScalars.first.map(CharClass.isLower) == true,
                   k + 1 >= n || tokens[k + 1].kind == .punct || andVerb
                    || (word(k + 1).map { Self.clauseFollowers.contains($0) && $0 != "and" && $0 != "or" } ?? false) {
                    ctx.add("grammar.agreement", "'\(tokens[i].text)' needs a singular noun: '\(singular)'.", tokens[k].span, [matchCase(singular, like: tokens[k].text)])
                }
            }

            // "these kind of" → "this kind of".
            if trigger.contains(.demonstrative), agreeOn, ["kind", "sort", "type"].contains(nw), word(i + 2) == "of" {
                let fix = w == "these" ? "this" : "that"
                ctx.add("grammar.agreement", "'\(nw)' is singular: use '\(fix) \(nw)' or '\(w) \(nw)s'.", pairSpan, [matchCase("\(fix) \(nw)", like: tokens[i].text), "\(tokens[i].text) \(nw)s"])
            }

            // Comparative … "then" → "than".
            if trigger.contains(.then), confusedOn, i > 0, !(i + 1 < n && tokens[i + 1].kind == .punct) {
                var k = i - 1
                var steps = 0
                var found = false
                while k >= 0, steps < 6, tokens[k].kind == .word || tokens[k].kind == .number {
                    if Self.comparativeWords.contains(tokens[k]) { found = true; break }
                    k -= 1
                    steps += 1
                }
                if found, !["and", "but", "since", "if", "when", "until", "just"].contains(tokens[i - 1].lower) {
                    ctx.add("grammar.confused-words", "After a comparison use 'than'.", tokens[i].span, [matchCase("than", like: tokens[i].text)])
                }
            }
        }
        if confusedOn {
            confusions(&ctx)
            itsConfusions(&ctx)
        }
        if ctx.config.isEnabled("grammar.date") || ctx.config.isEnabled("grammar.date-without-year") { dates(&ctx) }
    }

    static let determinersAndQuantifiers: WordList = [
        "the", "a", "an", "my", "your", "his", "her", "its", "our", "their", "this", "that", "these", "those", "any", "no",
        "some", "many", "several", "of", "biggest", "common", "main", "same", "first", "only", "every", "each",
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
    static let objectPronouns: WordList = ["me", "him", "us", "them"]
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

    func regularPastBase(_ v: String) -> String? {
        guard v.hasSuffix("ed"), v.count > 4 else { return nil }
        let stem = String(v.dropLast(2))
        for c in [stem, stem + "e", v.hasSuffix("ied") ? String(v.dropLast(3)) + "y" : ""] where !c.isEmpty {
            if WordClasses.shared.flags[c]?.contains(.verb) == true { return c }
        }
        // Doubled consonant ("stopped").
        let s = Array(stem)
        if s.count >= 3, s[s.count - 1] == s[s.count - 2] {
            let c = String(s.dropLast())
            if WordClasses.shared.flags[c]?.contains(.verb) == true { return c }
        }
        return nil
    }

    static func thirdPerson(_ base: String) -> String {
        if let t = Verbs.baseForms[base] { return t }
        if base.hasSuffix("y"), let c = base.dropLast().last, !"aeiou".contains(c) { return base.dropLast() + "ies" }
        if base.hasSuffix("s") || base.hasSuffix("sh") || base.hasSuffix("ch") || base.hasSuffix("x") || base.hasSuffix("z") || base.hasSuffix("o") {
            return base + "es"
        }
        return base + "s"
    }

    // MARK: Dates

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5, "june": 6,
        "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
        "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    /// 0 = Sunday.
    /// Month and weekday names, to skip their look-ups for most words.
    static let dateWords: WordFilter = {
        var f = WordFilter()
        for w in months.keys { f.insert(w) }
        for w in weekdays.keys { f.insert(w) }
        return f
    }()
    static let weekdays: [String: Int] = [
        "sunday": 0, "sun": 0, "su": 0, "monday": 1, "mon": 1, "mo": 1, "tuesday": 2, "tue": 2, "tues": 2, "tu": 2,
        "wednesday": 3, "wed": 3, "we": 3, "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "th": 4, "friday": 5, "fri": 5,
        "fr": 5, "saturday": 6, "sat": 6, "sa": 6,
    ]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    static func daysIn(month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let y = year else { return 29 }
            return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Day of the week (0 = Sunday), Gregorian calendar (Sakamoto's method).
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + t[month - 1] + day) % 7
    }

    /// "Monday, 7 October 2014", "Mon, October 7, 2014", "Monday, 2014-10-31", "Monday, 10/31/2014" with the wrong
    /// weekday; "November 31", "Feb 30" that do not exist.
    func dates(_ ctx: inout RuleContext) {
        let tokens = ctx.tokens
        let n = tokens.count
        func num(_ k: Int) -> Int? { k < n && tokens[k].kind == .number ? Int(tokens[k].text) : nil }
        func month(_ k: Int) -> Int? {
            guard k < n, tokens[k].kind == .word, Self.dateWords.mayContain(hash: tokens[k].lowerHash), let m = Self.months[tokens[k].lower] else { return nil }
            if tokens[k].lower == "may" || tokens[k].lower == "mar" || tokens[k].lower == "dec" || tokens[k].lower == "sat" {
                guard CharClass.isUpper(tokens[k].text.unicodeScalars.first!) else { return nil }
            }
            return m
        }
        func skipDot(_ k: Int) -> Int { k < n && tokens[k].text == "." && !tokens[k].spaceBefore ? k + 1 : k }
        /// A date starting at token k: (day, month, year?, last token).
        func date(at k: Int) -> (Int, Int, Int?, Int)? {
            // 7 October 2014
            if let d = num(k), let m = month(k + 1) {
                let e = skipDot(k + 2)
                if let y = num(e), y >= 1000, y < 3000 { return (d, m, y, e) }
                return (d, m, nil, k + 1)
            }
            // October 7, 2014 / October 7
            if let m = month(k) {
                let s = skipDot(k + 1)
                if let d = num(s), d < 100, !(s + 1 < n && tokens[s + 1].text == ":") {
                    if s + 2 < n, tokens[s + 1].text == ",", let y = num(s + 2), y >= 1000, y < 3000 { return (d, m, y, s + 2) }
                    return (d, m, nil, s)
                }
            }
            // 2014-10-31, 31/10/2014, 10/31/2014 (numeric: only when the reading is unambiguous)
            if let a = num(k), k + 4 < n, !tokens[k + 1].spaceBefore, !tokens[k + 2].spaceBefore, !tokens[k + 3].spaceBefore,
               !tokens[k + 4].spaceBefore, let b = num(k + 2), let c = num(k + 4), tokens[k + 1].text == tokens[k + 3].text,
               tokens[k + 1].text == "-" || tokens[k + 1].text == "/" {
                if a >= 1000, (1...12).contains(b) { return (c, b, a, k + 4) }
                if c >= 1000 {
                    if a > 12, (1...12).contains(b) { return (a, b, c, k + 4) }
                    if b > 12, (1...12).contains(a) { return (b, a, c, k + 4) }
                }
            }
            return nil
        }
        for i in 0..<n where tokens[i].kind == .word || tokens[i].kind == .number {
            // Weekday, date.
            if tokens[i].kind == .word, Self.dateWords.mayContain(hash: tokens[i].lowerHash), let wd = Self.weekdays[tokens[i].lower], CharClass.isUpper(tokens[i].text.unicodeScalars.first!) {
                var k = skipDot(i + 1)
                if k < n, tokens[k].text == "," { k += 1 }
                if let (d, m, y, e) = date(at: k), y == nil, d >= 1, d <= Self.daysIn(month: m, year: nil) {
                    ctx.add("grammar.date-without-year", "Add the year: a weekday with a date can be checked only when the year is known.",
                            TextSpan(start: tokens[i].start, end: tokens[e].end))
                } else if let (d, m, y, e) = date(at: k), let y, d >= 1, d <= Self.daysIn(month: m, year: y) {
                    let actual = Self.weekday(year: y, month: m, day: d)
                    if actual != wd {
                        ctx.add("grammar.date", "That date was a \(Self.weekdayNames[actual]), not a \(Self.weekdayNames[wd]).",
                                TextSpan(start: tokens[i].start, end: tokens[e].end), [Self.weekdayNames[actual]])
                    }
                }
                continue
            }
            // Dates that do not exist. A date starts with a number or a month's name: other words skip `date(at:)`.
            if tokens[i].kind == .number || Self.dateWords.mayContain(hash: tokens[i].lowerHash), let (d, m, y, e) = date(at: i), d == 0 || d > Self.daysIn(month: m, year: y), d <= 40,
               !(i > 0 && tokens[i - 1].kind == .number) {
                ctx.add("grammar.date", "This date does not exist.", TextSpan(start: tokens[i].start, end: tokens[e].end))
            }
        }
    }
}
