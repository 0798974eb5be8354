import ArgumentParser
import Foundation
import MeshText
import MeshProtocol
import MeshRedis
import MeshReports
import MeshService
import MeshWorker

let serviceVersion = "0.1.0"

@main
struct Aggregator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mesh-aggregator",
        abstract: "Collects every specialist's review of every chunk and publishes each document's report once.",
        discussion: """
            Reads doc.suggestions.<type> for every specialist in group aggregator-group. Each review is stored \
            in the hash doc:results:<doc> (one field per specialist and chunk, written once, so a redelivered \
            review adds nothing). When the hash is complete the report is stored at doc:report:<doc> and \
            announced on doc.reports, guarded by doc:completed:<doc> so it happens exactly once, whatever the \
            number of replicas. All state is in Redis: a restart loses nothing.
            """,
        version: meshVersionText("mesh-aggregator", serviceVersion, linking: [("MeshAgents", MeshAgentsLibrary.version)])
    )

    @Option(help: "Comma-separated specialists whose suggestion streams to read. Env: SPECIALISTS (default: all four).")
    var specialists: String?

    @Option(name: .customLong("report-ttl"), help: "Seconds a finished report is kept. Env: REPORT_TTL_SECONDS (default 604800, a week).")
    var reportTTL: Int?

    @OptionGroup var redis: RedisOptions
    @OptionGroup var runtime: RuntimeOptions

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let types = try enabledSpecialists(flag: specialists)
        let ttl = reportTTL ?? Int(env["REPORT_TTL_SECONDS"] ?? "") ?? 604_800
        guard ttl > 0 else { throw ValidationError("report TTL must be positive") }

        let service = ServiceRuntime(name: "aggregator", redis: try redis.configuration(), options: try runtime.resolve())
        for type in types {
            let options = service.workerOptions(stream: Streams.suggestions(type), group: Groups.aggregator, deadLetterStream: Streams.deadLetter)
            service.addWorker(options) { Collect(reportTTL: ttl) }
        }
        throw ExitCode(try service.run())
    }
}

/// Stores one review; when the document is complete, publishes its report exactly once.
struct Collect: StreamHandler {
    let reportTTL: Int
    let codec = WireCodec()
    /// `doc.reports` has no consumer group to acknowledge it: it keeps about this many newest announcements.
    /// A waiting producer also reads `doc:report:<doc>` itself, so nothing it waits for is lost to trimming.
    static let reportsKept = 10_000
    /// HSETNX + EXPIRE + HLEN of the results hash, unless the document is already complete (then -1).
    static let record = """
        if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
        redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
        redis.call('EXPIRE', KEYS[1], ARGV[3])
        return redis.call('HLEN', KEYS[1])
        """

    func handle(_ delivery: Delivery, connection: RedisConnection) throws -> HandlerOutcome {
        // Decoded in full, so a malformed review is dead-lettered now rather than stalling its document;
        // stored as the JSON it came as, with no second encoding.
        let json = try codec.body(of: ChunkReview.self, from: delivery.entry.wireFields)
        let review = try codec.decode(ChunkReview.self, json: json)
        // Counts, indexes and the specialist list were checked when decoding (WireLimits), so the product
        // below cannot overflow: at most 100,000 chunks times four specialists.

        // Recording is idempotent (HSETNX), so it may happen before the commit: a crash here is harmless.
        // A review redelivered after its document completed (this worker was killed before its XACK while
        // another worker finished the document) is only acknowledged: recording it would bring back
        // doc:results:<doc>, which completion deleted, and leave it until it expires. Checked in the same
        // script as the HSETNX, so a completion cannot slip in between.
        let results = Keys.results(review.docId)
        let field = "\(review.specialist.rawValue):\(review.chunkIndex)"
        let reply = try connection.send(
            "EVAL", .string(Self.record), 2, .string(results), .string(Keys.completed(review.docId)),
            .string(field), .bytes(json), .int(reportTTL)
        ).throwingServerError()
        let expected = review.chunkCount * review.specialists.count
        guard let stored = reply.int, stored >= expected else { return .acknowledge }

        let report = try assemble(review.docId, from: results, connection: connection)
        let ready = ReportReady(docId: review.docId, key: Keys.report(review.docId), total: report.summary.total)
        return .commitGuarded(
            guard: ["SET", .string(Keys.completed(review.docId)), "1", "NX", "EX", .int(reportTTL)],
            then: [
                ["SET", .string(Keys.report(review.docId)), .bytes(WireCodec.json(report)), "EX", .int(reportTTL)],
                RedisConnection.xaddArguments(Streams.reports, fields: codec.streamFields(ready), approximateMaxLength: Self.reportsKept),
                ["DEL", .string(results)],
            ]
        )
    }

    private func assemble(_ docId: String, from key: String, connection: RedisConnection) throws -> Report {
        let flat = try connection.send("HGETALL", .string(key)).array ?? []
        var reviews: [ChunkReview] = []
        let decoder = JSONDecoder()
        for index in stride(from: 1, to: flat.count, by: 2) {
            guard let bytes = flat[index].bytes else { continue }
            reviews.append(try decoder.decode(ChunkReview.self, from: Data(bytes)))
        }
        return ReportAssembly.assemble(docId: docId, reviews: reviews, readability: Readability.scores)
    }
}
