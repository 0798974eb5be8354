import MeshAgents
import MeshProtocol
import MeshText
import Testing

func heading(_ level: Int, _ text: String, line: Int) -> OutlineHeading {
    OutlineHeading(level: level, text: text, position: pos(line), endPosition: pos(line, text.count + level + 2))
}

func para(_ heading: Int?, line: Int, words: Int = 40, lines: Int = 3) -> OutlineBlock {
    OutlineBlock(kind: .paragraph, heading: heading, position: pos(line), lines: lines, words: words, sentences: 3)
}

func outlineRules(_ outline: Outline, format: DocumentFormat = .markdown) -> [Finding] {
    var c = chunk("", kind: .outline)
    c.format = format
    c.outline = outline
    return ReviewEngine().analyze(c, as: .structure).findings
}

@Suite("Structure: document-wide checks on the outline chunk")
struct StructureTests {
    @Test func headingSkip() {
        let bad = Outline(headings: [heading(1, "Title", line: 1), heading(3, "Deep", line: 3)], blocks: [para(0, line: 2), para(1, line: 4)])
        let good = Outline(headings: [heading(1, "Title", line: 1), heading(2, "Part", line: 3)], blocks: [para(0, line: 2), para(1, line: 4)])
        let f = outlineRules(bad).filter { $0.rule == "structure.heading-skip" }
        #expect(f.count == 1)
        #expect(f.first?.sourceRange?.start.line == 3)
        #expect(!outlineRules(good).contains { $0.rule == "structure.heading-skip" })
    }

    @Test func topLevelHeadings() {
        let two = Outline(headings: [heading(1, "One", line: 1), heading(1, "Two", line: 5)], blocks: [para(0, line: 2), para(1, line: 6)])
        let none = Outline(headings: [heading(2, "One", line: 1), heading(2, "Two", line: 5)], blocks: [para(0, line: 2), para(1, line: 6)])
        let one = Outline(headings: [heading(1, "One", line: 1), heading(2, "Two", line: 5)], blocks: [para(0, line: 2), para(1, line: 6)])
        #expect(outlineRules(two).contains { $0.rule == "structure.top-level-heading" })
        #expect(outlineRules(none).contains { $0.rule == "structure.top-level-heading" })
        #expect(!outlineRules(one).contains { $0.rule == "structure.top-level-heading" })
        // A second top-level heading is a slip, a warning; three or more are sections kept at level 1 on purpose
        // (GitBook pages): suggestions, one per heading after the first.
        #expect(outlineRules(two).filter { $0.rule == "structure.top-level-heading" }.map(\.severity) == [.warning])
        let three = Outline(headings: [heading(1, "One", line: 1), heading(1, "Two", line: 5), heading(1, "Three", line: 9)],
                            blocks: [para(0, line: 2), para(1, line: 6), para(2, line: 10)])
        #expect(outlineRules(three).filter { $0.rule == "structure.top-level-heading" }.map(\.severity) == [.suggestion, .suggestion])
    }

    @Test func duplicateSiblingHeadings() {
        let dup = Outline(headings: [heading(1, "Doc", line: 1), heading(2, "Usage", line: 3), heading(2, "Usage", line: 7)],
                          blocks: [para(0, line: 2), para(1, line: 4), para(2, line: 8)])
        let cousins = Outline(headings: [heading(1, "Doc", line: 1), heading(2, "A", line: 3), heading(3, "Usage", line: 5),
                                         heading(2, "B", line: 7), heading(3, "Usage", line: 9)],
                              blocks: [para(0, line: 2), para(1, line: 4), para(2, line: 6), para(3, line: 8), para(4, line: 10)])
        #expect(outlineRules(dup).filter { $0.rule == "structure.duplicate-heading" }.count == 1)
        #expect(!outlineRules(cousins).contains { $0.rule == "structure.duplicate-heading" })
        // Code-block captions naming the file two examples edit repeat on purpose.
        let captions = Outline(headings: [heading(1, "Doc", line: 1), heading(2, "`/etc/falco/rules.yaml`", line: 3),
                                          heading(2, "`/etc/falco/rules.yaml`", line: 7)],
                               blocks: [para(0, line: 2), para(1, line: 4), para(2, line: 8)])
        #expect(!outlineRules(captions).contains { $0.rule == "structure.duplicate-heading" })
    }

    @Test func emptyAndThinSections() {
        let o = Outline(headings: [heading(1, "Doc", line: 1), heading(2, "Empty", line: 3), heading(2, "Thin", line: 5), heading(2, "Full", line: 7)],
                        blocks: [para(0, line: 2), para(2, line: 6, words: 3, lines: 1), para(3, line: 8)])
        let f = outlineRules(o)
        #expect(f.filter { $0.rule == "structure.empty-section" }.map { $0.sourceRange?.start.line } == [3])
        #expect(f.filter { $0.rule == "structure.thin-section" }.map { $0.sourceRange?.start.line } == [5])
    }

    /// A numbered step whose heading is the whole instruction ("1. Download `x.proto`") before the next step is no
    /// empty section; the last step, or a step number without a next one, still is.
    @Test func numberedStepHeadings() {
        let o = Outline(headings: [heading(1, "Doc", line: 1), heading(3, "1. Download x.proto", line: 3), heading(3, "Step 2: Prepare", line: 5),
                                   heading(3, "3) Run", line: 7), heading(3, "5. Clean up", line: 9)],
                        blocks: [para(0, line: 2), para(2, line: 6)])
        #expect(outlineRules(o).filter { $0.rule == "structure.empty-section" }.map { $0.sourceRange?.start.line } == [7, 9])
    }

    @Test func longSectionAndWallOfText() {
        let long = Outline(headings: [heading(1, "Doc", line: 1)], blocks: (0..<20).map { para(0, line: 2 + $0 * 2, words: 100) })
        let f = outlineRules(long)
        #expect(f.contains { $0.rule == "structure.long-section" })
        #expect(f.contains { $0.rule == "structure.wall-of-text" })
        let fine = Outline(headings: [heading(1, "Doc", line: 1)], blocks: [para(0, line: 2), para(0, line: 4)])
        #expect(!outlineRules(fine).contains { $0.rule == "structure.long-section" || $0.rule == "structure.wall-of-text" })
    }

    @Test func headingCase() {
        let mixed = Outline(headings: [heading(1, "Getting Started With Mesh", line: 1), heading(2, "Install the Command Line Tools", line: 3),
                                       heading(2, "Run the first review", line: 5)],
                            blocks: [para(0, line: 2), para(1, line: 4), para(2, line: 6)])
        let f = outlineRules(mixed).filter { $0.rule == "structure.heading-case" }
        #expect(f.map { $0.sourceRange?.start.line } == [5])
        #expect(f.first?.replacements == ["Run the First Review"])
        let same = Outline(headings: [heading(1, "Getting started with mesh", line: 1), heading(2, "Run the first review", line: 3)],
                           blocks: [para(0, line: 2), para(1, line: 4)])
        #expect(!outlineRules(same).contains { $0.rule == "structure.heading-case" })
    }

    @Test func termConsistency() {
        let c1 = chunk("The colour is red and the color is blue; the colour wins.")
        let uses = TermVariants.uses(in: [c1])
        #expect(uses.map(\.variant) == ["colour", "color", "colour"])
        let f = outlineRules(Outline(terms: uses)).filter { $0.rule == "structure.term-consistency" }
        #expect(f.count == 1)
        #expect(f.first?.replacements == ["colour"])
        #expect(outlineRules(Outline(terms: TermVariants.uses(in: [chunk("The color is red.")]))).isEmpty)
    }

    @Test func outlineFindingsBecomeSuggestionsAtOutlinePositions() {
        var c = chunk("", kind: .outline)
        c.format = .markdown
        c.outline = Outline(headings: [heading(1, "Title", line: 1), heading(3, "Deep", line: 9)], blocks: [para(0, line: 2), para(1, line: 10)])
        let review = ReviewEngine().review(c, as: .structure)
        let s = review.suggestions.first { $0.rule == "structure.heading-skip" }
        #expect(s?.range.start.line == 9)
    }

    @Test func listParallelism() {
        let items = ["Install the tools.", "Run the review.", "reading the report"].enumerated().map { i, t in chunk(t, kind: .listItem, level: 1, index: i) }
        let s = StructureSpecialist.listParallelism(items)
        #expect(s.contains { $0.text == "reading the report" && $0.message.contains("full stop") })
        #expect(s.contains { $0.text == "reading the report" && $0.message.contains("capital") })
        let good = ["Install the tools.", "Run the review.", "Read the report."].enumerated().map { i, t in chunk(t, kind: .listItem, level: 1, index: i) }
        #expect(StructureSpecialist.listParallelism(good).isEmpty)
    }
}
