@testable import MeshDocument
import MeshProtocol
import Testing

/// `Prose.isURL(ascii:)` and `isPath(ascii:)`, which `urlsAndPaths` asks for an ASCII token, answer what the
/// string versions (kept for other tokens) answer: on tokens made of the pieces the tests look for, in random
/// order and case, and on every short string of the characters that matter.
@Suite struct ProseTests {
    @Test func asciiURLAndPathTestsAnswerAsTheStringOnes() {
        let pieces = ["www.", "WWW.", "mailto:", "MailTo:", "http", "://", "/", "//", ".", "..", "~", "\\", ":", "_", "-", "+",
                      "a", "Z", "c", "1", "md", "MD", "rs", "swift", "tar", "gz", "src", "x", ".", "/", "e.g", "and"]
        var rng = SplitMix64(seed: 12)
        var tokens: [String] = []
        for _ in 0..<30_000 {
            let n = Int.random(in: 1...6, using: &rng)
            tokens.append((0..<n).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined())
        }
        let letters = Array("w./:\\~_-a1M").map(String.init)
        var short = [""]
        for _ in 0..<4 { short = short + short.flatMap { s in letters.map { s + $0 } } }
        tokens += Set(short).sorted()
        var wrong: [String] = []
        for token in tokens {
            let bytes = Array(token.utf8)
            if Prose.isURL(ascii: bytes) != Prose.isURL(token) || Prose.isPath(ascii: bytes) != Prose.isPath(token) { wrong.append(token) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
        #expect(tokens.filter { Prose.isURL(ascii: Array($0.utf8)) }.count > 1_000)
        #expect(tokens.filter { Prose.isPath(ascii: Array($0.utf8)) }.count > 1_000)
    }
}
