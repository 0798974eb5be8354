import Testing
@testable import MeshProtocol

/// `JSONReader.skipValue` takes values made of what outlines hold in one loop and anything else the general way:
/// both ways must accept the same texts, end at the same byte and refuse with the same words.
@Suite struct JSONReaderSkipTests {
    /// Skips the value at the start of `text` both ways: the offset after it, or the error's description.
    static func skip(_ text: [UInt8], plainFirst: Bool) -> String {
        text.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            do throws(JSONReadError) {
                try reader.skipValue(plainFirst: plainFirst)
                return "ended at \(reader.mark)"
            } catch {
                return error.description
            }
        }
    }

    @Test func outlinesAndTheirNeighboursSkipTheSameBothWays() {
        var random = SplitMix64(seed: 12)
        var accepted = 0, refused = 0
        for round in 0..<4000 {
            var text = Array(Self.value(&random, depth: 0).utf8) + (random.below(2) == 0 ? [] : Array(" ,x".utf8))
            // Half the texts damaged: cut short, or a byte replaced by one that matters to JSON.
            if round % 2 == 1, !text.isEmpty {
                let at = random.below(text.count)
                if random.below(2) == 0 {
                    text.removeSubrange(at...)
                } else {
                    text[at] = Array("{}[]\",:\\-0e. tn\u{1}\u{80}".utf8)[random.below(17)]
                }
            }
            let general = Self.skip(text, plainFirst: false)
            #expect(Self.skip(text, plainFirst: true) == general, "\(String(decoding: text, as: UTF8.self))")
            if general.hasPrefix("ended at") { accepted += 1 } else { refused += 1 }
        }
        // Both kinds of text came up often.
        #expect(accepted > 1500 && refused > 800, "accepted \(accepted), refused \(refused)")
    }

    @Test func theDepthLimitIsTheGeneralPathsBothWays() {
        for depth in [62, 63, 64, 65, 100] {
            for inner in ["", "1", "{}", "[]"] {
                let text = Array((String(repeating: "[", count: depth) + inner + String(repeating: "]", count: depth)).utf8)
                #expect(Self.skip(text, plainFirst: true) == Self.skip(text, plainFirst: false), "\(depth) deep around '\(inner)'")
            }
        }
        let deep = Array((String(repeating: "[", count: 64) + "1" + String(repeating: "]", count: 64)).utf8)
        #expect(Self.skip(deep, plainFirst: true).contains("nested more than 64 deep"))
    }

    @Test func anOutlineIsSkippedToItsLastByte() {
        let outline = #"{"blocks": [{"kind":"paragraph","lines":1,"position":{"column":1,"line":1,"offset":0},"sentences":1,"words":4}],"headings":[{"level":1,"text":"Café","position":{"column":1,"line":1,"offset":0}}]} , "next""#
        #expect(Self.skip(Array(outline.utf8), plainFirst: true) == "ended at \(outline.utf8.count - 9)")
    }

    /// A random JSON value, mostly of the kinds outlines hold, sometimes of others (escapes, fractions, exponents,
    /// leading zeros, non-ASCII and control characters, odd white space).
    static func value(_ random: inout SplitMix64, depth: Int) -> String {
        let space = [" ", "", "", "\n  ", "\t", "\r\n"][random.below(6)]
        switch random.below(depth > 6 ? 6 : 9) {
        case 0: return ["0", "7", "-12", "1234567890", "01", "-0", "1.5", "2e10", "-", "1E+2", String(repeating: "9", count: 301)][random.below(11)]
        case 1: return ["true", "false", "null", "tru", "nul"][random.below(5)]
        case 2, 3: return "\"" + Self.text(&random) + "\""
        case 4: return "[]"
        case 5: return "{\(space)}"
        case 6, 7:
            let members = (0..<random.below(4)).map { _ in
                "\(space)\"\(random.below(8) == 0 ? Self.text(&random) : "key")\"\(space):\(space)\(Self.value(&random, depth: depth + 1))"
            }
            return "{" + members.joined(separator: ",") + "\(space)}"
        default:
            return "[" + (0..<random.below(5)).map { _ in space + Self.value(&random, depth: depth + 1) }.joined(separator: ",") + "]"
        }
    }

    static func text(_ random: inout SplitMix64) -> String {
        let pieces = ["paragraph", "a longer run of plain ASCII text", "café", "\\n", "\\u00e9", "\\ud800", "\u{1}", "é", ""]
        return (0..<random.below(4)).map { _ in pieces[random.below(pieces.count)] }.joined()
    }
}
