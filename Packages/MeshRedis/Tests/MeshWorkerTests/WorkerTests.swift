import Foundation
import MeshRedis
import MeshRedisTesting
import MeshWorker
import Testing

/// Appends one entry to `out` per input entry, naming the source id and the consumer.
struct EchoHandler: StreamHandler {
    var out = "out"
    var consumer: String

    func handle(_ delivery: Delivery, redis: any RedisCommands) throws -> HandlerOutcome {
        if delivery.entry["poison"] != nil { throw HandlerFailure(text: "poisoned entry \(delivery.entry.id)") }
        if delivery.entry["malformed"] != nil { return .deadLetter(reason: "malformed: no body") }
        if delivery.entry["unreadable"] != nil { throw Unreadable() }
        return .commit([
            RedisConnection.xaddArguments(
                out,
                fields: [
                    StreamField("src", delivery.entry.id), StreamField("by", consumer),
                    StreamField("deliveries", String(delivery.deliveries)),
                ])
        ])
    }
}

struct Unreadable: PermanentFailure, CustomStringConvertible {
    var description: String { "unreadable: version 9.0" }
}

struct HandlerFailure: Error, CustomStringConvertible {
    var text: String
    var description: String { text }
}

func options(_ consumer: String) -> WorkerOptions {
    var options = WorkerOptions(stream: "in", group: "g", consumer: consumer, deadLetterStream: "dead")
    options.block = .milliseconds(50)
    return options
}

func outputs(_ redis: RedisConnection, _ key: String = "out") throws -> [StreamEntry] {
    (try redis.send("XRANGE", .string(key), "-", "+").array ?? []).map { item in
        let pair = item.array ?? []
        let flat = pair.count > 1 ? (pair[1].array ?? []) : []
        var fields: [StreamField] = []
        var i = 0
        while i + 1 < flat.count {
            fields.append(StreamField(flat[i].string ?? "", flat[i + 1].bytes ?? []))
            i += 2
        }
        return StreamEntry(id: pair.first?.string ?? "", fields: fields)
    }
}

func waitUntil(timeout: TimeInterval = 60, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.02)
    }
    return false
}

/// Starts a worker loop with an EchoHandler on its own thread.
func startWorker(_ server: RedisTestServer, options: WorkerOptions) throws -> WorkerThread {
    let config = server.configuration
    try RedisConnection(config).xgroupCreate(options.stream, group: options.group)
    return WorkerThread(name: options.consumer) { stop in
        guard let connection = try? RedisConnection(config) else { return }
        StreamWorker(connection: connection, options: options, handler: EchoHandler(consumer: options.consumer)).run(until: stop)
    }
}

extension WorkerThread {
    func finish() {
        stop()
        join()
    }
}

@Suite("Consumer-group worker against a real redis-server")
struct WorkerTests {
    @Test func twoWorkersShareTenThousandEntriesWithNoneLostOrRepeated() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        try redis.xgroupCreate("in", group: "g")
        let added = try redis.pipeline((0..<10_000).map { RedisConnection.xaddArguments("in", fields: [StreamField("n", String($0))]) })
        let ids = Set(added.compactMap(\.string))
        #expect(ids.count == 10_000)

        let a = try startWorker(server, options: options("a"))
        let b = try startWorker(server, options: options("b"))
        #expect(try waitUntil { try redis.xlen("out") >= 10_000 })
        a.finish()
        b.finish()

        let out = try outputs(redis)
        #expect(out.count == 10_000)
        #expect(Set(out.compactMap { $0.string("src") }) == ids)
        let byConsumer = Dictionary(grouping: out, by: { $0.string("by") ?? "" }).mapValues(\.count)
        #expect(byConsumer["a", default: 0] > 0)
        #expect(byConsumer["b", default: 0] > 0)
        #expect(try redis.xpending("in", group: "g").count == 0)
    }

    @Test func entriesOfAKilledWorkerAreReclaimedAfterTheVisibilityTimeout() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        try redis.xgroupCreate("in", group: "g")
        let added = try redis.pipeline((0..<100).map { RedisConnection.xaddArguments("in", fields: [StreamField("n", String($0))]) })
        let ids = added.compactMap(\.string)

        let log = FileManager.default.temporaryDirectory.appendingPathComponent("victim-\(UUID()).log").path
        var env = ProcessInfo.processInfo.environment.merging(server.environment) { $1 }
        env["CONSUMER"] = "victim"
        env["SLEEP_MS"] = "20"
        env["BATCH"] = "10"
        let victim = try ChildProcess(executable: try testWorkerPath(), arguments: [], environment: env, stdoutPath: log)
        #expect(victim.waitForOutput("ready"))
        #expect(try waitUntil { try redis.xlen("out") >= 5 })
        victim.signal(SIGKILL)
        #expect(victim.wait() == 128 + SIGKILL)
        let stranded = try redis.xpending("in", group: "g").consumers["victim"] ?? 0
        #expect(stranded > 0)

        var rescue = options("rescuer")
        rescue.visibilityTimeout = .milliseconds(300)
        rescue.reclaimInterval = .milliseconds(50)
        let rescuer = try startWorker(server, options: rescue)
        #expect(try waitUntil { try redis.xlen("out") >= 100 })
        rescuer.finish()

        let out = try outputs(redis)
        #expect(out.count == 100)
        #expect(Set(out.compactMap { $0.string("src") }) == Set(ids))
        // The stranded ones were delivered twice: once to the victim, once to the rescuer.
        #expect(out.filter { $0.string("deliveries") == "2" }.count >= stranded)
        #expect(try redis.xpending("in", group: "g").count == 0)
    }

    @Test func aMessageThatAlwaysFailsIsDeadLetteredAndTheWorkerGoesOn() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        var opts = options("w")
        opts.maxDeliveries = 3
        opts.visibilityTimeout = .milliseconds(30)
        opts.reclaimInterval = .milliseconds(10)
        let worker = try startWorker(server, options: opts)
        try redis.xadd("in", fields: [StreamField("n", "1")])
        let poison = try redis.xadd("in", fields: [StreamField("poison", "yes"), StreamField("body", [0, 255])])
        try redis.xadd("in", fields: [StreamField("n", "2")])

        #expect(try waitUntil { try redis.xlen("dead") == 1 })
        try redis.xadd("in", fields: [StreamField("n", "3")])
        #expect(try waitUntil { try redis.xlen("out") == 3 })
        worker.finish()

        let dead = try outputs(redis, "dead")
        #expect(dead.count == 1)
        let letter = try #require(dead.first)
        #expect(letter.string("reason")?.contains("delivered 4 times without success") == true)
        #expect(letter.string("reason")?.contains("poisoned entry \(poison)") == true)
        #expect(letter.string("origin-stream") == "in")
        #expect(letter.string("origin-id") == poison)
        #expect(letter.string("origin-group") == "g")
        #expect(letter["orig.body"] == [0, 255])
        #expect(letter.string("orig.poison") == "yes")
        #expect(try redis.xpending("in", group: "g").count == 0)
        #expect(try redis.xlen("dead") == 1)
    }

    @Test func aMalformedMessageIsDeadLetteredAtOnceWithItsReason() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        let worker = StreamWorker(connection: try server.connect(), options: options("w"), handler: EchoHandler(consumer: "w"))
        try worker.ensureGroup()
        let bad = try redis.xadd("in", fields: [StreamField("malformed", "1")])
        #expect(try worker.runOnce() == 1)
        let letter = try #require(try outputs(redis, "dead").first)
        #expect(letter.string("reason") == "malformed: no body")
        #expect(letter.string("origin-id") == bad)
        #expect(letter.string("deliveries") == "1")
        #expect(try redis.xlen("out") == 0)
        #expect(try redis.xpending("in", group: "g").count == 0)
    }

    @Test func aPermanentFailureIsDeadLetteredAtOnceWithoutRetries() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        let worker = StreamWorker(connection: try server.connect(), options: options("w"), handler: EchoHandler(consumer: "w"))
        try worker.ensureGroup()
        let bad = try redis.xadd("in", fields: [StreamField("unreadable", "1")])
        try redis.xadd("in", fields: [StreamField("n", "1")])
        #expect(try worker.runOnce() == 2)
        let letters = try outputs(redis, "dead")
        #expect(letters.count == 1)
        #expect(letters.first?.string("reason") == "unreadable: version 9.0")
        #expect(letters.first?.string("origin-id") == bad)
        #expect(letters.first?.string("deliveries") == "1")
        #expect(try redis.xlen("out") == 1)
        #expect(try redis.xpending("in", group: "g").count == 0)
    }

    @Test func afterARestartAWorkerFinishesItsOwnPendingEntriesFirst() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        try redis.xgroupCreate("in", group: "g")
        let first = try (0..<3).map { i throws(RedisError) in try redis.xadd("in", fields: [StreamField("n", String(i))]) }
        // "a" reads three entries and crashes before handling them.
        _ = try redis.xreadGroup(group: "g", consumer: "a", streams: [("in", ">")])
        let later = try redis.xadd("in", fields: [StreamField("n", "later")])

        let worker = StreamWorker(connection: try server.connect(), options: options("a"), handler: EchoHandler(consumer: "a"))
        #expect(try worker.runOnce() == 4)
        let out = try outputs(redis)
        #expect(out.compactMap { $0.string("src") } == first + [later])
        #expect(out.prefix(3).allSatisfy { $0.string("deliveries") == "2" })
        #expect(out.last?.string("deliveries") == "1")
    }

    /// The entry that crash-looped the aggregator took the other entries of its batch with it: each restart
    /// read the whole batch again, which counted a delivery for every entry, so after MAX_DELIVERIES restarts
    /// the innocent ones were dead-lettered too. Now only the entry that crashes the process is.
    @Test func anEntryThatCrashesTheProcessIsDeadLetteredAloneAcrossRestarts() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        try redis.xgroupCreate("in", group: "g")
        var ids: [String] = []
        for n in 0..<10 {
            ids.append(try redis.xadd("in", fields: n == 3 ? [StreamField("crash", "yes")] : [StreamField("n", String(n))]))
        }
        var env = ProcessInfo.processInfo.environment.merging(server.environment) { $1 }
        env["CONSUMER"] = "crashy"
        env["MAX_DELIVERIES"] = "3"
        var crashes = 0
        for _ in 0..<10 {
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("crashy-\(UUID()).log").path
            let worker = try ChildProcess(executable: try testWorkerPath(), arguments: [], environment: env, stdoutPath: log)
            let done = try waitUntil(timeout: 20) {
                if !worker.isRunning { return true }
                let pending = try redis.xpending("in", group: "g").count
                let answered = try redis.xlen("out")
                return pending == 0 && answered == 10
            }
            #expect(done)
            if worker.isRunning {
                _ = worker.terminate()
                break
            }
            crashes += 1
        }
        #expect(crashes == 3)
        let out = try outputs(redis)
        let served = out.compactMap { $0.string("src") }
        #expect(served.sorted() == ids.enumerated().filter { $0.offset != 3 }.map(\.element).sorted())
        #expect(Set(served).count == served.count)
        let gaps = out.filter { $0.string("gap") != nil }
        #expect(gaps.map { $0.string("gap") } == [ids[3]])
        #expect(gaps.first?.string("reason")?.contains("delivered 4 times without success") == true)
        let dead = try outputs(redis, "dead")
        #expect(dead.map { $0.string("origin-id") } == [ids[3]])
        #expect(try redis.xpending("in", group: "g").count == 0)
    }

    @Test func aDeadLetterCommitsTheHandlersOwnNoticeWithIt() throws {
        struct Notifying: StreamHandler {
            func handle(_ delivery: Delivery, redis: any RedisCommands) throws -> HandlerOutcome {
                .deadLetter(reason: "cannot read")
            }
            func deadLetterCommands(_ delivery: Delivery, reason: String) -> [[RedisArgument]] {
                [RedisConnection.xaddArguments("notices", fields: [StreamField("about", delivery.entry.id), StreamField("why", reason)])]
            }
        }
        let server = try RedisTestServer()
        let redis = try server.connect()
        let worker = StreamWorker(connection: try server.connect(), options: options("w"), handler: Notifying())
        try worker.ensureGroup()
        let id = try redis.xadd("in", fields: [StreamField("n", "1")])
        #expect(try worker.runOnce() == 1)
        let notice = try #require(try outputs(redis, "notices").first)
        #expect(notice.string("about") == id)
        #expect(notice.string("why") == "cannot read")
        #expect(try outputs(redis, "dead").first?.string("origin-id") == id)
    }

    @Test func acknowledgedEntriesAreTrimmedButNotWhatAnyGroupStillNeeds() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        var opts = options("w")
        opts.batchSize = 64
        let worker = StreamWorker(connection: try server.connect(), options: opts, handler: EchoHandler(consumer: "w"))
        try worker.ensureGroup()
        // A second group that has read nothing yet keeps every entry alive.
        try redis.xgroupCreate("in", group: "slow", id: "0")
        for n in 0..<20 { try redis.xadd("in", fields: [StreamField("n", String(n))]) }
        #expect(try worker.runOnce() == 20)
        #expect(try redis.xlen("in") == 20)
        // The slow group reads five and acknowledges three: the first three can go, the pending ones stay.
        let read = try redis.xreadGroup(group: "slow", consumer: "s", count: 5, streams: [("in", ">")]).first?.entries ?? []
        #expect(try redis.xack("in", group: "slow", ids: read.prefix(3).map(\.id)) == 3)
        try redis.xadd("in", fields: [StreamField("n", "20")])
        #expect(try worker.runOnce() == 1)
        #expect(try redis.xlen("in") == 18)
        let first = try #require(try redis.send("XRANGE", "in", "-", "+", "COUNT", 1).array?.first?.array?.first?.string)
        #expect(first == read[3].id)
        #expect(try redis.xlen("out") == 21)
    }

    @Test func aWorkerStuckOnAnEntryShowsInItsHeartbeat() throws {
        struct Slow: StreamHandler {
            func handle(_ delivery: Delivery, redis: any RedisCommands) throws -> HandlerOutcome {
                Thread.sleep(forTimeInterval: 0.6)
                return .acknowledge
            }
        }
        let server = try RedisTestServer()
        let redis = try server.connect()
        let heartbeat = WorkerHeartbeat()
        let config = server.configuration
        try redis.xgroupCreate("in", group: "g")
        let id = try redis.xadd("in", fields: [StreamField("n", "1")])
        let opts = options("w")
        let thread = WorkerThread(name: "slow") { stop in
            guard let connection = try? RedisConnection(config) else { return }
            StreamWorker(connection: connection, options: opts, handler: Slow(), heartbeat: heartbeat).run(until: stop)
        }
        #expect(waitUntil { heartbeat.busy != nil })
        #expect(heartbeat.busy?.id == id)
        #expect(waitUntil { heartbeat.busy == nil })
        thread.finish()
    }

    @Test func aGuardedCommitDecidesOnceAcrossEntries() throws {
        struct Once: StreamHandler {
            func handle(_ delivery: Delivery, redis: any RedisCommands) throws -> HandlerOutcome {
                .commitGuarded(
                    guard: ["SET", "done", "1", "NX"],
                    then: [RedisConnection.xaddArguments("published", fields: [StreamField("by", delivery.entry.id)])]
                )
            }
        }
        let server = try RedisTestServer()
        let redis = try server.connect()
        let worker = StreamWorker(connection: try server.connect(), options: options("w"), handler: Once())
        try worker.ensureGroup()
        let firstId = try redis.xadd("in", fields: [StreamField("n", "1")])
        try redis.xadd("in", fields: [StreamField("n", "2")])
        #expect(try worker.runOnce() == 2)
        let published = try outputs(redis, "published")
        #expect(published.map { $0.string("by") } == [firstId])
        #expect(try redis.xpending("in", group: "g").count == 0)
    }

    /// One entry written to several streams (the coordinator's fan-out) crosses to Redis once: the commit script
    /// takes a repeated command as its new key alone. Every stream gets the same entry, and a command that differs
    /// elsewhere goes in full.
    @Test func aFanOutSendsItsFieldsOnceAndWritesThemToEveryStream() throws {
        struct FanOut: StreamHandler {
            func handle(_ delivery: Delivery, redis: any RedisCommands) throws -> HandlerOutcome {
                let body = StreamField("body", [UInt8](repeating: UInt8(ascii: "x"), count: 200_000))
                let fields = [StreamField("src", delivery.entry.id), body]
                return .commit(["a", "b", "c"].map { RedisConnection.xaddArguments($0, fields: fields) }
                    + [RedisConnection.xaddArguments("d", fields: [StreamField("src", "other"), body])])
            }
        }
        let server = try RedisTestServer()
        let redis = try server.connect()
        let worker = StreamWorker(connection: try server.connect(), options: options("w"), handler: FanOut())
        try worker.ensureGroup()
        func inputBytes() throws -> Int {
            let info = try redis.send("INFO", "stats").string ?? ""
            let line = info.split(whereSeparator: \.isNewline).first { $0.hasPrefix("total_net_input_bytes:") }
            return Int(line?.split(separator: ":").last ?? "") ?? -1
        }
        // The first commit may find the script not loaded on this server (another test's server loaded it) and
        // send its arguments again: the second is measured.
        var ids: [String] = []
        var sent = 0
        for _ in 0..<2 {
            ids.append(try redis.xadd("in", fields: [StreamField("n", "1")]))
            let before = try inputBytes()
            #expect(try worker.runOnce() == 1)
            sent = try inputBytes() - before
        }
        // The body twice (the fan-out once, "d" once), not four times.
        #expect(sent > 400_000 && sent < 450_000, "\(sent) bytes")
        for stream in ["a", "b", "c"] {
            let entries = try outputs(redis, stream)
            #expect(entries.map { $0.string("src") } == ids, "\(stream)")
            #expect(entries.allSatisfy { $0["body"]?.count == 200_000 })
        }
        #expect(try outputs(redis, "d").map { $0.string("src") } == ["other", "other"])
        #expect(try redis.xpending("in", group: "g").count == 0)
    }

    /// Entries with nothing to write are acknowledged by one XACK beside the others' commit scripts; one that
    /// another consumer acknowledged meanwhile counts as a duplicate, once.
    @Test func entriesWithNothingToWriteAreAcknowledgedTogether() throws {
        struct Mixed: StreamHandler {
            func handle(_ delivery: Delivery, redis: any RedisCommands) throws -> HandlerOutcome {
                if delivery.entry["write"] != nil {
                    return .commit([RedisConnection.xaddArguments("out", fields: [StreamField("src", delivery.entry.id)])])
                }
                // Another consumer committed this one while it was being handled.
                if delivery.entry["taken"] != nil { try redis.send("XACK", "in", "g", .string(delivery.entry.id)) }
                return .acknowledge
            }
        }
        final class Counts: WorkerObserver, @unchecked Sendable {
            var handled: [String] = []
            var duplicates = 0
            func handled(_ delivery: Delivery, seconds: Double) { handled.append(delivery.entry.id) }
            func droppedDuplicate(_ delivery: Delivery) { duplicates += 1 }
        }
        let server = try RedisTestServer()
        let redis = try server.connect()
        let counts = Counts()
        var opts = options("w")
        opts.batchSize = 16
        let worker = StreamWorker(connection: try server.connect(), options: opts, handler: Mixed(), observer: counts)
        try worker.ensureGroup()
        var ids: [String] = []
        for n in 0..<6 { ids.append(try redis.xadd("in", fields: [StreamField(n == 2 ? "write" : "n", String(n))])) }
        ids.append(try redis.xadd("in", fields: [StreamField("taken", "1")]))
        try redis.send("CONFIG", "RESETSTAT")
        #expect(try worker.runOnce() == 7)
        // One commit script, for the entry that writes; the six others share an XACK (old workers ran seven scripts).
        // A call that failed is left out: the script's sha, cached by the process, is new to this server
        // (NOSCRIPT, then SCRIPT LOAD and the call again) when another test loaded it elsewhere first.
        let stats = try #require(try redis.send("INFO", "commandstats").string)
        func stat(_ command: String, _ name: String) -> Int {
            guard let line = stats.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("cmdstat_\(command):") }) else { return 0 }
            let fields = line.split(separator: ":", maxSplits: 1).last?.split(separator: ",") ?? []
            return fields.compactMap { field -> Int? in
                let pair = field.split(separator: "=")
                return pair.count == 2 && pair[0] == name ? Int(pair[1]) : nil
            }.first ?? 0
        }
        #expect(stat("evalsha", "calls") - stat("evalsha", "failed_calls") == 1)
        #expect(try redis.xpending("in", group: "g").count == 0)
        #expect(try outputs(redis).map { $0.string("src") } == [ids[2]])
        #expect(Set(counts.handled) == Set(ids))
        #expect(counts.duplicates == 1)
    }

    @Test func aWorkerSurvivesARedisRestart() throws {
        let server = try RedisTestServer()
        let worker = try startWorker(server, options: options("w"))
        let redis = try server.connect()
        try redis.xadd("in", fields: [StreamField("n", "1")])
        #expect(try waitUntil { try redis.xlen("out") == 1 })
        server.kill()
        Thread.sleep(forTimeInterval: 0.3)
        let restarted = try RedisTestServer(port: server.port)
        let again = try restarted.connect()
        // The new server is empty: the worker must create its group again and go on.
        #expect(waitUntil(timeout: 30) { (try? again.xinfoGroups("in").count) == 1 })
        try again.xadd("in", fields: [StreamField("n", "2")])
        #expect(try waitUntil { try again.xlen("out") == 1 })
        worker.finish()
        restarted.stop()
    }
}

/// The test worker executable sits next to the test bundle in the build folder.
func testWorkerPath() throws -> String {
    let exe = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
    while dir.path != "/" {
        let candidate = dir.appendingPathComponent("meshredis-test-worker").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    throw TestServerError("meshredis-test-worker not found near \(exe)")
}
