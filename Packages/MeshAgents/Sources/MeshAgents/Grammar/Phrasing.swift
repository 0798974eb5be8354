import Foundation
import MeshProtocol
import MeshText

/// `grammar.nonstandard-phrase`, `grammar.preposition`, `grammar.double-negative` and
/// `grammar.compound-adjective`: fixed phrases and idioms.
extension GrammarSpecialist {
    // MARK: Word-level rules

    /// Double negatives: the negative pronouns, the words after "no" that make no double negative ("no one", "no
    /// longer"), and the words that end a negation's reach ("don't think that nobody").
    static let negativeWords: WordList = ["nothing", "nobody", "nowhere", "none"]

    static let afterNoNotNegative: WordList = ["one", "matter", "longer", "doubt", "for", "to", "yet", "more", "less", "sooner", "way"]

    static let negationScopeEnders: WordList = [
        "that", "only", "just", "because", "if", "believe", "think", "know", "imagine", "guess", "suppose", "mean", "realize",
        "realise", "say", "said", "wonder",
    ]

    static let languages = ["english", "french", "german", "spanish", "italian", "chinese", "japanese", "russian", "arabic", "portuguese", "dutch"]

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

    static let goodAt: WordList = ["good", "bad", "better", "best", "great", "excellent", "poor", "terrible", "brilliant", "hopeless", "skilled", "talented"]

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

    /// "don't have nothing", "can't get no": a negative word within two words of a negation.
    func doubleNegative(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let t = tokens[i]
        let w = t.lower
        var k = i + 1
        var seen = 0
        while k < n, seen < 2, tokens[k].kind == .word {
            let x = tokens[k].lower
            if Self.negativeWords.contains(tokens[k])
                || (x == "no" && k + 1 < n && tokens[k + 1].kind == .word && !Self.afterNoNotNegative.contains(tokens[k + 1])) {
                if seen == 0 && (w == "not") { break }
                let positive = ["nothing": "anything", "nobody": "anybody", "nowhere": "anywhere", "none": "any", "no": "any"][x]!
                ctx.add("grammar.double-negative", "Double negative: '\(t.text) … \(tokens[k].text)' cancels out; use '\(positive)'.",
                        TextSpan(start: t.start, end: tokens[k].end))
                break
            }
            if Self.negationScopeEnders.contains(tokens[k]) { break }
            seen += 1
            k += 1
        }
    }

    /// Mangled idioms and nonstandard forms.
    static let nonstandardPhraseRule = ("grammar.nonstandard-phrase", GrammarLists.nonstandard, "Use the standard form '%r'.")

    /// The wrong preposition in a fixed pattern.
    static let prepositionPhraseRule = ("grammar.preposition", GrammarLists.prepositions, "Use '%r'.")
}

extension GrammarLists {
    /// Fixed patterns with the wrong preposition, or one where none belongs.
    static let prepositions = PhraseTable("""
    discuss about => discuss
    discusses about => discusses
    discussing about => discussing
    depend of => depend on
    depends of => depends on
    depended of => depended on
    mean a lot for => mean a lot to
    means a lot for => means a lot to
    meant a lot for => meant a lot to
    means so much for => means so much to
    meant so much for => meant so much to
    listen music => listen to music
    listens music => listens to music
    listened music => listened to music
    listening music => listening to music
    afraid from => afraid of
    capable to => capable of
    aware about => aware of
    responsible of => responsible for
    proud on => proud of
    interested about => interested in
    emphasize on => emphasize
    emphasise on => emphasise
    emphasized on => emphasized
    regarding to => regarding
    reply me => reply to me
    replied me => replied to me
    married with him => married to him
    married with her => married to her
    explain about => explain
    explained about => explained
    explains about => explains
    mention about => mention
    mentioned about => mentioned
    mentions about => mentions
    was inspired with => was inspired by
    were inspired with => were inspired by
    is inspired with => is inspired by
    rely my => rely on my
    consist from => consist of
    consists from => consists of
    consisted from => consisted of
    consisting from => consisting of
    addicted with => addicted to
    participate to => participate in
    participates to => participates in
    participated to => participated in
    participating to => participating in
    in the other hand => on the other hand
    at the other hand => on the other hand
    on my opinion => in my opinion
    on my point of view => from my point of view
    in my point of view => from my point of view
    according to my opinion => in my opinion
    on the same time => at the same time
    interested on => interested in
    depend from => depend on
    depends from => depends on
    depended from => depended on
    dependent of => dependent on
    go to abroad => go abroad
    went to abroad => went abroad
    going to abroad => going abroad
    travel to abroad => travel abroad
    study in abroad => study abroad
    studying in abroad => studying abroad
    live in abroad => live abroad
    cope up with => cope with
    coping up with => coping with
    coped up with => coped with
    as a conclusion => in conclusion
    in weekend => at the weekend | on the weekend
    in a fast speed => at a fast speed
    in a high speed => at a high speed
    in high speed => at high speed
    in full speed => at full speed
    in a slow speed => at a slow speed
    cast doubt in => cast doubt on
    casts doubt in => casts doubt on
    casting doubt in => casting doubt on
    in two reasons => for two reasons
    in three reasons => for three reasons
    in several reasons => for several reasons
    in many reasons => for many reasons
    in some reasons => for some reasons
    in weekends => at weekends | on weekends
    in nowadays => nowadays
    at nowadays => nowadays
    rely the => rely on the
    rely your => rely on your
    relies the => relies on the
    relied the => relied on the
    """)

    static let nonstandard = PhraseTable("""
    enjoyed in it => enjoyed it
    enjoying in it => enjoying it
    the lots of => lots of | the many
    very less => much less
    very more => much more
    very better => much better
    very worse => much worse
    very bigger => much bigger
    very easier => much easier
    very harder => much harder
    very higher => much higher
    very lower => much lower
    very faster => much faster
    very larger => much larger
    very smaller => much smaller
    very longer => much longer
    very older => much older
    very cheaper => much cheaper
    very greater => much greater
    very happier => much happier
    very stronger => much stronger
    very richer => much richer
    very safer => much safer
    very younger => much younger
    very closer => much closer
    very cleaner => much cleaner
    very simpler => much simpler
    very busier => much busier
    go for shopping => go shopping
    goes for shopping => goes shopping
    went for shopping => went shopping
    going for shopping => going shopping
    every time when => every time | when
    the way how => how | the way
    out of question => out of the question
    point of views => point of view
    points of views => points of view
    take responsible => take responsibility
    takes responsible => takes responsibility
    took responsible => took responsibility
    taking responsible => taking responsibility
    do a mistake => make a mistake
    does a mistake => makes a mistake
    did a mistake => made a mistake
    doing a mistake => making a mistake
    do mistakes => make mistakes
    did mistakes => made mistakes
    doing mistakes => making mistakes
    make a research => do research
    made a research => did research
    making a research => doing research
    do a research => do research
    did a research => did research
    doing a research => doing research
    said me => told me
    say me => tell me
    says me => tells me
    each others => each other | each other's
    how it looks like => what it looks like | how it looks
    how does it look like => what does it look like
    how do they look like => what do they look like
    how they look like => what they look like | how they look
    i lack of => I lack
    we lack of => we lack
    they lack of => they lack
    you lack of => you lack
    people lack of => people lack
    lacks of => lacks
    lacked of => lacked
    lacking of => lacking
    irregardless => regardless
    could care less => couldn't care less
    for all intensive purposes => for all intents and purposes
    one in the same => one and the same
    nip it in the butt => nip it in the bud
    case and point => case in point
    mute point => moot point
    on accident => by accident
    first come , first serve => first come, first served
    first come first serve => first come, first served
    tow the line => toe the line
    peak my interest => pique my interest
    peaked my interest => piqued my interest
    peaks my interest => piques my interest
    baited breath => bated breath
    sneak peak => sneak peek
    deep seeded => deep-seated
    deep-seeded => deep-seated
    escape goat => scapegoat
    per say => per se
    in regards to => in regard to | regarding
    with regards to => with regard to | regarding
    orientated => oriented
    anyways => anyway
    supposably => supposedly
    expresso => espresso
    excetera => et cetera
    heighth => height
    upmost => utmost
    statue of limitations => statute of limitations
    free reign => free rein
    hone in => home in
    hone in on => home in on
    wreck havoc => wreak havoc
    damp squid => damp squib
    worse case scenario => worst-case scenario
    beckon call => beck and call
    chomping at the bit => champing at the bit
    doggy-dog world => dog-eat-dog world
    i could care less => I couldn't care less
    make due => make do
    shoe-in => shoo-in
    shoe in => shoo-in
    slight of hand => sleight of hand
    tongue and cheek => tongue in cheek
    all of the sudden => all of a sudden
    ex-patriot => expatriate
    pre-Madonna => prima donna
    momento => memento
    mind-bottling => mind-boggling
    preventative => preventive
    conversate => converse
    between you and i => between you and me
    the reason is because => the reason is that
    try and => try to
    """)
}
