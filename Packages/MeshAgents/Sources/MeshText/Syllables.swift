public enum Syllables {
    package static let exceptions: [String: Int] = [
        "the": 1, "every": 3, "different": 3, "business": 2, "people": 2, "area": 3, "idea": 3, "real": 1,
        "being": 2, "create": 2, "created": 3, "science": 2, "quiet": 2, "poem": 2, "video": 3, "radio": 3,
        "naive": 2, "queue": 1, "fire": 1, "hour": 1, "our": 1, "every's": 3, "lion": 2, "diet": 2,
        "really": 2, "actually": 4, "usually": 4, "family": 3, "simile": 3, "recipe": 3, "coyote": 3,
        "abalone": 4, "apostrophe": 4, "catastrophe": 4, "anemone": 4, "karate": 3, "sesame": 3,
        "forever": 3, "evening": 2, "interesting": 3, "chocolate": 2, "camera": 3, "vegetable": 4,
        "everything": 3, "everyone": 3, "everybody": 4, "somewhere": 2, "someone": 2, "sometimes": 2,
        "something": 2, "whereas": 2, "therefore": 2, "themselves": 2, "ourselves": 3, "yourself": 2,
    ]

    package static let exceptionWords: WordFilter = {
        var f = WordFilter()
        for w in exceptions.keys { f.insert(w) }
        return f
    }()

    /// `exceptions` probed by FNV-1a (the filter before it already tells words by their bytes).
    package static let exceptionMap = WordMap(exceptions)

    /// `exceptions[word]` without hashing for most words, which are not exceptions.
    @inline(__always) package static func exception(_ word: String, hash: UInt64) -> Int? {
        exceptionWords.mayContain(hash: hash) ? exceptionMap[word, hash: hash] : nil
    }

    public static func count(_ word: String) -> Int { count(word, hash: fnv1a(word)) }

    /// `count(word)` given `fnv1a(word)`, such as a token's `lowerHash`: the exceptions are tested without hashing
    /// the word again.
    package static func count(_ word: String, hash: UInt64) -> Int {
        if let fast = word.utf8.withContiguousStorageIfAvailable({ countASCII($0, word, hash) }), let fast { return fast }
        return slowCount(word)
    }

    /// `count(tokens[i].lower, hash: tokens[i].lowerHash)` for word token `i`, read from its scalars in one pass,
    /// lower-cased on the fly, without building or copying a string. Words the pass cannot finish (an exception,
    /// a vowel pair such as "io", a non-ASCII letter) take `count(_:hash:)`, so every word gets the same answer.
    package static func count(ofToken i: Int, in text: TextAnalysis) -> Int {
        let token = i, sc = text.scalars
        let hash = text.tokens[token].lowerHash
        if exceptionWords.mayContain(hash: hash) { return count(text.tokens[token].lower, hash: hash) }
        let start = text.tokens[token].start, end = text.tokens[token].end
        // Three scalars or fewer ("the", "of", "it"): at most three letters, so one syllable if any letter.
        if end - start <= 3 {
            var letter = false
            for k in start..<end {
                let v = sc[k].value
                if v >= 128 { return Self.count(text.tokens[token].lower, hash: hash) }
                if v >= 97 && v <= 122 || v >= 65 && v <= 90 { letter = true }
            }
            return letter ? 1 : 0
        }
        var n = 0, count = 0, prevVowel = false
        var prev: UInt8 = 0
        // The first four letters, and the last four (the last in the low byte), for the prefix and ending rules.
        var head: UInt32 = 0, tail: UInt32 = 0
        for k in start..<end {
            var v = sc[k].value
            if v >= 128 {
                if v == 0x2019 { continue } // the lower case has an apostrophe: not a letter
                return Self.count(text.tokens[token].lower, hash: hash)
            }
            if v >= 65 && v <= 90 { v += 32 }
            guard v >= 97 && v <= 122 else { continue }
            let c = UInt8(truncatingIfNeeded: v)
            // ia, io, eo, ua, uo, iu, ii: the vowel-pair rule reads the whole word.
            switch (prev, c) {
            case (105, 97), (105, 111), (101, 111), (117, 97), (117, 111), (105, 117), (105, 105):
                return Self.count(text.tokens[token].lower, hash: hash)
            default: break
            }
            let vowel = isVowel(c, n)
            if vowel && !prevVowel { count += 1 }
            prevVowel = vowel
            if n < 4 { head |= UInt32(c) << UInt32(8 * n) }
            tail = tail << 8 | UInt32(c)
            prev = c
            n += 1
        }
        if n == 0 { return 0 }
        if n <= 3 { return 1 }
        let e1 = UInt8(truncatingIfNeeded: tail), e2 = UInt8(truncatingIfNeeded: tail >> 8)
        let e3 = UInt8(truncatingIfNeeded: tail >> 16), e4 = UInt8(truncatingIfNeeded: tail >> 24)
        let e: UInt8 = 101, d: UInt8 = 100, s: UInt8 = 115, t: UInt8 = 116, h: UInt8 = 104
        if e1 == e {
            let consonantLe = e2 == 108 && !isVowel(e3, n - 3)
            if !consonantLe && !isVowel(e2, n - 2) { count -= 1 }
        }
        if e1 == d && e2 == e, e3 != t && e3 != d && !isVowel(e3, n - 3) { count -= 1 }
        if e1 == s && e2 == e {
            let sibilant = e3 == s || e3 == 120 || e3 == 122 || e3 == 99 || e3 == 103 || (e3 == h && (e4 == 99 || e4 == s))
            if !sibilant && !isVowel(e3, n - 3) { count -= 1 }
        }
        if e3 == 105, e2 == s, e1 == 109 { count += 1 } // -ism
        if n > 4, head & 0xFF_FFFF == 0x65_7270, isVowel(UInt8(truncatingIfNeeded: head >> 24), 3) { count += 1 } // pre + vowel
        return max(1, count)
    }

    @inline(__always) package static func isVowel(_ c: UInt8, _ i: Int) -> Bool {
        switch c {
        case 97, 101, 105, 111, 117: return true // a e i o u
        case 121: return i > 0 // y
        default: return false
        }
    }

    /// The same rules on lower-case ASCII bytes without allocating; nil for anything else.
    package static func countASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ word: String, _ hash: UInt64) -> Int? {
        var n = 0
        for b in bytes {
            if b >= 128 || (b >= 65 && b <= 90) { return nil }
            if b >= 97 && b <= 122 { n += 1 }
        }
        if n == 0 { return exception(word, hash: hash) ?? 0 }
        if n <= 3 { return exception(word, hash: hash) ?? 1 }
        if n >= 4, let e = exception(word, hash: hash) { return e }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { l -> Int in
            var k = 0
            for b in bytes where b >= 97 && b <= 122 { l[k] = b; k += 1 }
            var count = 0
            var prevVowel = false
            for i in 0..<n {
                let v = isVowel(l[i], i)
                if v && !prevVowel { count += 1 }
                prevVowel = v
            }
            let e: UInt8 = 101, d: UInt8 = 100, s: UInt8 = 115, t: UInt8 = 116, h: UInt8 = 104
            if l[n - 1] == e {
                let consonantLe = n >= 3 && l[n - 2] == 108 && !isVowel(l[n - 3], n - 3)
                if !consonantLe && !(n >= 2 && isVowel(l[n - 2], n - 2)) { count -= 1 }
            }
            if n >= 4 && l[n - 1] == d && l[n - 2] == e {
                let c = l[n - 3]
                if c != t && c != d && !isVowel(c, n - 3) { count -= 1 }
            }
            if n >= 4 && l[n - 1] == s && l[n - 2] == e {
                let c = l[n - 3]
                let sibilant = c == s || c == 120 || c == 122 || c == 99 || c == 103
                    || (c == h && (l[n - 4] == 99 || l[n - 4] == s))
                if !sibilant && !isVowel(c, n - 3) { count -= 1 }
            }
            func has(_ p: StaticString) -> Bool {
                let m = p.utf8CodeUnitCount
                guard m <= n else { return false }
                let pp = p.utf8Start
                var i = 0
                while i + m <= n {
                    var ok = true
                    for j in 0..<m where l[i + j] != pp[j] { ok = false; break }
                    if ok { return true }
                    i += 1
                }
                return false
            }
            // Which of ia, io, eo, ua, uo, iu, ii occur (each counts once), in one pass.
            var seen: UInt8 = 0
            for i in 0..<(n - 1) {
                switch (l[i], l[i + 1]) {
                case (105, 97): seen |= 1 // ia
                case (105, 111): seen |= 2 // io
                case (101, 111): seen |= 4 // eo
                case (117, 97): seen |= 8 // ua
                case (117, 111): seen |= 16 // uo
                case (105, 117): seen |= 32 // iu
                case (105, 105): seen |= 64 // ii
                default: break
                }
            }
            let pairs = seen.nonzeroBitCount
            if pairs > 0, !(has("tion") || has("sion") || has("cial") || has("tial") || has("cious") || has("tious")
                            || has("gious") || has("qua") || has("guo") || has("quo")) {
                count += pairs
            }
            if n >= 3, l[n - 3] == 105, l[n - 2] == s, l[n - 1] == 109 { count += 1 } // -ism
            if n > 4, l[0] == 112, l[1] == 114, l[2] == e, isVowel(l[3], 3) { count += 1 } // pre + vowel
            return max(1, count)
        }
    }

    package static func slowCount(_ word: String) -> Int {
        let w = word.lowercased()
        if let e = exceptions[w] { return e }
        let letters = Array(w.unicodeScalars.filter { CharClass.isLetter($0) })
        if letters.isEmpty { return 0 }
        if letters.count <= 3 { return 1 }
        func vowel(_ s: Unicode.Scalar, _ i: Int) -> Bool {
            switch s {
            case "a", "e", "i", "o", "u": return true
            case "y": return i > 0
            case "\u{E9}", "\u{E8}", "\u{EA}", "\u{E0}", "\u{E2}", "\u{EF}", "\u{F4}", "\u{FC}", "\u{F6}", "\u{E4}": return true
            default: return false
            }
        }
        var count = 0
        var prevVowel = false
        for (i, s) in letters.enumerated() {
            let v = vowel(s, i)
            if v && !prevVowel { count += 1 }
            prevVowel = v
        }
        let n = letters.count
        // Silent final e ("make"), but not "-le" after a consonant ("table") nor "-ee".
        if letters[n - 1] == "e" {
            let consonantLe = n >= 3 && letters[n - 2] == "l" && !vowel(letters[n - 3], n - 3)
            if !consonantLe && !(n >= 2 && vowel(letters[n - 2], n - 2)) { count -= 1 }
        }
        // "-es" / "-ed" endings that add no syllable ("makes", "named"), except after t/d ("wanted") or s/x/z/ch/sh.
        if n >= 4 && letters[n - 1] == "d" && letters[n - 2] == "e" {
            let c = letters[n - 3]
            if c != "t" && c != "d" && !vowel(c, n - 3) { count -= 1 }
        }
        if n >= 4 && letters[n - 1] == "s" && letters[n - 2] == "e" {
            let c = letters[n - 3]
            let sibilant = c == "s" || c == "x" || c == "z" || c == "c" || c == "g"
                || (c == "h" && (letters[n - 4] == "c" || letters[n - 4] == "s"))
            if !sibilant && !vowel(c, n - 3) { count -= 1 }
        }
        // Vowel pairs that are usually two syllables.
        let s = makeString(letters, 0, letters.count)
        for pair in ["ia", "io", "eo", "ua", "uo", "iu", "ii"] where s.contains(pair) {
            if !(s.contains("tion") || s.contains("sion") || s.contains("cial") || s.contains("tial")
                 || s.contains("cious") || s.contains("tious") || s.contains("gious") || s.contains("qua")
                 || s.contains("guo") || s.contains("quo")) {
                count += 1
            }
        }
        if s.hasSuffix("ism") { count += 1 }
        if s.hasPrefix("pre") && n > 4, vowel(letters[3], 3) { count += 1 }
        if s.hasPrefix("re") && n > 3, letters[2] == "a" || letters[2] == "i" { count += 0 }
        return max(1, count)
    }
}
