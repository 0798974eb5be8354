import Foundation
import MeshProtocol

/// A list of phrases matched token by token (case-insensitive) over a chunk's tokens.
/// Patterns are tokenized like text; `#` matches any number, `*` any word.
struct PhraseTable: Sendable {
    struct Entry: Sendable {
        var words: [String]
        var replacements: [String]
        var note: String?
    }

    private var byFirst: [String: [Entry]] = [:]

    /// One entry per line.
    init(_ text: String) {
        self.init(text.split(separator: "\n").map(String.init))
    }

    /// `lines` are `pattern => replacement | other replacement ## note`; replacement and note are optional.
    init(_ lines: [String]) {
        for line in lines {
            var pattern = line
            var replacements: [String] = []
            var note: String?
            if let r = pattern.range(of: "##") {
                note = String(pattern[r.upperBound...]).trimmed
                pattern = String(pattern[..<r.lowerBound])
            }
            if let r = pattern.range(of: "=>") {
                replacements = pattern[r.upperBound...].split(separator: "|").map { String($0).trimmed }.filter { !$0.isEmpty }
                pattern = String(pattern[..<r.lowerBound])
            }
            let tokens = Tokenizer.tokenize(Array(pattern.trimmed.unicodeScalars), ignored: []).map(\.lower)
            guard let first = tokens.first else { continue }
            byFirst[first, default: []].append(Entry(words: tokens, replacements: replacements, note: note))
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.words.count > $1.words.count } }
    }

    /// Non-overlapping matches, longest first at each position: (first token, last token, entry).
    func matches(_ tokens: [Token], where accept: (Int, Int, Entry) -> Bool = { _, _, _ in true }) -> [(Int, Int, Entry)] {
        var out: [(Int, Int, Entry)] = []
        var i = 0
        let n = tokens.count
        while i < n {
            let t = tokens[i]
            if t.kind != .opaque, let entries = byFirst[t.kind == .number ? "#" : t.lower] ?? byFirst[t.lower] {
                var matched = false
                for e in entries {
                    let m = e.words.count
                    guard i + m <= n else { continue }
                    var ok = true
                    for k in 1..<max(1, m) {
                        let tk = tokens[i + k]
                        let w = e.words[k]
                        if w == "#" { if tk.kind != .number { ok = false; break } }
                        else if w == "*" { if tk.kind != .word { ok = false; break } }
                        else if tk.lower != w || tk.kind == .opaque { ok = false; break }
                    }
                    if ok && accept(i, i + m - 1, e) {
                        out.append((i, i + m - 1, e))
                        i += m
                        matched = true
                        break
                    }
                }
                if matched { continue }
            }
            i += 1
        }
        return out
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
