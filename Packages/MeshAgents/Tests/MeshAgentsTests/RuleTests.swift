import MeshAgents
import MeshProtocol
import MeshText
import Testing

/// One firing and one non-firing example per chunk-level rule.
struct RuleCase: CustomTestStringConvertible, Sendable {
    var rule: String
    var fires: String
    var quiet: String
    var kind: ChunkKind = .paragraph
    var config: String?

    var testDescription: String { rule }
    var type: SpecialistType { SpecialistType(rawValue: String(rule.split(separator: ".")[0]))! }
}

let ruleCases: [RuleCase] = [
    RuleCase(rule: "grammar.spelling", fires: "I recieve the mail every day.", quiet: "I receive `recieve()` from https://example.com/recieve and parseRecieve, my_recieve_fn, RECIEVE."),
    RuleCase(rule: "grammar.repeated-word", fires: "This is the the best plan.", quiet: "She had had dessert, and that that was fine."),
    RuleCase(rule: "grammar.a-an", fires: "It took a hour and an user.", quiet: "It took an hour and a user, an FBI agent and a URL."),
    RuleCase(rule: "grammar.confused-words", fires: "Your welcome to stay, and its a good idea.", quiet: "You're welcome to stay, and it's a good idea for its owner."),
    RuleCase(rule: "grammar.agreement", fires: "They was late, and he go home.", quiet: "They were late. Does he go home?"),
    RuleCase(rule: "grammar.verb-form", fires: "She has went to school and did not saw it.", quiet: "She has gone to school and did not see it."),
    RuleCase(rule: "grammar.noun-number", fires: "We met many visitor, and every guests left early.", quiet: "We met many visitors, and every guest left early."),
    RuleCase(rule: "grammar.verb-pattern", fires: "You must to sign here; I enjoy to paint.", quiet: "You must sign here; I enjoy painting and want to paint."),
    RuleCase(rule: "grammar.double-negative", fires: "I don't have nothing to say, and we can't get no help.", quiet: "I don't have anything to say; not that no one cares."),
    RuleCase(rule: "grammar.uncountable-plural", fires: "He gave me many advices and informations.", quiet: "He gave me much advice and information."),
    RuleCase(rule: "grammar.uncountable-plural", fires: "Anyone can learn it through the medias.", quiet: "Anyone can learn it through the media."),
    RuleCase(rule: "grammar.capitalization", fires: "We left early. then we ate, and i slept on monday.", quiet: "We left early. Then we ate, and I slept on Monday."),
    RuleCase(rule: "grammar.nonstandard-phrase", fires: "Irregardless, I could care less.", quiet: "Regardless, I couldn't care less."),
    RuleCase(rule: "grammar.spacing", fires: "Hello , world.It works.", quiet: "Hello, world. It works (mostly)."),
    RuleCase(rule: "grammar.punctuation", fires: "Wait,, what happened?.", quiet: "Wait, what happened... and why?"),
    RuleCase(rule: "grammar.unterminated-sentence", fires: "The first sentence ends here. The second one goes on and on without any end", quiet: "The first sentence ends here. The second one ends too."),
    RuleCase(rule: "grammar.typography", fires: "Copyright (c) 2020, a 2 x 4 board from the 1990's.", quiet: "Copyright © 2020, a 2 × 4 board from the 1990s."),
    RuleCase(rule: "grammar.date", fires: "The launch is on Monday, 7 October 2014, and ends on November 31.", quiet: "The launch is on Tuesday, 7 October 2014, and ends on November 30."),
    RuleCase(rule: "grammar.date-without-year", fires: "The meeting is on Monday, 7 October.", quiet: "The meeting is on Tuesday, 7 October 2025, or on 8 October."),
    RuleCase(rule: "grammar.missing-verb", fires: "I afraid of the dark.", quiet: "I am afraid of the dark, and Jane and I quite agree."),
    RuleCase(rule: "grammar.double-determiner", fires: "The my search returned nothing.", quiet: "My search returned nothing in the US."),
    RuleCase(rule: "grammar.article", fires: "She is student, and he does lot of things.", quiet: "She is a student, and he does a lot of things."),
    RuleCase(rule: "grammar.compound-adjective", fires: "France has a 35 hour working week.", quiet: "France has a 35-hour working week; it took 35 hours."),
    RuleCase(rule: "grammar.preposition", fires: "We will discuss about the plan.", quiet: "We will discuss the plan."),
    RuleCase(rule: "clarity.plain-english", fires: "In the event that it rains, we stay in.", quiet: "If it rains, we stay in; in the event, it did not."),
    RuleCase(rule: "grammar.comma-after-introduction", fires: "However we left early.", quiet: "However, we left early. However hard we try, of course it rains."),
    RuleCase(rule: "grammar.rejected-word", fires: "We utilize Redis.", quiet: "We use Redis.", config: "vocabulary: { reject: [utilize] }"),
    RuleCase(rule: "clarity.long-sentence",
             fires: "This sentence keeps on going with one clause after another and another and another because the writer never stopped to think about the reader who has to hold every single word of it in mind until the very end arrives.",
             quiet: "This sentence is short."),
    RuleCase(rule: "clarity.hard-paragraph",
             fires: "Institutional considerations notwithstanding, comprehensive organizational restructuring necessitates interdepartmental collaboration, methodological standardization, and administrative reconfiguration. Consequently, operational effectiveness fundamentally depends upon sophisticated infrastructural modernization and systematic implementation of contemporary technological capabilities, institutionalized interoperability requirements, and comprehensive organizational accountability.",
             quiet: "The cat sat on the mat. It was warm there. The dog came in and lay down too. They slept all day in the sun."),
    RuleCase(rule: "clarity.passive-voice", fires: "The script was killed by the kernel.", quiet: "The kernel killed the script; I was tired."),
    RuleCase(rule: "clarity.wordy", fires: "We did it in order to win.", quiet: "We did it to win."),
    RuleCase(rule: "clarity.plain-words", fires: "We utilize the cache.", quiet: "We use the cache."),
    RuleCase(rule: "clarity.redundancy", fires: "Enter your PIN number for a free gift.", quiet: "Enter your PIN for a gift."),
    RuleCase(rule: "clarity.uncomparable", fires: "It is a very unique design.", quiet: "It is a unique design."),
    RuleCase(rule: "clarity.weasel", fires: "Studies show that various tools help.", quiet: "Two studies found that the tool helps."),
    RuleCase(rule: "clarity.adverb", fires: "It basically works.", quiet: "It works."),
    RuleCase(rule: "clarity.nominalization", fires: "We will make a decision tomorrow.", quiet: "We will decide tomorrow."),
    RuleCase(rule: "clarity.cliche", fires: "At the end of the day, it works.", quiet: "In the end, it works."),
    RuleCase(rule: "clarity.jargon", fires: "Let's circle back on the synergy.", quiet: "Let's talk again about how the teams work together."),
    RuleCase(rule: "clarity.empty-opener", fires: "There is a use for this construction.", quiet: "This construction has a use; is there another?"),
    RuleCase(rule: "clarity.usage", fires: "We jumped off of the wall and deplaned.", quiet: "We jumped off the wall and left the plane."),
    RuleCase(rule: "clarity.e-prime", fires: "NodeJs is awesome.", quiet: "NodeJs works well.", config: "enable: [clarity.e-prime]"),
    RuleCase(rule: "tone.hedging", fires: "I think this might be the answer.", quiet: "This is the answer."),
    RuleCase(rule: "tone.intensifier", fires: "The results are extremely good.", quiet: "The results are good."),
    RuleCase(rule: "tone.exclamation", fires: "This is great!!!", quiet: "This is great."),
    RuleCase(rule: "tone.shouting", fires: "Please DO NOT TOUCH the server.", quiet: "Please do not touch the HTTP API server."),
    // A run of capitals stops at a line break, and boolean operators are syntax ("BITOP AND dest a b").
    RuleCase(rule: "tone.shouting", fires: "Please do NOT EVER\nDELETE THIS FILE.", quiet: "LTRIM bikes 0 2\nOK\nLRANGE bikes 0 -1 then BITOP AND dest a b"),
    RuleCase(rule: "tone.condescending", fires: "Obviously, you simply run the script.", quiet: "Run the script; it takes just as long as before."),
    RuleCase(rule: "tone.insensitive", fires: "Add the host to the whitelist; the master server and its slaves sync.", quiet: "Add the host to the allowlist; the primary server and its replicas sync."),
    RuleCase(rule: "tone.profanity", fires: "This shitty build failed.", quiet: "This flaky build failed."),
    RuleCase(rule: "tone.informal", fires: "We're gonna ship it, lol.", quiet: "We are going to ship it."),
    RuleCase(rule: "tone.formal-word", fires: "The aforementioned tool is hereby retired.", quiet: "This tool is now retired."),
    RuleCase(rule: "tone.negative", fires: "This is a terrible, awful, horrible and disgusting failure that ruined everything.", quiet: "This is a good, helpful change that works well."),
    RuleCase(rule: "structure.heading-punctuation", fires: "Installing the tool.", quiet: "Installing the tool", kind: .heading),
    RuleCase(rule: "structure.long-heading", fires: "A heading that goes on far too long for anyone to scan it at a glance in the table of contents", quiet: "A short heading", kind: .heading),
    RuleCase(rule: "structure.long-paragraph", fires: String(repeating: "This sentence adds seven more words here. ", count: 25), quiet: "A short paragraph."),
    RuleCase(rule: "structure.link-text", fires: "To install it, click here.", quiet: "See the installation guide."),
]

@Suite("Rules: a firing and a non-firing example each")
struct RuleTests {
    @Test(arguments: ruleCases)
    func firesAndStaysQuiet(_ c: RuleCase) throws {
        let config = try c.config.map { try MeshConfig.parse(yaml: $0, path: "test.yaml") } ?? .default
        #expect(rules(c.fires, c.type, kind: c.kind, config: config).contains(c.rule), "should fire: \(c.fires)")
        #expect(!rules(c.quiet, c.type, kind: c.kind, config: config).contains(c.rule), "should stay quiet: \(c.quiet)")
    }

    @Test func everyRuleHasATestCase() {
        let tested = Set(ruleCases.map(\.rule)).union([
            // Document-wide rules, tested on outlines in StructureTests.
            "structure.heading-skip", "structure.top-level-heading", "structure.duplicate-heading", "structure.empty-section",
            "structure.thin-section", "structure.long-section", "structure.wall-of-text", "structure.heading-case",
            "structure.term-consistency", "structure.list-parallel", "structure.config",
        ])
        let missing = RuleCatalog.all.map(\.id).filter { !tested.contains($0) }
        #expect(missing.isEmpty, "rules without a test: \(missing)")
    }

    @Test func replacementsAreOffered() {
        let findings = ReviewEngine().analyze(chunk("We did it in order to win."), as: .clarity).findings
        #expect(findings.first { $0.rule == "clarity.wordy" }?.replacements == ["to"])
        let grammar = ReviewEngine().analyze(chunk("It took a hour."), as: .grammar).findings
        #expect(grammar.first { $0.rule == "grammar.a-an" }?.replacements == ["an"])
        let spelling = ReviewEngine().analyze(chunk("I recieve mail."), as: .grammar).findings
        #expect(spelling.first { $0.rule == "grammar.spelling" }?.replacements.contains("receive") == true)
        // A common misspelling offers codespell's correction first, not the speller's nearest word by letters.
        let known = ReviewEngine().analyze(chunk("Check the adresses and the compatability."), as: .grammar).findings
        #expect(known.filter { $0.rule == "grammar.spelling" }.map { $0.replacements.first } == ["addresses", "compatibility"])
    }

    /// A clause opener capitalised after a word that can end a clause is a full stop left out; after one that
    /// cannot ("because If"), only the capital is wrong.
    @Test func aMissingFullStopIsTheFirstFix() {
        let stop = ReviewEngine().analyze(chunk("The value is set This flag controls the timeout."), as: .grammar).findings
        #expect(stop.first { $0.rule == "grammar.capitalization" }?.replacements == ["set. This", "set this"])
        let lower = ReviewEngine().analyze(chunk("We went home because If we stayed we would be late."), as: .grammar).findings
        #expect(lower.first { $0.rule == "grammar.capitalization" }?.replacements == ["if"])
    }

    @Test func spansAreUnicodeScalarOffsets() {
        let text = "Café ☕️ — its a good day."
        let f = ReviewEngine().analyze(chunk(text), as: .grammar).findings.first { $0.rule == "grammar.confused-words" }
        let scalars = Array(text.unicodeScalars)
        let found = f.map { String(String.UnicodeScalarView(scalars[$0.span.start..<$0.span.end])) }
        #expect(found == "its a")
    }

    @Test func britishSpellingIsNotAMistake() {
        #expect(!rules("The colour of the organisation's centre.", .grammar).contains("grammar.spelling"))
    }

    @Test func idiomsThatRepeatOnPurposeAreOnlyWordy() {
        let found = rules("First of all, each and every reason why matters, whether or not I myself agree.", .clarity)
        #expect(found.contains("clarity.wordy"))
        #expect(!found.contains("clarity.redundancy"))
    }

    @Test func softwareWordsAreSpelt() {
        #expect(!rules("The lifecycle of a pod has its dos and don'ts.", .grammar).contains("grammar.spelling"))
    }
}

/// Word-class patterns of the grammar specialist: each fires on the first text and stays quiet on the second.
let grammarPatternCases: [(rule: String, fires: String, quiet: String)] = [
    ("grammar.noun-number", "Our town has several bakery.", "Our town has several bakeries and a bakery van."),
    ("grammar.noun-number", "There are too much problems here.", "There is too much traffic here."),
    ("grammar.noun-number", "It is one of the oldest city.", "It is one of the oldest cities in the world."),
    ("grammar.noun-number", "We invited a lot of peoples.", "We invited a lot of people."),
    ("grammar.verb-pattern", "They avoided to answer the letter.", "They avoided answering the letter and wanted to answer it."),
    ("grammar.verb-pattern", "We look forward to see you.", "We look forward to seeing you and to the summer."),
    ("grammar.verb-pattern", "I am agree with the plan.", "I agree with the plan; it is awake and I am ready."),
    ("grammar.verb-pattern", "They are agree with it.", "When the feature is off, the library is smaller, and the server is down."),
    ("grammar.verb-pattern", "The parcel did not arrived on time.", "The parcel did not arrive on time."),
    ("grammar.verb-pattern", "This road is more noisier than that one.", "This road is noisier than that one and more scenic."),
    ("grammar.verb-pattern", "She has lived here since three years.", "She has lived here for three years, since three years ago."),
    ("grammar.agreement", "Ask someone who have a key.", "Ask someone who has a key, or people who have one."),
    ("grammar.verb-form", "I was surprised to learns this.", "I was surprised to learn this; he spoke to seems fair."),
    ("grammar.verb-form", "She can goes there alone.", "She can go there alone."),
    ("grammar.verb-form", "She could no hear you.", "She could hear no one."),
    ("grammar.verb-form", "Did you forgot it?", "Did you forget it?"),
    ("grammar.agreement", "They always learns fast.", "They always learn fast."),
    ("grammar.agreement", "She support the plan.", "She supports the plan, and it be so."),
    ("grammar.agreement", "Give it to I.", "Give it to me."),
    ("grammar.agreement", "There was discussions about the money.", "There were discussions about the money."),
    ("grammar.agreement", "It was a major milestones for the team.", "It was a major milestone for the team."),
    ("grammar.agreement", "These kind of errors are easy to fix.", "This kind of error is easy to fix."),
    ("grammar.confused-words", "It is more expensive on some systems then others.", "We ate, and then we left."),
    ("grammar.confused-words", "It had the same affect on me.", "It had the same effect on me."),
    ("grammar.confused-words", "The medicine shouldn't effect the baby.", "The medicine shouldn't affect the baby."),
    ("grammar.confused-words", "The parents yelled at there son.", "The parents went there yesterday."),
    ("grammar.confused-words", "I hope to here from you soon.", "I came to here from the city."),
    ("grammar.confused-words", "It seems unlikely that they where going.", "I know where they are."),
    ("grammar.confused-words", "Go back to were you came from.", "They were from the city."),
    ("grammar.confused-words", "That's quiet a list.", "The room was quiet."),
    ("grammar.confused-words", "The boat broke lose from its moorings.", "Do not lose the key."),
    ("grammar.confused-words", "He said me the truth.", "He told me the truth."),
    ("grammar.confused-words", "We advice you to come early.", "We advise you to come early; our advice is free."),
    ("grammar.confused-words", "This is our biggest complain.", "This is our biggest complaint."),
    ("grammar.confused-words", "It is to expensive.", "Prices went from rich to poor; we talked to everyone."),
    ("grammar.confused-words", "To what extend is it true?", "To what extent is it true? We extend the deadline."),
    ("grammar.agreement", "Is you crazy? What has you done?", "Are you crazy? What have you done? What is it?"),
    ("grammar.agreement", "This room are big.", "These rooms are big, and the team are happy."),
    ("grammar.agreement", "The dog eat.", "The dogs eat. I move that the meeting adjourn."),
    ("grammar.agreement", "She also need a car.", "She also needs a car."),
    ("grammar.agreement", "Are he coming?", "Were he there, he would help. Is he coming?"),
    ("grammar.verb-form", "We can went home.", "We can go home, and the can went flying."),
    ("grammar.verb-form", "I decided to renamed the project.", "I decided to rename the project and talked to interested people."),
    ("grammar.missing-verb", "He very happy about it.", "He is very happy about it; they married in May."),
    ("grammar.double-determiner", "I visited a the house.", "I visited the house and a friend."),
    ("grammar.article", "All of students like it.", "All of the students like it, and all of us agree."),
    ("grammar.compound-adjective", "Use a 10-metres rope.", "Use a 10-metre rope or ropes of 10 metres."),
    ("grammar.compound-adjective", "Rudolph is a two year old reindeer.", "Rudolph is two years old."),
    ("grammar.preposition", "I'm good in geography.", "I'm good at geography, and it looks good in red."),
    ("grammar.preposition", "Let me explain you why.", "Let me explain to you why, and explain it."),
    ("grammar.punctuation", "She isn't coming is she?", "She isn't coming, is she? What time is it?"),
    ("grammar.verb-pattern", "I enjoy to run.", "I enjoy running; they are considered to have left."),
    ("grammar.verb-pattern", "We cannot afford spend a month there.", "We cannot afford to spend a month there, or afford housing."),
    ("grammar.verb-pattern", "He allowed me do it.", "He allowed me to do it and allowed them the time."),
    ("grammar.verb-pattern", "You don't afraid of the dark.", "You aren't afraid of the dark."),
    ("grammar.confused-words", "I want too go abroad.", "I want to go abroad, too."),
    ("grammar.confused-words", "Give the bone too the dog.", "Give the bone to the dog; it is too big."),
    ("grammar.confused-words", "This is to good to be true.", "This is too good to be true; we went to town to shop."),
    ("grammar.confused-words", "This house is as big than mine.", "This house is as big as mine and bigger than yours."),
    ("grammar.confused-words", "Reduce the risk to you're pet.", "Reduce the risk to your pet; you're welcome."),
    ("grammar.confused-words", "Th water is hot.", "The water is hot."),
    ("grammar.confused-words", "I have all ready bought it.", "I have already bought it; we are all ready."),
    ("grammar.confused-words", "Them it became clear.", "Then it became clear; I saw them."),
    ("grammar.agreement", "Who was with who?", "Whom was she with? To who can I turn, but who knows."),
    ("grammar.agreement", "Whom paid for the meal?", "Who paid for the meal? Whom did you see?"),
    ("grammar.agreement", "Some people thinks that space is endless.", "Some people think that space is endless; helping people is good."),
    ("grammar.verb-form", "Did the application worked?", "Did the application work? Did a record called 'Daffodil' sell?"),
    ("grammar.verb-form", "I don't needs help with that.", "I don't need help with that; it doesn't always work."),
    ("grammar.verb-form", "They cannot works here.", "They cannot work here."),
    ("grammar.verb-form", "She does no understand.", "She does not understand; it does no harm."),
    ("grammar.agreement", "She was been here since Monday.", "She has been here since Monday."),
    ("grammar.noun-number", "If this errors are easy to fix, fix them.", "If these errors are easy to fix, fix them; this news is good."),
    ("grammar.noun-number", "There're problem in Iraq.", "There are problems in Iraq, and there were two."),
    ("grammar.noun-number", "I have 5 CD's.", "I have 5 CDs and the CD's case."),
    ("grammar.article", "It happened in 1990s.", "It happened in the 1990s."),
    ("grammar.article", "Kyoto is an oldest city.", "Kyoto is the oldest city and an honest one."),
    ("grammar.article", "We had a breakfast in the hotel.", "We had breakfast in the hotel and a breakfast meeting."),
    ("grammar.noun-number", "There are two kind of studies.", "There are two kinds of studies and one kind of test."),
    ("grammar.missing-verb", "What we do now, we will able to do later.", "What we do now, we will be able to do later."),
    ("grammar.verb-form", "The scraping will causes heat.", "The scraping will cause heat by the will of nature."),
    ("grammar.agreement", "If the teacher teach them, they learn.", "If the teachers teach them, they learn."),
    ("grammar.agreement", "The heart disease patients shows improvement.", "The heart disease patients show improvement; the patients' needs vary."),
    ("grammar.verb-pattern", "I want go home, and I'm going eat.", "I want to go home, and I'm going to eat; we are going off."),
    ("grammar.verb-pattern", "Let me to know the answer.", "Let me know the answer; they want him to marry."),
    ("grammar.confused-words", "I go there everyday.", "I go there every day; it is everyday life."),
    ("grammar.confused-words", "I except your offer.", "I accept your offer, except the last part."),
    ("grammar.preposition", "He explained about the plan.", "He explained the plan and talked about it."),
    ("grammar.missing-verb", "I looking into the problem.", "I am looking into the problem; she having left, we ate."),
    ("grammar.missing-verb", "Secondly, it very familiar to students.", "Secondly, it is very familiar; I find it very familiar."),
    ("grammar.capitalization", "For example, When I travelled alone, I met him.", "For example, when I travelled alone, I met him."),
    ("grammar.capitalization", "Likewise, The theory fails.", "He said, \"The end is near.\" She read Dune, The Hobbit and more."),
    ("grammar.capitalization", "I saw it, It was red.", "If I or she should chance to be Involved in this affair , He trusts to you ."),
    ("grammar.nonstandard-phrase", "By these facts u will agree.", "Let u be a vector and v another; you will agree."),
    ("grammar.noun-number", "It harms many others animals.", "It harms others and other animals."),
    ("grammar.noun-number", "There are several reason.", "There are several reasons; many agree, and many hope."),
    ("grammar.agreement", "All the families have a cars.", "If a test passes, the families have a car and a species."),
    ("grammar.double-determiner", "For the these reasons, I left.", "For these reasons, I left."),
    ("grammar.verb-form", "Books will stimulated our minds.", "Books will stimulate our minds, and we will see."),
    ("grammar.article", "Most of people prefer tea.", "Most of the people prefer tea, and most of us agree."),
    ("grammar.preposition", "The team consists from five people.", "The team consists of five people from Oslo."),
    ("grammar.preposition", "In the other hand, it is cheap.", "On the other hand, it is cheap; the other hand is full."),
    ("grammar.nonstandard-phrase", "I did a mistake and said me so.", "I made a mistake, did my best and told me so."),
    ("grammar.nonstandard-phrase", "They lack of money.", "They lack money; the lack of money hurts."),
    ("grammar.verb-form", "It will be took soon.", "It will be taken soon; they are lay people."),
    ("grammar.verb-form", "They let the product looks nice.", "They let the product look nice and made the news."),
    ("grammar.noun-number", "Every knowledge is useful.", "All knowledge is useful; every research project counts."),
    ("grammar.nonstandard-phrase", "It is out of question.", "It is out of the question."),
    ("grammar.nonstandard-phrase", "I know the way how it works.", "I know how it works and the way it works."),
    ("grammar.confused-words", "Inorder to win, we trained.", "In order to win, we trained."),
    ("grammar.agreement", "They make a products and sell them.", "They run a sales and marketing team."),
    ("grammar.spacing", "Some people might say\"hey\".", "Some people might say \"hey\"."),
    ("grammar.double-determiner", "These some concepts matter.", "These concepts and some others matter."),
    ("grammar.punctuation", "It is true, isn't it.", "It is true, isn't it? I know it isn't."),
    ("grammar.confused-words", "It is hard when your in a group.", "It is hard when you're in a group; your in-laws agree."),
    ("grammar.confused-words", "I do somethings every day.", "I do some things every day."),
    ("grammar.confused-words", "It is a good time in or country.", "Come in or out, with or without a coat."),
    ("grammar.nonstandard-phrase", "We go for shopping.", "We go shopping and go for a walk."),
    ("grammar.nonstandard-phrase", "It takes very less time.", "It takes much less time and very little effort."),
    ("grammar.verb-pattern", "It allows to have fun.", "It allows you to have fun; we are allowed to."),
    ("grammar.verb-pattern", "They keep making students to learn.", "They keep making students learn."),
    ("grammar.punctuation", "I believe, that the quality is good.", "It was, I believe, that week; I believe that it is good."),
    ("grammar.verb-form", "As we all known, it rains.", "As we all know, it rains; have you never known it?"),
    ("grammar.missing-verb", "They success and they had power.", "They hope and care; we humans succeed."),
    ("grammar.missing-verb", "I sad yes.", "I said yes."),
    ("grammar.noun-number", "I met this computer programmers.", "This error lets you know; this line does."),
    ("grammar.noun-number", "Looking after many new employee is hard.", "Looking after many new employees is hard."),
    ("grammar.noun-number", "I have several reason to stay.", "I have several reasons to stay."),
    ("grammar.noun-number", "Every stuff is here.", "All the stuff is here, every day."),
    ("grammar.confused-words", "It can affect on them.", "It can affect them and has an effect on us."),
    ("grammar.agreement", "There are not anything I want.", "There is not anything I want."),
    ("grammar.preposition", "It works in three reasons.", "It works for three reasons."),
    ("grammar.confused-words", "The amount of students grows.", "The number of students grows with the amount of work."),
    ("grammar.confused-words", "The costumer is always right.", "The customer is always right."),
    ("grammar.confused-words", "We do extra curricular activities.", "We do extracurricular activities and extra work."),
    ("grammar.preposition", "This casts doubt in the claim.", "This casts doubt on the claim; I have no doubt in my mind."),
    ("grammar.nonstandard-phrase", "It uses the lots of products.", "It uses lots of products and the lot of them."),
    ("grammar.capitalization", "That is because If I won, I left.", "That is because I won; we read The Rust Programming Language."),
    ("grammar.verb-form", "When I was a student, I spend all my time studying.", "When I was a student, I spent all my time studying; when I was young, I remember it."),
    ("grammar.punctuation", "I believe, this number is increasing.", "I believe this number is increasing; I think, Emma, that it is."),
    ("grammar.confused-words", "He may fell afraid.", "He may feel afraid; he fell asleep."),
    ("grammar.preposition", "They drive in high speed.", "They drive at high speed."),
    ("grammar.nonstandard-phrase", "I found myself enjoying in it.", "I found myself enjoying it."),
    ("grammar.nonstandard-phrase", "Although it rained, but we went.", "Although it rained, we went, but late."),
    ("grammar.nonstandard-phrase", "Because it rained, so we stayed.", "Because it rained, we stayed, so we read."),
    ("grammar.spacing", "Point 4:they have a chance.", "At 4:30 they have a chance: they use std::io."),
    // After a noun "to" is a preposition: a participle before a noun is an adjective, a plural compared is a noun.
    ("grammar.verb-form", "They decided to built houses.", "The manifest keeps links to built images."),
    ("grammar.verb-form", "She wants to learns French.", "Restrict the resolver to packages older than a week."),
    // A modal mentioned as a word is no verb.
    ("grammar.verb-form", "It should is done by noon.", "The switch from must to should is a breaking change."),
    // "use to" + verb after a fronted object says what for; a habit still needs "used to".
    ("grammar.confused-words", "Back then we use to walk to school.", "Keep the list we use to track open tickets; it is the tool which they use to deploy."),
]

@Suite("Grammar patterns: a firing and a non-firing example each")
struct GrammarPatternTests {
    @Test(arguments: grammarPatternCases.indices)
    func firesAndStaysQuiet(_ k: Int) {
        let c = grammarPatternCases[k]
        #expect(rules(c.fires, .grammar).contains(c.rule), "should fire: \(c.fires)")
        #expect(!rules(c.quiet, .grammar).contains(c.rule), "should stay quiet: \(c.quiet)")
    }
}
