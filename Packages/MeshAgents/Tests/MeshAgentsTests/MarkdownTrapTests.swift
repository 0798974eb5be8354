import MeshAgents
import MeshProtocol
import MeshText
import Testing

/// Markdown traps, through the real MeshDocument chunker.
@Suite("Markdown traps")
struct MarkdownTrapTests {
    @Test func codeIsNeverReviewed() throws {
        let md = """
        # Guide

        Call `recieve_msg()` and set `teh_flag` before you start.

        ```swift
        let teh = recieve() // its a trap
        ```
        """
        let s = try reviewMarkdown(md)
        #expect(!s.contains { $0.rule == "grammar.spelling" }, "\(s.map(\.text))")
        #expect(!s.contains { $0.rule == "grammar.confused-words" })
    }

    @Test func linksAndURLs() throws {
        let md = """
        # Links

        Read the [installation guide](https://example.com/teh-guide) or visit https://example.com/recieve today.
        To install it, [click here](https://example.com).
        """
        let s = try reviewMarkdown(md)
        #expect(!s.contains { $0.rule == "grammar.spelling" }, "\(s.map(\.text))")
        let link = s.first { $0.rule == "structure.link-text" }
        #expect(link?.text == "click here")
        #expect(link?.range.start.line == 4)
    }

    @Test func listsTablesAndPositions() throws {
        let md = """
        # Lists

        - Install the tools.
        - Run the review.
        - reading the report

        | Name | Note |
        |------|------|
        | mesh | its a tool |
        """
        let s = try reviewMarkdown(md)
        #expect(s.contains { $0.rule == "structure.list-parallel" && $0.range.start.line == 5 })
        let confused = s.first { $0.rule == "grammar.confused-words" }
        #expect(confused?.range.start.line == 9)
        #expect(confused?.text == "its a")
        // List items and table cells may start in lower case.
        #expect(!s.contains { $0.rule == "grammar.capitalization" })
    }

    @Test func frontMatterIsSkipped() throws {
        let md = """
        ---
        title: teh recieve its a
        tags: [foo]
        ---
        # Title

        A clean sentence.
        """
        let s = try reviewMarkdown(md)
        #expect(!s.contains { $0.specialist == .grammar }, "\(s.map(\.text))")
    }

    @Test func inlineSuppressions() throws {
        let md = """
        # Title

        <!-- mesh-disable-next-line grammar.spelling -->
        This line has teh typo.

        This line has teh typo too.
        """
        let s = try reviewMarkdown(md).filter { $0.rule == "grammar.spelling" }
        #expect(s.map(\.range.start.line) == [6])
    }

    /// A question quoted as a title (a link's label) or listed as an alternative keeps its capital; the markup that
    /// showed it is gone from the chunk's text. A capital after "and" that opens no question is still an error.
    @Test func aCapitalisedQuestionInsideASentenceIsATitle() throws {
        let md = """
        Read the [How does the cache work?](https://example.com/cache) article first.

        - What is the mean latency, ignoring outliers? or What is the median?

        We ran the tests, and Then we left the room.
        """
        let errors = try reviewMarkdown(md).filter { $0.rule == "grammar.capitalization" && $0.severity == .error }
        #expect(errors.map(\.text) == ["Then"])
    }

    @Test func documentWideChecksThroughTheOutline() throws {
        let md = """
        # Title

        The colour is red.

        ### Skipped a level

        The color is blue.

        # Second top
        """
        let rules = Set(try reviewMarkdown(md).map(\.rule))
        #expect(rules.isSuperset(of: ["structure.heading-skip", "structure.top-level-heading", "structure.term-consistency", "structure.empty-section"]))
    }
}
