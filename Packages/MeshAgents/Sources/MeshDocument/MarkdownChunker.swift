import CCmark
import MeshProtocol
import Synchronization

/// Walks cmark-gfm's tree of a Markdown document and turns its prose blocks into chunk drafts, its
/// headings and top-level blocks into the outline, and its `mesh-*` HTML comments into suppressions.
final class MarkdownChunker {
    private let source: SourceText
    private var drafts: [ChunkDraft] = []
    private var headings: [OutlineHeading] = []
    private var blocks: [OutlineBlock] = []
    private var headingStack: [(level: Int, title: String)] = []
    private var controls: [ControlComment] = []
    /// The outline block that chunks being made now belong to.
    private var currentBlock: Int?

    init(source: SourceText) {
        self.source = source
    }

    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// cmark-gfm keeps the inline parser's special characters in one global table: an extension's ("~" for
    /// strikethrough) is added while a parser processes inlines and removed when it is done, so two documents
    /// parsed at once on two threads can lose each other's "~~" (github/cmark-gfm#221). Parsing holds this lock;
    /// walking the finished tree does not need it.
    private static let parsing = Mutex<Void>(())

    func run() throws(DocumentError) -> ParsedDocument {
        _ = Self.extensionsRegistered
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { throw .parserFailed("cmark_parser_new returned nil") }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            guard let syntax = cmark_find_syntax_extension(name) else { throw .parserFailed("no cmark-gfm extension '\(name)'") }
            cmark_parser_attach_syntax_extension(parser, syntax)
        }
        let input = CodeShortcodes.blanked(FrontMatter.blanked(source))
        var finished: OpaquePointer?
        Self.parsing.withLock { _ in
            input.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
                }
            }
            finished = cmark_parser_finish(parser)
        }
        guard let document = finished else { throw .parserFailed("cmark_parser_finish returned nil") }
        defer { cmark_node_free(document) }

        var child = cmark_node_first_child(document)
        while let node = child {
            topLevel(node)
            child = cmark_node_next(node)
        }
        applySuppressions()
        return ParsedDocument(drafts: drafts, outline: Outline(headings: headings, blocks: blocks), evidence: .collect(document))
    }

    // MARK: Blocks

    private func topLevel(_ node: OpaquePointer) {
        let kind: OutlineBlock.Kind?
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_LIST: kind = .list
        case CMARK_NODE_CODE_BLOCK: kind = .code
        case CMARK_NODE_BLOCK_QUOTE: kind = .quote
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        case CMARK_NODE_HTML_BLOCK: kind = Self.isCommentOnly(Cmark.literal(node)) ? nil : .html
        case CMARK_NODE_HEADING: kind = nil
        default: kind = Cmark.typeString(node) == "table" ? .table : nil
        }
        if let kind {
            let startLine = startLine(node)
            let endLine = endLine(node)
            blocks.append(
                OutlineBlock(
                    kind: kind, heading: headings.isEmpty ? nil : headings.count - 1, position: startPosition(node),
                    lines: endLine - startLine + 1, words: 0, sentences: 0))
            currentBlock = blocks.count - 1
        } else {
            currentBlock = nil
        }
        block(node, quoteDepth: 0, listDepth: 0)
    }

    private func block(_ node: OpaquePointer, quoteDepth: Int, listDepth: Int, taskMarker: Bool = false) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            let inList = listDepth > 0
            prose(
                node, kind: inList ? .listItem : .paragraph, level: inList ? listDepth : nil, quoteDepth: quoteDepth,
                taskMarker: taskMarker)
        case CMARK_NODE_HEADING:
            heading(node, quoteDepth: quoteDepth)
        case CMARK_NODE_BLOCK_QUOTE:
            children(node, quoteDepth: quoteDepth + 1, listDepth: listDepth)
        case CMARK_NODE_LIST:
            children(node, quoteDepth: quoteDepth, listDepth: listDepth + 1)
        case CMARK_NODE_ITEM:
            let task = Cmark.typeString(node) == "tasklist"
            var child = cmark_node_first_child(node)
            var first = true
            while let current = child {
                block(current, quoteDepth: quoteDepth, listDepth: listDepth, taskMarker: task && first)
                first = false
                child = cmark_node_next(current)
            }
        case CMARK_NODE_HTML_BLOCK:
            let literal = Cmark.literal(node)
            let line = max(1, Int(cmark_node_get_start_line(node)))
            controls.append(contentsOf: ControlComment.parse(literal, firstLine: line))
        case CMARK_NODE_CODE_BLOCK, CMARK_NODE_THEMATIC_BREAK:
            break
        default:
            if Cmark.typeString(node) == "table" {
                table(node, quoteDepth: quoteDepth)
            } else {
                children(node, quoteDepth: quoteDepth, listDepth: listDepth)
            }
        }
    }

    private func children(_ node: OpaquePointer, quoteDepth: Int, listDepth: Int) {
        var child = cmark_node_first_child(node)
        while let current = child {
            block(current, quoteDepth: quoteDepth, listDepth: listDepth)
            child = cmark_node_next(current)
        }
    }

    private func heading(_ node: OpaquePointer, quoteDepth: Int) {
        let level = Int(cmark_node_get_heading_level(node))
        let start = startOffset(node)
        let end = endOffset(node)
        var locator = InlineLocator(source: source, start: start, end: end, quoteDepth: quoteDepth)
        locator.skipATXMarker()
        locator.walkChildren(node)
        let (text, segments, ignored) = locator.builder.finish()
        collectComments(locator)
        let title = Self.title(text)
        while let top = headingStack.last, top.level >= level { headingStack.removeLast() }
        let path = headingStack.map(\.title)
        headings.append(
            OutlineHeading(level: level, text: title, position: source.position(start), endPosition: source.position(end)))
        if title.unicodeScalars.contains(where: { !Prose.isSpace($0) }) {
            add(
                ChunkDraft(
                    kind: .heading, level: level, text: text, segments: segments,
                    ignored: withProseSpans(Array(text.unicodeScalars), ignored), headingPath: path,
                    startLine: startLine(node), endLine: endLine(node)), scalars: nil)
        }
        headingStack.append((level, title))
    }

    private func prose(_ node: OpaquePointer, kind: ChunkKind, level: Int?, quoteDepth: Int, taskMarker: Bool) {
        var locator = InlineLocator(source: source, start: startOffset(node), end: endOffset(node), quoteDepth: quoteDepth)
        if taskMarker { locator.skipTaskMarker() }
        locator.walkChildren(node)
        collectComments(locator)
        let (text, segments, ignored) = locator.builder.finish()
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { !Prose.isSpace($0) }) else { return }
        add(
            ChunkDraft(
                kind: kind, level: level, text: text, segments: segments, ignored: withProseSpans(scalars, ignored),
                headingPath: headingStack.map(\.title), startLine: startLine(node), endLine: endLine(node)),
            scalars: scalars)
    }

    /// A GFM table: every cell of every row (header included) is a chunk. Cell bounds come from splitting
    /// the row's source line on unescaped `|`, since cmark-gfm gives no positions for cells.
    private func table(_ node: OpaquePointer, quoteDepth: Int) {
        var row = cmark_node_first_child(node)
        while let currentRow = row {
            defer { row = cmark_node_next(currentRow) }
            let line = startLine(currentRow)
            let probe = InlineLocator(source: source, start: source.lineStart(line), end: source.lineContentEnd(line), quoteDepth: quoteDepth)
            let cells = cellRanges(from: probe.skipLinePrefix(source.lineStart(line)), to: source.lineContentEnd(line))
            var cell = cmark_node_first_child(currentRow)
            var index = 0
            while let currentCell = cell {
                defer {
                    cell = cmark_node_next(currentCell)
                    index += 1
                }
                guard index < cells.count else { continue }
                var locator = InlineLocator(source: source, start: cells[index].0, end: cells[index].1, quoteDepth: 0)
                locator.walkChildren(currentCell)
                collectComments(locator)
                let (text, segments, ignored) = locator.builder.finish()
                let scalars = Array(text.unicodeScalars)
                guard scalars.contains(where: { !Prose.isSpace($0) }) else { continue }
                add(
                    ChunkDraft(
                        kind: .tableCell, level: nil, text: text, segments: segments,
                        ignored: withProseSpans(scalars, ignored), headingPath: headingStack.map(\.title), startLine: line,
                        endLine: line),
                    scalars: scalars)
            }
        }
    }

    private func cellRanges(from start: Int, to end: Int) -> [(Int, Int)] {
        let bytes = source.bytes
        var q = start
        if q < end, bytes[q] == UInt8(ascii: "|") { q += 1 }
        var cells: [(Int, Int)] = []
        var cellStart = q
        while q < end {
            if bytes[q] == UInt8(ascii: "\\") {
                q += 2
                continue
            }
            if bytes[q] == UInt8(ascii: "|") {
                cells.append((cellStart, q))
                cellStart = q + 1
            }
            q += 1
        }
        if cellStart < end, bytes[cellStart..<end].contains(where: { $0 != 0x20 && $0 != 0x09 }) {
            cells.append((cellStart, end))
        }
        return cells
    }

    // MARK: Helpers

    /// Adds a draft; its words and sentences count into the current outline block when `scalars` (its
    /// text) is given (headings are not counted: they are not blocks).
    private func add(_ draft: ChunkDraft, scalars: [Unicode.Scalar]?) {
        if let scalars, let currentBlock {
            let counts = Prose.counts(scalars, ignored: draft.ignored)
            blocks[currentBlock].words += counts.words
            blocks[currentBlock].sentences += counts.sentences
        }
        drafts.append(draft)
    }

    private func collectComments(_ locator: InlineLocator) {
        for comment in locator.comments {
            controls.append(contentsOf: ControlComment.parse(comment.literal, firstLine: source.line(ofOffset: comment.offset)))
        }
    }

    private func withProseSpans(_ scalars: [Unicode.Scalar], _ ignored: [TextSpan]) -> [TextSpan] {
        let found = Prose.urlsAndPaths(in: scalars)
        return found.isEmpty ? ignored : TextSpans.merged(ignored + found)
    }

    private static func title(_ text: String) -> String {
        let joined = text.replacing("\n", with: " ")
        let scalars = joined.unicodeScalars
        guard let first = scalars.firstIndex(where: { !Prose.isSpace($0) }),
            let last = scalars.lastIndex(where: { !Prose.isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    private static func isCommentOnly(_ literal: String) -> Bool {
        var rest = Substring(literal)
        while true {
            rest = rest.drop(while: { $0.isWhitespace })
            if rest.isEmpty { return true }
            guard rest.hasPrefix("<!--"), let close = rest.firstRange(of: "-->") else { return false }
            rest = rest[close.upperBound...]
        }
    }

    private func startLine(_ node: OpaquePointer) -> Int { min(max(1, Int(cmark_node_get_start_line(node))), source.lineCount) }
    /// cmark's end line, moved back over blank lines (it reports some blocks, such as setext headings,
    /// as ending on the blank line after them).
    private func endLine(_ node: OpaquePointer) -> Int {
        let start = startLine(node)
        var line = min(max(start, Int(cmark_node_get_end_line(node))), source.lineCount)
        while line > start, source.isBlankLine(line) { line -= 1 }
        return line
    }

    /// Byte offset of a block's start: cmark's line, and its column (1-based, in bytes) clamped to the line.
    private func startOffset(_ node: OpaquePointer) -> Int {
        let line = startLine(node)
        let column = max(1, Int(cmark_node_get_start_column(node)))
        return min(source.lineStart(line) + column - 1, source.lineContentEnd(line))
    }

    private func startPosition(_ node: OpaquePointer) -> SourcePosition { source.position(startOffset(node)) }

    /// Byte offset of the end of a block's last line (its content, before the line ending).
    private func endOffset(_ node: OpaquePointer) -> Int { source.lineContentEnd(endLine(node)) }

    // MARK: Suppressions

    private func applySuppressions() {
        guard !controls.isEmpty else { return }
        let ranges = ControlComment.ranges(controls, source: source)
        guard !ranges.isEmpty else { return }
        for index in drafts.indices {
            let draft = drafts[index]
            drafts[index].suppressions = ranges.filter { $0.fromLine <= draft.endLine && $0.toLine >= draft.startLine }
                .map { Suppression(rule: $0.rule, fromLine: $0.fromLine, toLine: $0.toLine) }
        }
    }
}

extension InlineLocator {
    /// Skips an ATX heading's opening `#`s and the blanks after them.
    mutating func skipATXMarker() {
        let bytes = source.bytes
        var q = skipLinePrefix(cursor)
        let hashes = q
        while q < end, bytes[q] == UInt8(ascii: "#") { q += 1 }
        guard q > hashes, q - hashes <= 6, q == end || bytes[q] == 0x20 || bytes[q] == 0x09 else { return }
        while q < end, bytes[q] == 0x20 || bytes[q] == 0x09 { q += 1 }
        moveCursor(to: q)
    }
}

/// YAML front matter: a `---` line at the very start, up to the next `---` or `...` line.
enum FrontMatter {
    /// The 1-based last line of the front matter, or nil when there is none.
    static func lastLine(_ source: SourceText) -> Int? {
        guard source.lineCount >= 2, isFence(source, line: 1, allowDots: false) else { return nil }
        for line in 2...source.lineCount where isFence(source, line: line, allowDots: true) {
            return line
        }
        return nil
    }

    private static func isFence(_ source: SourceText, line: Int, allowDots: Bool) -> Bool {
        var q = source.lineStart(line)
        var end = source.lineContentEnd(line)
        while end > q, source.bytes[end - 1] == 0x20 || source.bytes[end - 1] == 0x09 { end -= 1 }
        guard end - q == 3 else { return false }
        let c = source.bytes[q]
        guard c == UInt8(ascii: "-") || (allowDots && c == UInt8(ascii: ".")) else { return false }
        q += 1
        return source.bytes[q] == c && source.bytes[q + 1] == c
    }

    /// The bytes cmark reads: the content after any BOM, with the front matter's characters turned into
    /// spaces (line endings kept), so every line number and byte column stays what it is in the source.
    static func blanked(_ source: SourceText) -> [UInt8] {
        var input = Array(source.bytes[source.contentStart...])
        if let last = lastLine(source) {
            let end = source.lineContentEnd(last) - source.contentStart
            for i in 0..<end where input[i] != 0x0A && input[i] != 0x0D { input[i] = 0x20 }
        }
        return input
    }
}
