import MeshProtocol
import MeshText

/// its / it's by the word classes around them: a possessive before a noun ("it's name" → "its name", "for all
/// it's wonderful moments"), a contraction before what only a verb phrase can start with ("its going", "its a",
/// "its difficult to").
extension GrammarSpecialist {
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
                let prepBefore = prev.map { Self.itsPrepositions.contains($0) || $0 == "to" || $0 == "as" } ?? false
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
                // "to its going out of business", "from its too short shirt": after a preposition it is the possessive.
                if contraction, let prev, Self.itsPrepositions.contains(prev) || ["the", "a", "an", "to"].contains(prev) { contraction = false }
                if contraction {
                    ctx.add("grammar.confused-words", "Did you mean 'it's' (it is)? 'its' means 'belonging to it'.", tokens[i].span,
                            [matchCase("it's", like: tokens[i].text)])
                }
            }
        }
    }
}
