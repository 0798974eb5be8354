// A worker process for MeshWorker's tests: consumes STREAM in GROUP as CONSUMER and, for every entry,
// appends one entry to OUT naming the source id. SLEEP_MS slows each entry down so a test can SIGKILL
// the process mid-batch. Prints "ready" once its group exists.
import Foundation
import MeshRedis
import MeshWorker

struct EchoHandler: StreamHandler {
    let out: String
    let sleep: Double

    func handle(_ delivery: Delivery, connection: RedisConnection) throws -> HandlerOutcome {
        if sleep > 0 { Thread.sleep(forTimeInterval: sleep) }
        return .commit([RedisConnection.xaddArguments(out, fields: [StreamField("src", delivery.entry.id)])])
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
