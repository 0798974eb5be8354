import MeshDocument
import MeshProtocol
import Testing

@Suite struct SuppressionTests {
    static let source = """
    Intro paragraph.

    <!-- mesh-disable clarity.passive-voice tone -->

    Was written by someone.

    <!-- mesh-disable-next-line grammar.repeated-word -->

    The the next line.
    Second line of it.

    <!-- mesh-enable clarity.passive-voice -->

    Tone still off here.

    <!-- mesh-disable -->
    - everything off
    <!-- mesh-enable -->

    Back on.

    ```
    <!-- mesh-disable in code is not a control comment -->
    ```

    <!-- mesh-disable structure -->

    Inline <!-- mesh-disable-next-line spelling --> comment
    affects the next line.
    """

    let chunks: [Chunk]
    init() throws { chunks = try chunk(Self.source) }

    func suppressions(of text: String) -> [Suppression] {
        chunks.first { $0.text.hasPrefix(text) }?.suppressions ?? [Suppression(rule: "missing")]
    }

    @Test func beforeAnyComment() {
        #expect(suppressions(of: "Intro").isEmpty)
    }

    @Test func disableRunsToItsEnable() {
        // Lines: 3 disables passive voice and tone, 12 enables passive voice, 18 enables everything.
        #expect(suppressions(of: "Was written") == [
            Suppression(rule: "clarity.passive-voice", fromLine: 3, toLine: 12),
            Suppression(rule: "tone", fromLine: 3, toLine: 18),
        ])
    }

    @Test func disableNextLineCoversTheNextNonBlankLineOnly() {
        #expect(suppressions(of: "The the") == [
            Suppression(rule: "clarity.passive-voice", fromLine: 3, toLine: 12),
            Suppression(rule: "tone", fromLine: 3, toLine: 18),
            Suppression(rule: "grammar.repeated-word", fromLine: 9, toLine: 9),
        ])
        let line = suppressions(of: "The the").first { $0.rule == "grammar.repeated-word" }!
        #expect(line.covers(rule: "grammar.repeated-word", line: 9))
        #expect(!line.covers(rule: "grammar.repeated-word", line: 10))
    }

    @Test func noIdsMeansEveryRuleAndAnEnableWithNoIdsEndsThemAll() {
        #expect(suppressions(of: "Tone still") == [Suppression(rule: "tone", fromLine: 3, toLine: 18)])
        #expect(suppressions(of: "everything off") == [
            Suppression(rule: "tone", fromLine: 3, toLine: 18),
            Suppression(rule: "*", fromLine: 16, toLine: 18),
        ])
        #expect(suppressions(of: "Back on").isEmpty)
    }

    @Test func aDisableWithNoEnableRunsToTheEndAndCodeBlocksHoldNoControls() {
        // Line 26 disables structure for good; line 28 has an inline next-line comment for line 29.
        #expect(suppressions(of: "Inline") == [
            Suppression(rule: "structure", fromLine: 26, toLine: 29),
            Suppression(rule: "spelling", fromLine: 29, toLine: 29),
        ])
    }
}
