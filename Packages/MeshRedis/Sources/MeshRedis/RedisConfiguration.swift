import FoundationEssentials

/// Where and how to reach Redis. Filled from the environment the Kubernetes ConfigMap and Secret set.
public struct RedisConfiguration: Sendable, Equatable {
    public struct Authentication: Sendable, Equatable {
        /// An ACL user; nil means the default user (`AUTH password`).
        public var username: String?
        public var password: String

        public init(username: String? = nil, password: String) {
            self.username = username
            self.password = password
        }
    }

    public struct Timeouts: Sendable, Equatable {
        public var connect: Duration
        /// How long one command may take (a blocking read adds its BLOCK time to this).
        public var command: Duration

        public init(connect: Duration = .seconds(2), command: Duration = .seconds(5)) {
            self.connect = connect
            self.command = command
        }
    }

    public struct Reconnect: Sendable, Equatable {
        public var initialDelay: Duration
        public var maxDelay: Duration
        /// Attempts before giving up and throwing; each failed attempt doubles the delay.
        public var maxAttempts: Int

        public init(initialDelay: Duration = .milliseconds(50), maxDelay: Duration = .seconds(2), maxAttempts: Int = 10) {
            self.initialDelay = initialDelay
            self.maxDelay = maxDelay
            self.maxAttempts = maxAttempts
        }
    }

    public var host: String
    public var port: Int
    /// A Unix domain socket to connect through instead of `host` and `port`, for a Redis on the same machine:
    /// loopback TCP costs both ends the kernel's whole TCP path for every reply.
    public var socketPath: String?
    public var database: Int
    public var authentication: Authentication?
    public var timeouts: Timeouts
    public var reconnect: Reconnect

    public init(
        host: String = "127.0.0.1", port: Int = 6379, socketPath: String? = nil, database: Int = 0,
        authentication: Authentication? = nil, timeouts: Timeouts = Timeouts(), reconnect: Reconnect = Reconnect()
    ) {
        self.host = host
        self.port = port
        self.socketPath = socketPath
        self.database = database
        self.authentication = authentication
        self.timeouts = timeouts
        self.reconnect = reconnect
    }

    /// Where the connection goes, for messages: the socket's path, or host:port.
    public var endpoint: String { socketPath ?? "\(host):\(port)" }

    /// The longest socket path a Unix domain socket address holds (`sun_path`, less its terminating zero).
    public static let maxSocketPath = 107

    /// Reads `REDIS_HOST`, `REDIS_PORT`, `REDIS_SOCKET`, `REDIS_DB`, `REDIS_USERNAME`, `REDIS_PASSWORD`.
    /// A variable that is set but unusable is an error, not a silent default.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(RedisError) -> RedisConfiguration {
        var config = RedisConfiguration()
        if let host = environment["REDIS_HOST"], !host.isEmpty { config.host = host }
        if let text = environment["REDIS_PORT"], !text.isEmpty {
            guard let port = Int(text), (1...65535).contains(port) else {
                throw RedisError(.connection, "REDIS_PORT '\(text)' is not a port number")
            }
            config.port = port
        }
        if let path = environment["REDIS_SOCKET"], !path.isEmpty {
            guard path.utf8.count <= maxSocketPath, !path.utf8.contains(0) else {
                throw RedisError(.connection, "REDIS_SOCKET '\(path)' is not a socket path of at most \(maxSocketPath) bytes")
            }
            config.socketPath = path
        }
        if let text = environment["REDIS_DB"], !text.isEmpty {
            guard let db = Int(text), db >= 0 else {
                throw RedisError(.connection, "REDIS_DB '\(text)' is not a database number")
            }
            config.database = db
        }
        if let password = environment["REDIS_PASSWORD"], !password.isEmpty {
            let user = environment["REDIS_USERNAME"].flatMap { $0.isEmpty ? nil : $0 }
            config.authentication = Authentication(username: user, password: password)
        }
        return config
    }
}
