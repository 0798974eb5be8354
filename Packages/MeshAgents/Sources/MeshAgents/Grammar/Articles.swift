import Foundation
import MeshProtocol
import MeshText

/// `grammar.a-an` (a/an by sound), `grammar.article` (a missing or wrong article: "He is friend", "in 1990s",
/// "had a breakfast") and `grammar.double-determiner` ("the my life").
extension GrammarSpecialist {
    static let articles: WordList = ["a", "an", "the"]

    /// Words that cannot follow an article directly ("the a" is left out: "the _a_ stands for atomic" mentions a word).
    static let afterArticleNever: WordList = [
        "my", "your", "his", "our", "their", "its", "the", "he", "she", "we", "they", "me", "us", "them", "these", "those",
    ]

    /// Possessives that never stand alone ("his" does: "in his the consciousness of …" is old but correct).
    static let possessives: WordList = ["my", "your", "our", "their", "its"]

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
        // "your the", "your a" is also how a learner writes "you're the": offered here, the one finding at that spot.
        var fixes = [tokens[i].text, matchCase(tokens[i + 1].text, like: tokens[i].text)]
        if w == "your", Self.articles.contains(tokens[i + 1]) { fixes.append(matchCase("you're", like: tokens[i].text) + " " + tokens[i + 1].text) }
        ctx.add("grammar.double-determiner", "Two determiners in a row: keep '\(tokens[i].text)' or '\(tokens[i + 1].text)'.",
                TextSpan(start: tokens[i].start, end: tokens[i + 1].end), fixes)
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

    static let meals: WordList = ["breakfast", "lunch", "dinner", "supper", "brunch"]

    static let mealVerbs: WordList = ["have", "has", "had", "having", "eat", "eats", "ate", "eating", "for", "after", "before"]

    static let decadePrepositions = ["in", "during", "since", "from", "until", "throughout", "through", "by"]

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

    /// Determiners after which an "a" or "an" is itself the slip, so its form is no fix ("an the", "an no other").
    static let secondDeterminers: WordList = [
        "the", "a", "an", "this", "that", "these", "those", "my", "your", "our", "their", "its", "no", "every", "each", "any",
    ]

    /// "a" before a vowel sound, "an" before a consonant sound (the caller has checked that a word follows).
    func articleBeforeSound(_ ctx: inout RuleContext, _ i: Int) {
        let t = ctx.tokens[i]
        let w = t.lower
        let next = ctx.tokens[i + 1]
        // A word in capitals is read as a word when it is an English word ("A HOUSE"), not a term the
        // speller knows only from the technical lists ("an HTTP request").
        let caps = next.text.unicodeScalars.allSatisfy({ !CharClass.isLower($0) })
        // "an the Certificate": two determiners, which `grammar.double-determiner` reports; "a the" is no fix.
        // "an no other" ("and" meant): "a no other" is no fix either.
        if Self.secondDeterminers.contains(next) { return }
        // "a SSA patches": an initialism before a plural noun, so the article itself is the slip, not its form.
        let tokens = ctx.tokens
        if caps, i + 2 < tokens.count, tokens[i + 2].kind == .word, tokens[i + 2].text.unicodeScalars.first.map(CharClass.isLower) == true,
           WordClasses.shared.nounSingular(ofPlural: tokens[i + 2].lower) != nil { return }
        // A lower-case term in "u" the dictionary lacks ("udev", "uname", "ulimit", "uint") is read "you-": unlike
        // English words in "u" + consonant ("ugly", "under"), which take "an". Unsure: left alone.
        if next.text.unicodeScalars.first == "u", !speller.check(next.lower) { return }
        // "a applications": the article before a plural is the slip (`grammar.agreement` says so); its form is not.
        if !caps, Articles.isPluralNoun(next.lower) { return }
        // Two capitals are an initialism even when they spell a word ("an HA deployment", "an OS", "a US company").
        let spoken = caps && next.text.unicodeScalars.count >= 3 && speller.check(next.lower) && !Articles.readAsLetters(next.text)
            ? next.lower : next.text
        if let vowelSound = Articles.startsWithVowelSound(spoken) {
            if w == "a" && vowelSound {
                ctx.add("grammar.a-an", "Use 'an' before '\(next.text)', which starts with a vowel sound.",
                        TextSpan(start: t.start, end: t.end), [matchCase("an", like: t.text)])
            } else if w == "an" && !vowelSound {
                ctx.add("grammar.a-an", "Use 'a' before '\(next.text)', which starts with a consonant sound.",
                        TextSpan(start: t.start, end: t.end), [matchCase("a", like: t.text)])
            }
        }
    }
}

/// Decides whether a word starts with a vowel sound, for a/an.
enum Articles {
    static let silentH: [String] = ["hour", "honest", "honor", "honour", "heir", "herb"]
    static let yooU: [String] = ["uni", "use", "usu", "uti", "uri", "ura", "ure", "uku", "ubi", "uto", "ufo", "ute", "uv", "unanim", "unary",
                                 "eu", "ewe"]

    /// A regular plural of a noun ("applications", "nodes"), not a singular in "-s" ("lens", "series", "bus").
    static func isPluralNoun(_ w: String) -> Bool {
        let lex = WordClasses.shared
        guard w.hasSuffix("s"), !w.hasSuffix("ss"), !WordClasses.singularsInS.contains(w) else { return false }
        if lex.nounSingular(ofPlural: w) != nil { return true }
        return WordClasses.stems(ofS: w).contains { lex.classes($0)?.contains(.noun) == true }
    }

    /// A word in capitals with no vowel letter (Y counts as one: "GYM", "MYTH") is an initialism: "HTTP", "LLVM".
    static func readAsLetters(_ word: String) -> Bool {
        var letters = 0
        for s in word.unicodeScalars {
            guard CharClass.isLetter(s) else { continue }
            letters += 1
            if "AEIOUYaeiouy".unicodeScalars.contains(s) { return false }
        }
        return letters >= 2
    }

    /// Whether an English word can start with these two letters: a vowel, or a consonant followed by a vowel, or
    /// one of the consonant pairs that start English words ("bl", "str", "sch", "ps", ...).
    static func impossibleOnsetAllowed(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        let vowels = "aeiouy".unicodeScalars
        if vowels.contains(a) || vowels.contains(b) || !CharClass.isLetter(b) { return true }
        let pair = String(String.UnicodeScalarView([a, b]))
        return ["bl", "br", "ch", "cl", "cr", "cz", "dr", "dw", "fj", "fl", "fr", "gh", "gl", "gn", "gr", "gw", "kh", "kl", "kn", "kr",
                "kw", "mn", "ph", "pl", "pn", "pr", "ps", "pt", "qu", "rh", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "sq", "st", "sv",
                "sw", "th", "tr", "ts", "tw", "vl", "wh", "wr", "zh", "zw", "ll", "hm"].contains(pair)
    }

    /// true: vowel sound, false: consonant sound, nil: unsure (left alone). Asked for the word after every "a" and
    /// "an", so the word is read once, without building arrays.
    static func startsWithVowelSound(_ word: String) -> Bool? {
        guard let first = word.unicodeScalars.first else { return nil }
        let lower = word.lowercased()
        if CharClass.isDigit(first) {
            if lower.hasPrefix("8") { return true }
            if lower == "11" || lower == "18" || lower.hasPrefix("11,") || lower.hasPrefix("18,") { return true }
            if lower.count == 5 || lower.count == 6, lower.hasPrefix("11") || lower.hasPrefix("18") { return nil }
            return false
        }
        // A compound led by an initialism or a letter and digits ("S3-compatible", "HTTP-based", "X-ray") sounds
        // like its first part ("an S3-compatible store").
        if let dash = word.firstIndex(of: "-"), dash > word.startIndex {
            let head = word[..<dash]
            if head.unicodeScalars.contains(where: CharClass.isUpper), !head.unicodeScalars.contains(where: CharClass.isLower) {
                return startsWithVowelSound(String(head))
            }
        }
        var scalarCount = 0, letterCount = 0, lettersUpper = true
        var firstLetter: Unicode.Scalar?
        for s in word.unicodeScalars {
            scalarCount += 1
            guard CharClass.isLetter(s) else { continue }
            letterCount += 1
            if firstLetter == nil { firstLetter = s }
            if !CharClass.isUpper(s) { lettersUpper = false }
        }
        // Initialisms are read letter by letter ("an FBI agent", "an XML file", "an LLVM pass", "a URL"); a word in
        // capitals with vowels may be an acronym read as a word ("a NASA probe", "a SATA disk"), which sounds
        // different only when its first letter's name starts with a vowel but the letter does not (F H L M N R S X).
        if letterCount >= 2, lettersUpper, let firstLetter {
            let vowelLetters = "AEFHILMNORSX"
            if ["NASA", "NATO", "SCSI", "SQL", "GIF", "JPEG", "RAM", "ROM", "LAN", "WAN", "PIN", "SIM", "FAQ", "GUI", "URL", "UI"].contains(word) { return nil }
            if readAsLetters(word) || letterCount <= 3 && scalarCount == letterCount {
                return vowelLetters.unicodeScalars.contains(firstLetter)
            }
            if "FHLMNRSX".unicodeScalars.contains(firstLetter) { return nil }
            if firstLetter == "U" { return false }
            return "AEIO".unicodeScalars.contains(firstLetter)
        }
        if letterCount == 1 {
            return "aefhilmnorsx".unicodeScalars.contains(lower.unicodeScalars.first!)
        }
        // Two or more capitals, then lower case ("SELinux", "IPsec", "OAuth", "SQLite"): the capitals are an
        // initialism, read like one in capitals above.
        let leading = word.unicodeScalars.prefix(while: CharClass.isUpper)
        if leading.count >= 2, let first = leading.first,
           word.unicodeScalars.dropFirst(leading.count).first.map(CharClass.isLower) == true {
            if "FHLMNRSX".unicodeScalars.contains(first) { return nil }
            if first == "U" { return false }
            return "AEIO".unicodeScalars.contains(first)
        }
        // One letter and a hyphen is the letter's name ("an n-ary tuple", "an x-axis", "a y-coordinate").
        let ls = Array(lower.unicodeScalars.prefix(3))
        if ls.count >= 3, CharClass.isLetter(ls[0]), ls[1] == "-" {
            return "aefhilmnorsx".unicodeScalars.contains(ls[0])
        }
        // A lower-case word no English word starts like ("rlib", "nvim", "mkdir") is spoken some other way: unsure.
        if ls.count >= 2, !impossibleOnsetAllowed(ls[0], ls[1]) { return nil }
        if silentH.contains(where: { lower.hasPrefix($0) }) { return true }
        if lower.hasPrefix("one") || lower.hasPrefix("once") { return false }
        if lower.hasPrefix("u") {
            if yooU.contains(where: { lower.hasPrefix($0) }) {
                if lower.hasPrefix("unin") || lower.hasPrefix("unid") || lower.hasPrefix("unim") || lower.hasPrefix("uninst") { return true }
                return false
            }
            if lower.hasPrefix("us") && lower.count > 3 { return nil }
            return true
        }
        if lower.hasPrefix("eu") || lower.hasPrefix("ewe") { return false }
        if lower.hasPrefix("y") { return false }
        if "aeio".unicodeScalars.contains(lower.unicodeScalars.first!) { return true }
        if lower.hasPrefix("h") { return false }
        if CharClass.isLetter(first) { return false }
        return nil
    }
}
