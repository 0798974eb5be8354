import Foundation
import MeshProtocol
import Testing

@Suite("JSON strings")
struct JSONStringTests {
    @Test(
        "quoted as RFC 8259 asks",
        arguments: [
            ("plain", #""plain""#),
            ("say \"hi\"", #""say \"hi\"""#),
            ("a\\b", #""a\\b""#),
            ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
            ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
            ("é – 😀 \u{7F}", "\"é – 😀 \u{7F}\""),
        ])
    func quoted(text: String, expected: String) {
        #expect(JSONString.quoted(text) == expected)
    }

    /// Whatever the string, JSONSerialization reads it back unchanged.
    @Test func readsBackAsTheSameString() throws {
        var generator = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let scalars = (0..<Int(generator.below(40))).compactMap { _ in Unicode.Scalar(UInt32(generator.below(0x300))) }
            let text = String(String.UnicodeScalarView(scalars))
            let data = Data(("[" + JSONString.quoted(text) + "]").utf8)
            #expect(try JSONSerialization.jsonObject(with: data) as? [String] == [text])
        }
    }
}
