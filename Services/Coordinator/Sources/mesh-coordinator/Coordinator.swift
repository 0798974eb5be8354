import ArgumentParser
import Foundation
import MeshProtocol
import MeshRedis
import MeshService
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

/// Decodes a chunk, stamps the specialists that will review it, and writes it to each one's review stream.
struct FanOut: StreamHandler {
    let types: [SpecialistType]
    let codec = WireCodec()

    func handle(_ delivery: Delivery, connection: RedisConnection) throws -> HandlerOutcome {
        var chunk = try codec.decode(Chunk.self, from: delivery)
        guard chunk.count > 0, (0..<chunk.count).contains(chunk.index), !chunk.docId.isEmpty else {
            return .deadLetter(reason: "chunk \(chunk.index) of \(chunk.count) of document '\(chunk.docId)' is inconsistent")
        }
        chunk.specialists = types
        let fields = codec.streamFields(chunk)
        return .commit(types.map { RedisConnection.xaddArguments(Streams.review($0), fields: fields) })
    }
}
