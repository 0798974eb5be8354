import Foundation
import MeshText

extension String {
    /// The first range of the two ASCII bytes `first` `second` ("##", "=>"), found in the UTF-8: Foundation's
    /// `range(of:)` made loading the phrase tables (thousands of lines) slow.
    func rangeOfPair(_ first: UInt8, _ second: UInt8) -> Range<String.Index>? {
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let j = utf8.index(after: i)
            if j < utf8.endIndex, utf8[i] == first, utf8[j] == second { return i..<utf8.index(after: j) }
            i = j
        }
        return nil
    }

    /// The same as `replacing(pattern, with: replacement)`, byte by byte when the string and the pattern are ASCII
    /// (and the pattern has no line break), where bytes are characters; messages are built this way per finding,
    /// and the generic algorithm costs tens of thousands of instructions a call. The bytes are read in place and
    /// the result written once, at its final size.
    func replacingAll(_ pattern: String, with replacement: String) -> String {
        enum Outcome { case generic, unchanged, replaced(String) }
        var text = self, pattern = pattern, replacement = replacement
        let outcome: Outcome = text.withUTF8 { b in
            pattern.withUTF8 { p in
                guard !p.isEmpty, p.allSatisfy({ $0 < 128 && $0 != 10 && $0 != 13 }), b.allSatisfy({ $0 < 128 }) else { return .generic }
                let n = b.count, m = p.count
                @inline(__always) func matches(at i: Int) -> Bool {
                    guard i + m <= n else { return false }
                    for j in 0..<m where b[i + j] != p[j] { return false }
                    return true
                }
                // Matches are taken left to right without overlapping, as the copy below takes them.
                var count = 0
                var i = 0
                while i < n {
                    if matches(at: i) { count += 1; i += m } else { i += 1 }
                }
                guard count > 0 else { return .unchanged }
                return replacement.withUTF8 { r in
                    .replaced(String(unsafeUninitializedCapacity: n + count * (r.count - m)) { out in
                        var i = 0, k = 0
                        while i < n {
                            if matches(at: i) {
                                for c in r { out[k] = c; k += 1 }
                                i += m
                            } else {
                                out[k] = b[i]
                                k += 1
                                i += 1
                            }
                        }
                        return k
                    })
                }
            }
        }
        switch outcome {
        case .generic: return replacing(pattern, with: replacement)
        case .unchanged: return self
        case .replaced(let s): return s
        }
    }
}

extension StringProtocol {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

/// Words parsed from a whitespace/comma separated list.
func wordSet(_ text: String) -> Set<String> {
    Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }).map { String($0).lowercased() })
}
