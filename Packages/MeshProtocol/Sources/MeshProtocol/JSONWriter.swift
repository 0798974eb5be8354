/// Writes JSON the way `WireCodec.json` has always written it with Foundation's `JSONEncoder` (sorted keys,
/// slashes unescaped, `\b \f \n \r \t` and `\u00xx` for other control characters, numbers as Foundation
/// prints them), byte for byte, for the hand-written encoders of the wire types; `pretty` writes what
/// `.prettyPrinted` adds (two spaces a level, `" : "` after a key, an empty container as two line breaks),
/// for the `json` report format. Keys are written in the order the caller gives; each type's `writeJSON` gives
/// them sorted, and tests compare every type's output with Foundation's.
package struct JSONWriter {
    private var storage: ByteStorage
    private let pretty: Bool
    /// Containers open around the next value.
    private var depth = 0
    /// Whether the next key or element needs a comma before it.
    private var needsComma = false
    /// Whether a key was just written, so the next value follows it on the same line.
    private var afterKey = false

    /// The bytes written so far. A copy, made once when the writer is done.
    package var bytes: [UInt8] { storage.array(then: nil) }

    /// The bytes written so far and `last` after them (a final line break), in the same one copy: a report of a
    /// burst is megabytes, and appending to `bytes` copied them again.
    package func bytes(then last: UInt8) -> [UInt8] { storage.array(then: last) }

    package init(pretty: Bool = false, capacity: Int = 256) {
        self.pretty = pretty
        storage = ByteStorage(capacity: capacity)
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
        append(json)
        needsComma = true
        return true
    }

    /// An array of elements written ahead, each by a writer made with `init(pretty:capacity:depth:)` at the depth
    /// of this array's elements: the same bytes as `array` writing them here.
    package mutating func array(parts: [[UInt8]]) {
        beginValue()
        append(UInt8(ascii: "["))
        for (index, part) in parts.enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            append(part)
        }
        if pretty {
            if parts.isEmpty { append(UInt8(ascii: "\n")) }
            newLine()
        }
        append(UInt8(ascii: "]"))
        needsComma = true
    }

    private mutating func container(open: UInt8, close: UInt8, _ content: (inout JSONWriter) -> Void) {
        beginValue()
        append(open)
        depth += 1
        needsComma = false
        content(&self)
        depth -= 1
        if pretty {
            if !needsComma { append(UInt8(ascii: "\n")) }
            newLine()
        }
        append(close)
        needsComma = true
    }

    /// A key of the object being written; the next value written is its value. `key` needs no escaping.
    package mutating func key(_ key: StaticString) {
        beginValue()
        // Quotes, key and separator in one claim: a review writes some sixty keys.
        let count = key.utf8CodeUnitCount
        let end = reserve(count + 5)
        end[0] = UInt8(ascii: "\"")
        (end + 1).initialize(from: key.utf8Start, count: count)
        end[count + 1] = UInt8(ascii: "\"")
        if pretty {
            end[count + 2] = UInt8(ascii: " ")
            end[count + 3] = UInt8(ascii: ":")
            end[count + 4] = UInt8(ascii: " ")
            storage.count += count + 5
        } else {
            end[count + 2] = UInt8(ascii: ":")
            storage.count += count + 3
        }
        afterKey = true
    }

    /// A key that may need escaping (a dictionary's). Named apart from `key(_: StaticString)`: with both as
    /// `key(_:)`, a literal key took this overload (a literal's default type is `String`) and went through
    /// `string`'s escaping, a third of the instructions of writing a review.
    package mutating func key(escaping key: String) {
        string(key)
        endKey()
    }

    private mutating func endKey() {
        if pretty {
            let end = reserve(3)
            end[0] = UInt8(ascii: " ")
            end[1] = UInt8(ascii: ":")
            end[2] = UInt8(ascii: " ")
            storage.count += 3
        } else {
            append(UInt8(ascii: ":"))
        }
        afterKey = true
    }

    /// `value`'s entries, keys sorted by their UTF-8 bytes as Foundation sorts them.
    package mutating func dictionary<V>(_ value: [String: V], _ write: (inout JSONWriter, V) -> Void) {
        object { writer in
            for (key, element) in value.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                writer.key(escaping: key)
                write(&writer, element)
            }
        }
    }

    // MARK: Scalars

    /// A string whose JSON is `utf8` between quotes as it is: bytes that need no escaping (an enum's raw value).
    mutating func plainString(_ utf8: [UInt8]) {
        beginValue()
        append(UInt8(ascii: "\""))
        append(utf8)
        append(UInt8(ascii: "\""))
        needsComma = true
    }

    package mutating func string(_ text: String) {
        beginValue()
        var text = text
        text.withUTF8 { utf8 in
            // Room for the string with no escapes and its quotes, claimed once; an escape claims more.
            let count = utf8.count
            reserve(count + 2).pointee = UInt8(ascii: "\"")
            storage.count += 1
            guard let base = utf8.baseAddress else { return }
            var runStart = 0
            var index = 0
            while index < count {
                // Eight bytes at a time while none needs escaping (a quote, a backslash, a control byte): a chunk's
                // text is most of what the producer writes.
                if index + 8 <= count, !JSONString.hasSpecialByte(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = base[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                append(UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                index += 1
                runStart = index
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): append(UInt8(ascii: "\\"), byte)
                case 0x08: append(UInt8(ascii: "\\"), UInt8(ascii: "b"))
                case 0x0C: append(UInt8(ascii: "\\"), UInt8(ascii: "f"))
                case 0x0A: append(UInt8(ascii: "\\"), UInt8(ascii: "n"))
                case 0x0D: append(UInt8(ascii: "\\"), UInt8(ascii: "r"))
                case 0x09: append(UInt8(ascii: "\\"), UInt8(ascii: "t"))
                default:
                    let hex = Self.hexDigits
                    append(UInt8(ascii: "\\"), UInt8(ascii: "u"))
                    append(UInt8(ascii: "0"), UInt8(ascii: "0"))
                    append(hex[Int(byte >> 4)], hex[Int(byte & 0xF)])
                }
            }
            append(UnsafeBufferPointer(start: base + runStart, count: count - runStart))
        }
        append(UInt8(ascii: "\""))
        needsComma = true
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    package mutating func int(_ value: Int) {
        beginValue()
        // Digits counted first, then written from the last: no `String(value)`, no reversing.
        var magnitude = value.magnitude
        var digits = 1
        var scale: UInt = 10
        while digits < 20, magnitude >= scale {
            digits += 1
            scale = scale.multipliedReportingOverflow(by: 10).partialValue
        }
        let sign = value < 0 ? 1 : 0
        let end = reserve(sign + digits)
        if sign == 1 { end[0] = UInt8(ascii: "-") }
        var position = sign + digits - 1
        repeat {
            end[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            position -= 1
        } while position >= sign
        storage.count += sign + digits
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
        text.withUTF8 { append($0) }
        needsComma = true
    }

    /// The comma and, pretty, the line break and indent before a value; nothing after a key.
    @inline(__always)
    private mutating func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        if needsComma { append(UInt8(ascii: ",")) }
        if pretty, depth > 0 { newLine() }
    }

    private mutating func newLine() {
        let indent = 2 * depth
        let end = reserve(1 + indent)
        end[0] = UInt8(ascii: "\n")
        (end + 1).initialize(repeating: UInt8(ascii: " "), count: indent)
        storage.count += 1 + indent
    }

    // MARK: Bytes

    /// Room for `count` more bytes (the storage copied first if another writer shares it): where they go.
    /// Callers write them there and then add to `storage.count`.
    @inline(__always)
    private mutating func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        if storage.capacity - storage.count < count { storage.grow(toHold: storage.count + count) }
        return storage.base + storage.count
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        storage.count += 1
    }

    @inline(__always)
    private mutating func append(_ first: UInt8, _ second: UInt8) {
        let end = reserve(2)
        end[0] = first
        end[1] = second
        storage.count += 2
    }

    private mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        guard let from = run.baseAddress, !run.isEmpty else { return }
        reserve(run.count).initialize(from: from, count: run.count)
        storage.count += run.count
    }

    private mutating func append(_ run: [UInt8]) {
        run.withUnsafeBufferPointer { append($0) }
    }
}

/// A writer's bytes: memory of its own, grown by doubling, so that appending a short run (a key, a number's
/// digits, a quote) is a capacity check and a copy. Appending to a `[UInt8]` with `append(contentsOf:)` cost
/// some 115 instructions a call (callgrind), most of writing a review's keys. `JSONWriter` copies it before
/// writing when it is shared, so writers keep value semantics.
private final class ByteStorage {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    func array(then last: UInt8?) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count + 1) { buffer, initialized in
            buffer.baseAddress!.initialize(from: base, count: count)
            initialized = count
            if let last {
                buffer[count] = last
                initialized += 1
            }
        }
    }

    func copy() -> ByteStorage {
        let copy = ByteStorage(capacity: capacity)
        copy.base.initialize(from: base, count: count)
        copy.count = count
        return copy
    }

    func grow(toHold needed: Int) {
        var newCapacity = capacity
        while newCapacity < needed { newCapacity = newCapacity <= Int.max / 2 ? newCapacity * 2 : needed }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = newCapacity
    }
}
