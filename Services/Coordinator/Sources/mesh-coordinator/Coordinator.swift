import ArgumentParser
import FoundationEssentials
import MeshProtocol
import MeshRedis
import MeshService
import CoordinatorHandler
import MeshWorker

let serviceVersion = "0.1.0"

@main
struct Coordinator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mesh-coordinator",
        abstract: "Fans each chunk on doc.chunks out to doc.review.<type> for every enabled specialist.",
        discussion: """
            Reads doc.chunks in group coordinator-group. Each chunk is written to the review stream of every \
            enabled specialist with the list of those specialists, so the aggregator knows what to wait for. \
            Malformed entries go to doc.deadletter with the reason.
            """,
        version: meshVersionText("mesh-coordinator", serviceVersion)
    )

    @Option(help: "Comma-separated specialists to fan out to. Env: SPECIALISTS (default: grammar,clarity,tone,structure).")
    var specialists: String?

    @OptionGroup var redis: RedisOptions
    @OptionGroup var runtime: RuntimeOptions

    func run() throws {
        let types = try enabledSpecialists(flag: specialists)

        let service = ServiceRuntime(name: "coordinator", redis: try redis.configuration(), options: try runtime.resolve())
        let options = service.workerOptions(stream: Streams.chunks, group: Groups.coordinator, deadLetterStream: Streams.deadLetter)
        service.addWorker(options) { FanOut(types: types) }
        service.log.info("fanning out", ["specialists": types.map(\.rawValue).joined(separator: ",")])
        throw ExitCode(try service.run())
    }
}
