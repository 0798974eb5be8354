@testable import MeshProtocol
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
    /// The writer keeps its bytes in storage of its own; a copy must still write on its own, as an array would.
    @Test func aCopyWritesOnItsOwn() {
        var first = JSONWriter()
        first.object { writer in
            writer.key("a")
            writer.int(1)
            var copy = writer
            copy.key("b")
            copy.string("copy")
            writer.key("c")
            writer.string("first")
            #expect(String(decoding: copy.bytes, as: UTF8.self) == #"{"a":1,"b":"copy""#)
        }
        #expect(String(decoding: first.bytes, as: UTF8.self) == #"{"a":1,"c":"first"}"#)
    }

    @Test func bytesThenAFinalByte() {
        var writer = JSONWriter()
        writer.strings(["a", "b"])
        #expect(writer.bytes(then: UInt8(ascii: "\n")) == Array("[\"a\",\"b\"]\n".utf8))
        #expect(writer.bytes == Array("[\"a\",\"b\"]".utf8))
        #expect(JSONWriter().bytes(then: 0x7D) == [0x7D])
    }

    /// Past the first capacity many times over, every byte kept in order.
    @Test func growsPastItsCapacity() {
        var writer = JSONWriter(capacity: 1)
        let words = (0..<5000).map { "word \($0) \"quoted\"\n" }
        writer.strings(words)
        let expected = "[" + words.map { JSONString.quoted($0) }.joined(separator: ",") + "]"
        #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
    }

    @Test("integers as Foundation writes them", arguments: [0, 7, -7, 9, 10, -10, 99, 100, 12345, Int.max, Int.min, Int.max / 10, -(Int.max / 10)])
    func integers(value: Int) {
        var writer = JSONWriter()
        writer.int(value)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
    }

    /// A dictionary's keys may need escaping; literal keys take the unescaped path and read the same.
    @Test func dictionaryKeysAreEscaped() {
        var writer = JSONWriter(pretty: true)
        writer.dictionary(["b\"": 1, "a": 2]) { writer, value in writer.int(value) }
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "{\n  \"a\" : 2,\n  \"b\\\"\" : 1\n}")
    }
}
