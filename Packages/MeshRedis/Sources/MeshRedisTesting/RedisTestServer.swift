import Foundation
import MeshRedis
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A private `redis-server` on a free loopback port, for tests and benchmarks. It runs in its own temporary
/// directory with persistence off (unless asked) and is stopped by `stop()` or when the value is released.
public final class RedisTestServer: @unchecked Sendable {
    public let port: Int
    public let directory: URL
    public let password: String?
    /// The Unix socket the server also listens on, when started with `socket: true` (in its folder).
    public let socketPath: String?
    private var process: ChildProcess
    private let arguments: [String]

    /// - Parameters:
    ///   - password: started with `requirepass`.
    ///   - extraArguments: more `redis-server` options, e.g. `["--appendonly", "yes"]`.
    ///   - socket: also listen on a Unix socket, which `environment` names in `REDIS_SOCKET` for the processes
    ///     started with it (`configuration` stays on TCP).
    public init(password: String? = nil, port: Int? = nil, extraArguments: [String] = [], socket: Bool = false) throws {
        self.password = password
        self.port = try port ?? Self.freePort()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mesh-redis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var args = [
            "--port", String(self.port), "--bind", "127.0.0.1", "--dir", directory.path, "--save", "",
            "--appendonly", "no", "--daemonize", "no", "--logfile", directory.appendingPathComponent("redis.log").path,
        ]
        if let password { args += ["--requirepass", password] }
        socketPath = socket ? directory.appendingPathComponent("redis.sock").path : nil
        if let socketPath { args += ["--unixsocket", socketPath, "--unixsocketperm", "700"] }
        arguments = args + extraArguments
        process = try ChildProcess(executable: try Self.locate("redis-server").path, arguments: arguments)
        try waitUntilReady()
    }

    /// Stops the server as an operator would (SIGTERM: it writes its AOF, if on, and exits) and starts it again on
    /// the same port and folder, so a test can see what persistence keeps and what clients do meanwhile.
    /// `down` is how long it stays away.
    public func restart(down: TimeInterval = 0) throws {
        _ = process.terminate()
        if down > 0 { Thread.sleep(forTimeInterval: down) }
        process = try ChildProcess(executable: try Self.locate("redis-server").path, arguments: arguments)
        try waitUntilReady()
    }

    deinit { stop() }

    public var configuration: RedisConfiguration {
        RedisConfiguration(
            host: "127.0.0.1", port: port,
            authentication: password.map { RedisConfiguration.Authentication(password: $0) }
        )
    }

    /// Environment variables a service process needs to reach this server.
    public var environment: [String: String] {
        var env = ["REDIS_HOST": "127.0.0.1", "REDIS_PORT": String(port), "REDIS_DB": "0"]
        if let password { env["REDIS_PASSWORD"] = password }
        if let socketPath { env["REDIS_SOCKET"] = socketPath }
        return env
    }

    public func connect() throws -> RedisConnection {
        try RedisConnection(configuration)
    }

    public func stop() {
        process.terminate()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Kills the server at once (SIGKILL), leaving its directory, to test what clients do when it goes away.
    public func kill() {
        process.signal(SIGKILL)
        process.wait()
    }

    private func waitUntilReady() throws {
        let deadline = Date().addingTimeInterval(10)
        var config = configuration
        config.reconnect.maxAttempts = 1
        while Date() < deadline {
            if let connection = try? RedisConnection(config), (try? connection.send("PING")) != nil { return }
            guard process.isRunning else { throw TestServerError("redis-server exited at start; see \(directory.path)/redis.log") }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw TestServerError("redis-server on port \(port) did not answer within 10 s")
    }

    /// Ports this process has handed out: the kernel may offer a port again as soon as the probe closes it,
    /// before the process it was meant for has bound it (two services of one test mesh were given the same).
    private static let handedOut = Mutex<Set<Int>>([])

    /// A free loopback port (the kernel's answer to binding port 0) that this process has not handed out before.
    public static func freePort() throws -> Int {
        for _ in 0..<100 {
            let port = try kernelFreePort()
            if handedOut.withLock({ $0.insert(port).inserted }) { return port }
        }
        throw TestServerError("no fresh free port after 100 tries")
    }

    private static func kernelFreePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestServerError("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw TestServerError("bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func locate(_ tool: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/usr/sbin"] {
            let candidate = URL(fileURLWithPath: dir).appendingPathComponent(tool)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw TestServerError("\(tool) not found on PATH; run `make deps`")
    }
}

public struct TestServerError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
