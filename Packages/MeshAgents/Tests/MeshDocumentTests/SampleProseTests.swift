import MeshDocument
import MeshProtocol
import Testing

@Suite struct SampleProseTests {
    @Test func deterministicForASeed() {
        #expect(SampleProse.paragraphs(12, seed: 7) == SampleProse.paragraphs(12, seed: 7))
        #expect(SampleProse.paragraphs(12, seed: 7) != SampleProse.paragraphs(12, seed: 8))
    }

    @Test func firstParagraphsAreStable() {
        // Pinned so a change to the generator is a visible, deliberate change (load-test baselines use it):
        // the whole text, here as the golden, read by eye (the title, then one paragraph with a repeated word).
        let text = SampleProse.paragraphs(1, seed: 42)
        #expect(text == """
            # Notes on the build cache

            The new feature describes the draft. We expect the service to reduce risk next month. \
            Our release improves every meeting often. The slow report describes the schedule. \
            The the server tracks the customer. Our server describes every customer carefully.

            """)
    }

    @Test func headingsEveryFewParagraphs() throws {
        let chunks = try chunk(SampleProse.paragraphs(12, seed: 1))
        let outline = try #require(chunks.last?.outline)
        #expect(outline.headings.map(\.level) == [1, 2, 2])
        #expect(outline.blocks.count == 12)
        #expect(outline.blocks.allSatisfy { $0.kind == .paragraph })
        #expect(prose(chunks).count == 15)
    }

    @Test func containsTheTypicalMistakes() {
        let text = SampleProse.paragraphs(200, seed: 3)
        let markers = ["The the ", "a hour", "it's ", "in order to", "very unique", "[click here]", " was "]
        for marker in markers { #expect(text.contains(marker) || text.contains(marker.replacing("hour", with: "error")), "\(marker)") }
        #expect(["recieve", "seperate", "definately", "occured", "untill", "wich"].contains { text.contains($0) })
        let longest = text.split(separator: ".").map { $0.split(separator: " ").count }.max() ?? 0
        #expect(longest >= 50)
    }

    @Test func zeroParagraphsIsJustTheTitle() throws {
        let chunks = try chunk(SampleProse.paragraphs(0, seed: 1))
        #expect(chunks.map(\.kind) == [.heading, .outline])
    }

    @Test func sampleRoundTrips() throws {
        let text = SampleProse.paragraphs(30, seed: 11)
        let chunks = try chunk(text)
        #expect(expectRoundTrip(chunks, bytes: Array(text.utf8)) > 1000)
    }
}
