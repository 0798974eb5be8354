import MeshAgents
import MeshProtocol
import MeshText
import Testing

/// The proselint-style kinds (generated lists and the patterns in Usage.swift): a firing and a non-firing example each.
let usageCases: [(String, SpecialistType, String, String)] = [
    ("clarity.usage", .clarity, "The committee met from 1990-1995 to plan it.", "The committee met from 1990 to 1995 to plan it."),
    ("clarity.usage", .clarity, "The bus leaves at 9 pm sharp.", "The bus leaves at 9 p.m. sharp."),
    ("clarity.usage", .clarity, "The shop closes at 12 p.m. on Fridays.", "The shop closes at noon on Fridays."),
    ("clarity.usage", .clarity, "She moved to Ohio in March, 1987.", "She moved to Ohio in March 1987."),
    ("clarity.usage", .clarity, "She moved to Ohio in March of 1987.", "She may move to Ohio in March."),
    ("clarity.usage", .clarity, "We saw a bunch of crows on the fence.", "We saw a murder of crows on the fence."),
    ("clarity.usage", .clarity, "The cat jumped off of the table.", "The cat jumped off the table."),
    ("clarity.usage", .clarity, "They returned to the place from whence they came.", "They returned to the place whence they came."),
    ("clarity.usage", .clarity, "The proposal seemed irregardless of cost.", "The proposal seemed regardless of cost."),
    ("clarity.redundancy", .clarity, "The ticket cost $25 dollars at the door.", "The ticket cost $25 at the door."),
    ("clarity.redundancy", .clarity, "The table was round in shape.", "The table was round."),
    ("clarity.uncomparable", .clarity, "This is an increasingly unique design.", "This is at least possible, and the design is unique."),
    ("clarity.cliche", .clarity, "We will cross that bridge as the crow flies.", "We will go straight there."),
    ("clarity.jargon", .clarity, "We need to leverage our core competencies.", "We need to use what we do well."),
    ("clarity.empty-opener", .clarity, "But the plan failed anyway.", "The plan failed anyway, but we tried."),
    ("clarity.empty-opener", .clarity, "The tests pass; so we ship.", "The tests pass, and we ship so that users benefit."),
    ("tone.insensitive", .tone, "The chairman opened the meeting.", "The chair opened the meeting."),
    ("tone.hedging", .tone, "I would argue that the design is sound.", "The design is sound."),
    ("tone.condescending", .tone, "Just run the installer and you are done.", "Did the build just finish? Don't just copy the file."),
    ("tone.intensifier", .tone, "The result was very good.", "Very well, we will start."),
    ("grammar.repeated-word", .grammar, "I think that that that is wrong.", "I think that that is wrong."),
    ("grammar.repeated-word", .grammar, "We went to the shop to the shop again.", "We went to the shop, then to the market."),
    ("grammar.confused-words", .grammar, "The museum lost it's keys.", "The museum says it's closed."),
    ("grammar.confused-words", .grammar, "Due to it's weight, the box stays.", "Due to rain, it's wet."),
    ("grammar.confused-words", .grammar, "It's roof was leaking.", "It's raining again."),
    ("grammar.confused-words", .grammar, "Its raining again, and its going to flood.", "Its removal took a day."),
    ("grammar.confused-words", .grammar, "Its difficult to say.", "Its difficult history is well known."),
    ("grammar.confused-words", .grammar, "I thin you should go, and so one.", "I thin the paint, and so one tends to wait."),
    ("grammar.confused-words", .grammar, "They were vary happy about it all ready.", "Prices vary widely."),
    ("grammar.confused-words", .grammar, "If it fails, your should restart it.", "Your shoes are here."),
    ("grammar.punctuation", .grammar, "Are you serious?! Who said that????", "Are you serious? Who said that?"),
    ("grammar.typography", .grammar, "And then the lights went out...", "And then the lights went out…"),
    ("grammar.typography", .grammar, "See Jones et. al. for details.", "See Jones et al. for details."),
]

@Suite("Usage kinds: a firing and a non-firing example each")
struct UsageTests {
    @Test(arguments: usageCases.indices)
    func firesAndStaysQuiet(_ k: Int) {
        let (rule, type, fires, quiet) = usageCases[k]
        #expect(rules(fires, type).contains(rule), "should fire: \(fires)")
        #expect(!rules(quiet, type).contains(rule), "should stay quiet: \(quiet)")
    }
}
