import Foundation
import MeshProtocol
import MeshText

/// `grammar.noun-number` (a determiner or number whose noun has the wrong number: "many problem", "every
/// students", "much problems", "one of the main reason") and `grammar.uncountable-plural` ("informations").
extension GrammarSpecialist {
    /// Determiners and numbers that need a plural noun.
    static let pluralDeterminers: WordList = [
        "many", "several", "few", "various", "numerous", "both", "these", "those", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "twelve", "twenty", "hundreds", "thousands", "millions",
    ]

    /// Numbers and collective nouns that read well after a plural determiner or in "one of the ...".
    static let numberLikeNouns: WordList = [
        "hundred", "thousand", "million", "billion", "dozen", "percent", "score", "times", "kind", "sort", "type", "team",
        "family", "crowd", "group", "party", "public", "staff", "crew", "class", "gang", "band", "club", "committee",
        "audience", "herd", "pack", "lot", "pair", "couple", "people", "other", "one", "more", "most", "less", "least",
        "same", "former", "latter", "rest", "majority", "minority", "best", "worst", "first", "last", "next", "number",
        "total", "sum", "series", "means", "species", "fish", "sheep", "deer", "aircraft", "police", "data", "media",
        "following", "above", "below", "whole", "world", "way", "day", "time", "year", "week", "month", "while",
    ]

    /// Nouns with no plural ("informations" is a mistake), from `GrammarLists.uncountablePlurals`.
    static let uncountables = Set(GrammarLists.uncountablePlurals.values).subtracting(["staff", "vocabulary", "traffic"])
        .union(["stuff", "news", "weather"])

    static let irregularPlurals = WordDictionary<String>([
        "people": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot", "teeth": "tooth",
        "mice": "mouse", "peoples": "people",
    ])

    /// Words after a noun that show the noun phrase has ended.
    static let phraseEnders: WordList = [
        "is", "are", "was", "were", "have", "has", "had", "that", "which", "who", "in", "on", "at", "for", "to", "with",
        "from", "by", "will", "can", "would", "could", "should", "do", "did", "does", "but", "because", "so", "of", "as",
        "i", "we", "they", "you", "he", "she", "it", "when", "why", "where", "than", "like",
    ]

    static let countWords: WordList = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
        "thirty", "forty", "fifty", "many", "several", "few", "some", "a", "the", "last", "past",
    ]

    /// The regular plural of a noun ("city" → "cities", "box" → "boxes", "day" → "days").
    static func plural(of w: String) -> String {
        if w.hasSuffix("y"), let c = w.dropLast().last, !"aeiou".contains(c) { return w.dropLast() + "ies" }
        if w.hasSuffix("s") || w.hasSuffix("sh") || w.hasSuffix("ch") || w.hasSuffix("x") { return w + "es" }
        return w + "s"
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

    /// "If this errors are easy to fix", "There are problem in Iraq".
    func pluralAfterDeterminer(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        let w = tokens[i].lower
        guard i + 1 < n, tokens[i + 1].kind == .word, tokens[i + 1].text.unicodeScalars.first.map(CharClass.isLower) == true else { return }
        // ("This does have its advantages": an emphatic "does", not the plural of "doe".)
        if w == "this", i + 2 < n, let single = lex.pureNounSingular(ofPlural: tokens[i + 1].lower),
           ["are", "were", "have", "do", "seem"].contains(tokens[i + 2].lower), !Self.doSupport.contains(tokens[i + 1]) {
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

    /// Auxiliaries that a quantifier ("both") can follow before the verb it belongs to.
    static let floatingQuantifierHosts: Set<String> = [
        "have", "has", "had", "can", "could", "will", "would", "should", "may", "might", "must", "do", "did",
    ]

    /// many / several / these / two + singular noun: "many problem", "these day."
    func pluralAfterQuantifier(_ ctx: inout RuleContext, _ i: Int, verbOK: Bool) {
        let tokens = ctx.tokens
        let scan = NounPhraseScan(tokens: tokens)
        let n = tokens.count
        let lex = WordClasses.shared
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        let w = tokens[i].lower
        let prev = word(i - 1)
        // "are both set", "have both failed": "both" floats after a verb, and a participle follows it, not a noun.
        if w == "both", let prev, ClarityLists.beForms.contains(prev) || Self.floatingQuantifierHosts.contains(prev) { return }
        if !(prev == "a" && w == "few"),
           let nw = word(i + 1), scan.lowerCase(i + 1) {
            // "many" stands alone before a verb ("Many hope."); "several", "various" and "numerous" rarely do.
            let manyThenVerb = w == "many" && scan.clauseEndsAfter(i + 1) && (lex.flags[nw]?.contains(.verb) == true || lex.verbsByPastEntry.contains(nw))
            if !manyThenVerb, scan.countableSingular(nw, allowVerb: verbOK) || (verbOK && w != "many" && scan.nounEndsAfter(i + 1) && scan.takesPlural(nw)),
               scan.endsAfter(i + 1),
               !(prev == "the" && ["two", "three", "four", "five"].contains(w)),
               !["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both", "all"].contains(nw),
               // "these if they follow": a conjunction after a pronoun "these", not a noun ("ifs").
               !["if", "so", "as", "when", "while", "because", "unless", "then", "but", "and", "or"].contains(nw),
               !(["one", "each", "every", "of"].contains(prev ?? "") && Self.countWords.contains(w) == false && w != "many") {
                let p = Self.plural(of: nw)
                ctx.add("grammar.noun-number", "After '\(tokens[i].text)' use the plural '\(p)'.", tokens[i + 1].span, [p])
            }
        }
    }

    /// many / several + an adjective + a singular noun: "many new employee every year".
    func pluralAfterQuantifierAndAdjective(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let scan = NounPhraseScan(tokens: tokens)
        let n = tokens.count
        let lex = WordClasses.shared
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        if let adj = word(i + 1), scan.lowerCase(i + 1), lex.classes(adj).map({ $0.contains(.adjective) && !$0.contains(.verb) }) == true,
           let nw = word(i + 2), scan.lowerCase(i + 2), scan.countableSingular(nw, allowVerb: false), scan.endsAfter(i + 2) {
            let p = Self.plural(of: nw)
            ctx.add("grammar.noun-number", "After '\(tokens[i].text)' use the plural '\(p)'.", tokens[i + 2].span, [p])
        }
    }

    /// every / each + plural noun: "every students".
    func singularAfterEvery(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let scan = NounPhraseScan(tokens: tokens)
        let n = tokens.count
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        let w = tokens[i].lower
        let prev = word(i - 1)
        // ("access each others config": "each other's", which `grammar.nonstandard-phrase` offers.)
        if let single = scan.pluralNoun(i + 1), word(i + 2) != "other", !(w == "each" && word(i + 1) == "others"),
           !(w == "each" && prev.map { Self.subjectPronouns.contains($0) || $0 == "you" || $0 == "them" || $0 == "us" } ?? false) {
            ctx.add("grammar.noun-number", "'\(tokens[i].text)' takes a singular noun: '\(single)'.", tokens[i + 1].span, [matchCase(single, like: tokens[i + 1].text)])
        }
    }

    /// every + a noun that has no plural: "every knowledge is" → "all knowledge".
    func uncountableAfterEvery(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let scan = NounPhraseScan(tokens: tokens)
        let n = tokens.count
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        let w = tokens[i].lower
        if w == "every", let nw = word(i + 1), Self.uncountables.contains(nw), scan.endsAfter(i + 1) {
            ctx.add("grammar.noun-number", "'\(nw)' has no plural, so not 'every': use 'all \(nw)'.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end),
                    [matchCase("all \(nw)", like: tokens[i].text)])
        }
    }

    /// much + plural noun: "much problems" → "many".
    func pluralAfterMuch(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let scan = NounPhraseScan(tokens: tokens)
        if scan.pluralNoun(i + 1) != nil {
            ctx.add("grammar.noun-number", "Use 'many' with a plural noun.", tokens[i].span, [matchCase("many", like: tokens[i].text)])
        }
    }

    /// a lot of / lots of / many + "peoples".
    func lotOfPeoples(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        if word(i + 1) == "of", word(i + 2) == "peoples" {
            ctx.add("grammar.noun-number", "'People' is already plural.", tokens[i + 2].span, [matchCase("people", like: tokens[i + 2].text)])
        }
    }

    /// one of the (adjective) + singular noun: "one of the main reason."
    func oneOfThePlural(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let scan = NounPhraseScan(tokens: tokens)
        let n = tokens.count
        let lex = WordClasses.shared
        func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
        if word(i + 1) == "of", let d = word(i + 2),
           ["the", "my", "his", "her", "our", "their", "your", "its", "these", "those"].contains(d) {
            var k = i + 3
            var mods = 0
            while mods < 2, let m = word(k), word(k + 1) != nil,
                  m == "most" || m == "best" || m == "main" || m == "biggest" || GrammarLists.superlatives.contains(m)
                    || (lex.isPureAdjective(m) && !scan.countableSingular(m, allowVerb: true)) {
                k += 1
                mods += 1
            }
            if let nw = word(k), scan.lowerCase(k), scan.countableSingular(nw, allowVerb: true), !lex.isPureAdjective(nw),
               k + 1 >= n || tokens[k + 1].kind == .punct && [".", ",", ";", "!", "?"].contains(tokens[k + 1].text)
                || (word(k + 1).map { ["is", "was", "that", "which", "who", "i", "we", "in", "why", "for"].contains($0) } ?? false) {
                let p = Self.plural(of: nw)
                ctx.add("grammar.noun-number", "After 'one of \(d)' use the plural '\(p)'.", tokens[k].span, [p])
            }
        }
    }

    /// A plural of an uncountable noun ("informations").
    func uncountablePlural(_ ctx: inout RuleContext, _ i: Int, singular: String) {
        let t = ctx.tokens[i]
        ctx.add("grammar.uncountable-plural", "'\(singular)' has no plural; use '\(singular)' or 'pieces of \(singular)'.",
                t.span, [matchCase(singular, like: t.text)])
    }
}

extension GrammarLists {
    static let uncountablePlurals: [String: String] = [
        "informations": "information", "advices": "advice", "furnitures": "furniture", "equipments": "equipment",
        "luggages": "luggage", "baggages": "baggage", "knowledges": "knowledge", "homeworks": "homework",
        "feedbacks": "feedback", "softwares": "software", "hardwares": "hardware", "sceneries": "scenery",
        "machineries": "machinery", "garbages": "garbage", "musics": "music", "trafics": "traffic", "traffics": "traffic",
        "evidences": "evidence", "researchs": "research", "pollutions": "pollution", "wealths": "wealth",
        "jewelries": "jewelry", "vocabularys": "vocabulary", "staffs": "staff", "moneys": "money", "medias": "media",
    ]

    static let uncountablePluralWords = WordFilter(uncountablePlurals.keys)
}

/// The noun-phrase questions the noun-number patterns ask about one chunk's tokens.
struct NounPhraseScan {
    let tokens: [Token]
    let lex = WordClasses.shared
    var n: Int { tokens.count }

    func word(_ k: Int) -> String? { k >= 0 && k < n && tokens[k].kind == .word ? tokens[k].lower : nil }
    func lowerCase(_ k: Int) -> Bool { tokens[k].text.unicodeScalars.first.map(CharClass.isLower) == true }
    /// The noun phrase ends after token k: end of text, punctuation, or a function word.
    func endsAfter(_ k: Int) -> Bool {
        // A hyphen, an apostrophe or a slash joins the word to the next ("backup/restore methods").
        k + 1 >= n || (tokens[k + 1].kind == .punct && !["-", "'", "/"].contains(tokens[k + 1].text))
            || (word(k + 1).map { GrammarSpecialist.phraseEnders.contains($0) } ?? false)
    }
    /// A countable singular noun: hunspell gives it a plural, it is not itself a plural or an adjective.
    func countableSingular(_ w: String, allowVerb: Bool) -> Bool {
        guard takesPlural(w), let f = lex.flags[w], f.contains(.noun) else { return false }
        return allowVerb || !f.contains(.verb)
    }
    /// A word hunspell gives an -s form and that is no adjective, nor a plural, modal, number or uncountable
    /// noun: a countable noun when hunspell calls it one, and at the end of a clause after "several" a noun
    /// ("several reason.") whatever else it can be.
    func takesPlural(_ w: String) -> Bool {
        guard let f = lex.flags[w], f.contains(.plural), !f.contains(.adjective), !w.hasSuffix("s"), !w.hasSuffix("ing"),
              !GrammarSpecialist.modals.contains(w), !Verbs.auxiliaries.contains(w), !GrammarSpecialist.numberLikeNouns.contains(w),
              GrammarLists.uncountablePlurals[w + "s"] == nil else { return false }
        return true
    }
    func clauseEndsAfter(_ k: Int) -> Bool {
        k + 1 >= n || [".", ",", ";", "!", "?"].contains(tokens[k + 1].text)
    }
    /// "several reason to support": a noun with a to-infinitive after it, as well as at a clause's end.
    func nounEndsAfter(_ k: Int) -> Bool {
        clauseEndsAfter(k) || (k + 2 < n && tokens[k + 1].lower == "to" && lex.isVerb(tokens[k + 2].lower))
    }
    /// The singular of a plural noun ("students" → "student", "people" → "person").
    func pluralNoun(_ k: Int) -> String? {
        guard let w = word(k), lowerCase(k) else { return nil }
        if let s = GrammarSpecialist.irregularPlurals[w], w != "peoples" { return s }
        if Verbs.thirdToBase[w] != nil || Verbs.auxiliaries.contains(w) { return nil }
        return lex.pureNounSingular(ofPlural: w)
    }
}
