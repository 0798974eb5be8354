/// A string as a JSON string literal: the one quoter for every place that writes JSON by hand (the
/// specialists' JSONL batch output) or shows a string the way JSON would (a replacement in a report's
/// `(replace with: "…")` note).
///
/// Formats with escaping rules of their own keep their own function: GitHub workflow commands
/// (`GitHubReport.escapeData`, percent-encoding), Prometheus label values (`Metrics.escape` in MeshService)
/// and logfmt values (`Log.quote` in MeshService).
public enum JSONString {
    /// `text` between double quotes, with `"` and `\` escaped, `\n` `\r` `\t` as such and every other
    /// control character below U+0020 as `\u00xx` (RFC 8259 §7); everything else as it is.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.unicodeScalars.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
                out += "\\u00"
                out.append(hex[Int(scalar.value >> 4)])
                out.append(hex[Int(scalar.value & 0xF)])
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }
}

extension JSONString {
    /// Whether any of the eight bytes of `word` needs attention in a JSON string: a quote, a backslash or a
    /// control byte. Exact word tests (a zero byte in `word` XOR the quote or the backslash repeated, a byte below
    /// 0x20), with no false alarms, so the reader and the writer pass eight plain bytes at a time.
    @inline(__always)
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        specialBytes(word) & 0x8080_8080_8080_8080 != 0
    }

    /// Where in `word` (its bytes in memory order, 0...7) the first byte is that ends a plain ASCII key: a quote,
    /// a backslash, a control byte or a non-ASCII one; 8 when there is none. The borrows of the word tests run
    /// only upwards from a flagged byte, so the lowest flag is exact.
    @inline(__always)
    static func firstKeyStop(_ word: UInt64) -> Int {
        let stop = (specialBytes(word) | word) & 0x8080_8080_8080_8080
        return UInt64(littleEndian: stop).trailingZeroBitCount >> 3
    }

    /// The word tests: the high bit of each byte that is a quote, a backslash or below 0x20 is set (other bits are
    /// noise).
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* UInt64(UInt8(ascii: "\""))), backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        return ((word &- ones &* 0x20) & ~word) | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
    }
}
