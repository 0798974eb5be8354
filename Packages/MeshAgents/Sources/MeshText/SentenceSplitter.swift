package enum SentenceSplitter {
    package static let abbreviations: WordList = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "eg", "ie", "cf", "al",
        "inc", "ltd", "co", "corp", "no", "fig", "figs", "vol", "pp", "approx", "dept", "est", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "gen", "col", "lt", "sgt",
        "capt", "rev", "hon", "u.s", "u.k", "a.m", "p.m", "ph.d", "op", "ed", "eds", "ch", "sec",
    ]

    package static func split(tokens: [Token], scalars: [Unicode.Scalar]) -> [Sentence] {
        var out: [Sentence] = []
        var startToken = 0
        var i = 0
        func close(_ endToken: Int, terminated: Bool) {
            guard endToken > startToken else { return }
            out.append(Sentence(
                tokens: startToken..<endToken, start: tokens[startToken].start, end: tokens[endToken - 1].end,
                terminated: terminated
            ))
            startToken = endToken
        }
        // Tokens are read in place (a `Token` copy retains two strings), and a punctuation token's text is its
        // one scalar, so marks are compared as scalars.
        while i < tokens.count {
            // A blank line ends a sentence (plain text paragraphs inside one chunk, titles).
            if i > startToken, tokens[i].newlineBefore, i > 0 {
                let gapStart = tokens[i - 1].end
                var newlines = 0
                for k in gapStart..<tokens[i].start where scalars[k] == "\n" { newlines += 1 }
                if newlines >= 2 {
                    close(i, terminated: false)
                }
            }
            let mark = scalars[tokens[i].start]
            if tokens[i].kind == .punct, mark == "." || mark == "!" || mark == "?" || mark == "\u{2026}" {
                // Swallow runs of terminal punctuation and closing quotes/brackets.
                var j = i + 1
                while j < tokens.count, tokens[j].kind == .punct, !tokens[j].spaceBefore,
                      ".!?\u{2026}\"'\u{201D}\u{2019})]".unicodeScalars.contains(scalars[tokens[j].start]) {
                    j += 1
                }
                let next: Int? = j < tokens.count ? j : nil
                // A run that trails off ("a, b, ...", "I waited… and") or closes a bracket ("(GCP, Azure, ...) and",
                // "like `%2E` (.) are") goes on when the next word is in lower case: a list or a mentioned mark,
                // not the end of a sentence.
                if let next, CharClass.isLower(scalars[tokens[next].start]),
                   mark == "\u{2026}" || j - i >= 3 && (i..<j).allSatisfy({ scalars[tokens[$0].start] == "." })
                    || (i + 1..<j).contains(where: { scalars[tokens[$0].start] == ")" || scalars[tokens[$0].start] == "]" }) {
                    i = j
                    continue
                }
                if mark == "." {
                    // Abbreviation or initial: "Dr. Smith", "e.g. this", "J. R. R."
                    if i > 0, tokens[i - 1].end == tokens[i].start, tokens[i - 1].kind == .word {
                        let prev = tokens[i - 1].lower
                        var compound = prev
                        if i >= 3, tokens[i - 2].end - tokens[i - 2].start == 1, scalars[tokens[i - 2].start] == ".",
                           tokens[i - 2].start == tokens[i - 1].start - 1 {
                            compound = tokens[i - 3].lower + "." + prev
                        }
                        if let next, tokens[next].spaceBefore || tokens[next].newlineBefore {
                            let nextStartsLower = CharClass.isLower(scalars[tokens[next].start])
                            if abbreviations.contains(prev) || abbreviations.contains(compound)
                                || (prev.unicodeScalars.count == 1 && CharClass.isUpper(scalars[tokens[i - 1].start]))
                                || nextStartsLower {
                                i = j
                                continue
                            }
                        }
                    }
                    // "1. ", "3.5", "file.txt": no space after → not a boundary.
                    if let next, !tokens[next].spaceBefore, !tokens[next].newlineBefore {
                        i = j
                        continue
                    }
                } else if let next, !tokens[next].spaceBefore, !tokens[next].newlineBefore, tokens[next].kind != .punct {
                    i = j
                    continue
                }
                close(j, terminated: true)
                i = j
                continue
            }
            i += 1
        }
        if startToken < tokens.count {
            let last = tokens[tokens.count - 1]
            let term = last.kind == .punct && (last.text == ":" || last.text == ";")
            close(tokens.count, terminated: term)
        }
        return out
    }
}

/// Counts syllables of an English word without a dictionary (rules plus exceptions).
