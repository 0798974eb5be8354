import MeshProtocol

/// Small, dependency-free text helpers: bare URLs and file paths in prose, and word and sentence counts.
enum Prose {
    /// Spans of `scalars` that are URLs, e-mail-like autolinks or file paths, found token by token
    /// (a token is a run of non-whitespace with surrounding brackets, quotes and final punctuation trimmed).
    ///
    /// A URL has a scheme (`https://`, `ftp://`, `mailto:`, anything with `://`) or starts with `www.`.
    /// A path starts with `/`, `~/`, `./`, `../` or a drive (`C:\`), or contains `/` and either two or more
    /// of them or a file extension (`src/main.rs`); a lone word with a common file extension
    /// (`Package.swift`, `README.md`) counts too. `and/or` and `TCP/IP` do not.
    static func urlsAndPaths(in scalars: [Unicode.Scalar]) -> [TextSpan] {
        var spans: [TextSpan] = []
        var i = 0
        let n = scalars.count
        while i < n {
            while i < n, isSpace(scalars[i]) { i += 1 }
            let start = i
            while i < n, !isSpace(scalars[i]) { i += 1 }
            guard i > start else { continue }
            var a = start
            var b = i
            while a < b, isOpening(scalars[a]) { a += 1 }
            while b > a, isClosing(scalars[b - 1]) { b -= 1 }
            guard b - a >= 2, mayBeURLOrPath(scalars[a..<b]) else { continue }
            let found: Bool
            if scalars[a..<b].allSatisfy({ $0.isASCII }) {
                let bytes = scalars[a..<b].map { UInt8(truncatingIfNeeded: $0.value) }
                found = isURL(ascii: bytes) || isPath(ascii: bytes)
            } else {
                let token = string(scalars[a..<b])
                found = isURL(token) || isPath(token)
            }
            if found { spans.append(TextSpan(start: a, end: b)) }
        }
        return spans
    }

    /// What may open a URL or path in prose: `( " ' < [ { ` * _`. A switch, where a string's scalar view was
    /// searched for every word of every chunk.
    private static func isOpening(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "(", "\"", "'", "<", "[", "{", "`", "*", "_": true
        default: false
        }
    }

    /// What may close one: `) " ' > ] } , . ; : ! ? ` * _`.
    private static func isClosing(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ")", "\"", "'", ">", "]", "}", ",", ".", ";", ":", "!", "?", "`", "*", "_": true
        default: false
        }
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }

    /// A cheap filter before building a string: URLs and paths contain `/`, `:` or `\\`, or a dot inside.
    private static func mayBeURLOrPath(_ token: ArraySlice<Unicode.Scalar>) -> Bool {
        var index = token.startIndex
        for scalar in token {
            if scalar == "/" || scalar == ":" || scalar == "\\" { return true }
            if scalar == ".", index != token.startIndex { return true }
            index += 1
        }
        return false
    }

    static func isURL(_ token: String) -> Bool {
        let lower = token.lowercased()
        if lower.hasPrefix("www.") && lower.count > 5 { return true }
        if lower.hasPrefix("mailto:") { return true }
        if let range = lower.firstRange(of: "://") {
            let scheme = lower[..<range.lowerBound]
            return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
        }
        return false
    }

    static let fileExtensions: Set<String> = [
        "c", "cc", "cfg", "conf", "cpp", "css", "csv", "go", "h", "hpp", "html", "ini", "java", "js", "json",
        "jsx", "kt", "lock", "log", "lua", "m", "md", "mdx", "php", "pl", "py", "rb", "rs", "scss", "sh",
        "sql", "swift", "toml", "ts", "tsx", "txt", "xml", "yaml", "yml", "zsh", "env", "gitignore",
        "dockerfile", "mk", "gradle", "plist", "pem", "tar", "gz", "zip", "png", "jpg", "jpeg", "svg", "gif", "pdf",
    ]

    static func isPath(_ token: String) -> Bool {
        let scalars = Array(token.unicodeScalars)
        guard scalars.count >= 2 else { return false }
        if token.hasPrefix("~/") || token.hasPrefix("./") || token.hasPrefix("../") { return true }
        if scalars[0] == "/" { return scalars[1].properties.isAlphabetic || scalars[1] == "." || scalars[1] == "_" }
        if scalars.count >= 3, scalars[0].properties.isAlphabetic, scalars[1] == ":", scalars[2] == "\\" { return true }
        let slashes = scalars.filter { $0 == "/" }.count
        if slashes > 0 {
            if token.contains("//") { return false }
            return slashes >= 2 || hasFileExtension(token)
        }
        // A lone file name: word characters, one or more dots, a known extension.
        guard hasFileExtension(token), let first = scalars.first, first.properties.isAlphabetic || first == "." || first == "_"
        else { return false }
        return scalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || "._-".unicodeScalars.contains($0) }
    }

    // MARK: ASCII tokens

    // `isURL` and `isPath` for an ASCII token (nearly every one), on its bytes: the same answers (checked against
    // them in the tests), where searching a string's characters for "://" and "." cost some 15,000 instructions a
    // token, a tenth of chunking a plain-text document.

    static func isURL(ascii b: [UInt8]) -> Bool {
        if startsLowered(b, "www.") && b.count > 5 { return true }
        if startsLowered(b, "mailto:") { return true }
        guard b.count >= 3 else { return false }
        for i in 0...(b.count - 3) where b[i] == UInt8(ascii: ":") && b[i + 1] == UInt8(ascii: "/") && b[i + 2] == UInt8(ascii: "/") {
            return i > 0 && b[0..<i].allSatisfy { isASCIILetter($0) || isASCIIDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
        }
        return false
    }

    static func isPath(ascii b: [UInt8]) -> Bool {
        guard b.count >= 2 else { return false }
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: "."), underscore = UInt8(ascii: "_")
        if b.starts(with: "~/".utf8) || b.starts(with: "./".utf8) || b.starts(with: "../".utf8) { return true }
        if b[0] == slash { return isASCIILetter(b[1]) || b[1] == dot || b[1] == underscore }
        if b.count >= 3, isASCIILetter(b[0]), b[1] == UInt8(ascii: ":"), b[2] == UInt8(ascii: "\\") { return true }
        let slashes = b.lazy.filter { $0 == slash }.count
        if slashes > 0 {
            if zip(b, b.dropFirst()).contains(where: { $0 == slash && $1 == slash }) { return false }
            return slashes >= 2 || hasFileExtension(ascii: b)
        }
        guard hasFileExtension(ascii: b), isASCIILetter(b[0]) || b[0] == dot || b[0] == underscore else { return false }
        return b.allSatisfy { isASCIILetter($0) || isASCIIDigit($0) || $0 == dot || $0 == underscore || $0 == UInt8(ascii: "-") }
    }

    private static func hasFileExtension(ascii b: [UInt8]) -> Bool {
        guard let dot = b.lastIndex(of: UInt8(ascii: ".")), dot != 0 else { return false }
        guard b[dot - 1] != UInt8(ascii: "/") || b[0] == UInt8(ascii: ".") else { return false }
        let ext = b[(dot + 1)...]
        guard let first = ext.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return false }
        return fileExtensions.contains(String(decoding: ext.map { $0 | (isASCIILetter($0) ? 0x20 : 0) }, as: UTF8.self))
    }

    /// Whether `b`, lower-cased, starts with `prefix` (lower-case ASCII).
    private static func startsLowered(_ b: [UInt8], _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard b.count >= count else { return false }
        for i in 0..<count where b[i] | (isASCIILetter(b[i]) ? 0x20 : 0) != prefix.utf8Start[i] { return false }
        return true
    }

    @inline(__always) private static func isASCIILetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
    @inline(__always) private static func isASCIIDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private static func hasFileExtension(_ token: String) -> Bool {
        guard let dot = token.lastIndex(of: "."), dot != token.startIndex else { return false }
        let ext = token[token.index(after: dot)...]
        let before = token[token.index(before: dot)]
        guard before != "/" || token.first == "." else { return false }
        return fileExtensions.contains(ext.lowercased()) && ext.first?.isLowercase == true
    }

    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value == 0x20 || (s.value >= 0x09 && s.value <= 0x0D) }
        return s.properties.isWhitespace
    }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// Words (runs of letters and digits, with inner apostrophes and hyphens) and sentences (runs of
    /// `.`, `!`, `?` after some words and before whitespace or the end, plus any words left after the
    /// last one), skipping `ignored` spans. Simple on purpose: abbreviations count as sentence ends.
    static func counts(_ scalars: [Unicode.Scalar], ignored: [TextSpan]) -> (words: Int, sentences: Int) {
        var words = 0
        var sentences = 0
        var wordsSinceEnd = 0
        var inWord = false
        var ignoredIndex = 0
        var i = 0
        let n = scalars.count
        while i < n {
            while ignoredIndex < ignored.count, ignored[ignoredIndex].end <= i { ignoredIndex += 1 }
            if ignoredIndex < ignored.count, ignored[ignoredIndex].start <= i {
                inWord = false
                i = ignored[ignoredIndex].end
                continue
            }
            let s = scalars[i]
            if isWordScalar(s) {
                if !inWord {
                    words += 1
                    wordsSinceEnd += 1
                    inWord = true
                }
            } else if inWord, s == "'" || s == "’" || s == "-", i + 1 < n, isWordScalar(scalars[i + 1]) {
                // stays in the word
            } else {
                inWord = false
                if s == "." || s == "!" || s == "?" {
                    var j = i + 1
                    while j < n, scalars[j] == "." || scalars[j] == "!" || scalars[j] == "?" { j += 1 }
                    let atBoundary = j == n || isSpace(scalars[j]) || "\"'”’)".unicodeScalars.contains(scalars[j])
                    if atBoundary, wordsSinceEnd > 0 {
                        sentences += 1
                        wordsSinceEnd = 0
                    }
                    i = j
                    continue
                }
            }
            i += 1
        }
        if wordsSinceEnd > 0 { sentences += 1 }
        return (words, sentences)
    }
}
