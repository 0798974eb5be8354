import Foundation
import MeshProtocol
import MeshRedis
import MeshRedisTesting
import Testing

/// A mesh for one test: a private redis-server and the real service executables as separate processes.
struct RunningProducer {
    let process: ChildProcess
    let out: String
    let err: String

    func finish(timeout: TimeInterval = 600) -> (code: Int32, out: String, err: String) {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.signal(SIGKILL) }
        let code = process.wait()
        return (code, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "", (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }
}

final class Mesh: @unchecked Sendable {
    let redis: RedisTestServer
    let directory: URL
    private(set) var services: [String: ChildProcess] = [:]
    private var ports: [String: Int] = [:]

    /// - Parameters:
    ///   - redisArguments: more `redis-server` options, e.g. `["--appendonly", "yes"]`.
    ///   - socket: the services and the producer reach Redis through a Unix socket (`REDIS_SOCKET`), as on one machine.
    init(redisArguments: [String] = [], socket: Bool = false) throws {
        redis = try RedisTestServer(extraArguments: redisArguments, socket: socket)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mesh-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        for process in services.values { process.terminate(grace: 5) }
        redis.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment.merging(redis.environment) { $1 }
        env["LOG_LEVEL"] = "info"
        return env
    }

    /// Starts the coordinator, the specialists (one replica each unless told) and the aggregator, and waits
    /// until every consumer group exists.
    func startAll(specialistReplicas: [SpecialistType: Int] = [:], visibilityTimeout: Double = 2) throws {
        try start("coordinator", "mesh-coordinator", visibilityTimeout: visibilityTimeout)
        for type in SpecialistType.allCases {
            for replica in 1...(specialistReplicas[type] ?? 1) {
                try start("\(type.rawValue)-\(replica)", "mesh-specialist", ["--type", type.rawValue], visibilityTimeout: visibilityTimeout)
            }
        }
        try start("aggregator", "mesh-aggregator", visibilityTimeout: visibilityTimeout)
        try waitForGroups()
    }

    @discardableResult
    func start(_ name: String, _ executable: String, _ arguments: [String] = [], visibilityTimeout: Double = 2) throws -> ChildProcess {
        let port = try RedisTestServer.freePort()
        var env = environment
        env["HTTP_PORT"] = String(port)
        env["CONSUMER_NAME"] = name
        env["VISIBILITY_TIMEOUT_SECONDS"] = String(visibilityTimeout)
        env["SHUTDOWN_TIMEOUT_SECONDS"] = "10"
        let process = try ChildProcess(
            executable: try Self.binary(executable), arguments: arguments, environment: env,
            stdoutPath: log(name), stderrPath: log(name)
        )
        services[name] = process
        ports[name] = port
        return process
    }

    func log(_ name: String) -> String { directory.appendingPathComponent("\(name).log").path }

    func logText(_ name: String) -> String {
        (try? String(contentsOfFile: log(name), encoding: .utf8)) ?? ""
    }

    func httpPort(_ name: String) -> Int? { ports[name] }

    func waitForGroups(timeout: TimeInterval = 60) throws {
        let connection = try redis.connect()
        var wanted: [(String, String)] = [(Streams.chunks, Groups.coordinator)]
        for type in SpecialistType.allCases {
            wanted.append((Streams.review(type), Groups.specialist(type)))
            wanted.append((Streams.suggestions(type), Groups.aggregator))
        }
        let ready = waitUntil(timeout: timeout) {
            wanted.allSatisfy { stream, group in
                ((try? connection.xinfoGroups(stream)) ?? []).contains { $0.name == group }
            }
        }
        if !ready {
            throw TestError("services did not create their groups; logs: \(services.keys.sorted().map { "\($0): \(logText($0))" })")
        }
    }

    /// Runs the producer to completion and returns its exit code and output.
    func produce(_ arguments: [String], stdin: String = "/dev/null", timeout: TimeInterval = 600) throws -> (code: Int32, out: String, err: String) {
        try startProducer(arguments, stdin: stdin).finish(timeout: timeout)
    }

    /// Starts the producer and returns at once; `finish` waits for it.
    func startProducer(_ arguments: [String], stdin: String = "/dev/null") throws -> RunningProducer {
        let out = directory.appendingPathComponent("producer-\(UUID().uuidString).out").path
        let err = directory.appendingPathComponent("producer-\(UUID().uuidString).err").path
        let process = try ChildProcess(
            executable: try Self.binary("mesh-producer"), arguments: arguments, environment: environment,
            stdoutPath: out, stderrPath: err, stdinPath: stdin
        )
        return RunningProducer(process: process, out: out, err: err)
    }

    func report(_ docId: String) throws -> Report? {
        guard let bytes = try redis.connect().send("GET", .string(Keys.report(docId))).bytes else { return nil }
        return try JSONDecoder().decode(Report.self, from: Data(bytes))
    }

    func write(_ name: String, _ contents: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The service executables: MESH_BIN_DIR (set by the Makefile), else the build folder of this test bundle.
    static func binary(_ name: String) throws -> String {
        var candidates: [String] = []
        if let dir = ProcessInfo.processInfo.environment["MESH_BIN_DIR"] { candidates.append("\(dir)/\(name)") }
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent(name).path)
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw TestError("\(name) is not built (looked in \(candidates)); run `make build`")
        }
        return found
    }

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }
}

struct TestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func waitUntil(timeout: TimeInterval, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return true }
        usleep(20_000)
    }
    return false
}
