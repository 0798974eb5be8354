import Foundation

/// What makes a spelling finding in technical documentation an error rather than a warning: the word is a known
/// common misspelling, or a long word one edit from the word it slips from. A term of the trade is often a letter
/// from an English word ("reflink", "sudoer", "varint", "launchd"); a long word that close is not.
enum SpellingEvidence {
    /// Letters a word needs before one edit from a dictionary word counts as a slip on its own.
    static let longWord = 8

    /// `word` (lower case) is an error on its own evidence: a known misspelling ("clasic"), or a word of `longWord`
    /// letters or more, not hyphenated, one edit from one of `slips` ("reliablity", "accordingy").
    static func isStrong(_ word: String, slips: [String]) -> Bool {
        if KnownMisspellings.contains(word) { return true }
        guard !word.contains("-"), word.unicodeScalars.count >= longWord else { return false }
        return slips.contains { GrammarSpecialist.editDistance($0, word) == 1 || GrammarSpecialist.isTransposition($0, word) }
    }
}

extension KnownMisspellings {
    /// Binary search of the sorted blob in place: a probe lands inside a word, backs up to its start, compares.
    static func contains(_ word: String) -> Bool {
        let target = Array(word.utf8)
        guard target.count >= 2 else { return false }
        return blob.withUTF8Buffer { bytes in
            func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A }
            var lo = 0, hi = bytes.count
            while lo < hi {
                var start = (lo + hi) / 2
                while start > lo, !isSeparator(bytes[start - 1]) { start -= 1 }
                // A probe on a separator: the word after it.
                while start < hi, isSeparator(bytes[start]) { start += 1 }
                guard start < hi else { hi = (lo + hi) / 2; continue }
                var end = start
                while end < bytes.count, !isSeparator(bytes[end]) { end += 1 }
                var order = 0
                var k = 0
                while order == 0 {
                    let inWord = start + k < end, inTarget = k < target.count
                    if !inWord && !inTarget { return true }
                    if !inWord { order = 1 } else if !inTarget { order = -1 }
                    else if target[k] != bytes[start + k] { order = target[k] < bytes[start + k] ? -1 : 1 }
                    k += 1
                }
                if order < 0 { hi = start } else { lo = end }
            }
            return false
        }
    }
}
