import Foundation
import MeshProtocol

/// How sure a spelling finding in technical documentation is, by the evidence that the word is a slip. A term of
/// the trade is often a letter from an English word ("reflink", "sudoer", "varint", "launchd", "env"); a known
/// common misspelling, or a long word that close, is not. On held-out published docs every slip with neither
/// kind of evidence but one (21 of 22) was a term.
enum SpellingEvidence {
    /// Letters a word needs before one edit from a dictionary word counts as a slip on its own.
    static let longWord = 8
    /// Letters a known misspelling needs to be an error on its own: shorter ones ("teh", but also "ser", "mis",
    /// "udo") are a letter from abbreviations too.
    static let knownMisspellingLetters = 5

    /// The severity of a slip of `word` (lower case) in a Markdown document, `slips` the words it may be a slip of;
    /// nil for an error.
    /// - error: a known misspelling of 5 letters or more ("clasic"; also as a part of a hyphenated word,
    ///   "text-to-speach").
    /// - warning: a word of 8 letters or more, not hyphenated, one edit from a slip ("commenly"), a shorter known
    ///   misspelling ("teh"), or a word of 5 letters or more with two neighbouring letters of a slip swapped
    ///   ("conifg"): terms are seldom made that way. Long words were errors until documentation none of the
    ///   rules had seen (grafana/loki) showed 9 of their 10 errors to be terms ("rebalance", "queriers",
    ///   "matchers", "enablement").
    /// - suggestion: any other slip, which offers its words all the same.
    static func markdownSeverity(_ word: String, slips: [String]) -> Severity? {
        let letters = word.unicodeScalars.count
        let parts = word.contains("-") ? word.split(separator: "-").map(String.init) : [word]
        if parts.contains(where: { $0.unicodeScalars.count >= knownMisspellingLetters && KnownMisspellings.contains($0) }) { return nil }
        if parts.count == 1, letters >= longWord,
           slips.contains(where: { GrammarSpecialist.editDistance($0, word) == 1 || GrammarSpecialist.isTransposition($0, word) }) { return .warning }
        if KnownMisspellings.contains(word) { return .warning }
        if letters >= knownMisspellingLetters, slips.contains(where: { GrammarSpecialist.isTransposition($0, word) }) { return .warning }
        return .suggestion
    }
}

extension KnownMisspellings {
    /// Whether `word` (lower case) is a common misspelling.
    static func contains(_ word: String) -> Bool { lookup(word) != nil }

    /// codespell's one correction of `word` ("adresses" → "addresses"), nil when it is no known misspelling or
    /// codespell gives several.
    static func correction(of word: String) -> String? {
        guard let c = lookup(word), !c.isEmpty else { return nil }
        return c
    }

    /// Binary search of the sorted blob in place: a probe lands inside an entry, backs up to its start, compares
    /// the key (the entry up to '>'). The correction after '>', "" when the entry has none; nil when not found.
    private static func lookup(_ word: String) -> String? {
        let target = Array(word.utf8)
        guard target.count >= 2 else { return nil }
        return blob.withUTF8Buffer { bytes -> String? in
            func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A }
            let arrow = UInt8(ascii: ">")
            var lo = 0, hi = bytes.count
            while lo < hi {
                var start = (lo + hi) / 2
                while start > lo, !isSeparator(bytes[start - 1]) { start -= 1 }
                // A probe on a separator: the entry after it.
                while start < hi, isSeparator(bytes[start]) { start += 1 }
                guard start < hi else { hi = (lo + hi) / 2; continue }
                var end = start
                while end < bytes.count, !isSeparator(bytes[end]) { end += 1 }
                var keyEnd = start
                while keyEnd < end, bytes[keyEnd] != arrow { keyEnd += 1 }
                var order = 0
                var k = 0
                while order == 0 {
                    let inWord = start + k < keyEnd, inTarget = k < target.count
                    if !inWord && !inTarget {
                        return keyEnd < end ? String(decoding: UnsafeBufferPointer(rebasing: bytes[(keyEnd + 1)..<end]), as: UTF8.self) : ""
                    }
                    if !inWord { order = 1 } else if !inTarget { order = -1 }
                    else if target[k] != bytes[start + k] { order = target[k] < bytes[start + k] ? -1 : 1 }
                    k += 1
                }
                if order < 0 { hi = start } else { lo = end }
            }
            return nil
        }
    }
}
