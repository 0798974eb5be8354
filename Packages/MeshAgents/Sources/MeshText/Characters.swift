package enum CharClass {
    @inline(__always) package static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 {
            return (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122)
        }
        return isAlphabetic(s)
    }

    @inline(__always) package static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    @inline(__always) package static func isWordScalar(_ s: Unicode.Scalar) -> Bool { isLetter(s) || isDigit(s) }

    /// Space, line feed, tab, carriage return, no-break, thin and narrow no-break space. Tested by range first:
    /// this runs for every scalar of every text.
    @inline(__always) package static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v <= 32 { return v == 32 || v == 10 || v == 9 || v == 13 }
        if v < 0xA0 { return false }
        return v == 0xA0 || v == 0x2009 || v == 0x202F
    }

    @inline(__always) package static func isUpper(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s.value >= 65 && s.value <= 90 }
        return isUppercase(s)
    }

    @inline(__always) package static func isLower(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s.value >= 97 && s.value <= 122 }
        return isLowercase(s)
    }

    // Beyond ASCII, in functions of their own: `Unicode.Scalar.Properties` is a resilient type, and a function
    // that may touch one asks for its metadata and sizes a stack slot on entry, before any test. With the ASCII
    // test in the same function, every call paid that (some 35 instructions; 1.6 M calls a burst in the grammar
    // specialist's spelling rule alone), and the callers in MeshAgents could not inline it.
    @inline(never) private static func isAlphabetic(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }
    @inline(never) private static func isUppercase(_ s: Unicode.Scalar) -> Bool { s.properties.isUppercase }
    @inline(never) private static func isLowercase(_ s: Unicode.Scalar) -> Bool { s.properties.isLowercase }

    @inline(__always) package static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }
}

/// Fast ASCII-first lowercasing; `’` becomes `'` so lists can be written with straight apostrophes.
package func lowercased(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var out = String.UnicodeScalarView()
    for s in scalars {
        if s.value >= 65 && s.value <= 90 {
            out.append(Unicode.Scalar(s.value + 32)!)
        } else if s == "\u{2019}" {
            out.append("'")
        } else if s.value < 128 {
            out.append(s)
        } else {
            for l in s.properties.lowercaseMapping.unicodeScalars { out.append(l) }
        }
    }
    return String(out)
}

/// FNV-1a (64-bit) of a string's UTF-8: the hash behind `WordFilter` and `WordMap`. Tokens keep it for their
/// lower case (`Token.lowerHash`).
@inline(__always) package func fnv1a(_ s: String) -> UInt64 {
    var s = s
    return s.withUTF8 { b in
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return h
    }
}
