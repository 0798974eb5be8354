import Foundation
import MeshProtocol
import MeshText

/// Word classes and word lists that several rule families share.
extension GrammarSpecialist {
    static let subjectPronouns: WordList = ["i", "he", "she", "we", "they"]

    /// Forms of "do" that take a base verb. A static set: an array literal in the loop allocates per token.
    static let doForms: WordList = ["did", "does", "do", "didn't", "doesn't", "don't"]

    static let modals: WordList = [
        "can", "could", "will", "would", "should", "might", "must", "shall", "may", "cannot", "can't", "won't",
        "wouldn't", "shouldn't", "couldn't", "mustn't",
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

    /// Sentence start, or after a comma, semicolon, colon, bracket, quote or a word that opens a clause.
    static func isSubjectPosition(_ tokens: [Token], _ k: Int, starts: SentenceStarts) -> Bool {
        if starts.contains(k) { return true }
        guard k > 0 else { return true }
        let p = tokens[k - 1]
        if p.kind == .punct { return p.text == "," || p.text == ";" || p.text == ":" || p.text == "(" || p.text == "\"" }
        return Self.clauseOpeners.contains(p)
    }

    static let determinersAndQuantifiers: WordList = [
        "the", "a", "an", "my", "your", "his", "her", "its", "our", "their", "this", "that", "these", "those", "any", "no",
        "some", "many", "several", "of", "biggest", "common", "main", "same", "first", "only", "every", "each",
    ]

    static let objectPronouns: WordList = ["me", "him", "us", "them"]

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

    /// Modals that are never nouns, so the word after them is a verb.
    static let strictModals: WordList = [
        "could", "would", "should", "might", "must", "cannot", "can't", "won't", "wouldn't", "shouldn't", "couldn't", "mustn't",
    ]

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

    /// "Did the application worked?", "Does your memory usage grows?", "I don't needs help", "They cannot works
    /// here", "She does no understand".
    /// Modals that are also nouns ("a tin can"), "do" without its negative forms, and the forms of "do" that
    /// carry past or third-person marking ("did the plan worked?").
    static let softModals: WordList = ["will", "can", "may"]

    static let clauseSubjects: Set<String> = ["i", "we", "you", "they", "he", "she", "it", "there", "this", "people"]

    static let comparedPronounLeaders: WordList = ["than", "and", "or"]

    static let clauseLeaders: WordList = [",", "and", "but", "because", "so", "that"]

    static let nounFollowers: WordList = ["and", "but", "in", "of", "to", "with", "for", "because"]

    static let nounVerbWords = WordFilter(Array(nounForVerb.keys) + Array(verbForNoun.keys))
}

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
        // "-es" follows a hiss or an "o" ("boxes", "wishes", "goes"); elsewhere the "e" is the stem's ("nodes" is
        // "node", not "nod").
        if w.hasSuffix("es") {
            let stem = w.dropLast(2)
            if ["s", "x", "z", "ch", "sh", "o"].contains(where: { stem.hasSuffix($0) }) { out.append(String(stem)) }
        }
        out.append(String(w.dropLast()))
        return out
    }

    /// The stems an -ing form can come from: "making" → "mak", "make".
    static func stems(ofIng w: String) -> [String] {
        let stem = String(w.dropLast(3))
        return [stem, stem + "e"]
    }
}
