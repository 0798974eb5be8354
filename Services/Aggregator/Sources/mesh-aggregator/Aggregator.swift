import ArgumentParser
import FoundationEssentials
import MeshText
import MeshProtocol
import MeshRedis
import MeshReports
import MeshService
import AggregatorHandler
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
        // One cache for the four workers: a document's reviews arrive on all four streams.
        let cache = ReviewCache()
        for type in types {
            let options = service.workerOptions(stream: Streams.suggestions(type), group: Groups.aggregator, deadLetterStream: Streams.deadLetter)
            service.addWorker(options) { Collect(reportTTL: ttl, cache: cache) }
        }
        throw ExitCode(try service.run())
    }
}
