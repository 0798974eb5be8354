import Foundation
import MeshProtocol
import MeshText

/// Paragraph-level checks on normal chunks; document-wide checks on the outline chunk.
public struct StructureSpecialist: BudgetedSpecialist {
    public var type: SpecialistType { .structure }

    public init() {}

    public func analyze(_ chunk: Chunk, config: MeshConfig) -> ChunkAnalysis {
        analyze(chunk, config: config, text: chunk.kind == .outline ? TextAnalysis(text: "") : TextAnalysis(chunk: chunk))
    }

    public func analyze(_ chunk: Chunk, config: MeshConfig, text: TextAnalysis) -> ChunkAnalysis {
        analyze(chunk, config: config, text: text, deadline: .none)
    }

    func analyze(_ chunk: Chunk, config: MeshConfig, text: TextAnalysis, deadline: Deadline) -> ChunkAnalysis {
        if chunk.kind == .outline {
            let findings = outlineFindings(chunk, config: config)
            return deadline.expired ? .timedOut : ChunkAnalysis(findings: findings)
        }
        var ctx = RuleContext(chunk: chunk, config: config, text: text, deadline: deadline)
        let tokens = ctx.tokens
        let words = ctx.text.countWords(in: tokens.indices, numbers: true)
        let whole = TextSpan(start: 0, end: ctx.text.scalars.count)
        switch chunk.kind {
        case .heading:
            if let last = tokens.last, last.kind == .punct, [".", ":", ";", ","].contains(last.text) {
                ctx.add("structure.heading-punctuation", "Drop the '\(last.text)' at the end of the heading.", last.span, [""])
            }
            if words > config.headingWords {
                ctx.add("structure.long-heading", "This heading has \(words) words: keep headings under \(config.headingWords + 1).", whole)
            }
        case .paragraph:
            if words > config.paragraphWords {
                ctx.add("structure.long-paragraph", "This paragraph has \(words) words (more than \(config.paragraphWords)): split it.", whole)
            }
        default:
            break
        }
        for (a, b, _) in StructureLists.linkText.matches(tokens) {
            ctx.add("structure.link-text", "Link text should say where it goes, not '\(ctx.text(TextSpan(start: tokens[a].start, end: tokens[b].end)))'.",
                    TextSpan(start: tokens[a].start, end: tokens[b].end))
        }
        if ctx.overBudget() { return .timedOut }
        CustomRules.apply(&ctx, type: .structure)
        if ctx.overBudget() { return .timedOut }
        return ChunkAnalysis(findings: ctx.findings)
    }

    // MARK: Document-wide checks on the outline

    func outlineFindings(_ chunk: Chunk, config: MeshConfig) -> [Finding] {
        guard let outline = chunk.outline else { return [] }
        var out: [Finding] = []
        func add(_ rule: String, _ message: String, _ start: SourcePosition, _ end: SourcePosition, _ reps: [String] = []) {
            guard config.isEnabled(rule) else { return }
            var f = Finding(rule, message, TextSpan(start: 0, end: 0), reps)
            f.sourceRange = SourceRange(start: start, end: end)
            out.append(f)
        }
        let headings = outline.headings
        let markdown = chunk.format == .markdown

        // Heading levels that skip.
        var prevLevel = 0
        for h in headings {
            if prevLevel > 0, h.level > prevLevel + 1 {
                add("structure.heading-skip", "Heading level \(h.level) follows level \(prevLevel): use level \(prevLevel + 1).",
                    h.position, h.endPosition, [String(repeating: "#", count: prevLevel + 1) + " " + h.text])
            }
            prevLevel = h.level
        }

        // Top-level headings: one, and only one.
        let minLevel = headings.map(\.level).min() ?? 0
        let tops = headings.filter { $0.level == 1 }
        if markdown, tops.count > 1 {
            for h in tops.dropFirst() {
                add("structure.top-level-heading", "More than one top-level heading: make '\(h.text)' a level-2 heading.",
                    h.position, h.endPosition, ["## " + h.text])
                // Three or more are a scheme, not a slip (GitBook-style pages whose title lives in the site's
                // summary and whose sections are level 1): a suggestion. A second one alone ("# See also") is a slip.
                if tops.count >= 3, let last = out.last, last.rule == "structure.top-level-heading" { out[out.count - 1].severity = .suggestion }
            }
        } else if markdown, tops.isEmpty, headings.count >= 2, let first = headings.first, minLevel > 1 {
            add("structure.top-level-heading", "This document has sections but no top-level (#) heading.", first.position, first.endPosition)
            // A chapter of a book or site whose title lives elsewhere (mdBook's SUMMARY.md) starts at "##": a suggestion.
            if let last = out.last, last.rule == "structure.top-level-heading" { out[out.count - 1].severity = .suggestion }
        }

        // Duplicate sibling headings.
        var parents: [Int?] = []
        var stack: [Int] = []
        for (i, h) in headings.enumerated() {
            while let last = stack.last, headings[last].level >= h.level { stack.removeLast() }
            parents.append(stack.last)
            stack.append(i)
        }
        var seen: [String: Int] = [:]
        for (i, h) in headings.enumerated() {
            let key = "\(parents[i] ?? -1)|\(h.level)|\(h.text.lowercased().trimmed)"
            // A heading that is only a code span ("##### `/etc/falco/falco_rules.yaml`") captions the code block
            // after it: two examples that edit the same file repeat it on purpose.
            let codeCaption = h.text.hasPrefix("`") && h.text.hasSuffix("`") && h.text.filter { $0 == "`" }.count == 2
            if let first = seen[key], !codeCaption {
                add("structure.duplicate-heading", "Heading '\(h.text)' repeats the one on line \(headings[first].position.line): make it distinct.",
                    h.position, h.endPosition)
            } else {
                seen[key] = i
            }
        }

        // Section contents.
        var blocksBy: [Int: [OutlineBlock]] = [:]
        for b in outline.blocks { if let h = b.heading { blocksBy[h, default: []].append(b) } }
        for (i, h) in headings.enumerated() {
            let blocks = blocksBy[i] ?? []
            let hasChild = i + 1 < headings.count && headings[i + 1].level > h.level
            // A heading inside a block quote or list ("> ### Aside", column > 1) titles the container's own text,
            // which the outline does not file under it: no verdict on its emptiness.
            // A numbered step whose heading is the whole instruction ("#### 1. Download [`x.proto`](…)" before
            // "#### 2. Prepare project") is a step, not an empty section.
            let isStep = StructureLists.stepNumber(h.text).map { n in
                i + 1 < headings.count && headings[i + 1].level == h.level && StructureLists.stepNumber(headings[i + 1].text) == n + 1
            } ?? false
            if blocks.isEmpty && !hasChild && h.position.column == 1 && !isStep {
                add("structure.empty-section", "Section '\(h.text)' is empty: add content or remove the heading.", h.position, h.endPosition)
            } else if !hasChild, blocks.count == 1, let b = blocks.first, b.kind == .paragraph, b.lines <= 1, b.words < 8, i + 1 < headings.count {
                add("structure.thin-section", "Section '\(h.text)' has a single short line: merge it into a neighbour or expand it.", h.position, h.endPosition)
            }
            let words = blocks.reduce(0) { $0 + $1.words }
            if !hasChild, words > config.sectionWords {
                add("structure.long-section", "Section '\(h.text)' has \(words) words: add subheadings.", h.position, h.endPosition)
            }
        }

        // Walls of text: many paragraphs in a row, no heading.
        var run: [OutlineBlock] = []
        func flushRun() {
            let words = run.reduce(0) { $0 + $1.words }
            if run.count >= 8 && words >= 600, let first = run.first {
                let where_ = first.heading.map { "under '\(headings[$0].text)'" } ?? "before any heading"
                add("structure.wall-of-text", "\(run.count) paragraphs (\(words) words) \(where_) with no heading: break them up.",
                    first.position, first.position)
            }
            run = []
        }
        var lastHeading: Int?? = .none
        for b in outline.blocks {
            if lastHeading != .some(b.heading) { flushRun() }
            lastHeading = .some(b.heading)
            if b.kind == .paragraph { run.append(b) }
        }
        flushRun()

        // Heading capitalisation: Title Case versus sentence case.
        var styles: [(OutlineHeading, Bool)] = []
        for h in headings {
            if let title = StructureLists.isTitleCase(h.text) { styles.append((h, title)) }
        }
        let titleCount = styles.filter(\.1).count
        let sentenceCount = styles.count - titleCount
        if titleCount > 0, sentenceCount > 0 {
            let majorityTitle = titleCount > sentenceCount
            for (h, title) in styles where title != majorityTitle {
                let fixed = majorityTitle ? StructureLists.titleCased(h.text) : StructureLists.sentenceCased(h.text)
                add("structure.heading-case", "'\(h.text)' is in \(title ? "Title Case" : "sentence case"); most headings use \(majorityTitle ? "Title Case" : "sentence case").",
                    h.position, h.endPosition, [fixed])
            }
        }

        // Spelling variants used two ways.
        var byTerm: [String: [TermUse]] = [:]
        for t in outline.terms { byTerm[t.term, default: []].append(t) }
        for term in byTerm.keys.sorted() {
            let uses = byTerm[term]!
            var counts: [String: Int] = [:]
            for u in uses { counts[u.variant.lowercased(), default: 0] += 1 }
            guard counts.count > 1 else { continue }
            let majority = counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.first!.key
            for u in uses where u.variant.lowercased() != majority {
                add("structure.term-consistency", "'\(u.variant)' and '\(majority)' are both used: pick one (mostly '\(majority)').",
                    u.position, u.endPosition, [matchCase(majority, like: u.variant)])
            }
        }

        // Sibling list items that break the list's parallel form (protocol 1.1 carries the items).
        for list in outline.lists ?? [] {
            let items = list.enumerated().map { i, item in
                Chunk(docId: chunk.docId, index: i, count: list.count, source: chunk.source, format: chunk.format, kind: .listItem,
                      text: item.text, segments: item.segments, ignored: item.ignored)
            }
            for s in Self.listParallelism(items, config: config) {
                add(s.rule, s.message, s.range.start, s.range.end)
            }
        }
        return out
    }

    /// List-item parallelism over sibling items (the chunks of one list, in order). List items arrive as separate
    /// chunks, so this runs where the whole document is known (the `mesh-agents` CLI, or a caller holding all
    /// chunks); see DESIGN.md.
    public static func listParallelism(_ items: [Chunk], config: MeshConfig = .default) -> [Suggestion] {
        guard config.isEnabled("structure.list-parallel"), items.count >= 3 else { return [] }
        struct Shape { var endsWithPeriod: Bool; var capitalised: Bool; var gerund: Bool; var words: Int }
        var shapes: [Shape] = []
        for c in items {
            let t = TextAnalysis(text: c.text, ignored: c.ignored)
            guard let first = t.tokens.first(where: { $0.kind == .word }) else { shapes.append(Shape(endsWithPeriod: false, capitalised: false, gerund: false, words: 0)); continue }
            let last = t.tokens.last!
            shapes.append(Shape(
                endsWithPeriod: last.kind == .punct && [".", "!", "?"].contains(last.text),
                capitalised: CharClass.isUpper(first.text.unicodeScalars.first!),
                gerund: first.lower.hasSuffix("ing") && first.lower.count > 4,
                words: t.tokens.filter { $0.kind == .word }.count
            ))
        }
        var out: [Suggestion] = []
        func check(_ name: String, _ value: (Shape) -> Bool, _ message: (Bool) -> String) {
            let yes = shapes.filter(value).count
            let no = shapes.count - yes
            guard yes > 0, no > 0 else { return }
            let majority = yes >= no
            for (i, s) in shapes.enumerated() where value(s) != majority && s.words > 0 {
                let c = items[i]
                let map = SourceMap(text: c.text, segments: c.segments)
                let range = map.range(of: TextSpan(start: 0, end: c.text.unicodeScalars.count))
                out.append(Suggestion(specialist: .structure, rule: "structure.list-parallel",
                                      severity: config.severity(for: "structure.list-parallel", default: .suggestion),
                                      message: message(majority), range: range, text: c.text))
            }
        }
        check("period", { $0.endsWithPeriod }) { $0 ? "Most items in this list end with a full stop; this one does not." : "Most items in this list have no full stop at the end; this one does." }
        check("capital", { $0.capitalised }) { $0 ? "Most items in this list start with a capital letter; this one does not." : "Most items in this list start in lower case; this one does not." }
        check("gerund", { $0.gerund }) { $0 ? "Most items in this list start with an -ing word; make this one match." : "This item starts with an -ing word, unlike the rest of the list." }
        return out.sorted { $0.range < $1.range }
    }
}

enum StructureLists {
    static let linkText = PhraseTable("""
    click here
    click this link
    tap here
    follow this link
    this link
    read more here
    """)

    static let minorWords: Set<String> = wordSet("a an the and but or nor for so yet at by in of on to up as via vs with from into onto over per than")

    /// true: Title Case, false: sentence case, nil: can't tell (fewer than two checkable words).
    /// The number of a heading that opens with a step number ("1. Download", "Step 2: Build", "3) Run").
    static func stepNumber(_ text: String) -> Int? {
        var rest = Substring(text)
        if rest.lowercased().hasPrefix("step ") { rest = rest.dropFirst(5) }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 3, let mark = rest.dropFirst(digits.count).first, ".):".contains(mark) else { return nil }
        return Int(digits)
    }

    static func isTitleCase(_ text: String) -> Bool? {
        let words = text.split(separator: " ").map(String.init).filter { $0.unicodeScalars.first.map(CharClass.isLetter) ?? false }
        guard words.count >= 3 else { return nil }
        var upper = 0, lower = 0
        for w in words.dropFirst() {
            let lw = w.lowercased()
            if minorWords.contains(lw) { continue }
            let scalars = Array(w.unicodeScalars)
            // Acronyms and code-ish words don't tell.
            if scalars.filter(CharClass.isUpper).count > 1 { continue }
            if CharClass.isUpper(scalars[0]) { upper += 1 } else { lower += 1 }
        }
        if upper + lower < 2 { return nil }
        if lower == 0 { return true }
        if upper == 0 { return false }
        return nil
    }

    static func titleCased(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).enumerated().map { i, w in
            let s = String(w)
            if i > 0, minorWords.contains(s.lowercased()) { return s.lowercased() }
            return matchCase(s, like: "A")
        }.joined(separator: " ")
    }

    static func sentenceCased(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).enumerated().map { i, w in
            let s = String(w)
            if i == 0 { return s }
            let scalars = Array(s.unicodeScalars)
            if scalars.filter(CharClass.isUpper).count > 1 { return s }
            if GrammarLists.properNouns[s.lowercased()] != nil { return s }
            return s.lowercased()
        }.joined(separator: " ")
    }
}

/// Document-wide uses of words with spelling variants; the producer puts them in the outline.
public enum TermVariants {
    /// Variant spelling → canonical group name.
    public static let groups: [String: String] = {
        var d: [String: String] = [:]
        let lines = """
        color colour|colors colours|behavior behaviour|behaviors behaviours|favorite favourite|honor honour|labor labour
        neighbor neighbour|organize organise|organized organised|organization organisation|recognize recognise
        realize realise|analyze analyse|analyzed analysed|center centre|meter metre|license licence|defense defence
        catalog catalogue|dialog dialogue|gray grey|program programme|traveled travelled|traveling travelling
        modeling modelling|canceled cancelled|canceling cancelling|email e-mail|online on-line|website web-site
        setup set-up|login log-in|filename file-name|dataset data-set|database data-base|backend back-end
        frontend front-end|cooperate co-operate|judgment judgement|acknowledgment acknowledgement|toward towards
        afterward afterwards|okay ok|optimize optimise|customize customise|initialize initialise|serialize serialise
        summarize summarise|prioritize prioritise|utilize utilise|minimize minimise|maximize maximise
        """
        for group in lines.split(whereSeparator: { $0 == "|" || $0 == "\n" }) {
            let variants = group.split(separator: " ").map(String.init)
            guard let canonical = variants.first else { continue }
            for v in variants { d[v] = canonical }
        }
        return d
    }()

    /// `groups`, probed by each token's hash.
    private static let lookup = WordDictionary(groups)

    /// Every use of a variant spelling in the chunks (outline chunks skipped), in document order.
    public static func uses(in chunks: [Chunk]) -> [TermUse] {
        uses(in: chunks, analyses: chunks.map { $0.kind == .outline ? nil : TextAnalysis(chunk: $0) })
    }

    /// `uses(in:)` with each chunk's analysis already made (nil for an outline chunk): the producer tokenizes a
    /// chunk once for these and for the document's terms.
    static func uses(in chunks: [Chunk], analyses: [TextAnalysis?]) -> [TermUse] {
        var out: [TermUse] = []
        for (c, t) in zip(chunks, analyses) {
            guard let t else { continue }
            var map: SourceMap?  // only for a chunk that has a variant, most have none
            let tokens = t.tokens
            // By index: a token taken by value is a copy, two strings retained, for every word of the document.
            for k in tokens.indices where tokens[k].kind == .word {
                guard let term = lookup[tokens, at: k] else { continue }
                let tok = tokens[k]
                if map == nil { map = SourceMap(text: c.text, segments: c.segments) }
                let r = map!.range(of: tok.span)
                out.append(TermUse(term: term, variant: tok.text, position: r.start, endPosition: r.end))
            }
        }
        return out
    }
}
