import Foundation
import MeshProtocol
import MeshText

/// `grammar.capitalization`: sentence starts, "i", proper nouns, and a capital inside a sentence.
extension GrammarSpecialist {
    func capitalization(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        // Every case below needs a word starting in lower case that is "i…", may be a proper noun, or starts a
        // sentence: most words are none, and are only read, not copied (a copy retains two strings).
        let first = ctx.text.scalars[tokens[i].start] // the word's first scalar, without walking its text
        guard CharClass.isLower(first) else { return }
        // The lower case starts with "i" when the word does: a lower-case letter is its own lower case, so only a
        // non-ASCII first letter needs the string read.
        let startsWithI = first == "i" || first.value >= 128 && tokens[i].lower.utf8.first == UInt8(ascii: "i")
        // The five forms of "I" are "i" alone or "i" and an apostrophe: "in", "it", "is" and "if" end here.
        let iForm = startsWithI && (tokens[i].lower.utf8.count == 1 || tokens[i].lower.utf8.dropFirst().first == UInt8(ascii: "'"))
        guard iForm || GrammarLists.properNounWords.mayContain(hash: tokens[i].lowerHash) || starts.contains(i)
        else { return }
        let t = tokens[i]
        if iForm, t.lower == "i" || t.lower == "i'm" || t.lower == "i've" || t.lower == "i'll" || t.lower == "i'd" {
            // "(?i)", "(i)": a letter glued to punctuation on both sides is a flag or a numeral, not the pronoun.
            let glued = i > 0 && tokens[i - 1].kind == .punct && !t.spaceBefore && i + 1 < tokens.count && !tokens[i + 1].spaceBefore
            if CharClass.isLower(first), !glued, !(i + 1 < tokens.count && tokens[i + 1].text == "." && !tokens[i + 1].spaceBefore),
               !(i > 0 && tokens[i - 1].text == "." && !t.spaceBefore) {
                ctx.add("grammar.capitalization", "Write the pronoun 'I' in capitals.", t.span, [matchCase("I", like: "I") + t.text.dropFirst()])
                return
            }
        }
        if CharClass.isLower(first), GrammarLists.properNounWords.mayContain(hash: t.lowerHash), let proper = GrammarLists.properNouns[t.lower],
           !(i > 0 && (tokens[i - 1].text == "." || tokens[i - 1].text == "/" || tokens[i - 1].text == "-") && !t.spaceBefore),
           // A common word too ("polish", "turkey"): used as a verb ("to polish their patches") it stays lower case.
           !(speller.check(t.lower) && (i + 1 < tokens.count && Self.objectStarters.contains(tokens[i + 1].lower)
               || i > 0 && (tokens[i - 1].lower == "to" || Self.subjectPronouns.contains(tokens[i - 1].lower) || Self.modals.contains(tokens[i - 1].lower)))) {
            // A common word too ("a layer of polish", "turkey") is a proper noun only where it names a language or
            // people ("translated into polish", "polish food"): elsewhere only a suggestion.
            if speller.check(t.lower), !Self.namesNationality(ctx, i) {
                var f = Finding("grammar.capitalization", "'\(proper)' is a proper noun: capitalise it.", t.span, [proper])
                f.severity = .suggestion
                ctx.findings.append(f)
                return
            }
            ctx.add("grammar.capitalization", "'\(proper)' is a proper noun: capitalise it.", t.span, [proper])
            return
        }
        if CharClass.isLower(first), starts.contains(i),
           !(i > 0 && (tokens[i - 1].text == "\u{2026}" || (i >= 2 && tokens[i - 1].text == "." && tokens[i - 2].text == "."))) {
            // The chunk's first sentence of a list item, table cell or heading may start in lower case.
            let isFirstOfChunk = ctx.text.sentences.first.map { $0.tokens.contains(i) } ?? true
            if isFirstOfChunk && ctx.chunk.kind != .paragraph { return }
            // A Markdown paragraph can go on with a sentence that a code block, a list or a footnote label
            // interrupted ("is equivalent to"): only a suggestion there.
            let continuation = isFirstOfChunk && ctx.chunk.format == .markdown
            // A lone fragment ("noon") is not a sentence.
            if let s = ctx.text.sentence(containing: i), !s.terminated,
               ctx.text.countWords(in: s.tokens) < 3 { return }
            // A sentence after a colon-ended or unterminated sentence is a continuation.
            if i > 0, !isFirstOfChunk {
                var j = i - 1
                while j >= 0, tokens[j].kind == .punct, ctx.text.token(j, isOneOf: "\"')]\u{201D}\u{2019}") { j -= 1 }
                if j >= 0, tokens[j].kind == .punct, !(tokens[j].text == "." || tokens[j].text == "!" || tokens[j].text == "?") { return }
                // '"Am I late?" she asked.': a quotation ending in ? or ! goes on in lower case.
                if j >= 0, j < i - 1, tokens[j].text == "?" || tokens[j].text == "!" { return }
                // In Markdown a link label, emphasis or title ending in "!" or "?" ("[Graphs, Oh My!](…) describes")
                // often goes on in lower case; the markup is gone from the chunk's text, so only a suggestion.
                if j >= 0, tokens[j].text == "?" || tokens[j].text == "!", ctx.chunk.format == .markdown {
                    let upper = String(first).uppercased() + String(String.UnicodeScalarView(t.text.unicodeScalars.dropFirst()))
                    var f = Finding("grammar.capitalization", "Start the sentence with a capital letter.", t.span, [upper])
                    f.severity = .suggestion
                    ctx.findings.append(f)
                    return
                }
                if j >= 0, tokens[j].kind != .punct { return }
                // A period with a space on each side is the character mentioned ("the value after the . in"), and
                // one after a numbered label is part of the label ("figure 7. of the paper"): no sentence ends.
                if j >= 1, j == i - 1, tokens[j].text == ".", tokens[j].spaceBefore, Self.namesAMark(tokens[j - 1].lower) { return }
                if j >= 2, j == i - 1, tokens[j].text == ".", tokens[j - 1].kind == .number || tokens[j - 1].text.allSatisfy(\.isNumber),
                   Self.numberedLabels.contains(tokens[j - 2].lower) { return }
                // An item numbered inside a sentence ("both of 1. the certificate and 2. username"): a small number
                // after a word that cannot end a clause, or a comma, numbers what follows.
                if j >= 2, j == i - 1, tokens[j].text == ".", tokens[j - 1].kind == .number, tokens[j - 1].text.utf8.count <= 2,
                   tokens[j - 2].text == "," || tokens[j - 2].kind == .word && Self.cannotEndClause(tokens[j - 2].lower) { return }
                // "e.g." and "i.e." end no sentence, even glued to a comma ("reconciled,e.g. a Machine").
                if j >= 1, j == i - 1, tokens[j].text == ".", !tokens[j].spaceBefore,
                   tokens[j - 1].lower.hasSuffix("e.g") || tokens[j - 1].lower.hasSuffix("i.e")
                    || j >= 3 && tokens[j - 2].text == "." && ["e.g", "i.e"].contains(tokens[j - 3].lower + "." + tokens[j - 1].lower) { return }
                // A quotation that trails off ("… to finish ..." mean?) goes on in lower case.
                if j >= 1, j < i - 1, tokens[j].text == ".", tokens[j - 1].text == "." { return }
            }
            // A word alone in quotes opening a sentence ('"info" allows you to …') is a name mentioned, written as
            // its owner spells it.
            if i > 0, ctx.text.token(i - 1, isOneOf: "\"\u{201C}'`"), !t.spaceBefore, i + 1 < tokens.count,
               ctx.text.token(i + 1, isOneOf: "\"\u{201D}'`"), !tokens[i + 1].spaceBefore { return }
            // "b) `make gen-docs`", "iv) then": a letter or roman numeral glued to ")" labels an item.
            if t.text.unicodeScalars.count <= 4, i + 1 < tokens.count, tokens[i + 1].text == ")", !tokens[i + 1].spaceBefore,
               t.text.unicodeScalars.count == 1 || t.lower.unicodeScalars.allSatisfy({ "ivxl".unicodeScalars.contains($0) }) { return }
            // "i.e." and "e.g." opening a sentence are written in lower case by convention: a letter, a glued period
            // and a glued letter.
            if t.text.unicodeScalars.count == 1, i + 2 < tokens.count, tokens[i + 1].text == ".", !tokens[i + 1].spaceBefore,
               tokens[i + 2].kind == .word, !tokens[i + 2].spaceBefore, tokens[i + 2].text.unicodeScalars.count == 1 { return }
            // A hyphenated name written in lower case ("cert-manager", "kube-proxy") that the text also writes so
            // inside a sentence keeps that case at a sentence start.
            if t.text.contains("-"),
               tokens.indices.contains(where: { $0 != i && tokens[$0].text == t.text && !starts.contains($0) }) { return }
            // So does one the document shows to be a term (in its code spans, link labels, headings or often).
            if t.text.contains("-"), !ctx.config.documentTerms.isEmpty, ctx.config.documentTerms.contains(t.lower) { return }
            // Quoted or parenthetical starts, "iPhone"-style words and lists written in lower case are fine.
            if t.text.unicodeScalars.dropFirst().contains(where: CharClass.isUpper) { return }
            // A name written in lower case by convention ("etcd", "kubectl", "doublestar"): the dictionary does not know
            // it, and the spelling rule judges it (a misspelt word is reported there).
            if speller.isAvailable, !check(t.text, lower: t.lower) { return }
            let upper = String(first).uppercased() + String(String.UnicodeScalarView(t.text.unicodeScalars.dropFirst()))
            var f = Finding("grammar.capitalization", "Start the sentence with a capital letter.", t.span, [upper])
            // In Markdown, where a sentence ends is a guess (labels, enumerators, abbreviations, text that markup
            // split): a warning. Held-out documentation had 2 of 10 such errors right.
            if continuation { f.severity = .suggestion } else if ctx.chunk.format == .markdown { f.severity = .warning }
            ctx.findings.append(f)
        }
    }

    /// Token `i`, a word that is also a language or nationality, reads as one: after a verb of speaking or
    /// translating ("speak polish", "into polish"), or before a noun of people, language or culture.
    static func namesNationality(_ ctx: RuleContext, _ i: Int) -> Bool {
        let tokens = ctx.tokens
        if i > 0, ["speak", "speaks", "spoke", "learn", "learning", "learned", "in", "into", "from", "translate", "translated", "native"].contains(tokens[i - 1].lower) { return true }
        if i + 1 < tokens.count, ["people", "language", "food", "government", "culture", "citizens", "friend", "friends",
                                  "man", "woman", "men", "women", "girl", "boy", "family", "city", "translation", "version",
                                  "speakers", "history", "president", "team", "company", "cuisine", "dishes"].contains(tokens[i + 1].lower) { return true }
        return false
    }

    /// Words that cannot end a clause: a mark after one, spaced on both sides ("after the . in", "a , between"), is
    /// the character itself, mentioned.
    static func namesAMark(_ word: String) -> Bool {
        ["the", "a", "an", "this", "that", "each", "every", "no", "after", "before", "with", "by", "of", "single", "trailing", "leading"].contains(word)
    }

    /// Nouns that label a numbered part of a work ("figure 7", "step 3"), which some writers end with a period.
    static let numberedLabels: Set<String> = [
        "figure", "fig", "step", "section", "table", "chapter", "page", "item", "line", "note", "example", "listing",
        "appendix", "part", "rule", "equation", "phase", "stage", "version",
    ]

    /// Words that a writer capitalises after a comma as if a sentence began there ("For example, When I").
    static let capitalAfterCommaWords: Set<String> = [
        "the", "when", "this", "it", "they", "we", "he", "she", "if", "because", "there", "these", "those", "but", "and",
        "so", "then", "what", "how", "why", "although", "though", "while", "since", "my", "our", "their", "his", "her",
        "its", "you", "that", "which", "who",
    ]

    /// Words that open a section title phrased as a question or a "how" ("How sharding works").
    static let titleOpeners: Set<String> = ["how", "what", "why", "when", "where", "which", "who"]

    /// Words that open a direct question.
    static let questionOpeners: Set<String> = [
        "what", "how", "why", "when", "where", "which", "who", "whom", "whose", "is", "are", "was", "were", "do", "does",
        "did", "can", "could", "should", "would", "will", "shall", "may", "have", "has",
    ]

    /// "Likewise, The theory", "For example, When I travelled", "because If I": a capital inside a sentence. A title
    /// ("see Chapter 3, The Basics"), a line of verse and quoted speech are left alone.
    func capitalAfterComma(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        func capitalisedWord(_ j: Int) -> Bool {
            tokens[j].kind == .word && tokens[j].text != "I" && tokens[j].text.unicodeScalars.first.map(CharClass.isUpper) == true
                && tokens[j].text.unicodeScalars.dropFirst().allSatisfy(CharClass.isLower)
                && (Self.capitalAfterCommaWords.contains(tokens[j].lower) || WordClasses.shared.classes(tokens[j].lower) != nil
                    || regularPastBase(tokens[j].lower) != nil)
        }
        guard i >= 2 else { return }
        // After a comma, or after a lower-case word ("That is because If I became").
        let afterWord = tokens[i - 1].kind == .word && tokens[i - 1].text.unicodeScalars.first.map(CharClass.isLower) == true
        guard tokens[i - 1].text == "," || afterWord, !tokens[i].newlineBefore, !tokens[i - 1].newlineBefore,
              let first = tokens[i].text.unicodeScalars.first, CharClass.isUpper(first),
              tokens[i].text.unicodeScalars.dropFirst().allSatisfy(CharClass.isLower) else { return }
        // The next word capitalised too reads as a title: "Dune, The Hobbit".
        if i + 1 < n, tokens[i + 1].kind == .word, tokens[i + 1].text.unicodeScalars.first.map(CharClass.isUpper) == true,
           tokens[i + 1].text != "I" { return }
        // Quoted speech may start with a capital after its comma, and verse run into one line capitalises the
        // first word of each line: a quotation mark or another capitalised common word in the sentence skips it.
        var lo = i - 1
        while lo > 0, i - lo < 60, !(tokens[lo - 1].kind == .punct && [".", "!", "?"].contains(tokens[lo - 1].text)) { lo -= 1 }
        var hi = i + 1
        while hi < n, hi - i < 60, !(tokens[hi].kind == .punct && [".", "!", "?"].contains(tokens[hi].text)) { hi += 1 }
        for k in lo..<hi where k != i {
            if tokens[k].kind == .punct, ["\"", "“", "”", "'", "‘", ":"].contains(tokens[k].text) { return }
            if k != lo, capitalisedWord(k) { return }
        }
        // In Markdown a capitalised question inside a sentence is a title or a question quoted as one ("from the
        // [How does it work?](…) article", "outliers? or What is …?"): its link or quotes are gone from the text.
        if ctx.chunk.format == .markdown, hi < n, tokens[hi].text == "?", Self.questionOpeners.contains(tokens[i].lower) { return }
        let lower = tokens[i].lower
        // A capitalised "How", "What", "Why" … inside a Markdown sentence is most often the title of a linked
        // section ("refer to [How sharding works](#…) for"): the link is gone from the text, so only a suggestion.
        if ctx.chunk.format == .markdown, afterWord, Self.titleOpeners.contains(lower) {
            var f = Finding("grammar.capitalization", "No capital inside a sentence: '\(lower)'.", tokens[i].span, [lower])
            f.severity = .suggestion
            ctx.findings.append(f)
            return
        }
        // "is set This flag controls": a clause opener after a word that can end a clause reads as a full stop left
        // out, so that is the first fix; "because If I" (a word that cannot end one) only lowers the capital.
        if afterWord, Self.capitalAfterCommaWords.contains(lower), !Self.cannotEndClause(tokens[i - 1].lower) {
            let prev = tokens[i - 1]
            ctx.add("grammar.capitalization", "A capital inside a sentence: a full stop missing before '\(tokens[i].text)'?",
                    TextSpan(start: prev.start, end: tokens[i].end), [prev.text + ". " + tokens[i].text, prev.text + " " + lower])
            return
        }
        ctx.add("grammar.capitalization", afterWord ? "No capital inside a sentence: '\(lower)'." : "No capital after a comma: '\(lower)'.", tokens[i].span, [lower])
    }

    /// Words after which a sentence cannot stop: determiners, prepositions, conjunctions, auxiliaries and subjects.
    static func cannotEndClause(_ word: String) -> Bool {
        namesAMark(word) || Verbs.auxiliaries.contains(word) || GrammarSpecialist.nounPhraseOpeners.contains(word)
            || clauseContinuers.contains(word)
    }

    static let clauseContinuers: WordList = [
        "and", "or", "but", "nor", "because", "if", "when", "while", "since", "although", "though", "unless", "than", "so",
        "as", "at", "to", "into", "onto", "via", "like", "be", "been", "being", "i", "we", "you", "they", "he", "she", "it",
        "who", "whom", "whose", "where", "why", "how", "what", "whether", "let", "said", "says", "say", "ask", "asked",
        "called", "named", "titled", "read", "reads", "see",
    ]
}

extension GrammarLists {
    static let properNouns: [String: String] = {
        var d: [String: String] = [:]
        for w in """
        Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February June July September October November
        December English French Spanish German Chinese Japanese Italian Russian Arabic Portuguese Korean Dutch Greek
        Turkish Swedish Polish Hindi American British European African Asian Indian Canadian Australian Mexican
        Brazilian Christian Christmas Muslim Jewish Buddhist Europe America Africa Asia Australia Canada Mexico Japan
        China France Germany Spain Italy England London Paris Tokyo
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            d[w.lowercased()] = String(w)
        }
        return d
    }()

    static let properNounWords = WordFilter(properNouns.keys)
}
