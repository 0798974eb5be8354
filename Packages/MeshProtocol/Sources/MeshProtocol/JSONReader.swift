#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a JSON body could not be read: what was wrong, and where (the key path down to the value).
struct JSONReadError: Error {
    enum Problem {
        case missingKey(String)
        case invalid(String)
    }

    var problem: Problem
    /// Keys and `[index]`es from the top value down, added as the error leaves each object and array.
    var path: [String] = []

    /// Worded as `WireCodec` worded Foundation's decoding errors, so dead-letter reasons read the same.
    var description: String {
        let at = path.joined(separator: ".")
        switch problem {
        case .missingKey(let key): return "missing key '\(at.isEmpty ? key : at + "." + key)'"
        case .invalid(let why): return at.isEmpty ? why : "\(at): \(why)"
        }
    }
}

/// An object's key as `JSONReader.readObject` hands it to a decoder, which matches it against string literals
/// (`switch key { case "docId": … }`) without a string being made for it.
struct JSONKey {
    fileprivate let raw: UnsafeBufferPointer<UInt8>?
    fileprivate let text: String?

    var string: String { text ?? String(decoding: raw!, as: UTF8.self) }

    /// Inlined into each decoder's `switch`, where the literal's length is a constant: most cases are ruled out
    /// by the length alone, and the rest compared byte by byte (keys are short; a `memcmp` call cost more).
    @inline(__always)
    static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        guard let raw = key.raw else { return key.text == pattern.description }
        let count = pattern.utf8CodeUnitCount
        guard raw.count == count else { return false }
        let literal = pattern.utf8Start
        for i in 0..<count where raw[i] != literal[i] { return false }
        return true
    }
}

/// A forward-only reader of one JSON text (RFC 8259) for the hand-written decoders of the wire types
/// (`JSONCodable`). It reads values in place, with no tree in between: the body is scanned once and strings
/// are made straight from its bytes. Every read checks the bounds of the buffer; numbers that do not fit are
/// refused, strings must be valid UTF-8 without lone surrogates, and values skipped as unknown may nest at
/// most `maxSkipDepth` deep, so no body can trap or exhaust the stack.
struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// The last few strings read without escapes, by where their bytes are in `bytes`. A batch repeats the same
    /// values in every item (document id, source, config, rule ids): taking the string already made shares its
    /// storage instead of allocating and checking the bytes again.
    private var recent: [(start: Int, count: Int, text: String)] = []
    private var nextRecent = 0
    static let recentKept = 8
    /// Set by a reader that has no use for a chunk's outline (`WireCodec.readsOutlines`): `Chunk` skips it.
    private(set) var skipsOutlines = false

    /// Nesting allowed in a value this reader skips (an unknown key's value). Known values nest as deep as
    /// their types, which is fixed.
    static let maxSkipDepth = 64

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Reads the one value in `bytes` with `read` and checks that nothing but white space follows it.
    static func read<T>(_ bytes: [UInt8], skippingOutlines: Bool = false, _ read: (inout JSONReader) throws(JSONReadError) -> T) throws(JSONReadError) -> T {
        let result: Result<T, JSONReadError> = bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            reader.skipsOutlines = skippingOutlines
            do throws(JSONReadError) {
                let value = try read(&reader)
                guard reader.peek() == nil else { throw reader.invalid("unexpected data after the value") }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: Structure

    /// Reads an object, handing each key to `field` with the reader at its value, which `field` must read
    /// (or `skipValue()`). An error from a value gets the key prepended to its path.
    mutating func readObject(_ field: (inout JSONReader, JSONKey) throws(JSONReadError) -> Void) throws(JSONReadError) {
        try expect(UInt8(ascii: "{"), "an object")
        if peek() == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw invalid("expected a key") }
            let key = try readKey()
            try expect(UInt8(ascii: ":"), "':' after a key")
            do {
                try field(&self, key)
            } catch {
                var located = error
                located.path.insert(key.string, at: 0)
                throw located
            }
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return
            default: throw invalid("expected ',' or '}' in an object")
            }
        }
    }

    /// Reads an array, calling `element` once per element with the reader at it. An error from an element gets
    /// `[index]` prepended to its path.
    mutating func readArray(_ element: (inout JSONReader) throws(JSONReadError) -> Void) throws(JSONReadError) {
        try expect(UInt8(ascii: "["), "an array")
        if peek() == UInt8(ascii: "]") {
            position += 1
            return
        }
        var index = 0
        while true {
            do {
                try element(&self)
            } catch {
                var located = error
                located.path.insert("[\(index)]", at: 0)
                throw located
            }
            index += 1
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return
            default: throw invalid("expected ',' or ']' in an array")
            }
        }
    }

    /// The elements of an array, each read by `read`.
    mutating func readList<T>(_ read: (inout JSONReader) throws(JSONReadError) -> T) throws(JSONReadError) -> [T] {
        var list: [T] = []
        try readArray { (reader: inout JSONReader) throws(JSONReadError) in list.append(try read(&reader)) }
        return list
    }

    /// nil for `null`, else the value `read` reads: how an optional field may be written.
    mutating func readOptional<T>(_ read: (inout JSONReader) throws(JSONReadError) -> T) throws(JSONReadError) -> T? {
        if peek() == UInt8(ascii: "n") {
            try expectWord("null")
            return nil
        }
        return try read(&self)
    }

    /// Skips one value of any kind, checking its syntax.
    /// `plainFirst: false` (for tests) takes the general path alone.
    mutating func skipValue(plainFirst: Bool = true) throws(JSONReadError) {
        if plainFirst, skipPlainValue() { return }
        try skipValue(depth: 0)
    }

    /// Skips, in one loop, a value made only of what an outline holds: objects, arrays, strings without escapes,
    /// integers, `true`, `false` and `null`. Through `skipValue(depth:)`, a call and a closure per value, skipping
    /// `make bench-mesh`'s outlines cost more than reading them (18 M instructions against 16 M, in each of the
    /// three specialists that skip them). Anything else, wrong or not, returns false with the reader where it was,
    /// and the general path skips it or refuses it in its own words: what this accepts, that path accepts too,
    /// ending at the same byte.
    private mutating func skipPlainValue() -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let end = bytes.count
        var at = position
        var depth = 0
        /// Bit `d` set: the container `d` deep is an object. `depth` stays under `maxSkipDepth`, which is under 64.
        var objects: UInt64 = 0
        @inline(__always) func skipSpace() {
            while at < end, base[at] <= 0x20, base[at] == 0x20 || base[at] == 0x0A || base[at] == 0x0D || base[at] == 0x09 { at += 1 }
        }
        /// Past a string at `at` (its opening quote) as `skipString` checks it, if it has no escape; for a key,
        /// ASCII only (`readKey` makes any other a string, checked the same way, but keys are ASCII).
        @inline(__always) func skipString(isKey: Bool) -> Bool {
            guard at < end, base[at] == UInt8(ascii: "\"") else { return false }
            at += 1
            let start = at
            var ascii = true
            while true {
                // Eight bytes at a time to the first quote, backslash, control or non-ASCII byte: most strings here
                // are keys and kinds, shorter than eight bytes, so this finds the closing quote in one step.
                if at + 8 <= end {
                    let stop = JSONString.firstKeyStop(UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
                    at += stop
                    if stop == 8 { continue }
                } else if at == end {
                    return false
                }
                let byte = base[at]
                at += 1
                if byte == UInt8(ascii: "\"") {
                    return ascii || UTF8Check.isValid(UnsafeBufferPointer(start: base + start, count: at - 1 - start))
                }
                if byte >= 0x80, !isKey {
                    ascii = false
                } else if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 {
                    return false
                }
            }
        }
        /// Past `word` if it stands at `at`.
        @inline(__always) func skipWord(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard at + count <= end, memcmp(base + at, word.utf8Start, count) == 0 else { return false }
            at += count
            return true
        }
        while true {
            // A value.
            skipSpace()
            guard at < end else { return false }
            switch base[at] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth + 1 < Self.maxSkipDepth else { return false }
                let isObject = base[at] == UInt8(ascii: "{")
                objects = isObject ? objects | 1 << depth : objects & ~(1 << depth)
                depth += 1
                at += 1
                skipSpace()
                guard at < end else { return false }
                if base[at] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    at += 1
                    depth -= 1
                } else {
                    if isObject {
                        guard skipString(isKey: true) else { return false }
                        skipSpace()
                        guard at < end, base[at] == UInt8(ascii: ":") else { return false }
                        at += 1
                    }
                    continue
                }
            case UInt8(ascii: "\""):
                guard skipString(isKey: false) else { return false }
            case UInt8(ascii: "t"):
                guard skipWord("true") else { return false }
            case UInt8(ascii: "f"):
                guard skipWord("false") else { return false }
            case UInt8(ascii: "n"):
                guard skipWord("null") else { return false }
            default:
                // As `skipNumber` takes it without `readDouble`.
                if base[at] == UInt8(ascii: "-") { at += 1 }
                let digits = at
                while at < end, Self.isDigit(base[at]) { at += 1 }
                guard at > digits, at - digits <= 300, at == end || !Self.isNumberByte(base[at]) else { return false }
            }
            // After a value: the next member or element, or the ends of the containers it closes.
            while true {
                if depth == 0 {
                    position = at
                    return true
                }
                skipSpace()
                guard at < end else { return false }
                let inObject = objects & 1 << (depth - 1) != 0
                let byte = base[at]
                at += 1
                if byte == UInt8(ascii: ",") {
                    if inObject {
                        skipSpace()
                        guard skipString(isKey: true) else { return false }
                        skipSpace()
                        guard at < end, base[at] == UInt8(ascii: ":") else { return false }
                        at += 1
                    }
                    break
                }
                guard byte == (inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return false }
                depth -= 1
            }
        }
    }

    private mutating func skipValue(depth: Int) throws(JSONReadError) {
        guard depth < Self.maxSkipDepth else { throw invalid("nested more than \(Self.maxSkipDepth) deep") }
        switch peek() {
        case UInt8(ascii: "{"): try readObject { (reader: inout JSONReader, _) throws(JSONReadError) in try reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["): try readArray { (reader: inout JSONReader) throws(JSONReadError) in try reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try expectWord("true")
        case UInt8(ascii: "f"): try expectWord("false")
        case UInt8(ascii: "n"): try expectWord("null")
        default: try skipNumber()
        }
    }

    /// Reads past a number as `readDouble` would read it. An optional minus and up to 300 digits (every number
    /// an outline holds) is a finite `Double` without converting it; anything else goes through `readDouble`.
    private mutating func skipNumber() throws(JSONReadError) {
        skipSpace()
        let start = position
        var end = position
        if end < bytes.count, bytes[end] == UInt8(ascii: "-") { end += 1 }
        let digitsStart = end
        while end < bytes.count, Self.isDigit(bytes[end]) { end += 1 }
        let digits = end - digitsStart
        if digits > 0, digits <= 300, end == bytes.count || !Self.isNumberByte(bytes[end]) {
            position = end
            return
        }
        position = start
        _ = try readDouble()
    }

    // MARK: Scalars

    /// An object's key: an ASCII key without escapes (nearly all) stays bytes in the body, compared with the
    /// decoder's literals in place; any other is made a string, checked as any string is.
    private mutating func readKey() throws(JSONReadError) -> JSONKey {
        // `readObject` has just peeked at the opening quote.
        position += 1
        let start = position
        // Eight bytes at a time to the first that ends a plain key: byte by byte, keys cost a sixth of reading a
        // review batch.
        if let base = bytes.baseAddress {
            while position + 8 <= bytes.count {
                let stop = JSONString.firstKeyStop(UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                position += stop
                if stop < 8 { break }
            }
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return JSONKey(raw: run, text: nil)
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { break }
            position += 1
        }
        position = start - 1
        return JSONKey(raw: nil, text: try readString())
    }

    mutating func readString() throws(JSONReadError) -> String {
        switch try scanString() {
        case .escaped(let start):
            return try readEscapedString(from: start)
        case .plain(let run, let start, let ascii):
            // Strings of up to 15 bytes are stored inline, with no allocation to share.
            let share = run.count > 15
            if share, let known = recentString(run) { return known }
            // ASCII (most keys, rules, ids and much prose) needs no check of its own.
            let text = ascii ? String(decoding: run, as: UTF8.self) : try makeString(run)
            if share { remember(text, start: start, count: run.count) }
            return text
        }
    }

    /// Reads past a string, checked as `readString` checks it, without making it.
    private mutating func skipString() throws(JSONReadError) {
        switch try scanString() {
        case .escaped(let start):
            _ = try readEscapedString(from: start)
        case .plain(let run, _, let ascii):
            guard ascii || UTF8Check.isValid(run) else { throw invalid("a string that is not UTF-8") }
        }
    }

    private enum ScannedString {
        /// The bytes between the quotes (the closing one consumed), where they start, and whether all are ASCII.
        case plain(UnsafeBufferPointer<UInt8>, start: Int, ascii: Bool)
        /// The string has an escape: the reader stands at its first backslash.
        case escaped(start: Int)
    }

    /// Reads a string's opening quote and scans its bytes, refusing control characters.
    @inline(__always)
    private mutating func scanString() throws(JSONReadError) -> ScannedString {
        try expect(UInt8(ascii: "\""), "a string")
        let start = position
        var high: UInt8 = 0
        // Eight bytes at a time while none is a quote, a backslash or a control character: a chunk's text is most
        // of every chunk batch, and byte by byte it cost some 20 instructions a byte in each reader.
        if let base = bytes.baseAddress {
            var anyHigh: UInt64 = 0
            while position + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                if JSONString.hasSpecialByte(word) { break }
                anyHigh |= word
                position += 8
            }
            if anyHigh & 0x8080_8080_8080_8080 != 0 { high = 0x80 }
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return .plain(run, start: start, ascii: high < 0x80)
            }
            high |= byte
            if byte == UInt8(ascii: "\\") { return .escaped(start: start) }
            if byte < 0x20 { throw invalid("a control character in a string") }
            position += 1
        }
        throw invalid("unterminated string")
    }

    /// A string read before whose bytes equal `run`'s.
    private func recentString(_ run: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = run.baseAddress, let all = bytes.baseAddress else { return nil }
        for entry in recent where entry.count == run.count && memcmp(all + entry.start, base, run.count) == 0 {
            return entry.text
        }
        return nil
    }

    private mutating func remember(_ text: String, start: Int, count: Int) {
        guard count > 0 else { return }
        if recent.count < Self.recentKept {
            if recent.isEmpty { recent.reserveCapacity(Self.recentKept) }
            recent.append((start, count, text))
        } else {
            recent[nextRecent] = (start, count, text)
            nextRecent = (nextRecent + 1) % Self.recentKept
        }
    }

    /// The rest of a string that has escapes: its bytes so far, then each run and escape, into one buffer.
    private mutating func readEscapedString(from start: Int) throws(JSONReadError) -> String {
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return try makeString(utf8)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw invalid("unterminated string") }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: String(try readEscapedScalar()).utf8)
                default: throw invalid("an unknown escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
                }
            case 0..<0x20: throw invalid("a control character in a string")
            default: utf8.append(byte)
            }
        }
        throw invalid("unterminated string")
    }

    /// The scalar of a `\uXXXX` escape (after the `u`), with a surrogate pair's second half.
    private mutating func readEscapedScalar() throws(JSONReadError) -> Unicode.Scalar {
        let first = try readHex4()
        var value = first
        if (0xD800...0xDBFF).contains(first) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                throw invalid("a lone surrogate in a string")
            }
            position += 2
            let second = try readHex4()
            guard (0xDC00...0xDFFF).contains(second) else { throw invalid("a lone surrogate in a string") }
            value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(value) else { throw invalid("a lone surrogate in a string") }
        return scalar
    }

    private mutating func readHex4() throws(JSONReadError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw invalid("a short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw invalid("a bad \\u escape")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private func makeString(_ utf8: [UInt8]) throws(JSONReadError) -> String {
        try utf8.withUnsafeBufferPointer { (buffer) throws(JSONReadError) in try makeString(buffer) }
    }

    /// The string of `utf8` after checking it by hand: the standard library's `String(validating:)` is generic
    /// and looked up type metadata on every call, a quarter of the aggregator's CPU in a profile.
    private func makeString(_ utf8: UnsafeBufferPointer<UInt8>) throws(JSONReadError) -> String {
        guard UTF8Check.isValid(utf8) else { throw invalid("a string that is not UTF-8") }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// An integer; a number written with a fraction or exponent is taken when its value is a whole number of
    /// magnitude below 2^53.
    mutating func readInt() throws(JSONReadError) -> Int {
        skipSpace()
        let start = position
        let negative = position < bytes.count && bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        guard position < bytes.count, Self.isDigit(bytes[position]) else {
            throw invalid("expected a number, found \(found(at: start))")
        }
        var value = 0
        while position < bytes.count, Self.isDigit(bytes[position]) {
            let digit = Int(bytes[position] - UInt8(ascii: "0"))
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            // Accumulated negatively when negative, so Int.min itself fits.
            let (next, overflow2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else {
                while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
                throw invalid("number \(token(from: start)) does not fit in Int")
            }
            value = next
            position += 1
        }
        if position < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position]) {
            position = start
            let number = try readDouble()
            // Only where the Double is exact (below 2^53), so no written digit is silently rounded away.
            guard number.magnitude < 0x1p53, let whole = Int(exactly: number) else {
                throw invalid("number \(token(from: start)) does not fit in Int")
            }
            return whole
        }
        return value
    }

    /// A finite number.
    mutating func readDouble() throws(JSONReadError) -> Double {
        skipSpace()
        let start = position
        while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
        guard position > start else { throw invalid("expected a number, found \(found(at: start))") }
        guard let number = Double(token(from: start)), number.isFinite else {
            throw invalid("\(token(from: start)) is not a finite number")
        }
        return number
    }

    /// A string that must be one of `T`'s raw values.
    /// An enum whose cases are few: its raw values' bytes (`WireEnum.wireCases`, made once) are matched against the
    /// bytes in place, with no string made. Matching each case's `rawValue` made `allCases` and a string a case,
    /// some 440 instructions an enum, and the aggregator reads four specialists in every review.
    mutating func readEnum<T: WireEnum>(_ type: T.Type) throws(JSONReadError) -> T {
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "\""), let base = bytes.baseAddress {
            var end = position + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
                let start = position + 1, count = end - start
                for wire in T.wireCases where wire.utf8.count == count {
                    let same = wire.utf8.withUnsafeBufferPointer { r in count == 0 || memcmp(r.baseAddress!, base + start, count) == 0 }
                    if same {
                        position = end + 1
                        return wire.value
                    }
                }
            }
        }
        let text = try readString()
        guard let value = T(rawValue: text) else { throw invalid("Cannot initialize \(T.self) from invalid String value \(text)") }
        return value
    }

    mutating func readEnum<T: RawRepresentable>(_ type: T.Type) throws(JSONReadError) -> T where T.RawValue == String {
        let text = try readString()
        guard let value = T(rawValue: text) else { throw invalid("Cannot initialize \(T.self) from invalid String value \(text)") }
        return value
    }

    // MARK: Canonical layouts

    /// Where the reader is, in bytes from the start, for `rewind(to:)`.
    var mark: Int { position }

    /// Back to `mark` after a `take` that did not match all the way.
    mutating func rewind(to mark: Int) {
        position = mark
    }

    /// Consumes `literal` when the bytes at the reader are exactly it, with no white space (how our writers lay
    /// out an object's punctuation and keys); reads nothing and answers false otherwise.
    @inline(__always)
    mutating func take(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard count <= bytes.count - position, let base = bytes.baseAddress,
              memcmp(base + position, literal.utf8Start, count) == 0 else { return false }
        position += count
        return true
    }

    /// `take(_:)` for bytes made at run time.
    mutating func take(_ literal: [UInt8]) -> Bool {
        let count = literal.count
        guard count <= bytes.count - position, let base = bytes.baseAddress else { return false }
        let same = literal.withUnsafeBufferPointer { count == 0 || memcmp(base + position, $0.baseAddress!, count) == 0 }
        if same { position += count }
        return same
    }

    /// A non-negative whole number of 1 to 18 digits that ends there (no fraction or exponent follows), as our
    /// writers write most numbers; nil, with nothing read, for anything else, which `readInt` then reads or refuses.
    @inline(__always)
    mutating func takeSmallInt() -> Int? {
        var end = position
        var value = 0
        while end < bytes.count, end - position < 18, Self.isDigit(bytes[end]) {
            value = value &* 10 &+ Int(bytes[end] &- UInt8(ascii: "0"))
            end += 1
        }
        guard end > position, end == bytes.count || !Self.isNumberByte(bytes[end]) else { return nil }
        position = end
        return value
    }

    // MARK: Bytes

    /// The next byte that is not white space, not consumed; nil at the end.
    @inline(__always)
    mutating func peek() -> UInt8? {
        skipSpace()
        return position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    @inline(__always)
    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONReadError) {
        guard peek() == byte else { throw invalid("expected \(what), found \(found(at: position))") }
        position += 1
    }

    private mutating func expectWord(_ word: StaticString) throws(JSONReadError) {
        _ = peek()
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count,
            UnsafeBufferPointer(start: word.utf8Start, count: count).elementsEqual(bytes[position..<position + count])
        else { throw invalid("expected \(word), found \(found(at: position))") }
        position += count
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private func token(from start: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(position, start + 40)]), as: UTF8.self)
    }

    /// What stands at `index`, for a message: the end, a string, an object... or the character.
    private func found(at index: Int) -> String {
        guard index < bytes.count else { return "the end" }
        switch bytes[index] {
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "n"): return "null"
        default: return "'\(Character(Unicode.Scalar(bytes[index])))'"
        }
    }

    func invalid(_ why: String) -> JSONReadError { JSONReadError(problem: .invalid(why)) }

    /// `value`, or the missing-key error for `key`.
    func required<T>(_ value: T?, _ key: String) throws(JSONReadError) -> T {
        guard let value else { throw JSONReadError(problem: .missingKey(key)) }
        return value
    }
}

/// Well-formed UTF-8 (RFC 3629 §4): no overlong forms, no surrogates, nothing above U+10FFFF.
enum UTF8Check {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                // Prose with one dash or accent is mostly ASCII: past it eight bytes at a time.
                if let base = bytes.baseAddress {
                    while index + 8 <= count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                    }
                }
                continue
            }
            func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
                index + offset < count && range.contains(bytes[index + offset])
            }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = continuation(1) ? 2 : 0
            case 0xE0: length = continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
            case 0xE1...0xEC, 0xEE...0xEF: length = continuation(1) && continuation(2) ? 3 : 0
            case 0xED: length = continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
            case 0xF0: length = continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
            case 0xF1...0xF3: length = continuation(1) && continuation(2) && continuation(3) ? 4 : 0
            case 0xF4: length = continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
            default: length = 0
            }
            guard length > 0 else { return false }
            index += length
        }
        return true
    }
}
