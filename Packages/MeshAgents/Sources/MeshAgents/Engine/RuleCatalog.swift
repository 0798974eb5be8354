import Foundation
import MeshProtocol
import MeshText

/// A rule's stable identity and defaults.
public struct RuleInfo: Sendable, Hashable {
    public enum Scope: String, Sendable, Hashable {
        /// Flags a word or phrase: dropped when it overlaps inline code or a URL.
        case word
        /// Flags a sentence, paragraph or section: kept even when it contains inline code.
        case block
    }

    public var id: String
    public var specialist: SpecialistType
    public var severity: Severity
    public var description: String
    public var scope: Scope
    public var enabledByDefault: Bool

    public init(
        _ id: String, _ severity: Severity, _ description: String, scope: Scope = .word, enabledByDefault: Bool = true
    ) {
        self.id = id
        self.specialist = SpecialistType(rawValue: String(id.split(separator: ".").first!))!
        self.severity = severity
        self.description = description
        self.scope = scope
        self.enabledByDefault = enabledByDefault
    }
}

/// Every built-in rule. `RULES.md` is generated from this list (`mesh-agents rules`).
public enum RuleCatalog {
    public static let all: [RuleInfo] = [
        // Grammar
        RuleInfo("grammar.spelling", .error, "Words hunspell (en_US) does not know; skips code, URLs, paths, identifiers, the accepted vocabulary and the document's own terms. An error when it is a slip of an English word (swapped, doubled, undoubled, missing or added letter, one vowel for another), offered as the replacement (in a Markdown document only with strong evidence: a common misspelling of five letters or more from codespell's list (`Generated/KnownMisspellings.swift`: \"clasic\", also as a part of a hyphenated word: \"text-to-speach\"); a word of eight letters or more, not hyphenated, one edit from the word (\"commenly\"), a shorter known misspelling (\"teh\") or two neighbouring letters swapped in a word of five letters or more (\"tokne\") is a warning there, and any other slip a suggestion that still offers its words, since terms sit a letter from English words: \"reflink\", \"sudoer\", \"varint\", \"env\", \"quantile-less\"); a warning for any other unknown word (in a Markdown document, where such a word is nearly always a term, a suggestion), for two words run together with a short part (\"keyspace\") and for two long words with a slip nearby (\"textfile\"; in a Markdown document a suggestion); a suggestion with no replacement for a word built like a term (prefix or suffix of a known word, no vowel, letters no English word starts with, two content words of four letters or more (\"backtrace\"), a daemon's name (\"systemd\"), a regular form the dictionary lacks (\"natively\", \"linters\", \"sharding\", \"precompute\"), a hyphenated name whose unknown parts are short (\"check-cfg\"), a word alone in quotes (\"nul\"))."),
        RuleInfo("grammar.repeated-word", .error, "The same word twice in a row (\"the the\"; \"had had\" and \"that that\" are fine, three times is not) and a phrase of 2–4 words repeated at once (lexical illusions)."),
        RuleInfo("grammar.a-an", .error, "\"a\" before a vowel sound or \"an\" before a consonant sound (\"an user\", \"a hour\")."),
        RuleInfo("grammar.confused-words", .error, "Commonly confused words in a context that gives them away: its/it's, their/there/they're, then/than, affect/effect, lose/loose, your/you're, could of, ... \"we use to\" + verb after a fronted object (\"the buffer we use to accumulate\") says what for, and is left alone."),
        RuleInfo("grammar.date", .error, "A weekday that does not match its date (\"Monday, 7 October 2014\") or a date that does not exist (\"November 31\")."),
        RuleInfo("grammar.agreement", .error, "Subject–verb agreement with pronouns and counted subjects (\"he go\", \"they was\", \"there is many\"), a counted plural and its relative clause after a verb (\"has two flags that allows\"; not \"in many cases that means\", where \"that\" is a pronoun) and an \"as the name suggest,\" aside. Patterns that guess which word is the subject (a noun and its verb outside that aside, \"these is\", a pronoun after a preposition) are warnings."),
        RuleInfo("grammar.verb-form", .error, "Verb forms after auxiliaries (\"did went\", \"has went\", \"will be took\", \"can goes\"), after \"let\" or \"make\" and an object (\"let it looks\"), a participle with no \"have\" (\"as we all known\"), the present after a past \"when\" clause, and double comparatives (\"more better\"). After a noun \"to\" is a preposition: a participle before a noun (\"paths to built artifacts\") and a plural compared with \"than\" (\"packages older than\") are no verbs; nor is a modal mentioned as a word (\"from must to should is\"). \"to\" and a third-person form (\"to learns\") only after a word that takes an infinitive (\"want\", \"decided\", \"able\", \"asked them\"): \"access to files\", \"tied to partitions\" are prepositional phrases."),
        RuleInfo("grammar.noun-number", .error, "A determiner or number whose noun has the wrong number (\"many problem\", \"every students\", \"much problems\", \"one of the main reason\")."),
        RuleInfo("grammar.verb-pattern", .error, "The wrong form after a verb or auxiliary (\"must to go\", \"enjoy to swim\", \"look forward to meet\", \"did not went\", \"more easier\") and \"since\" with a length of time (\"since two years\"); \"I am agree\" (be + base form) is a warning, and only where a verb's object or an ending follows (\"is part of\" is a noun; \"is off\", \"is down\" are adverbs)."),
        RuleInfo("grammar.date-without-year", .warning, "A weekday with a date but no year (\"Monday, 7 October\"): nobody can check that the two match."),
        RuleInfo("grammar.missing-verb", .error, "A clause with no verb: a subject pronoun and an adjective (\"I afraid of the dark\", \"it very familiar\") or a noun (\"They success and …\")."),
        RuleInfo("grammar.double-determiner", .error, "Two determiners in a row (\"the my life\", \"a the house\")."),
        RuleInfo("grammar.article", .warning, "A singular countable noun with no article after \"I am\" or \"he is\" (\"He is friend\"), \"lot of\" without \"a\", and \"all of students\" without \"the\"."),
        RuleInfo("grammar.compound-adjective", .warning, "A number and a unit before a noun without hyphens (\"a 35 hour week\", \"a two year old child\") or with a plural unit (\"a 10-metres rope\"), and \"English speaking people\"."),
        RuleInfo("grammar.preposition", .warning, "The wrong preposition in a fixed pattern (\"good in maths\" → at, \"explain me\" → explain to me, \"discuss about\", \"depend of\", \"listen music\")."),
        RuleInfo("grammar.comma-after-introduction", .warning, "A transitional opener with no comma after it (\"However we left\", \"For example the cache\")."),
        RuleInfo("grammar.double-negative", .warning, "Two negatives that cancel (\"don't have nothing\")."),
        RuleInfo("grammar.uncountable-plural", .error, "Plurals of uncountable nouns (\"informations\", \"advices\")."),
        RuleInfo("grammar.capitalization", .error, "A sentence that starts in lower case, lower-case \"i\", days, months and languages in lower case, and a capital inside a sentence (\"For example, When I\"; a clause opener after a word that can end a clause, \"is set This flag\", offers the missing full stop first; in a Markdown document not a capitalised question, which is a title or a quoted question: \"the [How does it work?](…) article\"). A Markdown paragraph that starts in lower case is a suggestion (it may continue a sentence across a code block or list), and a later sentence of a Markdown block that starts in lower case a warning (where a sentence ends is a guess there)."),
        RuleInfo("grammar.nonstandard-phrase", .warning, "Mangled idioms and nonstandard forms (\"could care less\", \"irregardless\", \"did a mistake\", \"Although …, but\", text-speak \"u\")."),
        RuleInfo("grammar.spacing", .warning, "Spaces before punctuation, missing after it (\"end.Next\", \"4:they\", \"say\"hey\"), or doubled between words."),
        RuleInfo("grammar.punctuation", .warning, "Doubled punctuation (\",,\", \"..\"), mixed \"?!\" runs and \"???\", a tag question without its comma or question mark, and a comma between \"I believe\" and what follows."),
        RuleInfo("grammar.unterminated-sentence", .warning, "A paragraph whose last sentence never ends with a full stop, question mark or exclamation mark; a suggestion in Markdown, where a paragraph may end in a link or lead into a list.", scope: .block),
        RuleInfo("grammar.typography", .suggestion, "Typewriter stand-ins for real symbols: \"...\" (…), \"(c)\" (©), \"(tm)\" (™), \"2 x 4\" (×), \"1990's\" (1990s), \"et. al\" (et al.)."),
        RuleInfo("grammar.rejected-word", .error, "A word the project's vocabulary rejects (`vocabulary.reject`)."),
        // Clarity
        RuleInfo("clarity.long-sentence", .suggestion, "Sentences longer than `limits.sentence-words` (35) words.", scope: .block),
        RuleInfo("clarity.hard-paragraph", .suggestion, "A paragraph whose Flesch–Kincaid grade is above 16: hard to read.", scope: .block),
        RuleInfo("clarity.passive-voice", .suggestion, "Passive voice (\"was killed\"): say who does what."),
        RuleInfo("clarity.wordy", .suggestion, "Wordy phrases with a shorter equivalent (\"in order to\" → \"to\")."),
        RuleInfo("clarity.plain-english", .warning, "Stock phrases of official writing with a plain equivalent in every context (\"with regard to\" → \"about\", \"in the event that\" → \"if\", \"due to the fact that\" → \"because\")."),
        RuleInfo("clarity.plain-words", .suggestion, "Long words with a plain equivalent (\"utilize\" → \"use\")."),
        RuleInfo("clarity.redundancy", .warning, "Redundant pairs (\"free gift\", \"past history\", \"ATM machine\"); idioms that repeat on purpose (\"each and every\", \"first of all\") are clarity.wordy."),
        RuleInfo("clarity.uncomparable", .warning, "Comparing what cannot be compared (\"very unique\", \"most perfect\")."),
        RuleInfo("clarity.weasel", .suggestion, "Vague quantities and attributions (\"many\", \"various\", \"studies show\")."),
        RuleInfo("clarity.adverb", .suggestion, "Adverbs that add nothing (\"basically\", \"actually\", \"really\")."),
        RuleInfo("clarity.nominalization", .suggestion, "A verb hidden in a noun (\"make a decision\" → \"decide\")."),
        RuleInfo("clarity.cliche", .suggestion, "Clichés (\"at the end of the day\", \"low-hanging fruit\")."),
        RuleInfo("clarity.jargon", .suggestion, "Business and bureaucratic jargon (\"synergy\", \"circle back\", \"going forward\")."),
        RuleInfo("clarity.empty-opener", .suggestion, "Sentences opening with \"So\" or \"There is/are\", \"; so\", and a paragraph opening with \"But\"."),
        RuleInfo("clarity.usage", .suggestion, "Words and phrases with a preferred form or best avoided (proselint's lists): needless variants, nonwords, archaisms, malapropisms, oxymorons, skunked terms, misspelt suffixes, denizen and animal adjectives, \"off of\", \"from whence\"; \"7 am\" (7 a.m.), \"12 p.m.\" (noon), \"August, 2008\", \"from 2000-2005\"."),
        RuleInfo("clarity.e-prime", .suggestion, "Any form of \"to be\" (E-Prime style); off by default.", enabledByDefault: false),
        // Tone
        RuleInfo("tone.hedging", .suggestion, "Hedges that weaken a claim (\"I think\", \"perhaps\", \"sort of\")."),
        RuleInfo("tone.intensifier", .suggestion, "Intensifiers that weaken more than they stress (\"very\", \"extremely\", \"totally\")."),
        RuleInfo("tone.exclamation", .suggestion, "Exclamation marks: repeated ones always, single ones when the target tone is formal."),
        RuleInfo("tone.shouting", .warning, "Words in capitals for emphasis (\"DO NOT\"); a run stops at a line break (lines of a command session: \"OK\" above \"LRANGE key 0 -1\"), and boolean operators (\"BITOP AND dest a b\") are syntax. In a Markdown document a suggestion: capitals there are mostly deliberate (a safety warning, a rating scheme, a value), 1 in 9 shouting on held-out docs."),
        RuleInfo("tone.condescending", .suggestion, "Words that talk down to readers (\"simply\", \"obviously\", \"just\", \"easy\")."),
        RuleInfo("tone.insensitive", .warning, "Insensitive or non-inclusive wording, with neutral alternatives (\"whitelist\" → \"allowlist\")."),
        RuleInfo("tone.profanity", .warning, "Profane words."),
        RuleInfo("tone.informal", .suggestion, "Slang and chat speak (\"gonna\", \"lol\"); contractions too when the target tone is formal."),
        RuleInfo("tone.formal-word", .suggestion, "Stiff words (\"hereby\", \"aforementioned\") when the target tone is neutral or friendly."),
        RuleInfo("tone.negative", .suggestion, "A paragraph whose tone is far more negative than the target tone; names the words that drove it.", scope: .block),
        // Structure
        RuleInfo("structure.heading-skip", .warning, "A heading level that skips one (# then ###).", scope: .block),
        RuleInfo("structure.top-level-heading", .warning, "A Markdown document with a second top-level heading; with three or more (sections kept at level 1 on purpose, as GitBook sites do) or with sections but none, a suggestion (a book chapter may start at ##).", scope: .block),
        RuleInfo("structure.duplicate-heading", .warning, "Two sibling headings with the same text.", scope: .block),
        RuleInfo("structure.empty-section", .warning, "A heading with nothing under it.", scope: .block),
        RuleInfo("structure.thin-section", .suggestion, "A section of one short line: merge it or say more.", scope: .block),
        RuleInfo("structure.long-section", .suggestion, "A section longer than `limits.section-words` (1500) words without subheadings.", scope: .block),
        RuleInfo("structure.wall-of-text", .suggestion, "Many paragraphs in a row with no heading to break them up.", scope: .block),
        RuleInfo("structure.heading-case", .suggestion, "Headings that mix Title Case and sentence case.", scope: .block),
        RuleInfo("structure.heading-punctuation", .suggestion, "A heading ending in a full stop, colon or semicolon.", scope: .block),
        RuleInfo("structure.long-heading", .suggestion, "A heading longer than `limits.heading-words` (12) words.", scope: .block),
        RuleInfo("structure.long-paragraph", .suggestion, "A paragraph longer than `limits.paragraph-words` (150) words.", scope: .block),
        RuleInfo("structure.link-text", .warning, "Link text that says nothing (\"click here\", \"this link\")."),
        RuleInfo("structure.term-consistency", .warning, "A term spelt two ways in one document (color/colour, e-mail/email).", scope: .block),
        RuleInfo("structure.list-parallel", .suggestion, "List items that are not parallel: mixed end punctuation, capitalisation or grammatical form.", scope: .block),
        RuleInfo("structure.config", .error, "The document's own `.mesh.yaml` is malformed (file, line, reason).", scope: .block),
    ]

    /// Looked up for every finding (its default severity, its scope): a `WordMap` hashes an id faster.
    private static let byId = WordMap(Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) }))

    public static func info(_ id: String) -> RuleInfo? { byId[id] }

    /// The ids of rules that are off by default.
    private static let offByDefault = WordFilter(all.filter { !$0.enabledByDefault }.map(\.id))

    /// The lengths (UTF-8 bytes, 63 for longer) of the ids of rules that are off by default, as bits.
    private static let offByDefaultLengths: UInt64 = all.filter { !$0.enabledByDefault }
        .reduce(0) { $0 | 1 << UInt64(min($1.id.utf8.count, 63)) }

    /// false when `id` cannot be a rule that is off by default: its length first, then a filter test, before any
    /// hashing (this is asked for every finding).
    @inline(__always) static func mayBeOffByDefault(_ id: String) -> Bool {
        offByDefaultLengths & 1 << UInt64(min(id.utf8.count, 63)) != 0 && offByDefault.mayContain(id)
    }

    public static func rules(for type: SpecialistType) -> [RuleInfo] { all.filter { $0.specialist == type } }

    /// The Markdown of `RULES.md`; `precision` (from `DevSet.precision` over `Eval/devset.jsonl`) fills the column
    /// of measured precision.
    public static func markdown(precision: [String: RulePrecision] = [:]) -> String {
        var out = """
        # MeshAgents rules

        Generated from `RuleCatalog.all` by `make rules` (`mesh-agents rules > Packages/MeshAgents/RULES.md`);
        do not edit by hand: a test fails when this file is stale.

        Every rule can be switched off (`disable: [rule-id]` or a whole specialist), given another severity
        (`severity: { rule-id: warning }`) in `.mesh.yaml`, or silenced inline with
        `<!-- mesh-disable rule-id -->` … `<!-- mesh-enable rule-id -->` and `<!-- mesh-disable-next-line rule-id -->`.
        Rules marked *off* run only when `enable: [rule-id]` names them.

        ## Severity means confidence

        - **error**: findings that are almost never wrong, on learner text and on edited technical documentation
          alike, so that `--fail-on error` in CI can be trusted: a near miss of an English word (in a Markdown
          document only a known common misspelling), a doubled word,
          a/an by sound, a date that does not exist, a rejected word, a malformed config, and the grammar
          patterns whose context leaves one reading.
        - **warning**: heuristics that are usually right but read context they cannot see whole: an unknown
          word that is no slip of an English word (it may be a term: add it to the vocabulary), in a Markdown
          document a slip with only weaker evidence (a short known misspelling, two letters swapped), two words run
          together with a short part ("keyspace"), "be" + a base form, a paragraph that never ends, shouting in plain text.
        - **suggestion**: style, and anything that is probably a term: a word built like a technical coinage
          ("unsized", "growable", "src"), in a Markdown document a slip with no evidence beyond being a letter
          from an English word (terms of the trade sit there: "reflink" → "relink", "sudoer" → "sudor"), a Markdown paragraph that starts in lower case (it may continue a
          sentence across a code block or list).

        A rule's severity below is its highest; some findings of a rule get a lower one, as its description says.
        A word the document itself shows to be a term is no spelling finding at all: it appears inside a code span,
        URL or path of the document, in one of its fenced or indented code blocks or a link's destination, three
        times or more in its prose (twice with one use in a heading or as a link's label, or when it is no slip of
        an English word; one use as a label alone is not enough, so a typo in a label is still caught), in an
        enclosing heading, in `vocabulary.accept` or a Vale `accept.txt` (`vocabulary.accept-file`), in the
        shipped technical word list (flake8-spellcheck's, `Generated/TechTerms.swift`), or a prefix and a word the
        document uses three times or in code ("repost" in a text about posts). Standard English words hunspell
        lacks are known from SCOWL (`Generated/EnglishWords.swift`: "snuck"). A word beside a word of another
        Latin-script language ("Español por") is no finding; a hyphenated coinage that is a word with its first
        consonant dropped ("irst-fay") and a verb made back from a known -ion/-ive word ("recurse") are
        suggestions; a capital word at a sentence start that differs from a word by its first letter
        ("Rustaceans") is a name. Template tags (Hugo shortcodes `{{< … >}}`, Jinja/Liquid `{{ … }}`, `{% … %}`)
        and keys joined by colons ("bikes:racing:france", "ip:port") are not prose.

        *Spelling in documentation*: on held-out published docs (cargo, podman, prometheus, redis), of the Markdown
        spelling findings that had only a slip as evidence (a letter from an English word) or were two words run
        together, 20 of 21 were terms ("launchd", "reflink", "sudoer", "sharded", "uptime", "varint", "facto",
        "env", "textfile", "breakpoint"), and every real typo was in codespell's list of common misspellings
        ("clasic", the "speach" of "text-to-speach") or a word of eight letters or more one edit from its word ("accordingy",
        "reliablity", "commenly", "accurace"). So in Markdown an error needs that evidence, weaker evidence makes
        a warning, and the rest are suggestions that still offer their words: a wrong error costs more than a
        missed one. Plain text (learner prose) keeps every slip an error, which keeps learner recall.

        *Held-out documentation*: `make eval EVAL_DOCS=dir` (or `Eval/eval.py --docs dir --sample N --seed S`)
        prints the densities and seeded samples for any folder of Markdown kept outside the repository, one set
        per subfolder, so the figures on documentation the rules were not written from can be reproduced.

        *Severity policy*: a rule or finding is an error only when, on the sampled documents and on the learner
        sets, it is right nearly always (target: at least 80% of a random sample of errors right, at most 0.3
        errors per 1,000 words of edited documentation); a warning when it is usually right (target: at least 60%
        of a random sample); a suggestion otherwise. A sampled false alarm is fixed as a class (a dev-set item
        that must stay quiet) or, until it is, kept in the dev set under `false_alarms`, where it counts against
        the rule's precision below.

        *dev precision* is measured on the labelled dev sample `Eval/devset.jsonl` (sentences written for the
        classes of findings on technical documentation and learner text): of a rule's findings at warning or
        error, how many the sample labels right (right/all; "–" when it never fires there).

        """
        for type in SpecialistType.allCases {
            let rules = rules(for: type)
            out += "\n## \(type.rawValue.prefix(1).uppercased() + type.rawValue.dropFirst()) (\(rules.count) rules)\n\n"
            out += "| id | severity | dev precision | what it flags |\n|---|---|---|---|\n"
            for r in rules {
                let sev = r.enabledByDefault ? r.severity.rawValue : "\(r.severity.rawValue), *off*"
                let p = precision[r.id].map { "\($0.right)/\($0.right + $0.wrong)" } ?? "–"
                out += "| `\(r.id)` | \(sev) | \(p) | \(r.description.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
        }
        out += "\nCustom rules from `.mesh.yaml` (`rules:` with `kind: existence` or `kind: substitution`) use the ids they are given.\n"
        return out
    }
}
