import Foundation
import MeshProtocol
import MeshText

/// `grammar.spelling` and `grammar.rejected-word` (the speller is `Speller.swift`, the document's terms
/// `Terms.swift`).
extension GrammarSpecialist {
    // MARK: Spelling

    func spelling(_ ctx: inout RuleContext, starts: SentenceStarts) {
        guard speller.isAvailable else { return }
        let tokens = ctx.tokens
        let sc = ctx.text.scalars
        var evidence: TermEvidence?
        for i in 0..<tokens.count {
            guard tokens[i].kind == .word else { continue }
            // Identifiers and acronyms: digits, underscores, ALLCAPS, inner capitals. A word's text is
            // `sc[start..<end]`, read there rather than by walking the string; the token is copied (two strings
            // retained) only once the word turns out misspelt.
            let start = tokens[i].start, end = tokens[i].end
            var upper = 0, lower = 0, digit = false, inner = false
            for k in start..<end {
                let s = sc[k]
                if CharClass.isUpper(s) { upper += 1; if k > start { inner = true } }
                else if CharClass.isLower(s) { lower += 1 }
                else if CharClass.isDigit(s) || s == "_" { digit = true }
            }
            if digit || inner || lower == 0 || end - start < 2 { continue }
            // Capitalised words inside a sentence are names; only sentence starts get checked.
            if upper > 0 && !starts.contains(i) { continue }
            // Joined to code-like neighbours ("file.txt", "@user", "#tag", "$HOME").
            if i > 0, !tokens[i].spaceBefore, ctx.text.token(i - 1, isOneOf: "@#$/\\._-<&%~=") { continue }
            if i + 1 < tokens.count, !tokens[i + 1].spaceBefore, ctx.text.token(i + 1, isOneOf: "@/\\_(=<[{") { continue }
            if i + 2 < tokens.count, !tokens[i + 1].spaceBefore, tokens[i + 1].text == ".", !tokens[i + 2].spaceBefore, tokens[i + 2].kind == .word { continue }
            let w = tokens[i].lower
            if !ctx.config.accept.isEmpty, ctx.config.accept.contains(w) { continue }
            if GrammarLists.uncountablePluralWords.mayContain(hash: tokens[i].lowerHash), GrammarLists.uncountablePlurals[w] != nil { continue }
            if check(tokens[i].text, lower: w, lowerHash: tokens[i].lowerHash) { continue }
            // Suggestions are the slow part: a text of unknown words stops here once the deadline passes.
            if ctx.overBudget() { return }
            let t = tokens[i]
            // A term of this project or document is not a typo: the vocabulary's patterns, the document's terms
            // (`DocumentReview.withTerms`), and words of this chunk's own code spans and enclosing headings.
            if !ctx.config.documentTerms.isEmpty, ctx.config.documentTerms.contains(w) { continue }
            if !ctx.config.acceptPatterns.isEmpty, ctx.config.acceptsByPattern(t.text) { continue }
            if TermEvidence.isForeignScript(t.text) { continue }
            if evidence == nil { evidence = TermEvidence(code: tokens.lazy.filter { $0.kind == .opaque }.map(\.text), headings: ctx.chunk.headingPath) }
            if evidence!.contains(w) { continue }
            // Beside a word of another Latin-script language ("Español por RustLangES"): that language, not a slip.
            if foreignNeighbour(ctx, i) { continue }
            // A name written in lower case inside a compound ("non-turing complete"): the slip is the capital.
            if upper == 0, w.contains("-"), let named = capitalisedNames(in: t.text) {
                // Technical writing lower-cases names in compounds on purpose often enough ("unix-like"): there a
                // suggestion.
                ctx.add("grammar.spelling", "A name keeps its capital: '\(named)'.", t.span, [named],
                        atMost: ctx.chunk.format == .markdown ? .suggestion : .warning)
                continue
            }
            var likely = TermEvidence.termShape(w, known: { self.check($0, lower: $0) })
            // A capitalised word built like a term ("Destructuring" opening a sentence) is a term's name, unless a
            // slip of spelling explains it better ("Altough", "Techology").
            if upper > 0, likely != nil, !speller.suggest(w).contains(where: { TermEvidence.isTypingSlip(w, $0) }) { continue }
            var suggestions = speller.suggest(t.text).filter { $0.lowercased() != w }
            // The slips people make ("preffer", "conseder", "raher") beat the shape of a term; a term is only a
            // consonant away from some word ("malloc" → "mallow"), which is no reason to offer that word.
            if upper == 0 {
                let slips = suggestions.filter { TermEvidence.isTypingSlip(w, $0.lowercased()) }
                if likely != nil, !slips.isEmpty, !TermEvidence.readAsLetters(w) { likely = nil }
                // A regular form of a known word or a compound of two long ones beats a slip ("sharding", not
                // "shading"; "textfile", not "textile"). In a Markdown document such a compound is a term
                // ("breakpoint", "undersize", "textfile": none of the held-out ones was a typo): a suggestion.
                let known: (String) -> Bool = { self.check($0, lower: $0) }
                if TermEvidence.isRegularDerivation(w, known: known) { likely = .suggestion }
                else if ctx.chunk.format == .markdown,
                        TermEvidence.isTechnicalDerivation(w, known: known, isVerb: { WordClasses.shared.isVerb($0) }) { likely = .suggestion }
                else if likely == nil, !slips.isEmpty, TermEvidence.isLongCompound(w, known: known) {
                    likely = ctx.chunk.format == .markdown ? .suggestion : .warning
                }
                // A hyphenated name whose unknown parts are abbreviations of four letters or fewer ("check-cfg",
                // "extra-link-arg", "unix-like", "api-server"): a feature or command name. A slip in a longer part
                // ("text-to-speach") is still one.
                if likely == nil, w.contains("-"), TermEvidence.unknownPartsAreShort(w, known: known) { likely = .suggestion }
                // A word alone in quotes ("nul", "sudo su -") is mentioned, not used: a literal name or value.
                if likely == nil, isQuotedLiteral(ctx, i) { likely = .suggestion }
                // An error needs a word it is a slip of; an unknown word with none ("deref", "malloc") may be a term.
                if likely == nil, slips.isEmpty { likely = .warning }
                // In a Markdown document (technical documentation) an unknown word that is no slip of an English
                // word is nearly always a term: on held-out published docs about 1 in 15 such warnings was a typo.
                // Plain text (learner prose, JSONL) keeps the warning.
                if likely == .warning, slips.isEmpty, ctx.chunk.format == .markdown { likely = .suggestion }
                // A verb made back from a known noun or adjective ("recurse" from "recursion", "recursive") is a
                // word of its own, whatever it is a letter away from.
                if TermEvidence.isBackFormation(w, known: { self.check($0, lower: $0) }) { likely = .suggestion }
                // A hyphenated word whose every slip is at the first letter of a part, one of them a consonant
                // dropped or put before it ("irst-fay" in Pig Latin), is made that way on purpose. (A plain word
                // so made is left a slip: learners write "noring" for "boring".)
                if likely == nil, w.contains("-"), slips.contains(where: { TermEvidence.differsInFirstLetter(w, $0) }),
                   slips.allSatisfy({ TermEvidence.differsInFirstLetter(w, $0, anyLetter: true) }) { likely = .suggestion }
                suggestions = likely == nil ? slips : []
            }
            // A capitalised unknown word is usually a name: flag it only when it is one letter away from a
            // common lower-case word of the same length or longer ("Becuase", "Teh").
            if upper > 0 {
                let lowerSuggestions = speller.suggest(w).filter { $0 != w }
                // A capital word whose first letter is what differs is a name coined from the word ("Rustaceans",
                // "Crustaceans"): slips keep a word's first letter.
                guard w.count >= 6, let best = lowerSuggestions.first, best.unicodeScalars.first.map(CharClass.isLower) == true,
                      best.count >= w.count, Self.editDistance(best, w) <= 1 || Self.isTransposition(best, w),
                      !TermEvidence.differsInFirstLetter(w, best) else { continue }
                suggestions = lowerSuggestions.map { matchCase($0, like: t.text) }
                // A capital word a letter from a common one ("Techology") is a slip whatever parts it splits into.
                // ("Overtraining" is a prefix and a word, not two words.)
                if likely == .suggestion, !TermEvidence.prefixes.contains(where: { w.hasPrefix($0) }),
                   TermEvidence.isLongCompound(w, known: { self.check($0, lower: $0) }) { likely = .warning }
            }
            // In a Markdown document (technical documentation) a term of the trade is often a letter from an English
            // word ("reflink" → "relink", "sudoer" → "sudor", "varint" → "variant", "env" → "inv", "quantile-less"):
            // an error needs strong evidence, a known misspelling or a long word one edit from its slip; weaker
            // evidence makes a warning, none a suggestion that still offers its words (`SpellingEvidence`).
            // Plain text (learner prose) keeps the error.
            if likely == nil, ctx.chunk.format == .markdown {
                likely = SpellingEvidence.markdownSeverity(w, slips: suggestions.map { $0.lowercased() })
            }
            // A common misspelling with one known correction offers it first: the speller ranks its one-edit
            // neighbours by letters alone ("adresses" → "dresses" before "addresses").
            if likely != .suggestion, let fix = KnownMisspellings.correction(of: w) {
                suggestions = [matchCase(fix, like: t.text)] + suggestions.filter { $0.lowercased() != fix.lowercased() }
            }
            guard ctx.config.isEnabled("grammar.spelling") else { continue }
            var f = Finding("grammar.spelling", "'\(t.text)' may be misspelt.", t.span, suggestions)
            // Severity is confidence: a near miss of an English word is an error; a word built like a term
            // (prefix + word, word + suffix, two words run together, no vowel) is at most a warning.
            if let likely {
                f.severity = likely
                f.message = likely == .suggestion ? "'\(t.text)' is not in the dictionary; if it is a term, add it to the vocabulary."
                    : "'\(t.text)' is not in the dictionary: a misspelling, or a term to add to the vocabulary?"
            }
            ctx.findings.append(f)
        }
    }

    /// Token `i` is inside straight or curly double quotes that hold at most three words and no sentence
    /// punctuation, the quotes touching their words: a literal mentioned by name ("nul", "sudo su -").
    func isQuotedLiteral(_ ctx: RuleContext, _ i: Int) -> Bool {
        let tokens = ctx.tokens
        func isQuote(_ k: Int) -> Bool { ctx.text.token(k, isOneOf: "\"\u{201C}\u{201D}") }
        var open = i - 1
        while open >= 0, i - open <= 4, !isQuote(open) {
            if ctx.text.token(open, isOneOf: ".,;!?") { return false }
            open -= 1
        }
        guard open >= 0, isQuote(open), !tokens[open + 1].spaceBefore else { return false }
        var close = i + 1
        while close < tokens.count, close - open <= 5, !isQuote(close) {
            if ctx.text.token(close, isOneOf: ".,;!?") { return false }
            close += 1
        }
        guard close < tokens.count, isQuote(close), !tokens[close].spaceBefore else { return false }
        return tokens[(open + 1)..<close].filter { $0.kind == .word }.count <= 3
    }

    /// The word before or after token `i` is in another Latin-script language: it has a letter English does not
    /// use (ñ, ç, ø ...) and the dictionary does not know it ("Español", "Français"; "café" is known).
    func foreignNeighbour(_ ctx: RuleContext, _ i: Int) -> Bool {
        let tokens = ctx.tokens
        for k in [i - 1, i + 1] where k >= 0 && k < tokens.count && tokens[k].kind == .word {
            let text = tokens[k].text
            let accented = text.unicodeScalars.contains { (0xC0...0x24F).contains($0.value) && $0.value != 0xD7 && $0.value != 0xF7 }
            if accented, !check(text, lower: tokens[k].lower) { return true }
        }
        return false
    }

    static func isTransposition(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard x.count == y.count else { return false }
        let diff = (0..<x.count).filter { x[$0] != y[$0] }
        return diff.count == 2 && diff[1] == diff[0] + 1 && x[diff[0]] == y[diff[1]] && x[diff[1]] == y[diff[0]]
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// `lowerHash`, when given, is `fnv1a(lower)`: the speller's cache takes it instead of hashing a word that is
    /// its own lower case again.
    func check(_ word: String, lower: String, lowerHash: UInt64? = nil) -> Bool {
        let known = if let lowerHash, word == lower { speller.check(word, hash: lowerHash) } else { speller.check(word) }
        if known { return true }
        if word != lower, speller.check(lower) { return true }
        // Possessives and contractions hunspell lacks ("Redis's", "data's").
        for suffix in ["'s", "'"] where lower.hasSuffix(suffix) {
            let stem = String(lower.dropLast(suffix.count))
            if !stem.isEmpty, speller.check(stem) { return true }
        }
        // Hyphenated compounds: every part must be a word.
        if lower.contains("-") {
            let parts = lower.split(separator: "-").map(String.init)
            if parts.allSatisfy({ $0.count <= 1 || speller.check($0) || Prefixes.all.contains($0) }) { return true }
            return false
        }
        // British spellings: accept when the American form is known (consistency is structure's job).
        var forms = [lower]
        if lower.hasSuffix("'s") { forms.append(String(lower.dropLast(2))) }
        for form in forms {
            for (gb, us) in [("our", "or"), ("ours", "ors"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"), ("isation", "ization"),
                             ("isations", "izations"), ("yse", "yze"), ("ysed", "yzed"), ("tre", "ter"), ("tres", "ters"),
                             ("lled", "led"), ("lling", "ling"), ("ogue", "og"), ("ence", "ense"), ("ourite", "orite"),
                             ("ourites", "orites"), ("oured", "ored"), ("ouring", "oring"), ("ourful", "orful"), ("amme", "am"),
                             ("ller", "ler"), ("mme", "m"), ("ises", "izes"), ("ellery", "elry")] where form.hasSuffix(gb) {
                let us = String(form.dropLast(gb.count)) + us
                if speller.check(us) { return true }
            }
        }
        return false
    }

    /// `word` (lower case) as a prefix and a name hunspell knows only with a capital, the name capitalised
    /// ("non-turing" → "non-Turing"). Other compounds with a name in them are identifiers as often as not
    /// ("redis-server", "kubernetes-ingress", "eventing-kafka-broker").
    func capitalisedNames(in word: String) -> String? {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, Prefixes.all.contains(String(parts[0])), parts[1].count >= 3, !speller.check(String(parts[1])) else { return nil }
        let named = parts[1].prefix(1).uppercased() + parts[1].dropFirst()
        return speller.check(named) ? "\(parts[0])-\(named)" : nil
    }

    /// A word the project's vocabulary rejects.
    func rejectedWord(_ ctx: inout RuleContext, _ i: Int) {
        let t = ctx.tokens[i]
        ctx.add("grammar.rejected-word", "The project vocabulary rejects '\(t.text)'.", t.span)
    }
}

enum Prefixes {
    static let all: WordList = ["re", "pre", "non", "co", "multi", "anti", "semi", "sub", "super", "self", "post", "inter", "over",
                                   "under", "un", "de", "mis", "ex", "cross", "micro", "macro", "mid", "pro", "well", "e", "x"]
}
