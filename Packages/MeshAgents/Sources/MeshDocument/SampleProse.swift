import MeshProtocol

/// Deterministic Markdown sample prose for demos and load tests (`mesh-producer --paragraphs N`).
///
/// The text is built from sentence templates and word lists with a seeded SplitMix64 generator, so the same
/// `(n, seed)` always gives the same bytes on every platform (no Foundation randomness, no hashing order).
/// The document starts with a `#` title; a `##` section heading comes before every fourth paragraph after
/// the first. About one sentence in four carries a typical mistake the specialists should find:
///
/// | mistake | example |
/// | --- | --- |
/// | repeated word | "the the" |
/// | "a" before a vowel sound | "a hour", "a error" |
/// | its/it's | "lost it's shape" |
/// | a very long sentence | 50 words or more, no full stop |
/// | passive voice | "was reviewed by the team" |
/// | wordy phrase | "in order to" |
/// | absolute adjective | "very unique" |
/// | vague link text | "[click here](…)" |
/// | misspelling | "recieve", "seperate", "definately", "occured", "untill", "wich" |
public enum SampleProse {
    /// `n` paragraphs (n ≤ 0 gives just the title) of sample Markdown, ending with a newline.
    public static func paragraphs(_ n: Int, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        var out = "# Notes on the \(rng.pick(topics))\n"
        for index in 0..<max(0, n) {
            if index > 0, index % 4 == 0 {
                out += "\n## \(capitalized(rng.pick(sectionWords))) \(rng.pick(topics))\n"
            }
            let count = 3 + rng.below(4)
            var sentences: [String] = []
            for _ in 0..<count {
                sentences.append(rng.below(4) == 0 ? mistake(&rng) : clean(&rng))
            }
            out += "\n" + sentences.joined(separator: " ") + "\n"
        }
        return out
    }

    // MARK: Templates

    static let topics = [
        "release process", "review pipeline", "storage layer", "build cache", "deployment plan", "test suite",
        "message queue", "style guide", "search index", "billing service",
    ]
    static let sectionWords = ["background", "design", "results", "open questions", "next steps", "risks"]
    static let nouns = [
        "team", "report", "service", "change", "schedule", "document", "reviewer", "server", "draft", "plan",
        "budget", "release", "feature", "customer", "meeting",
    ]
    static let adjectives = ["new", "careful", "slow", "small", "shared", "final", "quiet", "useful", "late", "simple"]
    static let verbs = ["updates", "checks", "improves", "delays", "replaces", "describes", "supports", "tracks"]
    static let pastParticiples = ["reviewed", "approved", "rejected", "written", "tested", "deployed", "changed"]
    static let adverbs = ["quickly", "carefully", "rarely", "often", "again", "today"]
    static let goals = ["save time", "reduce risk", "meet the deadline", "keep costs down", "help new readers"]
    static let vowelNouns = ["hour", "error", "example", "update", "issue", "owner"]
    static let misspellings = ["recieve", "seperate", "definately", "occured", "untill", "wich"]

    static func clean(_ rng: inout SplitMix64) -> String {
        switch rng.below(6) {
        case 0:
            return "The \(rng.pick(adjectives)) \(rng.pick(nouns)) \(rng.pick(verbs)) the \(rng.pick(nouns))."
        case 1:
            return "Our \(rng.pick(nouns)) \(rng.pick(verbs)) every \(rng.pick(nouns)) \(rng.pick(adverbs))."
        case 2:
            return "We expect the \(rng.pick(nouns)) to \(rng.pick(goals)) next month."
        case 3:
            return "Each \(rng.pick(nouns)) needs a \(rng.pick(adjectives)) \(rng.pick(nouns)) before it ships."
        case 4:
            return "Run `make test` before you send the \(rng.pick(nouns)) for review."
        default:
            return "If the \(rng.pick(nouns)) is \(rng.pick(adjectives)), the \(rng.pick(nouns)) waits."
        }
    }

    static func mistake(_ rng: inout SplitMix64) -> String {
        switch rng.below(9) {
        case 0:
            return "The the \(rng.pick(nouns)) \(rng.pick(verbs)) the \(rng.pick(nouns))."
        case 1:
            return "It took a \(rng.pick(vowelNouns)) to fix the \(rng.pick(nouns))."
        case 2:
            return "The \(rng.pick(nouns)) lost it's \(rng.pick(adjectives)) \(rng.pick(nouns))."
        case 3:
            var words: [String] = ["When", "the", rng.pick(nouns), rng.pick(verbs), "the", rng.pick(nouns)]
            while words.count < 52 {
                words += ["and", "the", rng.pick(adjectives), rng.pick(nouns), rng.pick(verbs), "the", rng.pick(nouns)]
            }
            return words.joined(separator: " ") + "."
        case 4:
            return "The \(rng.pick(nouns)) was \(rng.pick(pastParticiples)) by the \(rng.pick(nouns))."
        case 5:
            return "We changed the \(rng.pick(nouns)) in order to \(rng.pick(goals))."
        case 6:
            return "This \(rng.pick(nouns)) is very unique."
        case 7:
            return "For the full \(rng.pick(nouns)), [click here](https://example.com/\(rng.pick(nouns)))."
        default:
            return "You will \(rng.pick(misspellings)) the \(rng.pick(nouns)) soon."
        }
    }

    private static func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }
}
