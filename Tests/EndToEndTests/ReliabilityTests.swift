import Foundation
import MeshProtocol
import MeshRedis
import MeshRedisTesting
import MeshService
import Testing

/// Bad input loses nothing and stops nothing: the cases that once hung or crash-looped the mesh, each as it
/// was seen. Part of the serialized pipeline suite (each test starts its own mesh).
extension PipelineTests {
    static let codec = WireCodec()

    /// Dead letters as (origin stream, reason).
    static func deadLetters(_ connection: RedisConnection) throws -> [(origin: String, reason: String)] {
        try connection.xrange(Streams.deadLetter).compactMap { entry in
            guard let reason = entry.string("reason") else { return nil }
            return (entry.string("origin-stream") ?? "", reason)
        }
    }

    /// The entry that crash-looped the aggregator (`chunkCount * specialists.count` overflowed) and, when it
    /// was finally dead-lettered, took valid reviews of another document with it.
    @Test func aCraftedHugeCountIsDeadLetteredNamingTheFieldAndAnotherDocumentCompletes() throws {
        let mesh = try Mesh()
        try mesh.startAll()
        let connection = try mesh.redis.connect()
        let huge = 4_611_686_018_427_387_904
        let chunk = Chunk(docId: "crafted", index: 0, count: huge, source: "x.md", format: .markdown, kind: .paragraph,
                          text: "Hello there.", segments: [TextSegment(textOffset: 0, position: SourcePosition(offset: 0, line: 1, column: 1))])
        try connection.xadd(Streams.chunks, fields: Self.codec.streamFields(chunk))
        let review = ChunkReview(docId: "crafted", chunkIndex: 0, chunkCount: huge, specialist: .grammar, specialists: SpecialistType.allCases,
                                 source: "x.md", suggestions: [])
        // Straight onto the aggregator's stream, between the reviews of a real document.
        var paragraphs = ""
        for n in 0..<40 { paragraphs += "Paragraph \(n) has the the mistake.\n\n" }
        let path = try mesh.write("innocent.md", paragraphs)
        let submit = try mesh.produce(["--doc_id", "innocent", "--file", path])
        #expect(submit.code == 0, "\(submit.err)")
        for _ in 0..<5 { try connection.xadd(Streams.suggestions(.grammar), fields: Self.codec.streamFields(review)) }

        #expect(waitUntil(timeout: 120) { (try? mesh.report("innocent")) != nil }, "the innocent document completes")
        let report = try #require(try mesh.report("innocent"))
        #expect(report.suggestions.filter { $0.rule == "grammar.repeated-word" }.count == 40)
        #expect(report.incomplete == nil)
        #expect(waitUntil(timeout: 30) { ((try? Self.deadLetters(connection).count) ?? 0) == 6 })
        let letters = try Self.deadLetters(connection)
        #expect(letters.filter { $0.origin == Streams.chunks }.map(\.reason) == ["invalid field 'count': \(huge) is outside 1...100000 chunks"])
        #expect(letters.filter { $0.origin == Streams.suggestions(.grammar) }.map(\.reason)
            == Array(repeating: "invalid field 'chunkCount': \(huge) is outside 1...100000 chunks", count: 5))
        #expect(mesh.services["aggregator"]?.isRunning == true)
        for type in SpecialistType.allCases {
            #expect(try connection.xpending(Streams.suggestions(type), group: Groups.aggregator).count == 0)
        }
    }

    /// A chunk that keeps killing its specialist is dead-lettered after MAX_DELIVERIES, and its document still
    /// completes: the report says which chunk was not reviewed and why, and the producer exits 2.
    @Test func aChunkDeadLetteredAtItsSpecialistLeavesAGapNotAHang() throws {
        let mesh = try Mesh()
        let connection = try mesh.redis.connect()
        let chunk = Chunk(
            docId: "ghost", index: 0, count: 1, source: "ghost.md", format: .markdown, kind: .paragraph, text: "It crashed every replica.",
            segments: [TextSegment(textOffset: 0, position: SourcePosition(offset: 10, line: 3, column: 1))], specialists: [.grammar])
        let stream = Streams.review(.grammar)
        try connection.xgroupCreate(stream, group: Groups.specialist(.grammar))
        try connection.xadd(stream, fields: Self.codec.streamFields(chunk))
        // Replicas that read it and died, six times over (each read of a pending entry counts a delivery); the
        // live replica takes it over after the visibility timeout and must not hand it to the rules again.
        _ = try connection.xreadGroup(group: Groups.specialist(.grammar), consumer: "dead-replica", streams: [(stream, ">")])
        for _ in 0..<5 { _ = try connection.xreadGroup(group: Groups.specialist(.grammar), consumer: "dead-replica", streams: [(stream, "0")]) }
        try mesh.startAll(visibilityTimeout: 1)
        #expect(waitUntil(timeout: 60) { (try? mesh.report("ghost")) != nil })
        let report = try #require(try mesh.report("ghost"))
        let gap = try #require(report.incomplete?.first)
        #expect(report.incomplete?.count == 1)
        #expect(gap.specialist == .grammar)
        #expect(gap.chunk == 0)
        #expect(gap.range?.start.line == 3)
        #expect(gap.reason.hasPrefix("dead-lettered: delivered 7 times without success"), "\(gap.reason)")
        let letters = try Self.deadLetters(connection)
        #expect(letters.map(\.origin) == [stream])
        #expect(try connection.xpending(stream, group: Groups.specialist(.grammar)).count == 0)
    }

    @Test func aFolderOrAnOversizedFileIsRefusedWithExitThreeAndNothingIsSent() throws {
        let mesh = try Mesh()
        let folder = mesh.directory.appendingPathComponent("docs").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let run = try mesh.produce(["--doc_id", "x", folder])
        #expect(run.code == 3)
        #expect(run.err == "mesh-producer: \(folder) is a folder: give the files in it (e.g. \(folder)/*.md); nothing was sent\n")
        let big = try mesh.write("big.md", String(repeating: "Words and more words.\n", count: 100))
        let tooBig = try mesh.produce(["--doc_id", "y", big, "--max-document-bytes", "1000"])
        #expect(tooBig.code == 3)
        #expect(tooBig.err.contains("is larger than 1000 bytes"))
        let missing = try mesh.produce(["--doc_id", "z", mesh.directory.appendingPathComponent("nope.md").path])
        #expect(missing.code == 3)
        #expect(missing.err.contains("no such file"))
        #expect(try mesh.redis.connect().xlen(Streams.chunks) == 0)
    }

    /// CI can tell a failed review from a failed run: 0 clean, 1 findings, 4 no Redis, 5 timeout (naming what
    /// holds the work), 64 bad flags.
    @Test func exitStatusesTellAReviewFromARun() throws {
        let mesh = try Mesh()
        let clean = try mesh.write("clean.md", "This sentence is fine.\n")
        let dirty = try mesh.write("dirty.md", "This has the the mistake.\n")
        // Nothing consumes yet: the producer times out and says where the work sits.
        let timedOut = try mesh.produce(["--doc_id", "slow", clean, "--wait", "--timeout", "1"])
        #expect(timedOut.code == 5)
        #expect(timedOut.err.contains("timed out waiting for the report of slow"))
        #expect(timedOut.err.contains("are the coordinator, the specialists and the aggregator running?"))
        try mesh.startAll()
        #expect(try mesh.produce(["--doc_id", "c", clean, "--wait", "--timeout", "60"]).code == 0)
        #expect(try mesh.produce(["--doc_id", "d", dirty, "--wait", "--timeout", "60"]).code == 1)
        #expect(try mesh.produce(["--doc_id", "d2", dirty, "--wait", "--timeout", "60", "--fail-on", "none"]).code == 0)
        #expect(try mesh.produce(["--doc_id", "e", clean, "--fail-on", "sometimes"]).code == 64)
        let noRedis = try mesh.produce(["--doc_id", "f", clean, "--redis-port", String(try RedisTestServer.freePort())])
        #expect(noRedis.code == 4)
        #expect(noRedis.err.hasPrefix("mesh-producer: redis: "))
    }

    /// Streams are trimmed once every group has acknowledged their entries, so Redis does not grow with every document.
    @Test func acknowledgedEntriesAreTrimmedFromEveryWorkStream() throws {
        let mesh = try Mesh()
        try mesh.startAll()
        let connection = try mesh.redis.connect()
        var paths: [String] = []
        for n in 0..<20 { paths.append(try mesh.write("t\(n).md", "# Doc \(n)\n\nA paragraph with the the slip.\n\nAnother one.\n")) }
        let run = try mesh.produce(["--doc_id", "trim", "--wait", "--timeout", "120", "--fail-on", "none"] + paths)
        #expect(run.code == 0, "\(run.err)")
        let streams = [Streams.chunks] + SpecialistType.allCases.flatMap { [Streams.review($0), Streams.suggestions($0)] }
        #expect(waitUntil(timeout: 30) { streams.allSatisfy { ((try? connection.xlen($0)) ?? -1) == 0 } },
                "\(streams.map { "\($0)=\((try? connection.xlen($0)) ?? -1)" })")
        // The results hashes are gone once their reports are out.
        #expect(try connection.send("KEYS", "doc:results:*").array?.isEmpty == true)
    }

    /// With AOF on, a Redis restart while a producer waits loses nothing: the services and the producer
    /// reconnect, and the report comes (it used to exit 1 with "Server closed the connection").
    @Test func aRedisRestartWithAOFLosesNoDocumentInFlight() throws {
        let mesh = try Mesh(redisArguments: ["--appendonly", "yes", "--appendfsync", "everysec"])
        let path = try mesh.write("flight.md", "A paragraph with the the slip.\n\nAnother paragraph.\n")
        // Submitted before any service runs, so the whole document is in flight when Redis restarts.
        let waiting = try mesh.startProducer(["--doc_id", "flight", path, "--wait", "--timeout", "90", "--fail-on", "none"])
        // One entry: the two paragraphs and the outline chunk travel together (protocol 2.0 batches).
        #expect(waitUntil(timeout: 30) { ((try? mesh.redis.connect().xlen(Streams.chunks)) ?? 0) == 1 })
        try mesh.redis.restart(down: 1)
        #expect(try mesh.redis.connect().xlen(Streams.chunks) == 1, "AOF kept the document")
        try mesh.startAll()
        let run = waiting.finish(timeout: 120)
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("[grammar.repeated-word]"))
    }

    /// Services connected through a Unix socket when Redis restarts under them mid-document: on such a socket the
    /// first write after Redis closed it raised SIGPIPE, which ended the service (grammar, committing a batch).
    /// Every service must reconnect instead, and the document complete.
    @Test func servicesOnAUnixSocketRideOutARedisRestartMidDocument() throws {
        let mesh = try Mesh(redisArguments: ["--appendonly", "yes", "--appendfsync", "everysec"], socket: true)
        try mesh.startAll()
        let waiting = try mesh.startProducer(["--paragraphs", "1500", "--doc_id", "big", "--wait", "--timeout", "240", "--fail-on", "none"])
        // Restarted while the grammar specialist holds entries it is reviewing: its commit is the write that follows.
        #expect(waitUntil(timeout: 60) {
            (try? mesh.redis.connect().send("XPENDING", "doc.review.grammar", "grammar-group").array?.first?.int ?? 0) ?? 0 > 0
        })
        try mesh.redis.restart(down: 1)
        let run = waiting.finish(timeout: 300)
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("[grammar."))
        #expect(mesh.logText("grammar-1").contains("redis=\(mesh.redis.socketPath!)"), "the services use the socket")
        for (name, process) in mesh.services { #expect(process.isRunning, "\(name) exited: \(mesh.logText(name).suffix(500))") }
    }

    /// "Does the dog" (did/does + determiner + one word at the end of a text) crashed the grammar specialist, and
    /// a document containing it waited forever.
    @Test func theSentenceThatCrashedGrammarIsReviewed() throws {
        let mesh = try Mesh()
        try mesh.startAll()
        let path = try mesh.write("dog.md", "# Dogs\n\nDoes the dog\n\nDid a cat\n\nIt has the the slip.\n")
        let run = try mesh.produce(["--doc_id", "dog", path, "--wait", "--timeout", "120", "--fail-on", "none", "--output-format", "json"])
        #expect(run.code == 0, "\(run.err)")
        let report = try #require(try mesh.report("dog"))
        #expect(report.incomplete == nil)
        #expect(report.suggestions.contains { $0.rule == "grammar.repeated-word" })
        for type in SpecialistType.allCases { #expect(mesh.services["\(type.rawValue)-1"]?.isRunning == true) }
    }

    /// One 10 MB line kept three specialists busy for over ten minutes while everything queued behind it. Now
    /// a chunk over MAX_CHUNK_CHARS is answered "not reviewed" at once, the report says so, and the next
    /// document is not held up.
    @Test func aHugeParagraphIsReportedAsNotReviewedAndHoldsNothingUp() throws {
        let mesh = try Mesh()
        try mesh.startAll()
        let sentence = "The build runs every step of the pipeline again and writes the logs. "
        let line = String(repeating: sentence, count: 10_000_000 / sentence.utf8.count)
        let huge = try mesh.write("huge.md", "# Huge\n\nA fine opening paragraph.\n\n" + line + "\n")
        let small = try mesh.write("small.md", "This has the the slip.\n")
        let run = try mesh.produce(["--doc_id", "huge", huge, "--wait", "--timeout", "300", "--fail-on", "none"])
        #expect(run.code == 2, "an incomplete report exits 2: \(run.err)")
        let report = try #require(try mesh.report("huge"))
        let gaps = report.incomplete ?? []
        #expect(Set(gaps.map(\.specialist)) == Set(SpecialistType.allCases.filter { $0 != .structure }) || Set(gaps.map(\.specialist)) == Set(SpecialistType.allCases))
        #expect(gaps.allSatisfy { $0.chunk == 2 && $0.range?.start.line == 5 })
        #expect(gaps.first?.reason.contains("more than the limit of 65,536") == true)
        #expect(run.out.contains("huge.md:5:1: warning: [mesh.unreviewed]"))
        #expect(run.out.contains("INCOMPLETE"))
        let next = try mesh.produce(["--doc_id", "small", small, "--wait", "--timeout", "60", "--fail-on", "none"])
        #expect(next.code == 0, "\(next.err)")
    }
}
