// mesh-redis-bench: XADD and XADD+XACK throughput through MeshRedis (pipelined), next to `redis-benchmark -P 32`
// on the same server in the same run. A benchmark, not a test: it prints figures and asserts nothing.
//
// Usage: mesh-redis-bench [N]   (or BENCH_N=N; default 200000 entries per workload)
// Server: REDIS_HOST / REDIS_PORT or REDIS_SOCKET (and REDIS_DB, REDIS_USERNAME, REDIS_PASSWORD) if set; otherwise a
// private redis-server on a free loopback port, persistence off, stopped at the end.

import Foundation
import MeshRedis
import MeshRedisTesting

#if canImport(Glibc)
import Glibc
#endif

let pipelineDepth = 32
let environment = ProcessInfo.processInfo.environment
/// The private server, when this run started one; stopped on every way out.
var server: RedisTestServer?

@MainActor func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("mesh-redis-bench: \(message)\n".utf8))
    server?.stop()
    exit(1)
}

let requested = CommandLine.arguments.dropFirst().first ?? environment["BENCH_N"] ?? "200000"
guard let n = Int(requested), n >= pipelineDepth else { fail("N must be a whole number ≥ \(pipelineDepth), got '\(requested)'") }

// MARK: Server

let useExternal = ["REDIS_HOST", "REDIS_PORT", "REDIS_SOCKET"].contains { !(environment[$0] ?? "").isEmpty }
let configuration: RedisConfiguration
do {
    if useExternal {
        configuration = try RedisConfiguration.fromEnvironment()
    } else {
        let started = try RedisTestServer()
        server = started
        configuration = started.configuration
    }
} catch {
    fail("cannot start or configure Redis: \(error)")
}

let connection: RedisConnection
do {
    connection = try RedisConnection(configuration)
} catch {
    fail("cannot connect to \(configuration.endpoint): \(error)")
}

@MainActor func now() -> ContinuousClock.Instant { ContinuousClock.now }
@MainActor func seconds(since start: ContinuousClock.Instant) -> Double {
    let (s, atto) = (ContinuousClock.now - start).components
    return Double(s) + Double(atto) / 1e18
}

@MainActor @discardableResult func must<T>(_ what: String, _ body: () throws -> T) -> T {
    do { return try body() } catch { fail("\(what): \(error)") }
}

/// Sends `commands` in pipelined batches of `pipelineDepth`, failing on any error reply.
@MainActor func pipelined(_ commands: [[RedisArgument]]) throws {
    var start = 0
    while start < commands.count {
        let end = min(start + pipelineDepth, commands.count)
        for reply in try connection.pipeline(Array(commands[start..<end])) {
            if case .error(let text) = reply { throw RedisError.server(text) }
        }
        start = end
    }
}

let serverVersion: String = {
    guard let info = try? connection.send("INFO", "server").string else { return "?" }
    return info.split(whereSeparator: \.isNewline).first { $0.hasPrefix("redis_version:") }
        .map { String($0.dropFirst("redis_version:".count)) } ?? "?"
}()

// Keys: MeshRedis's own, and redis-benchmark's (the names the issue's command uses).
let meshAddStream = "mesh.bench.xadd"
let meshAckStream = "mesh.bench.xack"
let benchAddStream = "benchstream"
let benchAckStream = "benchackstream"
let group = "bench-group"
let allKeys: [RedisArgument] = [meshAddStream, meshAckStream, benchAddStream, benchAckStream].map { .string($0) }
must("DEL") { try connection.send(["DEL"] + allKeys) }

print("mesh-redis-bench: redis \(serverVersion) at \(configuration.endpoint)"
    + (server != nil ? " (private redis-server, persistence off)" : " (REDIS_HOST/REDIS_PORT/REDIS_SOCKET)"))
print("N = \(n) entries per workload, pipeline depth \(pipelineDepth), one connection for MeshRedis")
print("")

// MARK: 1. MeshRedis

let fields = [StreamField("f", "v")]
let xaddCommands = (0..<n).map { _ in RedisConnection.xaddArguments(meshAddStream, fields: fields) }

// XADD alone, pipelined.
var started = now()
must("XADD") { try pipelined(xaddCommands) }
let meshXaddSeconds = seconds(since: started)
let meshXaddRate = Double(n) / meshXaddSeconds

// XADD + XREADGROUP + XACK through a consumer group.
must("XGROUP CREATE") { try connection.xgroupCreate(meshAckStream, group: group, id: "0", mkstream: true) }
let ackStreamAdds = (0..<n).map { _ in RedisConnection.xaddArguments(meshAckStream, fields: fields) }
let readCount = 1000

started = now()
must("XADD") { try pipelined(ackStreamAdds) }
let meshAckAddSeconds = seconds(since: started)

started = now()
var ids: [String] = []
ids.reserveCapacity(n)
var readCommands = 0
while ids.count < n {
    let batch = must("XREADGROUP") {
        try connection.xreadGroup(group: group, consumer: "bench", count: readCount, streams: [(meshAckStream, ">")])
    }
    readCommands += 1
    let entries = batch.first?.entries ?? []
    if entries.isEmpty { fail("XREADGROUP returned nothing after \(ids.count) of \(n) entries") }
    ids.append(contentsOf: entries.map(\.id))
}
let meshReadSeconds = seconds(since: started)

// One id per XACK, so a command is comparable with redis-benchmark's one-id XACK.
let ackCommands: [[RedisArgument]] = ids.map { ["XACK", .string(meshAckStream), .string(group), .string($0)] }
started = now()
must("XACK") { try pipelined(ackCommands) }
let meshXackSeconds = seconds(since: started)
let meshXackRate = Double(n) / meshXackSeconds
let stillPending = must("XPENDING") { try connection.xpending(meshAckStream, group: group).count }
if stillPending != 0 { fail("\(stillPending) entries still pending after XACK") }

let meshPairSeconds = meshAckAddSeconds + meshXackSeconds
let meshPairRate = Double(2 * n) / meshPairSeconds
let meshEndToEndSeconds = meshAckAddSeconds + meshReadSeconds + meshXackSeconds
let meshEndToEndCommands = 2 * n + readCommands

// MARK: 2. redis-benchmark on the same server

let redisBenchmark: String = {
    for dir in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"] {
        let path = dir + "/redis-benchmark"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    fail("redis-benchmark not found on PATH (Debian: apt-get install redis-tools)")
}()

var connectionArgs = configuration.socketPath.map { ["-s", $0] } ?? ["-h", configuration.host, "-p", String(configuration.port)]
if configuration.database != 0 { connectionArgs += ["--dbnum", String(configuration.database)] }
if let auth = configuration.authentication {
    connectionArgs += ["-a", auth.password]
    if let user = auth.username { connectionArgs += ["--user", user] }
}

@MainActor func shellQuoted(_ arg: String) -> String {
    arg.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=".contains($0) } ? arg : "'" + arg.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

var commandsShown: [String] = []

/// Runs redis-benchmark with `arguments` (after the connection options) and returns its requests per second.
@MainActor func runRedisBenchmark(_ arguments: [String]) -> Double {
    let shown = ([redisBenchmark] + connectionArgs + arguments).map { arg in
        configuration.authentication.map { arg == $0.password ? "***" : arg } ?? arg
    }
    commandsShown.append(shown.map(shellQuoted).joined(separator: " "))
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("mesh-redis-bench-\(UUID().uuidString).out").path
    defer { try? FileManager.default.removeItem(atPath: output) }
    let child = must("redis-benchmark") {
        try ChildProcess(executable: redisBenchmark, arguments: connectionArgs + arguments, stdoutPath: output, stderrPath: output)
    }
    let status = child.wait()
    let text = String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self)
    // -q prints progress lines separated by \r, then "<command>: <rps> requests per second, p50=...".
    let line = text.split(whereSeparator: { $0 == "\r" || $0 == "\n" }).last { $0.contains("requests per second") }
    guard status == 0, let line, let colon = line.range(of: ": ", options: .backwards),
        let rate = Double(line[colon.upperBound...].prefix(while: { $0.isNumber || $0 == "." }))
    else { fail("redis-benchmark exited \(status) without a rate:\n\(text)") }
    return rate
}

let nText = String(n)
let rbXadd = runRedisBenchmark(["-P", "32", "-n", nText, "-q", "XADD", benchAddStream, "*", "f", "v"])
let rbXaddOneClient = runRedisBenchmark(["-c", "1", "-P", "32", "-n", nText, "-q", "XADD", benchAddStream, "*", "f", "v"])

// XACK: fill a stream with ids 1-0 ... 1-(N-1), deliver them all to one consumer, then let redis-benchmark
// XACK random ids in that range (`__rand_int__` is a 12-digit number below -r, which Redis parses as the
// sequence). Drawn with replacement, about 63% of the XACKs find a pending entry; the rest find it already
// acknowledged, which is a little cheaper, so this row flatters redis-benchmark slightly.
must("XGROUP CREATE") { try connection.xgroupCreate(benchAckStream, group: group, id: "0", mkstream: true) }
must("XADD ids") { try pipelined((0..<n).map { RedisConnection.xaddArguments(benchAckStream, id: "1-\($0)", fields: fields) }) }
var delivered = 0
while delivered < n {
    let got = must("XREADGROUP") {
        try connection.xreadGroup(group: group, consumer: "bench", count: 10_000, streams: [(benchAckStream, ">")])
    }.first?.entries.count ?? 0
    if got == 0 { break }
    delivered += got
}
let rbXack = runRedisBenchmark(
    ["-P", "32", "-n", nText, "-r", nText, "-q", "XACK", benchAckStream, group, "1-__rand_int__"]
)
let rbXackOneClient = runRedisBenchmark(
    ["-c", "1", "-P", "32", "-n", nText, "-r", nText, "-q", "XACK", benchAckStream, group, "1-__rand_int__"]
)
// XADD then XACK of the same N entries, in commands per second.
@MainActor func pairRate(_ add: Double, _ ack: Double) -> Double { Double(2 * n) / (Double(n) / add + Double(n) / ack) }
let rbPair = pairRate(rbXadd, rbXack)
let rbPairOneClient = pairRate(rbXaddOneClient, rbXackOneClient)

must("DEL") { try connection.send(["DEL"] + allKeys) }

// MARK: Report

@MainActor func rate(_ value: Double) -> String { String(format: "%.0f", value) }
@MainActor func ratio(_ a: Double, _ b: Double) -> String { String(format: "%.2f", a / b) }
@MainActor func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return right ? fill + text : text + fill
}

print("MeshRedis (one connection, pipelined in batches of \(pipelineDepth)):")
@MainActor func line(_ label: String, _ value: Double, _ unit: String, _ note: String = "") {
    print("  " + pad(label, 22) + pad(rate(value), 9, right: true) + " " + unit + (note.isEmpty ? "" : "  " + note))
}
line("XADD", meshXaddRate, "commands/s", "(\(n) XADDs in \(String(format: "%.3f", meshXaddSeconds)) s)")
line("XADD (group stream)", Double(n) / meshAckAddSeconds, "commands/s")
line("XREADGROUP COUNT \(readCount)", Double(n) / meshReadSeconds, "entries/s", "(\(readCommands) commands)")
line("XACK (one id each)", meshXackRate, "commands/s")
line("XADD+XACK", meshPairRate, "commands/s", "= \(rate(Double(n) / meshPairSeconds)) entries/s")
line("XADD+XREADGROUP+XACK", Double(meshEndToEndCommands) / meshEndToEndSeconds, "commands/s",
    "= \(rate(Double(n) / meshEndToEndSeconds)) entries/s end to end")
print("")
print("redis-benchmark commands:")
for command in commandsShown { print("  \(command)") }
print("")

let rows: [(String, Double, Double, Double)] = [
    ("XADD", meshXaddRate, rbXadd, rbXaddOneClient),
    ("XACK", meshXackRate, rbXack, rbXackOneClient),
    ("XADD+XACK", meshPairRate, rbPair, rbPairOneClient),
]
let header = [pad("workload (cmd/s)", 18), pad("MeshRedis", 11, right: true), pad("redis-bench", 12, right: true),
    pad("ratio", 7, right: true), pad("rb -c 1", 11, right: true), pad("ratio", 7, right: true)]
print(header.joined(separator: " | "))
print(header.map { String(repeating: "-", count: $0.count) }.joined(separator: "-|-"))
for (name, mesh, rb, rbOne) in rows {
    print([pad(name, 18), pad(rate(mesh), 11, right: true), pad(rate(rb), 12, right: true), pad(ratio(mesh, rb), 7, right: true),
        pad(rate(rbOne), 11, right: true), pad(ratio(mesh, rbOne), 7, right: true)].joined(separator: " | "))
}
print("")
print("redis-bench: -P 32 with its default 50 connections; rb -c 1: -P 32 over one connection, like MeshRedis.")
print("XADD+XACK: 2N commands over the time of N XADDs plus N XACKs. Aim: MeshRedis ≥ 0.5 × redis-benchmark.")
server?.stop()
