import ArgumentParser
import Foundation
import MeshAgents
import MeshProtocol
import MeshRedis
import MeshService
import SpecialistHandler
import MeshText
import MeshWorker

let serviceVersion = "0.1.0"

@main
struct Specialist: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mesh-specialist",
        abstract: "Reviews chunks as one kind of specialist: grammar, clarity, tone or structure.",
        discussion: """
            Reads doc.review.<type> in group <type>-group and writes one review per chunk to \
            doc.suggestions.<type>. Add replicas to scale: they share the group's work. With --jsonl it runs \
            without Redis, reading {"id","text"} lines on standard input and writing results on standard output.
            """,
        version: meshVersionText("mesh-specialist", serviceVersion, linking: [("MeshAgents", MeshAgentsLibrary.version)])
    )

    @Option(name: .customLong("type"), help: "grammar, clarity, tone or structure ('all' or a list with --jsonl). Env: SPECIALIST_TYPE.")
    var type: String?

    @Flag(help: "Batch mode without Redis: JSONL texts on stdin, results on stdout.")
    var jsonl = false

    @Option(help: "A .mesh.yaml to use. Env: MESH_CONFIG. Default: the nearest .mesh.yaml from the working directory up.")
    var config: String?

    @OptionGroup var redis: RedisOptions
    @OptionGroup var runtime: RuntimeOptions

    func run() throws {
        let name = type ?? ProcessInfo.processInfo.environment["SPECIALIST_TYPE"] ?? ""
        let meshConfig = try loadConfig()
        if jsonl {
            let types = name.isEmpty || name == "all" ? SpecialistType.allCases : try parseTypes(name)
            try JSONLBatch.run(types: types, config: meshConfig, readLine: { Swift.readLine(strippingNewline: true) }) { print($0) }
            return
        }
        guard let kind = SpecialistType(rawValue: name) else {
            throw ValidationError(
                name.isEmpty ? "--type is required; valid types: \(SpecialistType.validNames)"
                    : "unknown specialist type '\(name)'; valid types: \(SpecialistType.validNames)")
        }
        let service = ServiceRuntime(name: "\(kind.rawValue)-agent", redis: try redis.configuration(), options: try runtime.resolve())
        let options = service.workerOptions(stream: Streams.review(kind), group: Groups.specialist(kind), deadLetterStream: Streams.deadLetter)
        let engine = ReviewEngine(config: meshConfig, limits: try limits())
        // The grammar check asks for a suggestion for every misspelt word, for as long as it runs: the speller and
        // its suggestion filter are loaded now, before the first chunk waits on them, and while the heap is small
        // (built later, the filter's working arrays came on top of the batches in hand: 1.2 MB more peak RSS).
        if kind == .grammar { Speller.shared.prepareSuggestions() }
        service.log.info("limits", ["max_chunk_chars": String(engine.limits.maxChunkCharacters),
                                    "chunk_time_budget": engine.limits.timeBudget.map { "\($0)" } ?? "none"])
        service.addWorker(options) { Review(type: kind, engine: engine) }
        throw ExitCode(try service.run())
    }

    /// `MAX_CHUNK_CHARS` (default 65,536) and `CHUNK_TIME_BUDGET_SECONDS` (default 5; 0 for none): a chunk over
    /// either is answered "not reviewed", with the reason, instead of holding up every document behind it.
    private func limits() throws -> ReviewLimits {
        let env = ProcessInfo.processInfo.environment
        var limits = ReviewLimits.default
        if let text = env["MAX_CHUNK_CHARS"], !text.isEmpty {
            guard let n = Int(text), n >= 1 else { throw ValidationError("MAX_CHUNK_CHARS '\(text)' is not a positive number") }
            limits.maxChunkCharacters = n
        }
        if let text = env["CHUNK_TIME_BUDGET_SECONDS"], !text.isEmpty {
            guard let s = Double(text), s >= 0, s <= 86_400 else {
                throw ValidationError("CHUNK_TIME_BUDGET_SECONDS '\(text)' is not a number from 0 to 86400")
            }
            limits.timeBudget = s == 0 ? nil : .milliseconds(Int(s * 1000))
        }
        return limits
    }

    private func parseTypes(_ list: String) throws -> [SpecialistType] {
        do { return try SpecialistType.parseList(list) } catch { throw ValidationError("\(error)") }
    }

    private func loadConfig() throws -> MeshConfig {
        do {
            let explicit = config ?? ProcessInfo.processInfo.environment["MESH_CONFIG"]
            guard let file = try MeshConfig.File.find(explicit: explicit, searchingFrom: FileManager.default.currentDirectoryPath)
            else { return .default }
            return try MeshConfig.parse(yaml: file.text, path: file.path)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
