import ArgumentParser
import FoundationEssentials
import MeshRedis
import MeshWorker

/// Where Redis is: flags override the environment the Kubernetes ConfigMap and Secret set.
public struct RedisOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("redis-host"), help: "Redis host. Env: REDIS_HOST (default 127.0.0.1).")
    public var host: String?

    @Option(name: .customLong("redis-port"), help: "Redis port. Env: REDIS_PORT (default 6379).")
    public var port: Int?

    @Option(
        name: .customLong("redis-socket"),
        help: "Reach Redis through this Unix socket instead of host and port (a Redis on this machine). Env: REDIS_SOCKET."
    )
    public var socket: String?

    @Option(name: .customLong("redis-db"), help: "Redis database number. Env: REDIS_DB (default 0).")
    public var database: Int?

    @Option(name: .customLong("redis-username"), help: "Redis ACL user. Env: REDIS_USERNAME (default: the default user).")
    public var username: String?

    @Option(
        name: .customLong("redis-password-file"),
        help: "Read the Redis password from this file. Env: REDIS_PASSWORD holds the password itself."
    )
    public var passwordFile: String?

    public init() {}

    public func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> RedisConfiguration {
        var env = environment
        if let host { env["REDIS_HOST"] = host }
        if let port { env["REDIS_PORT"] = String(port) }
        // A socket in the environment would win over a host or port given here; the flags mean TCP.
        if host != nil || port != nil { env["REDIS_SOCKET"] = nil }
        if let socket { env["REDIS_SOCKET"] = socket }
        if let database { env["REDIS_DB"] = String(database) }
        if let username { env["REDIS_USERNAME"] = username }
        if let passwordFile {
            guard let data = FileManager.default.contents(atPath: passwordFile) else {
                throw ValidationError("cannot read the Redis password file \(passwordFile)")
            }
            // The file's text without the white space (a final newline) around it.
            let text = String(decoding: data, as: UTF8.self)
            env["REDIS_PASSWORD"] = String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        }
        do {
            return try RedisConfiguration.fromEnvironment(env)
        } catch {
            throw ValidationError(error.message)
        }
    }
}

/// What every long-running service has: a health port, a consumer name, shutdown and retry limits.
public struct RuntimeOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("http-port"), help: "Port of /healthz, /readyz and /metrics; 0 picks a free one. Env: HTTP_PORT (default 8080).")
    public var httpPort: Int?

    @Option(name: .customLong("consumer-name"), help: "This replica's consumer name. Env: CONSUMER_NAME, else HOSTNAME (the pod name).")
    public var consumerName: String?

    @Option(name: .customLong("shutdown-timeout"), help: "Seconds to finish the batch in hand after SIGTERM. Env: SHUTDOWN_TIMEOUT_SECONDS (default 20).")
    public var shutdownTimeout: Double?

    @Option(name: .customLong("visibility-timeout"), help: "Seconds before another replica takes over an unacknowledged entry. Env: VISIBILITY_TIMEOUT_SECONDS (default 30).")
    public var visibilityTimeout: Double?

    @Option(name: .customLong("max-deliveries"), help: "Deliveries before an entry goes to doc.deadletter. Env: MAX_DELIVERIES (default 5).")
    public var maxDeliveries: Int?

    @Option(name: .customLong("log-level"), help: "debug, info, warning or error. Env: LOG_LEVEL (default info).")
    public var logLevel: String?

    public init() {}

    public struct Resolved: Sendable {
        public var httpPort: Int
        public var consumerName: String
        public var shutdownTimeout: Duration
        public var visibilityTimeout: Duration
        public var maxDeliveries: Int
        public var logLevel: Log.Level
    }

    public func resolve(environment env: [String: String] = ProcessInfo.processInfo.environment) throws -> Resolved {
        func number(_ flag: Double?, _ name: String, _ fallback: Double) throws -> Double {
            if let flag {
                guard flag >= 0, flag <= 1e8 else { throw ValidationError("\(name) \(flag) is not a number from 0 to 100000000") }
                return flag
            }
            guard let text = env[name], !text.isEmpty else { return fallback }
            // Bounded, so turning it into milliseconds or a port cannot overflow.
            guard let value = Double(text), value >= 0, value <= 1e8 else {
                throw ValidationError("\(name) '\(text)' is not a number from 0 to 100000000")
            }
            return value
        }
        let level = logLevel ?? env["LOG_LEVEL"] ?? "info"
        guard let parsedLevel = Log.Level(name: level) else {
            throw ValidationError("log level '\(level)' is not one of debug, info, warning, error")
        }
        let port = Int(try number(httpPort.map(Double.init), "HTTP_PORT", 8080))
        guard (0...65535).contains(port) else { throw ValidationError("HTTP port \(port) is out of range") }
        let deliveries = Int(try number(maxDeliveries.map(Double.init), "MAX_DELIVERIES", 5))
        guard deliveries >= 1 else { throw ValidationError("max deliveries must be at least 1") }
        var consumer = consumerName ?? ""
        if consumer.isEmpty { consumer = WorkerOptionsName.resolve(env) }
        return Resolved(
            httpPort: port,
            consumerName: consumer,
            shutdownTimeout: .milliseconds(Int(try number(shutdownTimeout, "SHUTDOWN_TIMEOUT_SECONDS", 20) * 1000)),
            visibilityTimeout: .milliseconds(Int(try number(visibilityTimeout, "VISIBILITY_TIMEOUT_SECONDS", 30) * 1000)),
            maxDeliveries: deliveries,
            logLevel: parsedLevel
        )
    }
}

enum WorkerOptionsName {
    static func resolve(_ env: [String: String]) -> String { WorkerOptions.consumerName(env) }
}
