import Foundation
import MeshProtocol
import MeshText

/// Word and phrase lists of the grammar rules that several families read.
enum GrammarLists {
    static let comparatives: [String: String] = {
        var d: [String: String] = [:]
        for w in """
        better worse bigger easier harder faster smaller larger greater higher lower older younger stronger happier
        cheaper longer shorter simpler richer poorer nicer safer cleaner clearer closer quicker slower warmer colder
        smarter busier healthier heavier lighter louder quieter wider deeper funnier prettier uglier weaker thinner
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }) { d[String(w)] = String(w) }
        return d
    }()

    static let superlatives: Set<String> = wordSet("""
    best worst biggest easiest hardest fastest smallest largest greatest highest lowest oldest youngest strongest
    happiest cheapest longest shortest simplest richest poorest nicest safest cleanest closest quickest slowest
    smartest busiest healthiest heaviest loudest widest deepest funniest prettiest weakest
    """)
}

/// Verb forms for agreement and verb-form checks.
enum Verbs {
    /// base, third person, past, past participle.
    static let table: [(String, String, String, String)] = {
        let irregular = """
        be is was been|have has had had|do does did done|go goes went gone|eat eats ate eaten|see sees saw seen
        take takes took taken|give gives gave given|write writes wrote written|drive drives drove driven
        ride rides rode ridden|sing sings sang sung|begin begins began begun|know knows knew known|grow grows grew grown
        throw throws threw thrown|fly flies flew flown|draw draws drew drawn|choose chooses chose chosen
        speak speaks spoke spoken|break breaks broke broken|steal steals stole stolen|freeze freezes froze frozen
        wear wears wore worn|tear tears tore torn|swear swears swore sworn|forget forgets forgot forgotten
        get gets got gotten|come comes came come|become becomes became become|run runs ran run|swim swims swam swum
        drink drinks drank drunk|ring rings rang rung|sink sinks sank sunk|shake shakes shook shaken|rise rises rose risen
        fall falls fell fallen|hide hides hid hidden|bite bites bit bitten|forgive forgives forgave forgiven
        make makes made made|buy buys bought bought|bring brings brought brought|teach teaches taught taught
        catch catches caught caught|fight fights fought fought|think thinks thought thought|seek seeks sought sought
        sell sells sold sold|tell tells told told|say says said said|pay pays paid paid|hear hears heard heard
        keep keeps kept kept|sleep sleeps slept slept|mean means meant meant|send sends sent sent|spend spends spent spent
        build builds built built|lose loses lost lost|meet meets met met|sit sits sat sat|stand stands stood stood
        understand understands understood understood|win wins won won|feel feels felt felt|leave leaves left left
        find finds found found|hold holds held held|lead leads led led|bring brings brought brought|lend lends lent lent
        """
        var out: [(String, String, String, String)] = []
        for entry in irregular.split(whereSeparator: { $0 == "|" || $0 == "\n" }) {
            let f = entry.split(separator: " ").map(String.init)
            if f.count == 4 { out.append((f[0], f[1], f[2], f[3])) }
        }
        let regular = """
        want need like love hate work play live look seem use try help talk turn start show move believe include continue
        learn change watch follow stop create open walk offer remember consider appear serve die stay reach kill raise pass
        decide return explain hope develop carry receive agree support produce cover enjoy prefer cry study wish answer ask
        call happen listen travel visit wait worry finish arrive plan improve increase allow provide require expect share
        describe discuss report protect prepare complain belong depend exist contain matter notice suggest practice
        """
        for base in regular.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) {
            let third: String
            let past: String
            if base.hasSuffix("y"), let c = base.dropLast().last, !"aeiou".contains(c) {
                third = base.dropLast() + "ies"
                past = base.dropLast() + "ied"
            } else if base.hasSuffix("s") || base.hasSuffix("sh") || base.hasSuffix("ch") || base.hasSuffix("x") || base.hasSuffix("o") {
                third = base + "es"
                past = base + "ed"
            } else {
                third = base + "s"
                past = base.hasSuffix("e") ? base + "d" : (["stop", "plan", "travel"].contains(base) ? base + String(base.last!) + "ed" : base + "ed")
            }
            out.append((base, third, past, past))
        }
        return out
    }()

    static let auxiliaries: WordList = [
        "do", "does", "did", "can", "could", "will", "would", "should", "may", "might", "must", "shall", "don't", "doesn't",
        "didn't", "can't", "cannot", "won't", "wouldn't", "shouldn't", "couldn't", "mustn't", "let's", "why", "how", "where",
        "what", "when", "whom", "has", "have", "had", "is", "are", "was", "were", "am",
    ]

    /// Base form → third-person form, for "he go" → "he goes".
    static let baseForms = WordDictionary<String>({
        var d: [String: String] = [:]
        for (b, t, _, _) in table where b != "be" { d[b] = t }
        return d
    }())

    /// Fixes after he/she/it.
    static let thirdPersonFix = WordDictionary<String>({
        var d = baseForms.dictionary
        d["are"] = "is"
        d["were"] = "was"
        d["don't"] = "doesn't"
        d["haven't"] = "hasn't"
        d["aren't"] = "isn't"
        d["weren't"] = "wasn't"
        d["am"] = "is"
        // Base forms that equal their past or are common nouns after a pronoun object ("it feels", "she left").
        for w in ["let", "put", "cut", "hit", "set", "read", "cost", "hurt", "shut", "come", "become", "run"] { d[w] = nil }
        return d
    }())

    static let thirdToBase = WordDictionary<String>({
        var d: [String: String] = [:]
        for (b, t, _, _) in table where b != "be" { d[t] = b }
        d["doesn't"] = nil
        return d
    }())

    static let pastToBase = WordDictionary<String>({
        var d: [String: String] = [:]
        for (b, _, p, _) in table where b != "be" && p != b { d[p] = b }
        d["was"] = "be"
        d["were"] = "be"
        return d
    }())

    /// Irregular simple pasts that are not also common nouns or base forms.
    static let strongPast: WordList = [
        "went", "ate", "took", "gave", "wrote", "drove", "rode", "sang", "began", "knew", "grew", "threw", "flew", "drew",
        "chose", "spoke", "broke", "stole", "froze", "swore", "forgot", "came", "became", "ran", "swam", "drank", "sank",
        "shook", "bought", "brought", "taught", "caught", "fought", "sought", "sold", "told", "said", "paid", "kept",
        "slept", "meant", "sent", "spent", "built", "met", "sat", "stood", "understood", "won", "did", "had", "made", "got",
    ]

    /// Simple past → past participle where they differ ("has went" → "has gone").
    static let pastToParticiple: [String: String] = {
        var d: [String: String] = [:]
        for (_, _, p, pp) in table where p != pp { d[p] = pp }
        d["got"] = nil
        d["forgot"] = nil
        d["bit"] = nil
        d["hid"] = nil
        return d
    }()

    /// Third-person or past forms that are usually nouns after "do"/"can" ("can sinks"?), left alone.
    static let nounLike: WordList = ["works", "plays", "uses", "needs", "loves", "hopes", "plans", "calls", "reports",
                                        "changes", "shows", "visits", "answers", "walks", "talks", "means", "wants",
                                        "supports", "covers", "offers", "matters", "practices", "cries", "studies",
                                        "saw", "found", "left", "felt", "fell", "rose", "lay", "wound", "thought", "spoke"]
}
