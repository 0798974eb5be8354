import Foundation
import MeshProtocol
import MeshText

/// `grammar.repeated-word`: the same word twice in a row ("the the") and a phrase of 2–4 words repeated at once.
extension GrammarSpecialist {
    /// Two equal words that are not a slip: written in capitals ("CR CR LF LF", a sequence of symbols), in cases
    /// that differ other than a capital first letter ("the COMMAND command": a name, then the word), or a word and
    /// then a name made of it ("certificate Certificate Authority").
    static func deliberateRepeat(_ a: String, _ b: String) -> Bool {
        func caps(_ s: String) -> Bool { s.unicodeScalars.count >= 2 && !s.unicodeScalars.contains(where: CharClass.isLower) }
        if caps(a) || caps(b) { return true }
        // A lower-case word, then the same word capitalised inside the sentence: a name begins ("the TLS
        // certificate Certificate Authority file"). A slip repeats the word as it was typed ("The the").
        if let x = a.unicodeScalars.first, let y = b.unicodeScalars.first, CharClass.isLower(x), CharClass.isUpper(y) { return true }
        return a.unicodeScalars.dropFirst().elementsEqual(b.unicodeScalars.dropFirst()) == false
    }

    /// "*Query Pushdown* Query pushdown involves …": words set off by markup at the start of a block (a run-in
    /// heading), then the sentence that begins with them. Markup taken out of the text starts a new segment, so
    /// the first copy begins the block and a segment begins between the copies.
    static func runInHeading(_ ctx: RuleContext, _ first: Int, repeatAt second: Int) -> Bool {
        guard first == 0 else { return false }
        let from = ctx.tokens[second - 1].end
        let to = ctx.tokens[second].start
        return ctx.chunk.segments.contains { $0.textOffset >= from && $0.textOffset <= to }
    }

    /// A run of 2–4 words repeated at once with no punctuation between ("miss the biggest illusion miss the biggest illusion").
    func repeatedPhrase(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        for m in 2...4 where i + 2 * m <= n {
            guard tokens[i + m].kind == .word, ctx.text.sameLower(i + m, i) else { continue }
            var same = true
            for k in 0..<m where tokens[i + k].kind != .word || tokens[i + m + k].kind != .word || !ctx.text.sameLower(i + k, i + m + k) {
                same = false
                break
            }
            // Names and numbers repeat for good reasons; so do short refrains ("bye now bye now") rarely in prose.
            if same, i == 0 || tokens[i - 1].kind != .word || !ctx.text.sameLower(i - 1, i + m - 1),
               !Self.runInHeading(ctx, i, repeatAt: i + m) {
                let phrase = ctx.text(TextSpan(start: tokens[i].start, end: tokens[i + m - 1].end))
                ctx.add("grammar.repeated-word", "'\(phrase)' is repeated.", TextSpan(start: tokens[i].start, end: tokens[i + 2 * m - 1].end), [phrase])
                return
            }
        }
    }

    /// The same word twice ("the the"), or three times for the words that may come twice ("that that that").
    func repeatedWord(_ ctx: inout RuleContext, _ i: Int) {
        let tokens = ctx.tokens
        let n = tokens.count
        let t = tokens[i]
        let w = t.lower
        if Self.runInHeading(ctx, i, repeatAt: i + 1) { return }
        if !GrammarLists.repeatAllowed.contains(w) {
            ctx.add("grammar.repeated-word", "'\(t.text)' is repeated.", TextSpan(start: t.start, end: tokens[i + 1].end), [t.text])
        } else if w == "that" || w == "had" || w == "is", i + 2 < n, tokens[i + 2].kind == .word, tokens[i + 2].lower == w, i == 0 || tokens[i - 1].lower != w {
            ctx.add("grammar.repeated-word", "'\(t.text)' is repeated three times.", TextSpan(start: t.start, end: tokens[i + 2].end), [t.text])
        }
    }
}

extension GrammarLists {
    static let repeatAllowed: WordList = [
        "had", "that", "is", "bye", "no", "so", "ha", "haha", "hee", "ho", "chop", "blah", "bla", "yada", "knock", "night",
        "tut", "pom", "cha", "la", "yeah", "oh", "dum", "tick", "tock", "boo", "hip", "hmm", "bang", "pooh",
    ]
}
