import MeshProtocol
import MeshText

/// Usage patterns that a phrase list cannot express: times ("7 am", "12 p.m."), dates ("August, 2008",
/// "from 2000-2005"), currency twice ("$10 dollars") and a paragraph that opens with "But".
extension ClaritySpecialist {
    static let months: WordList = ["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"]

    static let monthWords = WordFilter(months)

    /// a, p or m in either case.
    @inline(__always) static func endsInAPM(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a", "p", "m", "A", "P", "M": return true
        default: return false
        }
    }

    func usagePatterns(_ ctx: inout RuleContext) {
        let tokens = ctx.tokens
        let n = tokens.count
        let usage = ctx.config.isEnabled("clarity.usage")
        let redundancy = ctx.config.isEnabled("clarity.redundancy")
        func adjacent(_ k: Int) -> Bool { k < n && !tokens[k].spaceBefore }
        for i in 0..<n {
            // The token is read in place on the per-token paths and copied (two strings retained) only where used.
            var t: Token { tokens[i] }
            if tokens[i].kind == .number, usage {
                // Times: "7 am" / "7pm" -> "7 a.m."; "12 a.m." -> "midnight", "12 p.m." -> "noon".
                let hour = Int(t.text) ?? -1
                if (1...12).contains(hour), i + 1 < n, tokens[i + 1].kind == .word {
                    let w = tokens[i + 1].lower
                    var end = -1
                    var half = ""
                    if w == "am" || w == "pm" { end = i + 1; half = String(w.prefix(1)) }
                    // "7 a.m." / "7a.m." tokenises as a . m .
                    if w == "a" || w == "p", i + 3 < n, tokens[i + 2].text == ".", adjacent(i + 2),
                       tokens[i + 3].lower == "m", adjacent(i + 3) {
                        end = i + 3 < n - 1 && tokens[i + 4].text == "." && adjacent(i + 4) ? i + 4 : i + 3
                        half = w
                    }
                    if end >= 0 {
                        let span = TextSpan(start: t.start, end: tokens[end].end)
                        if hour == 12 {
                            let word = half == "a" ? "midnight" : "noon"
                            ctx.add("clarity.usage", "'12 \(half).m.' is ambiguous: write '\(word)'.", span, [word])
                        } else if end == i + 1 || !tokens[i + 1].spaceBefore {
                            ctx.add("clarity.usage", "Write times as '\(t.text) \(half).m.'.", span, ["\(t.text) \(half).m."])
                        }
                    }
                }
            }
            // "7a.m." / "7pm": the hour and the letter tokenise as one word.
            // (The word starts with a digit and ends in a, p or m whenever the test after it can pass: cheap gates
            // before Character work, read from its first and last scalars, since no other scalar lower-cases to a
            // string ending in one of them.)
            if usage, tokens[i].kind == .word, CharClass.isDigit(ctx.text.scalars[tokens[i].start]),
               Self.endsInAPM(ctx.text.scalars[tokens[i].end - 1]),
               let last = t.lower.last, last == "a" || last == "p" || t.lower.hasSuffix("am") || t.lower.hasSuffix("pm") {
                let digits = t.lower.prefix(while: { $0.isASCII && $0.isNumber })
                let rest = t.lower.dropFirst(digits.count)
                if let hour = Int(digits), (1...12).contains(hour), ["a", "p", "am", "pm"].contains(rest) {
                    let half = String(rest.prefix(1))
                    var end = i
                    if rest.count == 1 {
                        if i + 2 < n, tokens[i + 1].text == ".", adjacent(i + 1), tokens[i + 2].lower == "m", adjacent(i + 2) {
                            end = i + 3 < n && tokens[i + 3].text == "." && adjacent(i + 3) ? i + 3 : i + 2
                        } else { end = -1 }
                    }
                    if end >= 0 {
                        let word = hour == 12 ? (half == "a" ? "midnight" : "noon") : "\(digits) \(half).m."
                        ctx.add("clarity.usage", "Write '\(word)'.", TextSpan(start: t.start, end: tokens[end].end), [word])
                    }
                }
            }
            guard tokens[i].kind == .word || ctx.text.token(i, is: "$") else { continue }
            let w = tokens[i].lower
            // Dates: "August, 2008" and "August of 2008" -> "August 2008".
            if usage, Self.monthWords.mayContain(hash: tokens[i].lowerHash), Self.months.contains(w), i + 2 < n, tokens[i + 1].lower == "," || tokens[i + 1].lower == "of",
               tokens[i + 2].kind == .number, tokens[i + 2].text.utf8.count >= 3, tokens[i + 2].text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
               !(w == "may" && !CharClass.isUpper(t.text.unicodeScalars.first!)) {
                ctx.add("clarity.usage", "Write '\(t.text) \(tokens[i + 2].text)' without '\(tokens[i + 1].text)'.",
                        TextSpan(start: t.start, end: tokens[i + 2].end), ["\(t.text) \(tokens[i + 2].text)"])
            }
            // "from 2000-2005" -> "from 2000 to 2005".
            if usage, w.utf8.count == 4, w == "from", i + 3 < n, tokens[i + 1].kind == .number, tokens[i + 2].text == "-" || tokens[i + 2].text == "–",
               adjacent(i + 2), tokens[i + 3].kind == .number, adjacent(i + 3) {
                ctx.add("clarity.usage", "After 'from', write '\(tokens[i + 1].text) to \(tokens[i + 3].text)'.",
                        TextSpan(start: t.start, end: tokens[i + 3].end), ["from \(tokens[i + 1].text) to \(tokens[i + 3].text)"])
            }
            // "from 2000-2005" as one token.
            if usage, w.utf8.count == 4, w == "from", i + 1 < n, tokens[i + 1].kind == .number, adjacent(i + 1) == false {
                let parts = tokens[i + 1].text.split(separator: "-")
                if parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) {
                    ctx.add("clarity.usage", "After 'from', write '\(parts[0]) to \(parts[1])'.",
                            TextSpan(start: t.start, end: tokens[i + 1].end), ["from \(parts[0]) to \(parts[1])"])
                }
            }
            // "$10 dollars": the sign says it already.
            if redundancy, ctx.text.token(i, is: "$"), i + 2 < n, tokens[i + 1].kind == .number, adjacent(i + 1),
               ["dollars", "dollar", "usd"].contains(tokens[i + 2].lower) {
                ctx.add("clarity.redundancy", "Redundant: '$' already says dollars.", TextSpan(start: t.start, end: tokens[i + 2].end),
                        ["$\(tokens[i + 1].text)"])
            }
        }
        // A paragraph that opens with "But".
        if ctx.chunk.kind == .paragraph, ctx.config.isEnabled("clarity.empty-opener"),
           let first = tokens.first, first.text == "But" {
            ctx.add("clarity.empty-opener", "Do not open a paragraph with 'But': join it to the one before or rephrase.", first.span)
        }
    }
}
