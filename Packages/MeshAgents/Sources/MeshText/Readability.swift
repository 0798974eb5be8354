import MeshProtocol

/// The readability formulas, from additive counts.
public enum Readability {
    public static let formulas = ["flesch-reading-ease", "flesch-kincaid-grade", "gunning-fog", "smog", "coleman-liau", "ari"]

    public static func counts(_ text: TextAnalysis) -> TextCounts {
        var c = TextCounts()
        let tokens = text.tokens
        for s in text.sentences {
            var words = 0
            // Tokens are read in place: a `Token` copy retains two strings.
            for i in s.tokens where tokens[i].kind == .word || tokens[i].kind == .number {
                words += 1
                let start = tokens[i].start, end = tokens[i].end
                if tokens[i].kind == .number {
                    c.syllables += 1
                    c.letters += end - start // a number's text is its scalars
                    continue
                }
                var letters = 0
                var hyphen = false
                for k in start..<end {
                    let s = text.scalars[k]
                    if CharClass.isLetter(s) { letters += 1 } else if s == "-" { hyphen = true }
                }
                c.letters += letters
                let syl = Syllables.count(ofToken: i, in: text)
                c.syllables += syl
                if syl >= 3, !hyphen, !(CharClass.isUpper(text.scalars[start]) && syl < 4) {
                    c.complexWords += 1
                }
            }
            if words > 0 {
                c.words += words
                c.sentences += 1
            }
        }
        return c
    }

    public static func counts(of text: String) -> TextCounts { counts(TextAnalysis(text: text)) }

    public static func fleschKincaidGrade(_ c: TextCounts) -> Double {
        guard c.words > 0, c.sentences > 0 else { return 0 }
        return 0.39 * Double(c.words) / Double(c.sentences) + 11.8 * Double(c.syllables) / Double(c.words) - 15.59
    }

    public static func scores(_ c: TextCounts) -> [String: Double] {
        guard c.words > 0, c.sentences > 0 else { return [:] }
        let w = Double(c.words), s = Double(c.sentences), syl = Double(c.syllables)
        let l = Double(c.letters), cx = Double(c.complexWords)
        func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
        return [
            "flesch-reading-ease": round2(206.835 - 1.015 * w / s - 84.6 * syl / w),
            "flesch-kincaid-grade": round2(fleschKincaidGrade(c)),
            "gunning-fog": round2(0.4 * (w / s + 100 * cx / w)),
            "smog": round2(1.043 * (cx * 30 / s).squareRoot() + 3.1291),
            "coleman-liau": round2(0.0588 * (l / w * 100) - 0.296 * (s / w * 100) - 15.8),
            "ari": round2(4.71 * l / w + 0.5 * w / s - 21.43),
        ]
    }
}
