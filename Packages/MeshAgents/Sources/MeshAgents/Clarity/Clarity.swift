import Foundation
import MeshProtocol
import MeshText

/// Readability, long sentences, passive voice, wordy phrases, weasel words, needless adverbs,
/// nominalisations, clichés, redundancies and jargon. Sends the chunk's prose counts.
public struct ClaritySpecialist: BudgetedSpecialist {
    public var type: SpecialistType { .clarity }

    public init() {}

    public func analyze(_ chunk: Chunk, config: MeshConfig) -> ChunkAnalysis {
        analyze(chunk, config: config, text: chunk.kind == .outline ? TextAnalysis(text: "") : TextAnalysis(chunk: chunk))
    }

    public func analyze(_ chunk: Chunk, config: MeshConfig, text: TextAnalysis) -> ChunkAnalysis {
        analyze(chunk, config: config, text: text, deadline: .none)
    }

    func analyze(_ chunk: Chunk, config: MeshConfig, text: TextAnalysis, deadline: Deadline) -> ChunkAnalysis {
        guard chunk.kind != .outline else { return ChunkAnalysis() }
        var ctx = RuleContext(chunk: chunk, config: config, text: text, deadline: deadline)
        let counts = Readability.counts(ctx.text)
        // The rule families in order, the deadline checked after each.
        let families: [(inout RuleContext) -> Void] = [
            { phrases(&$0) }, { usagePatterns(&$0) }, { sentences(&$0) }, { passive(&$0) },
        ]
        for family in families {
            if ctx.overBudget() { return .timedOut }
            family(&ctx)
        }
        if chunk.kind == .paragraph, counts.words >= 30, counts.sentences >= 2, config.isEnabled("clarity.hard-paragraph") {
            let grade = Readability.fleschKincaidGrade(counts)
            if grade > 16 {
                ctx.add("clarity.hard-paragraph",
                        "This paragraph reads at grade \(Int(grade.rounded())) (Flesch–Kincaid): shorten sentences and words.",
                        TextSpan(start: 0, end: ctx.text.scalars.count))
            }
        }
        if config.isEnabled("clarity.e-prime") { ePrime(&ctx) }
        if ctx.overBudget() { return .timedOut }
        CustomRules.apply(&ctx, type: .clarity)
        if ctx.overBudget() { return .timedOut }
        return ChunkAnalysis(findings: ctx.findings, counts: counts)
    }

    func phrases(_ ctx: inout RuleContext) {
        let tokens = ctx.tokens
        var starts = Set<Int>()
        for s in ctx.text.sentences {
            if let i = s.tokens.first(where: { tokens[$0].kind != .punct }) { starts.insert(i) }
        }
        let rules = Self.phraseRules
        let active = rules.map { ctx.config.isEnabled($0.0) }
        // Read once: a closure that reads `ctx.config` copies the whole config out of `ctx` on every call.
        let accept = ctx.config.accept
        var seen = Set<Int>()  // (start, end) already flagged by a rule: the built-in and generated tables overlap.
        for (k, a, b, e) in Self.phraseTables.matches(tokens, active: active, where: { k, a, b, e in
            let rule = rules[k].0
            // A phrase to cut that ends in "of" leaves a sentence only before an -ing form ("is in the process of
            // migrating"); before a noun the cut breaks it ("is in the process of deletion" → "is deletion").
            if e.replacements.first == "-", tokens[b].lower == "of" {
                return b + 1 < tokens.count && tokens[b + 1].lower.hasSuffix("ing")
            }
            if rule == "clarity.empty-opener" { return (starts.contains(a) || a > 0 && tokens[a - 1].text == ";" && tokens[a].lower == "so") && !(a + 1 < tokens.count && tokens[a + 1].kind == .punct && tokens[a + 1].text != ",") }
            if e.note == "start" { return starts.contains(a) }
            if !accept.isEmpty, accept.contains(tokens[a].lower) { return false }
            return true
        }) {
            if e.note == "ok" { continue }  // an exception that hides a shorter match ("at least possible")
            let (rule, _, message) = rules[k]
            let span = TextSpan(start: tokens[a].start, end: tokens[b].end)
            let key = (span.start &* 1_000_003 &+ span.end) &* 31 &+ rule.hashValue
            guard seen.insert(key).inserted else { continue }
            let original = ctx.text(span)
            let reps = e.replacements.map { $0 == "-" ? "" : matchCase($0, like: original) }
            var msg = message.replacingAll("%r", with: reps.first ?? "")
            if reps.isEmpty, rule == "clarity.usage" { msg = "'%t' is nonstandard, dated or disputed: rephrase it." }
            // A phrase whose fix is to cut it ("in the process of shutting down") has no word that says the same.
            if reps.first == "", message.contains("%r") { msg = "'%t' can go: cut it." }
            msg = msg.replacingAll("%t", with: original)
            if let note = e.note, note != "start" { msg = note.replacingAll("%t", with: original) }
            ctx.add(rule, msg, span, reps)
        }
    }

    static let phraseTables = PhraseTables(phraseRules.map(\.1))

    static let phraseRules: [(String, PhraseTable, String)] = [
            ("clarity.redundancy", ClarityLists.redundancy, "Redundant: '%r' says the same."),
            ("clarity.uncomparable", ClarityLists.uncomparable, "'%t' cannot be compared: use '%r'."),
            ("clarity.wordy", ClarityLists.wordy, "Wordy: use '%r'."),
            ("clarity.plain-english", ClarityLists.officialese, "Officialese: use '%r'."),
            ("clarity.plain-words", ClarityLists.plainWords, "Use the plain word '%r'."),
            ("clarity.nominalization", ClarityLists.nominalizations, "A verb hides in this noun: use '%r'."),
            ("clarity.cliche", ClarityLists.cliches, "'%t' is a cliché: say it plainly."),
            ("clarity.jargon", ClarityLists.jargon, "'%t' is jargon: say what you mean."),
            ("clarity.weasel", ClarityLists.weasel, "'%t' is vague: give a number or a source."),
            ("clarity.adverb", ClarityLists.adverbs, "'%t' adds little: cut it."),
            ("clarity.empty-opener", ClarityLists.openers, "'%t' adds nothing at the start of a sentence."),
            // proselint's lists (Generated/UsageLists.swift, made by Generated/gen_usage.py).
            ("clarity.redundancy", UsageLists.redundancy, "Redundant: '%r' says the same."),
            ("clarity.wordy", UsageLists.wordy, "Wordy: use '%r'."),
            ("clarity.cliche", UsageLists.cliches, "'%t' is a cliché: say it plainly."),
            ("clarity.jargon", UsageLists.jargon, "'%t' is jargon: say what you mean."),
            ("clarity.usage", UsageLists.usage, "Use '%r' instead of '%t'."),
            ("clarity.uncomparable", UsageLists.uncomparables, "'%t' cannot be compared: use '%r'."),
    ]

    func sentences(_ ctx: inout RuleContext) {
        guard ctx.config.isEnabled("clarity.long-sentence") else { return }
        for s in ctx.text.sentences {
            let words = ctx.text.countWords(in: s.tokens, numbers: true)
            if words > ctx.config.sentenceWords {
                ctx.add("clarity.long-sentence", "This sentence has \(words) words (more than \(ctx.config.sentenceWords)): split it.", s.span)
            }
        }
    }

    /// "was killed", "is being reviewed", "has been said": a form of "be" and a past participle.
    func passive(_ ctx: inout RuleContext) {
        guard ctx.config.isEnabled("clarity.passive-voice") else { return }
        let tokens = ctx.tokens
        let n = tokens.count
        var i = 0
        while i < n {
            guard tokens[i].kind == .word, ClarityLists.beFormWords.mayContain(hash: tokens[i].lowerHash),
                  ClarityLists.beForms.contains(tokens[i]) else { i += 1; continue }
            let t = tokens[i]
            var j = i + 1
            // Skip "being", "not", and one adverb.
            while j < n, tokens[j].kind == .word, tokens[j].lower == "being" || tokens[j].lower == "not" || tokens[j].lower == "been"
                    || (tokens[j].lower.hasSuffix("ly") && tokens[j].lower.count > 4) { j += 1 }
            guard j < n, tokens[j].kind == .word else { i += 1; continue }
            let w = tokens[j].lower
            if ClarityLists.isParticiple(w) {
                // "is interested in", "was tired": adjectives that look like participles.
                if ClarityLists.adjectival.contains(w) { i = j + 1; continue }
                // "used to", "supposed to", "based on" are idioms.
                if j + 1 < n, tokens[j + 1].lower == "to", w == "used" || w == "supposed" { i = j + 1; continue }
                ctx.add("clarity.passive-voice", "'\(ctx.text(TextSpan(start: t.start, end: tokens[j].end)))' may be passive voice: say who acts.",
                        TextSpan(start: t.start, end: tokens[j].end))
                i = j + 1
                continue
            }
            i += 1
        }
    }

    func ePrime(_ ctx: inout RuleContext) {
        for t in ctx.tokens where t.kind == .word && ClarityLists.ePrime.contains(t.lower) {
            ctx.add("clarity.e-prime", "'\(t.text)' is a form of 'to be'.", t.span)
        }
    }
}
