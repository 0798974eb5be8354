import Foundation
import MeshProtocol
import MeshRedis
import MeshRedisTesting
import Testing

/// The whole mesh, end to end: real redis-server, real service processes, the producer as a user runs it.
/// Serialized: each test starts six or more processes, and the machine has two cores.
@Suite("Review pipeline end to end", .serialized)
struct PipelineTests {
    @Test func aMarkdownDocumentGetsItsMistakesAtTheRightLineAndColumnAndNoneInCode() throws {
        let mesh = try Mesh()
        try mesh.startAll()
        let run = try mesh.produce([
            "--doc_id", "guide", "--file", Mesh.fixture("guide.md"), "--wait", "--timeout", "120", "--output-format", "json",
        ])
        #expect(run.code == 1, "errors in the report fail the run by default (--fail-on error): \(run.err)")
        let report = try #require(try mesh.report("guide"))
        let found = report.suggestions.map { "\($0.range.start.line):\($0.range.start.column) \($0.rule) \($0.text)" }
        let expected = [
            "7:36 grammar.repeated-word the the",
            "8:15 grammar.a-an a",
            "12:15 grammar.spelling recieve",
            "13:17 clarity.wordy in order to",
            "20:1 structure.heading-skip",
            "22:17 structure.link-text click here",
            "23:1 grammar.confused-words Their going",
        ]
        for item in expected {
            #expect(found.contains { $0.hasPrefix(item) }, "missing \(item) in \(found)")
        }
        // Front matter (lines 1-3) and the fenced code block (lines 15-18) are not prose.
        #expect(report.suggestions.allSatisfy { !(1...3).contains($0.range.start.line) && !(15...18).contains($0.range.start.line) })
        #expect(report.source == Mesh.fixture("guide.md"))
        #expect(report.summary.total == report.suggestions.count)
        #expect(report.summary.bySeverity.keys.sorted() == ["error", "suggestion", "warning"])
        #expect(report.summary.bySpecialist.keys.sorted() == ["clarity", "grammar", "structure", "tone"])
        #expect(report.figures.words > 40)
        #expect(report.figures.readability["flesch-kincaid-grade"] != nil)
        // The JSON the producer printed is the same report.
        let printed = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any]
        #expect((printed?["suggestions"] as? [Any])?.count == report.suggestions.count)
    }

    @Test func theTextReportIsCompilerStyleAndDeterministic() throws {
        let mesh = try Mesh()
        try mesh.startAll()
        let path = Mesh.fixture("guide.md")
        let first = try mesh.produce(["--doc_id", "a", "--file", path, "--wait", "--fail-on", "none"])
        let second = try mesh.produce(["--doc_id", "b", "--file", path, "--wait", "--fail-on", "none"])
        #expect(first.code == 0)
        #expect(first.out.contains("\(path):7:36: error: [grammar.repeated-word]"))
        #expect(first.out.contains("\(path):22:17: warning: [structure.link-text]"))
        #expect(first.out == second.out, "the same document gives byte-identical reports")
        let sarif = try mesh.produce(["--doc_id", "c", "--file", path, "--wait", "--fail-on", "none", "--output-format", "sarif"])
        let log = try JSONSerialization.jsonObject(with: Data(sarif.out.utf8)) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
        let github = try mesh.produce(["--doc_id", "d", "--file", path, "--wait", "--fail-on", "none", "--output-format", "github"])
        #expect(github.out.contains("::error file=\(path),line=7,col=36"))
    }

    @Test func twoGrammarReplicasShareTwoHundredDocumentsWithoutDuplicates() throws {
        let mesh = try Mesh()
        try mesh.startAll(specialistReplicas: [.grammar: 2])
        var paths: [String] = []
        for n in 0..<200 {
            paths.append(try mesh.write("doc\(n).md", "# Note \(n)\n\nThis is the the note number \(n). It has a a mistake.\n"))
        }
        let run = try mesh.produce(["--doc_id", "batch", "--wait", "--timeout", "300", "--fail-on", "none", "--output-format", "json"] + paths)
        #expect(run.code == 0, "\(run.err)")
        let connection = try mesh.redis.connect()
        for n in 1...200 {
            let report = try #require(try mesh.report("batch-\(n)"), "report batch-\(n) missing")
            let repeated = report.suggestions.filter { $0.rule == "grammar.repeated-word" }
            #expect(repeated.count == 2, "batch-\(n): \(repeated.map(\.text))")
            #expect(Set(report.suggestions).count == report.suggestions.count, "batch-\(n) has a duplicated suggestion")
        }
        let pending = try connection.xpending(Streams.review(.grammar), group: Groups.specialist(.grammar))
        #expect(pending.count == 0)
        // Both replicas did part of the work.
        let handled = try connection.send("XINFO", "CONSUMERS", .string(Streams.review(.grammar)), .string(Groups.specialist(.grammar)))
        #expect((handled.array ?? []).count == 2)
        for port in [mesh.httpPort("grammar-1"), mesh.httpPort("grammar-2")].compactMap({ $0 }) {
            let metrics = try #require(httpGet(port: port, path: "/metrics"))
            let line = metrics.body.split(separator: "\n").first { $0.hasPrefix("mesh_messages_handled_total{") }
            let count = line.flatMap { Double($0.split(separator: " ").last ?? "") } ?? 0
            #expect(count > 0, "a grammar replica handled nothing")
        }
    }

    @Test func fiftyDocumentsAtOnceEmptyAndCodeOnlyDocumentsAllComplete() throws {
        let mesh = try Mesh()
        try mesh.startAll()
        var paths: [String] = []
        for n in 0..<48 {
            paths.append(try mesh.write("d\(n).txt", "Paragraph one of document \(n).\n\nIts second paragraph recieve a typo.\n"))
        }
        paths.append(try mesh.write("empty.md", ""))
        paths.append(try mesh.write("code.md", "```swift\nlet x = the the\n```\n\n    indented code\n"))
        let run = try mesh.produce(["--doc_id", "many", "--wait", "--timeout", "300", "--fail-on", "none"] + paths)
        #expect(run.code == 0, "\(run.err)")
        for n in 1...48 {
            let report = try #require(try mesh.report("many-\(n)"))
            #expect(report.suggestions.contains { $0.rule == "grammar.spelling" && $0.text == "recieve" })
        }
        for n in [49, 50] {
            let report = try #require(try mesh.report("many-\(n)"), "empty or code-only document has no report")
            #expect(report.suggestions.isEmpty)
            #expect(report.summary.total == 0)
            #expect(report.figures.words == 0)
        }
    }

    /// The producer analyses documents ahead while one thread loads the speller, and builds the speller's
    /// suggestion filter first for inputs over 64 KiB: every document still gets its own terms. "zorblat" three
    /// times and "grepplex" twice (a word no English word is a slip away from) are the document's terms;
    /// "recieve" twice is a slip of "receive" and stays an error.
    @Test func documentsPreparedWhileTheSpellerLoadsGetTheirOwnTerms() throws {
        let mesh = try Mesh()
        try mesh.startAll()
        let filler = String(repeating: "The service reads its settings at start and writes a short line to the log for each request. ", count: 12)
        var paths: [String] = []
        var total = 0
        for n in 0..<32 {
            let text = """
                # Zorblat guide \(n)

                The zorblat service starts the zorblat worker. Each zorblat has a queue.

                Our grepplex tool talks to the grepplex daemon.

                Please recieve the notice, and recieve the reply.

                \(filler)

                \(filler)

                """
            total += text.utf8.count
            paths.append(try mesh.write("terms\(n).md", text))
        }
        // One document that uses the words once each: there they are not terms.
        paths.append(try mesh.write("once.md", "# Once\n\nThe zorblat and the grepplex, once each.\n"))
        #expect(total > 64 << 10, "the inputs must be large enough for the filter to be built first")
        let run = try mesh.produce(["--doc_id", "terms", "--wait", "--timeout", "300", "--fail-on", "none"] + paths)
        #expect(run.code == 0, "\(run.err)")
        for n in 1...32 {
            let report = try #require(try mesh.report("terms-\(n)"))
            let spelling = report.suggestions.filter { $0.rule == "grammar.spelling" }
                .map { "\($0.range.start.line):\($0.range.start.column) \($0.text)" }.sorted()
            #expect(spelling == ["7:32 recieve", "7:8 recieve"], "terms-\(n): \(spelling)")
        }
        let once = try #require(try mesh.report("terms-33"))
        #expect(Set(once.suggestions.filter { $0.rule == "grammar.spelling" }.map(\.text)) == ["zorblat", "grepplex"])
    }

    @Test func aTwentyMegabyteDocumentCompletes() throws {
        let mesh = try Mesh()
        try mesh.startAll()
        // A long technical document: 400 sections, each a short paragraph and a 50 KB listing.
        var text = ""
        let listing = String(repeating: "let value = compute(input, options) // the the\n", count: 1075)
        for n in 0..<400 {
            text += "## Section \(n)\n\nThis section explains step \(n) of the the build.\n\n```swift\n\(listing)```\n\n"
        }
        #expect(text.utf8.count >= 20_000_000)
        let path = try mesh.write("big.md", text)
        let run = try mesh.produce([
            "--doc_id", "big", "--file", path, "--wait", "--timeout", "600", "--fail-on", "none", "--output-format", "json",
            "--max-document-bytes", "33554432",
        ])
        #expect(run.code == 0, "\(run.err)")
        let report = try #require(try mesh.report("big"))
        let repeated = report.suggestions.filter { $0.rule == "grammar.repeated-word" }
        #expect(repeated.count == 400, "one per section paragraph, none in the listings")
        #expect(repeated.last?.range.start.line == 399 * (1075 + 7) + 3)
    }

    @Test func aFileThatIsNotUTF8IsRefusedAndNothingIsSent() throws {
        let mesh = try Mesh()
        let good = try mesh.write("good.md", "Fine text.\n")
        let bad = mesh.directory.appendingPathComponent("latin1.txt").path
        try Data([0x43, 0x61, 0x66, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: bad))  // "Café" in Latin-1
        let run = try mesh.produce(["--doc_id", "x", good, bad])
        #expect(run.code != 0)
        #expect(run.err.contains("latin1.txt"))
        #expect(run.err.contains("not UTF-8"))
        #expect(run.err.contains("nothing was sent"))
        #expect(try mesh.redis.connect().xlen(Streams.chunks) == 0)
    }

    /// The producer prepares documents on every core; the first bad input in command-line order is the one it
    /// names, whichever finished first, and nothing is sent.
    @Test func theFirstBadInputInOrderIsNamedAndNothingIsSent() throws {
        let mesh = try Mesh()
        var paths: [String] = []
        for n in 0..<60 {
            let name = n == 20 ? "bad-first" : n == 40 ? "bad-second" : "good-\(n)"
            let folder = mesh.directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if name.hasPrefix("bad") { try Data("rules: [\n".utf8).write(to: folder.appendingPathComponent(".mesh.yaml")) }
            let path = folder.appendingPathComponent("doc.md").path
            try Data("# Doc \(n)\n\nA paragraph with the the error.\n".utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let run = try mesh.produce(paths)
        #expect(run.code == 3, "\(run.err)")
        #expect(run.err.contains("bad-first/.mesh.yaml:2:"), "\(run.err)")
        #expect(!run.err.contains("bad-second"), "\(run.err)")
        #expect(run.err.hasSuffix("nothing was sent\n"))
        #expect(try mesh.redis.connect().xlen(Streams.chunks) == 0)
    }

    @Test func theAggregatorKilledAndRestartedMidRunLosesNoReport() throws {
        let mesh = try Mesh()
        try mesh.startAll(visibilityTimeout: 1)
        let documents = 150
        var paths: [String] = []
        for n in 0..<documents {
            paths.append(try mesh.write("r\(n).md", "# Doc \(n)\n\nFirst paragraph has the the error.\n\nSecond paragraph is fine.\n"))
        }
        let submit = try mesh.produce(["--doc_id", "restart"] + paths)
        #expect(submit.code == 0, "\(submit.err)")
        let connection = try mesh.redis.connect()
        // Kill it once it has started publishing, then start a new one under the same consumer name.
        _ = waitUntil(timeout: 60) { ((try? connection.xlen(Streams.reports)) ?? 0) >= 5 }
        mesh.services["aggregator"]?.signal(SIGKILL)
        mesh.services["aggregator"]?.wait()
        let before = try connection.xlen(Streams.reports)
        try mesh.start("aggregator", "mesh-aggregator", visibilityTimeout: 1)
        #expect(waitUntil(timeout: 180) { ((try? connection.xlen(Streams.reports)) ?? 0) >= documents })
        #expect(before < documents, "the aggregator was killed mid-run")
        for n in 1...documents {
            let report = try #require(try mesh.report("restart-\(n)"), "restart-\(n) lost")
            #expect(report.suggestions.filter { $0.rule == "grammar.repeated-word" }.count == 1)
        }
        // Completion is announced exactly once per document.
        Thread.sleep(forTimeInterval: 1.5)
        #expect(try connection.xlen(Streams.reports) == documents)
        for type in SpecialistType.allCases {
            #expect(try connection.xpending(Streams.suggestions(type), group: Groups.aggregator).count == 0)
        }
    }

    @Test func malformedMessagesGoToDeadLettersAndServicesKeepRunning() throws {
        let mesh = try Mesh()
        try mesh.startAll()
        let connection = try mesh.redis.connect()
        try connection.xadd(Streams.chunks, fields: [StreamField("v", "1.0"), StreamField("kind", "chunk"), StreamField("enc", "json"), StreamField("body", "{not json")])
        try connection.xadd(Streams.chunks, fields: [StreamField("v", "4.0"), StreamField("kind", "chunk"), StreamField("enc", "json"), StreamField("body", "{}")])
        #expect(waitUntil(timeout: 30) { ((try? connection.xlen(Streams.deadLetter)) ?? 0) == 2 })
        let reasons = try connection.xrange(Streams.deadLetter).compactMap { $0.string("reason") }
        #expect(reasons.contains { $0.hasPrefix("malformed body") })
        #expect(reasons.contains { $0.contains("unsupported protocol version '4.0'") })
        // The coordinator is still there and still works.
        let path = try mesh.write("after.md", "It works after the the bad ones.\n")
        let run = try mesh.produce(["--doc_id", "after", "--file", path, "--wait", "--timeout", "60", "--fail-on", "none"])
        #expect(run.code == 0)
        #expect(try mesh.report("after")?.suggestions.contains { $0.rule == "grammar.repeated-word" } == true)
        #expect(try connection.xpending(Streams.chunks, group: Groups.coordinator).count == 0)
    }

    @Test func servicesAnswerProbesAndShutDownCleanlyOnSIGTERM() throws {
        let mesh = try Mesh()
        try mesh.startAll()
        let port = try #require(mesh.httpPort("coordinator"))
        #expect(httpGet(port: port, path: "/healthz")?.status == 200)
        #expect(waitUntil(timeout: 10) { httpGet(port: port, path: "/readyz")?.status == 200 })
        let metrics = try #require(httpGet(port: port, path: "/metrics"))
        #expect(metrics.body.contains("# TYPE mesh_messages_handled_total counter"))
        for name in ["coordinator", "grammar-1", "aggregator"] {
            let process = try #require(mesh.services[name])
            #expect(process.terminate(grace: 15) == 0, "\(name) did not exit cleanly: \(mesh.logText(name))")
            #expect(mesh.logText(name).contains("msg=stopped"))
        }
    }

    @Test func anUnknownSpecialistTypeExitsListingTheValidOnes() throws {
        let mesh = try Mesh()
        let process = try ChildProcess(
            executable: try Mesh.binary("mesh-specialist"), arguments: ["--type", "poetry"], environment: mesh.environment,
            stdoutPath: mesh.log("poetry"), stderrPath: mesh.log("poetry")
        )
        #expect(process.wait() != 0)
        #expect(mesh.logText("poetry").contains("valid types: grammar, clarity, tone, structure"))
    }

    @Test func everyServiceReportsItsVersionAndLibraries() throws {
        let mesh = try Mesh()
        for name in ["mesh-producer", "mesh-coordinator", "mesh-specialist", "mesh-aggregator"] {
            let process = try ChildProcess(
                executable: try Mesh.binary(name), arguments: ["--version"], environment: mesh.environment, stdoutPath: mesh.log(name)
            )
            #expect(process.wait() == 0)
            let text = mesh.logText(name)
            #expect(text.hasPrefix("\(name) 0.1.0\n"))
            #expect(text.contains("MeshProtocol 0.1.0"))
            #expect(text.contains("MeshRedis 0.1.0"))
        }
    }
}
