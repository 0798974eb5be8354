import Foundation
import MeshProtocol
import MeshText

/// `grammar.spacing`, `grammar.punctuation` (doubled marks, tag questions, commas that do not belong),
/// `grammar.comma-after-introduction`, `grammar.typography` and `grammar.unterminated-sentence`.
extension GrammarSpecialist {
    // MARK: Spacing and punctuation

    /// Doubled punctuation that is a slip ("..", "?!" and "!!" are handled apart).
    static let doubledMarks: WordList = [",,", ";;", ",.", ".,", ";.", ",;", ";,", ":.", ".:", "?.", "!.", ",:", ":,", "??"]

    /// The message and replacement of "Remove the space before ','", built once per mark: a text typeset with a
    /// space before every comma has one finding per comma, and each would allocate both.
    static let spaceBeforeFinding: [Unicode.Scalar: (String, [String])] = Dictionary(uniqueKeysWithValues:
        ",.;:!?".unicodeScalars.map { ($0, ("Remove the space before '\($0)'.", [String($0)])) })

    func spacingRules(_ ctx: inout RuleContext) {
        let tokens = ctx.tokens
        let sc = ctx.text.scalars
        let n = tokens.count
        let cfg = ctx.config
        // Asked once, not per token.
        let spacingOn = cfg.isEnabled("grammar.spacing")
        let punctuationOn = cfg.isEnabled("grammar.punctuation")
        // Marks are tested as scalars (`token(_:isOneOf:)`): an array literal of strings allocates per token.
        // Tokens are read in place: a copy retains two strings.
        let text = ctx.text
        for i in 0..<n {
            if tokens[i].kind == .punct {
                let p = tokens[i].text
                // A punctuation token is one scalar: marks are compared as scalars, not as strings.
                let mark = sc[tokens[i].start]
                // Space before , . ; : ! ?
                if tokens[i].spaceBefore, !tokens[i].newlineBefore, i > 0, text.token(i, isOneOf: ",.;:!?"),
                   tokens[i - 1].kind == .word || tokens[i - 1].kind == .number,
                   i + 1 >= n || tokens[i + 1].spaceBefore || tokens[i + 1].kind == .punct && !text.token(i + 1, isOneOf: ",.!?") && tokens[i + 1].spaceBefore,
                   !(mark == "." && i + 1 < n && text.token(i + 1, is: ".") && !tokens[i + 1].spaceBefore),
                   // "the value after the . in": a mark after a word that cannot end a clause is the character named.
                   !Self.namesAMark(tokens[i - 1].lower),
                   // "(20 : 80)", "(canary weight : primary weight)": a colon spaced on both sides between numbers or
                   // inside parentheses is a ratio or a mapping written as notation.
                   !(mark == ":" && i + 1 < n && tokens[i + 1].spaceBefore
                     && (tokens[i - 1].kind == .number && tokens[i + 1].kind == .number || Self.insideOpen(tokens, i, "(", ")"))),
                   spacingOn {
                    let (message, replacements) = Self.spaceBeforeFinding[mark] ?? ("Remove the space before '\(p)'.", [p])
                    ctx.add("grammar.spacing", message, TextSpan(start: tokens[i - 1].end, end: tokens[i].end), replacements)
                }
                // Missing space after , between words ("word,word").
                if mark == ",", i > 0, i + 1 < n, !tokens[i].spaceBefore, !tokens[i + 1].spaceBefore,
                   tokens[i - 1].kind == .word, tokens[i + 1].kind == .word, spacingOn,
                   // "{key,value}", "[a,b]", "\"x,y,z\"": values written as notation, not prose.
                   !Self.insideOpen(tokens, i, "{", "}"), !Self.insideOpen(tokens, i, "[", "]"), !Self.gluedQuote(tokens, i),
                   // "code,handler,method,le": names listed as notation (label sets, CSV values), three or more, or
                   // one of them no English word.
                   !gluedList(ctx, i) {
                    ctx.add("grammar.spacing", "Add a space after ','.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end), [", " + tokens[i + 1].text])
                }
                // Missing space after . ! ? before a capitalised word ("end.Next").
                if text.token(i, isOneOf: ".!?"), i > 0, i + 1 < n, !tokens[i].spaceBefore, !tokens[i + 1].spaceBefore,
                   tokens[i - 1].kind == .word, tokens[i - 1].text.unicodeScalars.count >= 2,
                   tokens[i + 1].kind == .word, tokens[i + 1].text.unicodeScalars.count >= 2,
                   let f = tokens[i + 1].text.unicodeScalars.first, CharClass.isUpper(f),
                   tokens[i + 1].text.unicodeScalars.dropFirst().allSatisfy({ !CharClass.isUpper($0) }),
                   let l = tokens[i - 1].text.unicodeScalars.last, CharClass.isLower(l), spacingOn,
                   // "- time.Duration format": one word before the mark is no sentence; it is a dotted name. So is
                   // one whose first part is no English word ("walpb.Record", "raftpb.Snapshot").
                   i >= 2, !tokens[i - 1].newlineBefore, tokens[i - 2].kind != .punct,
                   check(tokens[i - 1].lower, lower: tokens[i - 1].lower),
                   // "labels.Labels", "time.Now()", "config.Load[T]": a package and its member, the same word twice or
                   // the name glued to a call, index or field.
                   tokens[i - 1].lower != tokens[i + 1].lower,
                   !(i + 2 < n && !tokens[i + 2].spaceBefore && text.token(i + 2, isOneOf: "([{")),
                   !(i + 3 < n && text.token(i + 2, is: ".") && !tokens[i + 2].spaceBefore && !tokens[i + 3].spaceBefore && tokens[i + 3].kind == .word) {
                    ctx.add("grammar.spacing", "Add a space after '\(p)'.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end), [p + " " + tokens[i + 1].text])
                }
                // "4:they have": a colon glued to the word after it (times, ratios and "std::io" have no letters after).
                if mark == ":", i > 0, i + 1 < n, !tokens[i].spaceBefore, !tokens[i + 1].spaceBefore, tokens[i - 1].kind != .punct,
                   tokens[i + 1].kind == .word, tokens[i + 1].text.unicodeScalars.count >= 2,
                   tokens[i + 1].text.unicodeScalars.allSatisfy(CharClass.isLower), spacingOn {
                    ctx.add("grammar.spacing", "Add a space after ':'.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end), [": " + tokens[i + 1].text])
                }
                // A straight quotation mark between two letters ("say"hey") lacks a space on one side.
                if mark == "\"", i > 0, i + 1 < n, !tokens[i].spaceBefore, !tokens[i + 1].spaceBefore,
                   tokens[i - 1].kind == .word, tokens[i + 1].kind == .word, spacingOn {
                    ctx.add("grammar.spacing", "Add a space before or after the quotation mark.", TextSpan(start: tokens[i - 1].start, end: tokens[i + 1].end),
                            [tokens[i - 1].text + " \"" + tokens[i + 1].text, tokens[i - 1].text + "\" " + tokens[i + 1].text])
                }
                // Space inside brackets.
                if mark == "(" || mark == "[", i + 1 < n, tokens[i + 1].spaceBefore, !tokens[i + 1].newlineBefore,
                   tokens[i + 1].kind == .word, spacingOn {
                    ctx.add("grammar.spacing", "Remove the space after '\(p)'.", TextSpan(start: tokens[i].start, end: tokens[i + 1].start), [p])
                }
                if mark == ")" || mark == "]", tokens[i].spaceBefore, !tokens[i].newlineBefore, i > 0, tokens[i - 1].kind == .word,
                   tokens[..<i].contains(where: { $0.text == (p == ")" ? "(" : "[") }), spacingOn {
                    ctx.add("grammar.spacing", "Remove the space before '\(p)'.", TextSpan(start: tokens[i - 1].end, end: tokens[i].end), [p])
                }
                // "?!", "!?", "????": one mark says it (a run of "!" alone is tone.exclamation's).
                if mark == "?" || mark == "!", i + 1 < n, !tokens[i + 1].spaceBefore, text.token(i + 1, is: "?") || text.token(i + 1, is: "!"),
                   !(i > 0 && !tokens[i].spaceBefore && (text.token(i - 1, is: "?") || text.token(i - 1, is: "!"))), punctuationOn {
                    var j = i + 1
                    var mixed = false
                    while j < n, !tokens[j].spaceBefore, tokens[j].text == "?" || tokens[j].text == "!" {
                        if tokens[j].text != p { mixed = true }
                        j += 1
                    }
                    if mixed || (p == "?" && j - i >= 3) {
                        ctx.add("grammar.punctuation", "Use one '\(p == "?" || mixed ? "?" : "!")', not '\(tokens[i..<j].map(\.text).joined())'.",
                                TextSpan(start: tokens[i].start, end: tokens[j - 1].end), [mixed ? "?" : p])
                    }
                }
                // Doubled punctuation.
                if i + 1 < n, !tokens[i + 1].spaceBefore, tokens[i + 1].kind == .punct, punctuationOn {
                    let q = tokens[i + 1].text
                    let pair = p + q
                    let prevSame = i > 0 && tokens[i - 1].kind == .punct && !tokens[i].spaceBefore && tokens[i - 1].text == p
                    let ellipsisNext = q == "." && i + 2 < n && tokens[i + 2].text == "." && !tokens[i + 2].spaceBefore
                    let abbreviation = p == "." && i > 0 && tokens[i - 1].kind == .word && tokens[i - 1].text.unicodeScalars.count <= 4
                    // Marks glued to what follows are an operator in code ("?.ConnectionDetails", "}}?.{{"): prose
                    // puts a space after them.
                    let gluedToNext = i + 2 < n && !tokens[i + 2].spaceBefore && (tokens[i + 2].kind == .word || tokens[i + 2].kind == .opaque)
                    if Self.doubledMarks.contains(pair), !prevSame,
                       !ellipsisNext, !abbreviation, !gluedToNext {
                        let third = i + 2 < n && !tokens[i + 2].spaceBefore && tokens[i + 2].text == q
                        if !(pair == "??" && third) {
                            ctx.add("grammar.punctuation", "Doubled punctuation '\(pair)'.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end),
                                    [pair == "??" ? "?" : (pair.hasPrefix(".") || pair.hasPrefix("?") || pair.hasPrefix("!") ? p : q)])
                        }
                    } else if pair == "..", !prevSame, !(i + 2 < n && tokens[i + 2].text == "." && !tokens[i + 2].spaceBefore),
                              i > 0, tokens[i - 1].kind == .word {
                        ctx.add("grammar.punctuation", "Two full stops: use one, or '…' for an ellipsis.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end), [".", "…"])
                    }
                }
            } else if tokens[i].spaceBefore, !tokens[i].newlineBefore, i > 0, spacingOn {
                // Doubled spaces between words.
                var k = tokens[i].start - 1
                var spaces = 0
                while k >= 0, sc[k] == " " { spaces += 1; k -= 1 }
                if spaces >= 2, k >= 0, sc[k] != "\n", tokens[i - 1].end == k + 1 {
                    ctx.findings.append(Finding(rule: "grammar.spacing", severity: .suggestion, message: "Use one space, not \(spaces).",
                                                span: TextSpan(start: k + 1, end: tokens[i].start), replacements: [" "]))
                }
            }
        }
    }

    // MARK: Sentences that never end

    func unterminated(_ ctx: inout RuleContext) {
        guard ctx.chunk.kind == .paragraph, ctx.config.isEnabled("grammar.unterminated-sentence"),
              let last = ctx.text.sentences.last, !last.terminated else { return }
        let tokens = ctx.tokens
        guard let lastToken = tokens.last else { return }
        // Ends in a word or number (not a closing quote, colon, code span or emoticon).
        guard lastToken.kind == .word || lastToken.kind == .number else { return }
        let words = ctx.text.countWords(in: last.tokens)
        guard words >= 25 || ctx.text.sentences.count >= 2 else { return }
        var f = Finding("grammar.unterminated-sentence", "This sentence never ends: finish it with a full stop.",
                        TextSpan(start: lastToken.start, end: lastToken.end), [lastToken.text + "."])
        // In Markdown a paragraph may end in a link's text or lead into a list or code block that the chunk does
        // not show: only a suggestion there.
        if ctx.chunk.format == .markdown { f.severity = .suggestion }
        ctx.findings.append(f)
    }

    /// Auxiliaries that end a tag question ("…, isn't it?").
    static let tagAuxiliaries: WordList = [
        "is", "isn't", "are", "aren't", "was", "wasn't", "were", "weren't", "do", "don't", "does", "doesn't", "did", "didn't",
        "have", "haven't", "has", "hasn't", "had", "hadn't", "can", "can't", "could", "couldn't", "will", "won't", "would",
        "wouldn't", "should", "shouldn't",
    ]

    static let tagPronouns: WordList = ["i", "you", "he", "she", "it", "we", "they", "there"]

    /// "She isn't coming is she?": a statement with a tag question needs a comma before the tag.
    func tagQuestions(_ ctx: inout RuleContext, starts: SentenceStarts) {
        let tokens = ctx.tokens
        for s in ctx.text.sentences {
            let r = s.tokens
            // "It is true, isn't it." asks a question: the tag takes a question mark.
            if r.count >= 6, tokens[r.upperBound - 1].text == ".", tokens[r.upperBound - 4].text == ",",
               Self.tagPronouns.contains(tokens[r.upperBound - 2]), tokens[r.upperBound - 3].lower.hasSuffix("n't") {
                ctx.add("grammar.punctuation", "A tag question ends with a question mark.", tokens[r.upperBound - 1].span, ["?"])
                continue
            }
            guard r.count >= 6, tokens[r.upperBound - 1].text == "?" else { continue }
            let pronoun = r.upperBound - 2
            let aux = r.upperBound - 3
            let before = r.upperBound - 4
            guard tokens[pronoun].kind == .word, Self.tagPronouns.contains(tokens[pronoun]),
                  tokens[aux].kind == .word, Self.tagAuxiliaries.contains(tokens[aux]),
                  tokens[before].kind == .word || tokens[before].kind == .number,
                  !Self.tagAuxiliaries.contains(tokens[before]), !Self.modals.contains(tokens[before]),
                  !["to", "not", "so", "and", "or", "but", "that"].contains(tokens[before].lower) else { continue }
            var words = 0
            var question = false
            for k in r.lowerBound..<aux where tokens[k].kind == .word {
                let x = tokens[k].lower
                if words == 0, Self.tagAuxiliaries.contains(x) || Self.modals.contains(x) || ["am", "shall", "may"].contains(x) { question = true }
                if Self.questionWords.contains(x) || x == "whether" || x == "if" { question = true }
                words += 1
            }
            guard !question, words >= 3, tokens[r.lowerBound].kind == .word else { continue }
            ctx.add("grammar.punctuation", "Put a comma before the tag question: '\(tokens[before].text), \(tokens[aux].text) \(tokens[pronoun].text)?'.",
                    tokens[before].span, [tokens[before].text + ","])
        }
    }

    /// Transitional words and phrases that open a sentence and take a comma after them ("However, …"). Openers
    /// that writers often leave without one ("Of course it was", "In fact we", "Finally the") are left out.
    static let introPhrases: [[String]] = [
        "however", "moreover", "furthermore", "nevertheless", "nonetheless", "consequently", "additionally", "firstly",
        "secondly", "thirdly", "lastly", "in my opinion", "in my view", "for example", "for instance", "in addition",
        "on the other hand", "first of all", "in conclusion", "to conclude", "in summary", "to sum up", "as a result",
        "for this reason", "in other words", "on the contrary", "in simple words", "last but not least", "to begin with",
    ].map { $0.split(separator: " ").map(String.init) }

    static let introFirstWords = Set(introPhrases.map { $0[0] })

    /// "However we …", "For example the …": a transitional opener with no comma after it.
    func introductionComma(_ ctx: inout RuleContext, starts: SentenceStarts) {
        let tokens = ctx.tokens
        let n = tokens.count
        let lex = WordClasses.shared
        for i in 0..<n where starts.contains(i) && Self.introFirstWords.contains(tokens[i].lower) {
            for phrase in Self.introPhrases where phrase[0] == tokens[i].lower && i + phrase.count < n {
                guard (0..<phrase.count).allSatisfy({ tokens[i + $0].kind == .word && tokens[i + $0].lower == phrase[$0] }) else { continue }
                let last = i + phrase.count - 1
                let next = tokens[last + 1]
                guard next.kind == .word else { break }
                let x = next.lower
                // "However hard you try", "In addition to …", "Of course not", "Finally got it".
                if x == "to" || x == "not" || x == "you" || x == "of" || lex.isPureAdjective(x) || ["much", "many", "long", "often", "little", "far", "well"].contains(x) { break }
                if phrase.count == 1, Verbs.pastToBase[x] != nil || regularPastBase(x) != nil || x.hasSuffix("ly") { break }
                let words = tokens[i...last].map(\.text).joined(separator: " ")
                ctx.add("grammar.comma-after-introduction", "Put a comma after the opening '\(words)'.", TextSpan(start: tokens[i].start, end: tokens[last].end), [words + ","])
                break
            }
        }
    }

    /// "I believe, this number is increasing": no comma between "I believe" and what is believed.
    func commaAfterBelief(_ ctx: inout RuleContext, _ i: Int, starts: SentenceStarts) {
        let tokens = ctx.tokens
        guard i >= 1, i + 2 < tokens.count, ["i", "we"].contains(tokens[i - 1].lower), starts.contains(i - 1), tokens[i + 1].text == ",",
              tokens[i + 2].kind == .word, tokens[i + 2].text.unicodeScalars.first.map(CharClass.isLower) == true,
              Self.clauseSubjects.contains(tokens[i + 2].lower) || Self.articles.contains(tokens[i + 2])
                || ["these", "those", "that", "most", "many", "some", "all"].contains(tokens[i + 2].lower) else { return }
        ctx.add("grammar.punctuation", "No comma after '\(tokens[i - 1].text) \(tokens[i].text)'.", TextSpan(start: tokens[i].start, end: tokens[i + 1].end),
                [tokens[i].text])
    }

    static let reportingVerbs: Set<String> = [
        "think", "thinks", "thought", "believe", "believes", "believed", "know", "knew", "say", "says", "said", "feel", "feels",
        "felt", "hope", "hoped", "agree", "agreed", "realize", "realized", "realise", "realised", "mean", "meant", "is", "was",
    ]

    /// "I believe, that the quality", "What I mean is, that": no comma between a verb and its "that" clause.
    func commaBeforeThat(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        // Only after "I believe" or "what I mean is": after "he said," the comma may close an aside ("It was,
        // he said, that …").
        guard i >= 3, i + 1 < tokens.count, tokens[i - 1].text == ",", tokens[i - 2].kind == .word, Self.reportingVerbs.contains(tokens[i - 2].lower),
              tokens[i - 2].lower == "is" || tokens[i - 2].lower == "was" ? ["say", "mean", "meant", "think", "believe", "know", "tell"].contains(tokens[i - 3].lower)
                : ["i", "we"].contains(tokens[i - 3].lower),
              tokens[i + 1].kind == .word, Self.articles.contains(tokens[i + 1]) || Self.clauseSubjects.contains(tokens[i + 1].lower)
                || Self.determinersAndQuantifiers.contains(tokens[i + 1]) else { return }
        // "It is, that is, ..." names the phrase; ", I believe, that" is an aside between commas.
        if tokens[i + 1].lower == "is" || (i >= 4 && tokens[i - 4].text == ",") { return }
        ctx.add("grammar.punctuation", "No comma between '\(tokens[i - 2].text)' and its 'that' clause.", TextSpan(start: tokens[i - 2].start, end: tokens[i].end),
                ["\(tokens[i - 2].text) that"])
    }

    /// Typewriter stand-ins for real symbols.
    static let typographyPhraseRule = ("grammar.typography", GrammarLists.typography, "Use '%r'.")
}

extension GrammarLists {
    static let typography = PhraseTable("""
    ( c ) => ©
    ( C ) => ©
    ( tm ) => ™
    ( TM ) => ™
    ( r ) => ®
    ( R ) => ®
    # x #  ## Use the multiplication sign '×' between numbers.
    # ' s  ## Write decades without an apostrophe ('1990s').
    # am in the morning => a.m.
    # pm in the evening => p.m.
    # a . m . in the morning => a.m.
    # p . m . in the evening => p.m.
    # p . m . at night => p.m.
    # pm at night => p.m.
    . . . => …
    et . al => et al.
    et . al . => et al.
    """)
}

extension GrammarSpecialist {
    /// Whether token `i` sits inside an `open` … `close` pair that opens earlier in the chunk and is not closed
    /// before it.
    static func insideOpen(_ tokens: [Token], _ i: Int, _ open: String, _ close: String) -> Bool {
        var depth = 0
        var j = i - 1
        while j >= 0, i - j <= 40 {
            if tokens[j].kind == .punct {
                if tokens[j].text == close { depth += 1 } else if tokens[j].text == open {
                    if depth == 0 { return true }
                    depth -= 1
                }
            }
            j -= 1
        }
        return false
    }

    /// Whether the comma at `i` is in a run of words and commas with no space that lists names as notation: three
    /// or more ("code,handler,method"), or any of them no English word ("handler,le").
    func gluedList(_ ctx: RuleContext, _ i: Int) -> Bool {
        let tokens = ctx.tokens
        let words = Self.gluedRun(tokens, i).filter { tokens[$0].kind == .word }
        if words.count >= 3 { return true }
        return words.contains { !check(tokens[$0].text, lower: tokens[$0].lower) }
    }

    /// The run of words and commas around the comma at `i` with no space between them ("code,handler,le").
    static func gluedRun(_ tokens: [Token], _ i: Int) -> ClosedRange<Int> {
        var j = i
        while j > 0, !tokens[j].spaceBefore, tokens[j - 1].kind == .word || tokens[j - 1].text == "," { j -= 1 }
        var k = i
        while k + 1 < tokens.count, !tokens[k + 1].spaceBefore, tokens[k + 1].kind == .word || tokens[k + 1].text == "," { k += 1 }
        return j...k
    }

    /// Whether the comma at `i` is in a run of words and commas glued to a straight quotation mark ("a,b,c" quoted).
    static func gluedQuote(_ tokens: [Token], _ i: Int) -> Bool {
        let run = gluedRun(tokens, i)
        let (j, k) = (run.lowerBound, run.upperBound)
        let before = j > 0 && !tokens[j].spaceBefore && ["\"", "'", "`"].contains(tokens[j - 1].text)
        let after = k + 1 < tokens.count && !tokens[k + 1].spaceBefore && ["\"", "'", "`"].contains(tokens[k + 1].text)
        return before || after
    }
}
