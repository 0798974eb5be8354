import CHiredis
import FoundationEssentials
import Glibc

/// One connection to Redis over hiredis. It owns its `redisContext`: use it from one thread at a time
/// (it is deliberately not `Sendable`). After a broken connection the next command reconnects, with
/// exponential backoff; a command whose connection broke is not retried, since it may have run.
public final class RedisConnection {
    public let configuration: RedisConfiguration
    private var context: UnsafeMutablePointer<redisContext>?
    /// The socket timeout currently set on `context`, to avoid a syscall per command.
    private var currentTimeout: Duration?

    /// Connects at once, so a wrong address or password fails here, clearly.
    public init(_ configuration: RedisConfiguration) throws(RedisError) {
        self.configuration = configuration
        Self.ignoreBrokenPipes
        try connect()
    }

    /// hiredis writes with `write`, and a write to a connection Redis has closed raises SIGPIPE, whose default
    /// action ends the process: on a Unix socket the first write after Redis goes away does, on TCP a second one.
    /// A lost connection must be an error this process handles (reconnecting), so the signal is ignored, once,
    /// unless the program chose a disposition of its own; writes then fail with EPIPE.
    private static let ignoreBrokenPipes: Void = {
        var current = sigaction()
        guard sigaction(SIGPIPE, nil, &current) == 0, current.__sigaction_handler.sa_handler == nil else { return }
        signal(SIGPIPE, SIG_IGN)
    }()

    deinit {
        if let context { redisFree(context) }
    }

    public var isConnected: Bool { context != nil }

    /// Closes the socket; the next command reconnects.
    public func close() {
        if let context { redisFree(context) }
        context = nil
    }

    // MARK: Commands

    /// Sends one command and returns its reply; an error reply is thrown as `RedisError`.
    @discardableResult
    public func send(_ arguments: [RedisArgument], timeout: Duration? = nil) throws(RedisError) -> RedisValue {
        try pipeline([arguments], timeout: timeout)[0].throwingServerError()
    }

    @discardableResult
    public func send(_ arguments: RedisArgument..., timeout: Duration? = nil) throws(RedisError) -> RedisValue {
        try send(arguments, timeout: timeout)
    }

    /// Sends many commands in one round trip. Error replies come back in place as `.error`, not thrown.
    public func pipeline(_ commands: [[RedisArgument]], timeout: Duration? = nil) throws(RedisError) -> [RedisValue] {
        let context = try ensureConnected()
        try setTimeout(timeout ?? configuration.timeouts.command)
        for command in commands {
            let status = Self.withArgv(command) { argc, argv, lengths in
                redisAppendCommandArgv(context, argc, argv, lengths)
            }
            if status != REDIS_OK { throw failure(context) }
        }
        var replies: [RedisValue] = []
        replies.reserveCapacity(commands.count)
        for _ in commands {
            var raw: UnsafeMutableRawPointer?
            if redisGetReply(context, &raw) != REDIS_OK || raw == nil { throw failure(context) }
            let reply = raw!.assumingMemoryBound(to: redisReply.self)
            replies.append(Self.value(of: reply))
            freeReplyObject(raw)
        }
        return replies
    }

    /// Runs the commands in one MULTI/EXEC, sent as one round trip. Returns each command's reply.
    /// A command the server refuses to queue aborts the whole transaction (EXECABORT is thrown).
    public func transaction(_ commands: [[RedisArgument]]) throws(RedisError) -> [RedisValue] {
        let replies = try pipeline([["MULTI"]] + commands + [["EXEC"]])
        for reply in replies.dropLast() {
            if case .error(let text) = reply { throw RedisError.server(text) }
        }
        switch replies.last {
        case .array(let results)?: return results
        case .error(let text)?: throw RedisError.server(text)
        case .null?: throw RedisError(.server, "transaction aborted: a watched key changed")
        default: throw RedisError(.protocolViolation, "EXEC did not return an array")
        }
    }

    // MARK: Connection

    private func ensureConnected() throws(RedisError) -> UnsafeMutablePointer<redisContext> {
        if let context { return context }
        var delay = configuration.reconnect.initialDelay
        var attempt = 1
        while true {
            do {
                try connect()
                return context!
            } catch where error.code == .connection || error.code == .timeout {
                if attempt >= configuration.reconnect.maxAttempts { throw error }
                usleep(UInt32(max(0, min(delay.seconds, 60)) * 1_000_000))
                delay = min(delay * 2, configuration.reconnect.maxDelay)
                attempt += 1
            }
        }
    }

    private func connect() throws(RedisError) {
        close()
        let where_ = configuration.endpoint
        let opened =
            if let path = configuration.socketPath {
                redisConnectUnixWithTimeout(path, configuration.timeouts.connect.timeval)
            } else {
                redisConnectWithTimeout(configuration.host, Int32(configuration.port), configuration.timeouts.connect.timeval)
            }
        guard let context = opened else {
            throw RedisError(.connection, "cannot allocate a connection to \(where_)")
        }
        if context.pointee.err != 0 {
            let text = Self.errorText(context)
            redisFree(context)
            throw RedisError(Self.isTimeout(text) ? .timeout : .connection, "cannot connect to \(where_): \(text)")
        }
        if configuration.socketPath == nil { _ = redisEnableKeepAlive(context) }
        self.context = context
        currentTimeout = nil
        do {
            if let auth = configuration.authentication {
                var args: [RedisArgument] = ["AUTH"]
                if let user = auth.username { args.append(.string(user)) }
                args.append(.string(auth.password))
                try send(args)
            }
            if configuration.database != 0 { try send("SELECT", .int(configuration.database)) }
        } catch {
            close()
            throw error
        }
    }

    private func setTimeout(_ timeout: Duration) throws(RedisError) {
        guard let context, timeout != currentTimeout else { return }
        if redisSetTimeout(context, timeout.timeval) != REDIS_OK { throw failure(context) }
        currentTimeout = timeout
    }

    /// Turns the context's error into a `RedisError` and drops the context: hiredis cannot go on after one.
    private func failure(_ context: UnsafeMutablePointer<redisContext>) -> RedisError {
        let text = Self.errorText(context)
        let code: RedisError.Code =
            switch Int32(context.pointee.err) {
            case REDIS_ERR_PROTOCOL: .protocolViolation
            default: Self.isTimeout(text) ? .timeout : .connection
            }
        close()
        return RedisError(code, "\(configuration.endpoint): \(text)")
    }

    private static func errorText(_ context: UnsafeMutablePointer<redisContext>) -> String {
        withUnsafeBytes(of: context.pointee.errstr) { raw in
            let bytes = raw.prefix(while: { $0 != 0 })
            let text = String(decoding: bytes, as: UTF8.self)
            return text.isEmpty ? "connection lost" : text
        }
    }

    // hiredis 0.14 reports a socket timeout as an I/O error with EAGAIN's text; 1.x says "timed out".
    private static func isTimeout(_ text: String) -> Bool {
        let lower = text.lowercased()
        return text.contains("Resource temporarily unavailable") || lower.contains("timed out") || lower.contains("timeout")
    }

    private static func value(of reply: UnsafeMutablePointer<redisReply>) -> RedisValue {
        let r = reply.pointee
        switch r.type {
        case REDIS_REPLY_STATUS: return .status(String(decoding: bytes(r), as: UTF8.self))
        case REDIS_REPLY_ERROR: return .error(String(decoding: bytes(r), as: UTF8.self))
        case REDIS_REPLY_INTEGER: return .integer(Int64(r.integer))
        case REDIS_REPLY_NIL: return .null
        case REDIS_REPLY_STRING: return .bulk(bytes(r))
        case REDIS_REPLY_ARRAY:
            var items: [RedisValue] = []
            items.reserveCapacity(r.elements)
            for i in 0..<r.elements { items.append(value(of: r.element[i]!)) }
            return .array(items)
        default: return .error("unknown reply type \(r.type)")
        }
    }

    private static func bytes(_ r: redisReply) -> [UInt8] {
        guard let str = r.str, r.len > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: str, count: r.len))
    }

    /// Lays the arguments out as the argv/argvlen pair hiredis wants, binary-safe.
    private static func withArgv<R>(
        _ arguments: [RedisArgument],
        _ body: (Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> R
    ) -> R {
        // All arguments go into one buffer (no array per argument); argv points into it.
        // Sized once: grown from a guess, a review batch's JSON was copied several times over as the buffer doubled.
        var storage = [UInt8]()
        storage.reserveCapacity(arguments.reduce(0) { $0 + $1.byteCountBound })
        var lengths = [Int]()
        lengths.reserveCapacity(arguments.count)
        for argument in arguments {
            let before = storage.count
            argument.append(to: &storage)
            lengths.append(storage.count - before)
        }
        return storage.withUnsafeBufferPointer { raw in
            let base = UnsafeRawPointer(raw.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
            var pointers = [UnsafePointer<CChar>?]()
            pointers.reserveCapacity(arguments.count)
            var offset = 0
            for length in lengths {
                pointers.append(base + offset)
                offset += length
            }
            return pointers.withUnsafeMutableBufferPointer { argv in
                lengths.withUnsafeBufferPointer { lens in
                    body(Int32(arguments.count), argv.baseAddress!, lens.baseAddress!)
                }
            }
        }
    }
}

/// One argument of a command: text, bytes or a number, sent binary-safe.
public enum RedisArgument: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case bytes([UInt8])
    case int(Int)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }

    /// At least the bytes `append(to:)` adds.
    var byteCountBound: Int {
        switch self {
        case .string(let s): s.utf8.count
        case .bytes(let b): b.count
        case .int: 20
        }
    }

    func append(to buffer: inout [UInt8]) {
        switch self {
        case .string(let s): buffer.append(contentsOf: s.utf8)
        case .bytes(let b): buffer.append(contentsOf: b)
        case .int(let i): buffer.append(contentsOf: String(i).utf8)
        }
    }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }

    var milliseconds: Int { Int((seconds * 1000).rounded()) }

    var timeval: timeval {
        let (s, attoseconds) = components
        return CHiredis.timeval(tv_sec: Int(s), tv_usec: Int(attoseconds / 1_000_000_000_000))
    }
}
