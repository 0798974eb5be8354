import MeshProtocol

/// Spans of plain text that are not prose: URLs, e-mail addresses, file paths, code-like identifiers.
/// Used for text that comes without the chunker's `ignored` spans (plain text, JSONL).
package enum NonProse {
    package static func spans(in scalars: [Unicode.Scalar], existing: [TextSpan]) -> [TextSpan] {
        // Every scalar of the chunk is read here: through the buffer, without a bounds check each.
        scalars.withUnsafeBufferPointer { spans(in: $0, existing: existing) }
    }

    private static func spans(in sc: UnsafeBufferPointer<Unicode.Scalar>, existing: [TextSpan]) -> [TextSpan] {
        var out: [TextSpan] = []
        // A tag may hold a path the chunker already ignores: the tokenizer reads overlapping spans as one.
        let templates = templateSpans(in: sc)
        out += templates
        var i = 0
        let n = sc.count
        while i < n {
            while i < n && CharClass.isSpace(sc[i]) { i += 1 }
            let start = i
            while i < n && !CharClass.isSpace(sc[i]) { i += 1 }
            guard i > start else { continue }
            // Trim surrounding punctuation.
            var s = start
            var e = i
            while s < e, isOpening(sc[s]) { s += 1 }
            while e > s, isClosing(sc[e - 1]) { e -= 1 }
            guard e - s >= 3 else { continue }
            if templates.contains(where: { $0.overlaps(TextSpan(start: s, end: e)) }) { continue }
            // Plain words (letters, apostrophes, hyphens) are prose: the common case, decided without copying.
            // Lower-case ASCII letters alone are plain whatever follows, so most words stop at this first scan.
            var k = s
            while k < e, sc[k].value >= 97, sc[k].value <= 122 { k += 1 }
            if k == e { continue }
            var plain = true
            var prevLower = false
            for k in s..<e {
                let c = sc[k]
                if !(CharClass.isLetter(c) || c == "'" || c == "-" || c == "\u{2019}") { plain = false; break }
                if prevLower && CharClass.isUpper(c) { plain = false; break }
                prevLower = CharClass.isLower(c)
            }
            if plain { continue }
            if isNonProse(ArraySlice(sc[s..<e])) {
                let span = TextSpan(start: s, end: e)
                if !existing.contains(where: { $0.overlaps(span) }) { out.append(span) }
            }
        }
        return out
    }

    /// Template tags, which a site generator replaces before anyone reads the page: Hugo shortcodes
    /// (`{{< relref "/x" >}}`, `{{% alert %}}`), Jinja, Liquid and Mustache (`{{ var }}`, `{% if %}`). Each runs
    /// from `{{` or `{%` to the first matching `}}` or `%}` within 1,000 scalars; an unclosed one is prose.
    static func templateSpans(in sc: UnsafeBufferPointer<Unicode.Scalar>) -> [TextSpan] {
        var out: [TextSpan] = []
        let n = sc.count
        var i = 0
        while i + 1 < n {
            guard sc[i] == "{", sc[i + 1] == "{" || sc[i + 1] == "%" else { i += 1; continue }
            let close: Unicode.Scalar = sc[i + 1] == "%" ? "%" : "}"
            var k = i + 2
            var end = -1
            while k + 1 < n, k - i <= 1000 {
                if sc[k] == close, sc[k + 1] == "}" { end = k + 2; break }
                k += 1
            }
            guard end > 0 else { i += 2; continue }
            // Letters glued to the tag, or to the link it closes, are part of what it renders
            // ("[`INCR`]({{< relref "/x" >}})emented").
            var stop = end
            var closers = end
            while closers < n, closers - end < 2, sc[closers] == ")" || sc[closers] == "]" { closers += 1 }
            if closers < n, CharClass.isLetter(sc[closers]) { stop = closers }
            while stop < n, CharClass.isLetter(sc[stop]) { stop += 1 }
            out.append(TextSpan(start: i, end: stop))
            i = stop
        }
        return out
    }

    /// `([{<"'“‘`, the punctuation trimmed before a word.
    @inline(__always) package static func isOpening(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "(", "[", "{", "<", "\"", "'", "\u{201C}", "\u{2018}": return true
        default: return false
        }
    }

    /// `.,;:!?)]}>"'”’`, the punctuation trimmed after a word.
    @inline(__always) package static func isClosing(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ".", ",", ";", ":", "!", "?", ")", "]", "}", ">", "\"", "'", "\u{201D}", "\u{2019}": return true
        default: return false
        }
    }

    /// The letters up to the first non-letter are a word that begins a phrase ("reasons:the cost"): prose with a
    /// missing space, not a key.
    static func startsWithFunctionWord(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        let word = String(String.UnicodeScalarView(rest.prefix(while: CharClass.isLetter)))
        return ["the", "a", "an", "and", "or", "but", "it", "this", "that", "these", "we", "you", "i", "he", "she", "they",
                "my", "our", "your", "their", "his", "her", "its", "there", "to", "in", "on", "for", "with", "first"].contains(word)
    }

    package static func isNonProse(_ w: ArraySlice<Unicode.Scalar>) -> Bool {
        var slash = 0, dot = 0, at = 0, underscore = 0, colon = 0, upperAfterLower = false, letters = 0
        var prevLower = false
        var innerDotBetweenLetters = false
        var other = 0
        let arr = Array(w)
        for (k, c) in arr.enumerated() {
            switch c {
            case "/", "\\": slash += 1
            case ".":
                dot += 1
                if k > 0, k + 1 < arr.count, CharClass.isLetter(arr[k - 1]), CharClass.isLetter(arr[k + 1]) {
                    innerDotBetweenLetters = true
                }
            case "@": at += 1
            case "_": underscore += 1
            case ":": colon += 1
            case "=", "<", ">", "{", "}", "[", "]", "(", ")", "#", "$", "%", "^", "*", "|", "~", "`", "+": other += 1
            default: break
            }
            if CharClass.isLetter(c) { letters += 1 }
            if CharClass.isUpper(c) && prevLower { upperAfterLower = true }
            prevLower = CharClass.isLower(c)
        }
        if colon > 0 && slash >= 2 { return true } // scheme://
        // Keys, tags and addresses joined by colons ("bikes:racing:france", "ip:port", "zstd:chunked", "bike:1"):
        // a colon after a lower-case letter and before one or a digit, no space, is no sentence punctuation ("4:they"
        // is a list number and a missing space).
        if colon > 0, letters > 0 {
            for k in 1..<max(1, arr.count - 1) where arr[k] == ":" {
                let before = arr[k - 1], after = arr[k + 1]
                if CharClass.isLower(before) && (CharClass.isLower(after) || CharClass.isDigit(after)),
                   !startsWithFunctionWord(arr[(k + 1)...]) { return true }
            }
        }
        if arr.starts(with: "www.".unicodeScalars) { return true }
        if at == 1 && dot >= 1 { return true } // e-mail
        if slash >= 1 && letters >= 1 && slash + dot >= 1 {
            // "and/or", "he/she": two plain words joined by a single slash are prose.
            if slash == 1 && dot == 0 && other == 0 && underscore == 0 && !arr.first!.properties.isMath {
                let parts = arr.split(separator: "/")
                if parts.count == 2 && parts.allSatisfy({ $0.allSatisfy(CharClass.isLetter) && $0.count <= 12 }) {
                    return false
                }
            }
            return true
        }
        if underscore > 0 { return true }
        if other >= 2 { return true }
        if innerDotBetweenLetters {
            // "e.g", "i.e", "U.S." are prose; "config.yaml", "foo.bar" are not; "end.Next" is a missing space.
            let parts = arr.split(separator: ".")
            if parts.allSatisfy({ $0.count <= 1 }) { return false }
            for k in 1..<parts.count {
                let before = parts[k - 1], after = parts[k]
                if let b = before.last, CharClass.isLower(b), after.count >= 2,
                   CharClass.isUpper(after[after.startIndex]), CharClass.isLower(after[after.startIndex + 1]) {
                    return false
                }
            }
            return true
        }
        if upperAfterLower {
            // camelCase / PascalCase inner capitals: "iPhone", "JavaScript", "parseList".
            return true
        }
        return false
    }
}
