// A worker process for MeshWorker's tests: consumes STREAM in GROUP as CONSUMER and, for every entry,
// appends one entry to OUT naming the source id. SLEEP_MS slows each entry down so a test can SIGKILL
// the process mid-batch. An entry with a field `crash` stops the process the way a trap in a handler would
// (a bug no `catch` can see); on dead-lettering one it appends a `gap` entry to OUT, as a specialist answers
// "not reviewed". MAX_DELIVERIES sets the worker's limit. Prints "ready" once its group exists.
import Foundation
import MeshRedis
import MeshWorker

struct EchoHandler: StreamHandler {
    let out: String
    let sleep: Double

    func handle(_ delivery: Delivery, redis: any RedisCommands) throws -> HandlerOutcome {
        if sleep > 0 { Thread.sleep(forTimeInterval: sleep) }
        if delivery.entry["crash"] != nil { fatalError("entry \(delivery.entry.id) crashes the handler") }
        return .commit([RedisConnection.xaddArguments(out, fields: [StreamField("src", delivery.entry.id)])])
    }

    func deadLetterCommands(_ delivery: Delivery, reason: String) -> [[RedisArgument]] {
        [RedisConnection.xaddArguments(out, fields: [StreamField("gap", delivery.entry.id), StreamField("reason", reason)])]
    }
}

let env = ProcessInfo.processInfo.environment
do {
    let connection = try RedisConnection(try RedisConfiguration.fromEnvironment())
    var options = WorkerOptions(
        stream: env["STREAM"] ?? "in", group: env["GROUP"] ?? "g", consumer: env["CONSUMER"] ?? "w",
        deadLetterStream: "dead"
    )
    options.batchSize = Int(env["BATCH"] ?? "") ?? 16
    options.maxDeliveries = Int(env["MAX_DELIVERIES"] ?? "") ?? 5
    options.block = .milliseconds(100)
    let worker = StreamWorker(
        connection: connection, options: options,
        handler: EchoHandler(out: env["OUT"] ?? "out", sleep: (Double(env["SLEEP_MS"] ?? "") ?? 0) / 1000)
    )
    try worker.ensureGroup()
    FileHandle.standardOutput.write(Data("ready\n".utf8))
    worker.run(until: StopSignal())
} catch {
    FileHandle.standardError.write(Data("meshredis-test-worker: \(error)\n".utf8))
    exit(1)
}
