import CCmark
import MeshProtocol

/// Lays out one block's inline nodes as chunk text, finding each run in the source itself.
///
/// cmark-gfm gives reliable positions for blocks only, so the locator keeps a cursor in the source bytes,
/// starting at the block's content, and moves it forward past every inline run it places: a text run is
/// matched scalar by scalar (a backslash escape maps to the escaped character, an entity such as `&amp;`
/// maps its decoded character to the entity's `&`), and whatever lies between runs is markup that the text
/// leaves out (`**`, `[`, `](url "title")`, a line's `> ` prefix). A run that cannot be matched before the
/// block ends is placed at the cursor as an approximation (one segment) and the cursor stays put.
struct InlineLocator {
    let source: SourceText
    private(set) var cursor: Int
    let end: Int
    let quoteDepth: Int
    var builder = TextBuilder()
    /// Inline HTML comments seen, with their source offsets (for `mesh-disable` control comments).
    private(set) var comments: [(offset: Int, literal: String)] = []
    /// Runs that had to be placed approximately.
    private(set) var approximateRuns = 0

    private var matchBuffer: [(scalar: Unicode.Scalar, offset: Int, length: Int)] = []

    init(source: SourceText, start: Int, end: Int, quoteDepth: Int) {
        self.source = source
        self.cursor = start
        self.end = end
        self.quoteDepth = quoteDepth
    }

    // MARK: Walking

    mutating func walkChildren(_ node: OpaquePointer) {
        var child = cmark_node_first_child(node)
        while let current = child {
            visit(current)
            child = cmark_node_next(current)
            if let next = child, current == cmark_node_first_child(node), cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH,
               Self.isRunInLabel(current, before: next) {
                // "**Relative path** The annotation …": the label is a heading run into its paragraph, not the
                // start of the sentence after it; the space after it stands for the line break it replaces.
                if endRunInLabel() {
                    placeLiteral(String(String.UnicodeScalarView(Cmark.literal(next).unicodeScalars.dropFirst())))
                    child = cmark_node_next(next)
                }
            }
        }
    }

    /// Emphasis or strong emphasis opening a paragraph, followed by text that starts a capitalised sentence after
    /// a space: a run-in heading.
    static func isRunInLabel(_ label: OpaquePointer, before next: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(label)
        guard type == CMARK_NODE_STRONG || type == CMARK_NODE_EMPH, cmark_node_get_type(next) == CMARK_NODE_TEXT else { return false }
        let text = Cmark.literal(next).unicodeScalars
        guard text.first == " ", let second = text.dropFirst().first else { return false }
        return second.properties.isUppercase
    }

    /// Places the space after a run-in label as a line break: the label ends there, without a period.
    private mutating func endRunInLabel() -> Bool {
        var p = cursor
        while p < end, p - cursor < 4, source.bytes[p] != UInt8(ascii: " ") { p += 1 }
        guard p < end, source.bytes[p] == UInt8(ascii: " ") else { return false }
        builder.appendNewline(at: p, source: source)
        cursor = p + 1
        return true
    }

    private mutating func visit(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_TEXT:
            placeLiteral(Cmark.literal(node))
        case CMARK_NODE_CODE:
            placeCode(Cmark.literal(node))
        case CMARK_NODE_HTML_INLINE:
            let start = builder.count
            let literal = Cmark.literal(node)
            if let offset = placeLiteral(literal), literal.hasPrefix("<!--") {
                comments.append((offset, literal))
            }
            builder.ignore(from: start)
        case CMARK_NODE_EMPH where Self.isEmphasisedLetter(node):
            // An emphasised single letter ("the nodes in a gateway _i_", "*n* replicas") is a variable, not the
            // pronoun or an article: kept in the text, ignored by the rules.
            let start = builder.count
            walkChildren(node)
            builder.ignore(from: start)
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            placeBreak()
        case CMARK_NODE_LINK:
            if Self.isAutolink(node) {
                let start = builder.count
                walkChildren(node)
                builder.ignore(from: start)
                if cursor < end, source.bytes[cursor] == UInt8(ascii: ">") { cursor += 1 }
            } else {
                walkChildren(node)
                skipLinkTail()
            }
        case CMARK_NODE_IMAGE:
            // The alt text stays; `![`, `](src "title")` are dropped. After other text of its block the alt text
            // is a caption, not part of that text's sentences ("… selects Scale.\n![action button](…)"): ignored.
            let start = builder.count
            walkChildren(node)
            skipLinkTail()
            if start > 0 { builder.ignore(from: start) }
        default:
            walkChildren(node)
        }
    }

    static func isEmphasisedLetter(_ node: OpaquePointer) -> Bool {
        guard let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
            cmark_node_get_type(child) == CMARK_NODE_TEXT
        else { return false }
        let text = Cmark.literal(child).unicodeScalars
        return text.count == 1 && text.first!.properties.isAlphabetic
    }

    /// An autolink (`<https://…>`, a bare GFM URL or e-mail address) or a link whose text is its URL.
    static func isAutolink(_ node: OpaquePointer) -> Bool {
        guard let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
            cmark_node_get_type(child) == CMARK_NODE_TEXT
        else { return false }
        let url = Cmark.string(cmark_node_get_url(node))
        let text = Cmark.literal(child)
        return url == text || url == "mailto:" + text || url == "http://" + text || url == "https://" + text
    }

    // MARK: Placing runs

    /// Places a literal run; returns the source offset where it starts, or nil when it was approximated.
    @discardableResult
    mutating func placeLiteral(_ literal: String) -> Int? {
        let scalars = Array(literal.unicodeScalars)
        guard let first = scalars.first else { return nil }
        let bytes = source.bytes
        var p = cursor
        while p < end {
            let byte = bytes[p]
            let candidate = byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "&") || byte == 0
                || (first == "\n" && source.isLineEnd(p)) || scalarMatches(first, at: p) != nil
            if candidate, let stop = match(scalars, at: p, escapesFirst: false) ?? match(scalars, at: p, escapesFirst: true) {
                for item in matchBuffer {
                    if item.scalar == "\n" && item.length == 0 {
                        builder.appendNewline(at: item.offset, source: source)
                    } else {
                        builder.append(item.scalar, at: item.offset, sourceLength: item.length, source: source)
                    }
                }
                cursor = stop
                return p
            }
            p += 1
            while p < end, bytes[p] & 0xC0 == 0x80 { p += 1 }
        }
        approximateRuns += 1
        builder.appendApproximate(scalars, at: min(cursor, max(end - 1, 0)), source: source)
        return nil
    }

    /// Matches the whole of `scalars` starting at byte `p`; fills `matchBuffer` and returns the end offset.
    ///
    /// A backslash of the text at a source `\\` is either that backslash itself (raw HTML, an autolink) or
    /// the escape `\\` for one backslash (text). Matching tries the first reading, then, with `escapesFirst`,
    /// the second, so the text `a\b` of the source `a\\b` is placed exactly instead of approximately.
    private mutating func match(_ scalars: [Unicode.Scalar], at start: Int, escapesFirst: Bool) -> Int? {
        matchBuffer.removeAll(keepingCapacity: true)
        let bytes = source.bytes
        var q = start
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "\n" {
                let length = source.lineEndLength(q)
                guard length > 0, q < end else { return nil }
                matchBuffer.append((s, q, 0))
                q = skipLinePrefix(q + length)
                i += 1
                continue
            }
            guard q < end else { return nil }
            let byte = bytes[q]
            if byte == UInt8(ascii: "&"), let length = entityLength(at: q), !spelledOut(scalars, from: i, at: q, length: length) {
                matchBuffer.append((s, q, length))
                q += length
                i += 1
                continue
            }
            let escape = byte == UInt8(ascii: "\\") && q + 1 < end && Self.isASCIIPunctuation(bytes[q + 1]) && s.value == UInt32(bytes[q + 1])
            if !(escapesFirst && escape), let width = scalarMatches(s, at: q) {
                matchBuffer.append((s, q, width))
                q += width
                i += 1
                continue
            }
            if escape {
                matchBuffer.append((s, q + 1, 1))
                q += 2
                i += 1
                continue
            }
            // cmark turns a NUL byte into U+FFFD; the text keeps the NUL, so that text and source match
            // scalar for scalar (three bytes of U+FFFD for one source byte would shift every position after it).
            if byte == 0, s == "\u{FFFD}" {
                matchBuffer.append(("\u{0}", q, 1))
                q += 1
                i += 1
                continue
            }
            return nil
        }
        return q
    }

    /// Whether the literal itself spells out the entity at `q` (an entity that cmark left as text).
    private func spelledOut(_ scalars: [Unicode.Scalar], from i: Int, at q: Int, length: Int) -> Bool {
        guard i + length <= scalars.count else { return false }
        for k in 0..<length where scalars[i + k].value != UInt32(source.bytes[q + k]) { return false }
        return true
    }

    private func scalarMatches(_ s: Unicode.Scalar, at q: Int) -> Int? {
        let bytes = source.bytes
        if s.value < 0x80 { return bytes[q] == UInt8(s.value) ? 1 : nil }
        var width = 0
        var ok = true
        for unit in UTF8.encode(s)! {
            if q + width >= bytes.count || bytes[q + width] != unit { ok = false }
            width += 1
        }
        return ok ? width : nil
    }

    /// `&name;`, `&#123;` or `&#x1F;` at `q`: its length.
    private func entityLength(at q: Int) -> Int? {
        let bytes = source.bytes
        var k = q + 1
        let limit = min(end, q + 34)
        guard k < limit else { return nil }
        if bytes[k] == UInt8(ascii: "#") {
            k += 1
            let hex = k < limit && (bytes[k] == UInt8(ascii: "x") || bytes[k] == UInt8(ascii: "X"))
            if hex { k += 1 }
            let digitsStart = k
            while k < limit, hex ? Self.isHexDigit(bytes[k]) : Self.isDigit(bytes[k]) { k += 1 }
            guard k > digitsStart, k - digitsStart <= (hex ? 6 : 7) else { return nil }
        } else {
            let nameStart = k
            while k < limit, Self.isDigit(bytes[k]) || Self.isLetter(bytes[k]) { k += 1 }
            guard k > nameStart else { return nil }
        }
        guard k < end, bytes[k] == UInt8(ascii: ";") else { return nil }
        return k + 1 - q
    }

    /// A code span stays in the text verbatim, backticks included, and is ignored.
    private mutating func placeCode(_ literal: String) {
        let bytes = source.bytes
        var p = cursor
        while p < end, bytes[p] != UInt8(ascii: "`") { p += 1 }
        var found: (open: Int, close: Int)?
        if p < end {
            var runEnd = p
            while runEnd < end, bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
            let length = runEnd - p
            var q = runEnd
            while q < end {
                if bytes[q] == UInt8(ascii: "`") {
                    var r = q
                    while r < end, bytes[r] == UInt8(ascii: "`") { r += 1 }
                    if r - q == length {
                        found = (p, r)
                        break
                    }
                    q = r
                } else {
                    q += 1
                }
            }
        }
        let start = builder.count
        guard let (open, close) = found else {
            approximateRuns += 1
            builder.appendApproximate(Array(("`" + literal + "`").unicodeScalars), at: min(cursor, max(end - 1, 0)), source: source)
            builder.ignore(from: start)
            return
        }
        var q = open
        while q < close {
            let length = source.lineEndLength(q)
            if length > 0 {
                builder.appendNewline(at: q, source: source)
                q = skipLinePrefix(q + length)
                continue
            }
            let (scalar, width) = source.scalar(at: q)
            builder.append(scalar, at: q, sourceLength: width, source: source)
            q += width
        }
        builder.ignore(from: start)
        cursor = close
    }

    /// A soft or hard line break: "\n" at the line ending; the next line's container prefix is skipped.
    private mutating func placeBreak() {
        var q = cursor
        while q < end, !source.isLineEnd(q) { q += 1 }
        if source.isLineEnd(q) {
            builder.appendNewline(at: q, source: source)
            cursor = skipLinePrefix(q + source.lineEndLength(q))
        } else {
            approximateRuns += 1
            builder.appendApproximate(["\n"], at: min(cursor, max(end - 1, 0)), source: source)
        }
    }

    /// Skips spaces and tabs, and up to `quoteDepth` block-quote markers with their spaces.
    func skipLinePrefix(_ start: Int) -> Int {
        let bytes = source.bytes
        var q = start
        func skipBlanks() {
            while q < end, bytes[q] == 0x20 || bytes[q] == 0x09 { q += 1 }
        }
        skipBlanks()
        var depth = 0
        while depth < quoteDepth, q < end, bytes[q] == UInt8(ascii: ">") {
            q += 1
            skipBlanks()
            depth += 1
        }
        return q
    }

    /// After a link's or image's text: skips to its `]` and past `(destination "title")` or `[label]`.
    private mutating func skipLinkTail() {
        let bytes = source.bytes
        var q = cursor
        while q < end, bytes[q] != UInt8(ascii: "]") {
            if bytes[q] == UInt8(ascii: "\\") { q += 1 }
            q += 1
        }
        guard q < end else { return }
        q += 1
        if q < end, bytes[q] == UInt8(ascii: "(") {
            q += 1
            var depth = 0
            var quote: UInt8?
            var angle = false
            while q < end {
                let b = bytes[q]
                if b == UInt8(ascii: "\\") {
                    q += 2
                    continue
                }
                if let open = quote {
                    if b == open { quote = nil }
                } else if angle {
                    if b == UInt8(ascii: ">") { angle = false }
                } else if b == UInt8(ascii: "<") {
                    angle = true
                } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    quote = b
                } else if b == UInt8(ascii: "(") {
                    depth += 1
                } else if b == UInt8(ascii: ")") {
                    if depth == 0 {
                        q += 1
                        break
                    }
                    depth -= 1
                }
                q += 1
            }
        } else if q < end, bytes[q] == UInt8(ascii: "[") {
            while q < end, bytes[q] != UInt8(ascii: "]") {
                if bytes[q] == UInt8(ascii: "\\") { q += 1 }
                q += 1
            }
            if q < end { q += 1 }
        }
        cursor = min(q, end)
    }

    /// Skips a task-list marker (`[ ]`, `[x]`) at the cursor, if any.
    mutating func skipTaskMarker() {
        let bytes = source.bytes
        let q = skipLinePrefix(cursor)
        if q + 3 <= end, bytes[q] == UInt8(ascii: "["), bytes[q + 2] == UInt8(ascii: "]"),
            bytes[q + 1] == 0x20 || bytes[q + 1] == UInt8(ascii: "x") || bytes[q + 1] == UInt8(ascii: "X")
        {
            cursor = q + 3
        }
    }

    static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (0x21...0x2F).contains(b) || (0x3A...0x40).contains(b) || (0x5B...0x60).contains(b) || (0x7B...0x7E).contains(b)
    }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    static func isHexDigit(_ b: UInt8) -> Bool { isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66) }
}

/// Thin helpers over cmark-gfm's C API; nothing here escapes the module.
enum Cmark {
    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    static func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

    static func typeString(_ node: OpaquePointer) -> String { string(cmark_node_get_type_string(node)) }
}

extension InlineLocator {
    mutating func moveCursor(to offset: Int) { cursor = offset }
}
