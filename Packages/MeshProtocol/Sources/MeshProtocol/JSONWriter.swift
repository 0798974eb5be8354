/// Writes JSON the way `WireCodec.json` has always written it with Foundation's `JSONEncoder` (sorted keys,
/// slashes unescaped, `\b \f \n \r \t` and `\u00xx` for other control characters, numbers as Foundation
/// prints them), byte for byte, for the hand-written encoders of the wire types; `pretty` writes what
/// `.prettyPrinted` adds (two spaces a level, `" : "` after a key, an empty container as two line breaks),
/// for the `json` report format. Keys are written in the order the caller gives; each type's `writeJSON` gives
/// them sorted, and tests compare every type's output with Foundation's.
package struct JSONWriter {
    package private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    /// Containers open around the next value.
    private var depth = 0
    /// Whether the next key or element needs a comma before it.
    private var needsComma = false
    /// Whether a key was just written, so the next value follows it on the same line.
    private var afterKey = false

    package init(pretty: Bool = false, capacity: Int = 256) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    /// A writer that starts inside `depth` containers: the value it writes is an element as it appears there
    /// (pretty: after its line break and indent), written ahead for `array(parts:)` one level up to join.
    package init(pretty: Bool, capacity: Int, depth: Int) {
        self.init(pretty: pretty, capacity: capacity)
        self.depth = depth
    }

    // MARK: Structure

    package mutating func object(_ fields: (inout JSONWriter) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}")) { fields(&$0) }
    }

    package mutating func array<C: Collection>(_ elements: C, _ write: (inout JSONWriter, C.Element) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]")) { writer in
            for element in elements { write(&writer, element) }
        }
    }

    /// `json`, a value written ahead as compact JSON, when this writer is compact too (false, and nothing written,
    /// when it pretty-prints).
    package mutating func compactValue(_ json: [UInt8]) -> Bool {
        guard !pretty else { return false }
        beginValue()
        bytes.append(contentsOf: json)
        needsComma = true
        return true
    }

    /// An array of elements written ahead, each by a writer made with `init(pretty:capacity:depth:)` at the depth
    /// of this array's elements: the same bytes as `array` writing them here.
    package mutating func array(parts: [[UInt8]]) {
        beginValue()
        bytes.append(UInt8(ascii: "["))
        for (index, part) in parts.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: part)
        }
        if pretty {
            if parts.isEmpty { bytes.append(UInt8(ascii: "\n")) }
            newLine()
        }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    private mutating func container(open: UInt8, close: UInt8, _ content: (inout JSONWriter) -> Void) {
        beginValue()
        bytes.append(open)
        depth += 1
        needsComma = false
        content(&self)
        depth -= 1
        if pretty {
            if !needsComma { bytes.append(UInt8(ascii: "\n")) }
            newLine()
        }
        bytes.append(close)
        needsComma = true
    }

    /// A key of the object being written; the next value written is its value. `key` needs no escaping.
    package mutating func key(_ key: StaticString) {
        beginValue()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        endKey()
    }

    /// A key that may need escaping (a dictionary's).
    package mutating func key(_ key: String) {
        string(key)
        endKey()
    }

    private mutating func endKey() {
        if pretty {
            bytes.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
        afterKey = true
    }

    /// `value`'s entries, keys sorted by their UTF-8 bytes as Foundation sorts them.
    package mutating func dictionary<V>(_ value: [String: V], _ write: (inout JSONWriter, V) -> Void) {
        object { writer in
            for (key, element) in value.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                writer.key(key)
                write(&writer, element)
            }
        }
    }

    // MARK: Scalars

    /// A string whose JSON is `utf8` between quotes as it is: bytes that need no escaping (an enum's raw value).
    mutating func plainString(_ utf8: [UInt8]) {
        beginValue()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: utf8)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    package mutating func string(_ text: String) {
        beginValue()
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            let count = utf8.count
            while index < count {
                // Eight bytes at a time while none needs escaping (a quote, a backslash, a control byte): a chunk's
                // text is most of what the producer writes.
                if let base = utf8.baseAddress, index + 8 <= count,
                   !JSONString.hasSpecialByte(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                index += 1
                runStart = index
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    package mutating func int(_ value: Int) {
        beginValue()
        // Digit by digit into the buffer, least significant first, then turned round: `String(value)` allocated
        // and formatted generically for every number.
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let first = bytes.count
        var magnitude = value.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        // Swapped in place: `bytes[first...].reverse()` went through a slice and cost as much again as the digits.
        var low = first, high = bytes.count - 1
        while low < high {
            bytes.swapAt(low, high)
            low += 1
            high -= 1
        }
        needsComma = true
    }

    /// As Foundation writes a `Double`: its shortest round-trip description without a trailing `.0`; a
    /// non-finite value as the strings `WireCodec.json` has always used for them.
    package mutating func double(_ value: Double) {
        guard value.isFinite else {
            string(value.isNaN ? "NaN" : value > 0 ? "Infinity" : "-Infinity")
            return
        }
        beginValue()
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
        needsComma = true
    }

    /// The comma and, pretty, the line break and indent before a value; nothing after a key.
    private mutating func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        if pretty, depth > 0 { newLine() }
    }

    private mutating func newLine() {
        bytes.append(UInt8(ascii: "\n"))
        // Copied from a row of spaces: appending `repeatElement` went space by space through the generic path.
        var indent = 2 * depth
        while indent > 0 {
            let run = min(indent, Self.spaces.count)
            bytes.append(contentsOf: Self.spaces[..<run])
            indent -= run
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)
}
