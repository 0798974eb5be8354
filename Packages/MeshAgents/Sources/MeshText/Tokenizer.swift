import MeshProtocol

package enum Tokenizer {
    package static let asciiPunct: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }
    package static let asciiPunctHash: [UInt64] = asciiPunct.map(fnv1a)

    package static func tokenize(_ scalars: [Unicode.Scalar], ignored: [TextSpan]) -> [Token] {
        // Every scalar is read here: through the buffer, without a bounds check each (the strings are still
        // built from the array).
        scalars.withUnsafeBufferPointer { sc in tokenize(sc, scalars: scalars, ignored: ignored) }
    }

    private static func tokenize(_ sc: UnsafeBufferPointer<Unicode.Scalar>, scalars: [Unicode.Scalar], ignored: [TextSpan]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(sc.count / 4)
        let ignoredSorted = ignored.sorted()
        var ignoredIndex = 0
        var i = 0
        var space = false
        var newline = false
        let n = sc.count
        while i < n {
            // Opaque spans first.
            while ignoredIndex < ignoredSorted.count && ignoredSorted[ignoredIndex].end <= i { ignoredIndex += 1 }
            if ignoredIndex < ignoredSorted.count, ignoredSorted[ignoredIndex].start <= i, ignoredSorted[ignoredIndex].end > i {
                let span = ignoredSorted[ignoredIndex]
                let end = min(span.end, n)
                let t = makeString(scalars, i, end)
                tokens.append(Token(kind: .opaque, text: t, lower: t, start: i, end: end, spaceBefore: space, newlineBefore: newline))
                space = false
                newline = false
                i = end
                continue
            }
            let s = sc[i]
            if CharClass.isSpace(s) {
                space = true
                if s == "\n" { newline = true }
                i += 1
                continue
            }
            if CharClass.isWordScalar(s) {
                let start = i
                var allDigits = true
                // While the word is scanned: whether it is ASCII, has capitals, and `fnv1a` of its lower case, so
                // its strings are built without reading the scalars again.
                var ascii = true, hasUpper = false
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                var j = i
                while j < n {
                    let c = sc[j]
                    var joins = false
                    if CharClass.isWordScalar(c) {
                        if !CharClass.isDigit(c) { allDigits = false }
                        joins = true
                    } else if j + 1 < n, CharClass.isWordScalar(sc[j + 1]) {
                        // Inner joiners: apostrophe, hyphen, underscore between word scalars; . or , between digits.
                        if CharClass.isApostrophe(c) && CharClass.isLetter(sc[j + 1]) && !allDigits {
                            joins = true
                        } else if c == "-" || c == "_" {
                            if c == "_" { allDigits = false }
                            joins = true
                        } else if (c == "." || c == ",") && allDigits && CharClass.isDigit(sc[j + 1]) && j > start
                                    && CharClass.isDigit(sc[j - 1]) {
                            joins = true
                        }
                    }
                    guard joins else { break }
                    let v = c.value
                    if v >= 128 {
                        ascii = false
                    } else {
                        let upper = v >= 65 && v <= 90
                        if upper { hasUpper = true }
                        hash = (hash ^ UInt64(upper ? v + 32 : v)) &* 0x100_0000_01b3
                    }
                    j += 1
                }
                let text: String, lower: String
                if ascii {
                    (text, lower) = asciiTextAndLower(scalars, start, j, hasUpper: hasUpper)
                } else {
                    (text, lower, hash) = textLowerAndHash(scalars, start, j)
                }
                tokens.append(Token(
                    kind: allDigits ? .number : .word, text: text, lower: lower, lowerHash: hash,
                    start: start, end: j, spaceBefore: space, newlineBefore: newline
                ))
                space = false
                newline = false
                i = j
                continue
            }
            if s.value < 128 {
                let t = Tokenizer.asciiPunct[Int(s.value)]
                tokens.append(Token(kind: .punct, text: t, lower: t, lowerHash: Tokenizer.asciiPunctHash[Int(s.value)],
                                    start: i, end: i + 1, spaceBefore: space, newlineBefore: newline))
            } else {
                let t = String(s)
                tokens.append(Token(kind: .punct, text: t, lower: s == "\u{2019}" ? "'" : t, start: i, end: i + 1,
                                    spaceBefore: space, newlineBefore: newline))
            }
            space = false
            newline = false
            i += 1
        }
        return tokens
    }
}
