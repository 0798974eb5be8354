import Synchronization
import FoundationEssentials

/// What a handler sends to Redis: single commands and pipelines. `RedisConnection` is the real one; a test
/// can answer the same calls from memory, so a service's handler is unit-tested without a server. The typed
/// helpers below (`xrange`, `xread`, `get`, `hgetall`, `evalsha`) are built on these two calls only.
public protocol RedisCommands: AnyObject {
    /// One command; an error reply is thrown as `RedisError`.
    @discardableResult
    func send(_ arguments: [RedisArgument], timeout: Duration?) throws(RedisError) -> RedisValue
    /// Many commands in one round trip; error replies come back in place as `.error`.
    func pipeline(_ commands: [[RedisArgument]], timeout: Duration?) throws(RedisError) -> [RedisValue]
}

extension RedisConnection: RedisCommands {}

/// A Lua script run by EVALSHA: the script's text goes to the server once (SCRIPT LOAD), and again only after
/// NOSCRIPT (a restarted or flushed server). Shared by the threads of a process; the sha is guarded.
public final class RedisScript: @unchecked Sendable {
    public let source: String
    private let lock = Mutex(())
    private var loadedSHA: String?

    public init(_ source: String) { self.source = source }

    fileprivate var sha: String? {
        get { lock.withLock { _ in loadedSHA } }
        set { lock.withLock { _ in loadedSHA = newValue } }
    }
}

extension RedisCommands {
    @discardableResult
    public func send(_ arguments: RedisArgument..., timeout: Duration? = nil) throws(RedisError) -> RedisValue {
        try send(arguments, timeout: timeout)
    }

    // MARK: Scripts

    /// Runs `script` once per argument list (keys first, then arguments), all in one pipeline. Error replies
    /// come back in place. NOSCRIPT means none of them ran: the script is loaded and the batch sent again.
    public func evalsha(
        _ script: RedisScript, calls: [(keys: [String], arguments: [RedisArgument])]
    ) throws(RedisError) -> [RedisValue] {
        guard !calls.isEmpty else { return [] }
        for attempt in 0..<2 {
            let sha: String
            if let known = script.sha {
                sha = known
            } else {
                guard let loaded = try send(["SCRIPT", "LOAD", .string(script.source)], timeout: nil).string else {
                    throw RedisError(.protocolViolation, "SCRIPT LOAD returned no sha")
                }
                script.sha = loaded
                sha = loaded
            }
            let commands = calls.map { call -> [RedisArgument] in
                ["EVALSHA", .string(sha), .int(call.keys.count)] + call.keys.map { .string($0) } + call.arguments
            }
            let replies = try pipeline(commands, timeout: nil)
            let missing = replies.contains { if case .error(let text) = $0 { text.hasPrefix("NOSCRIPT") } else { false } }
            if !missing || attempt == 1 { return replies }
            script.sha = nil
        }
        return []
    }

    // MARK: Keys

    /// `GET key`: nil when the key does not exist.
    public func get(_ key: String) throws(RedisError) -> [UInt8]? {
        try send(["GET", .string(key)], timeout: nil).bytes
    }

    /// `HGETALL key` as field-value pairs, in the server's order.
    public func hgetall(_ key: String) throws(RedisError) -> [(field: String, value: [UInt8])] {
        let flat = try send(["HGETALL", .string(key)], timeout: nil).array ?? []
        var pairs: [(field: String, value: [UInt8])] = []
        pairs.reserveCapacity(flat.count / 2)
        var i = 0
        while i + 1 < flat.count {
            pairs.append((flat[i].string ?? "", flat[i + 1].bytes ?? []))
            i += 2
        }
        return pairs
    }

    // MARK: Streams

    /// `XRANGE key start end [COUNT n]`, oldest first.
    public func xrange(_ key: String, start: String = "-", end: String = "+", count: Int? = nil) throws(RedisError) -> [StreamEntry] {
        var args: [RedisArgument] = ["XRANGE", .string(key), .string(start), .string(end)]
        if let count { args += ["COUNT", .int(count)] }
        return try RedisConnection.entries(try send(args, timeout: nil))
    }

    /// `XREVRANGE key end start [COUNT n]`, newest first.
    public func xrevrange(_ key: String, end: String = "+", start: String = "-", count: Int? = nil) throws(RedisError) -> [StreamEntry] {
        var args: [RedisArgument] = ["XREVRANGE", .string(key), .string(end), .string(start)]
        if let count { args += ["COUNT", .int(count)] }
        return try RedisConnection.entries(try send(args, timeout: nil))
    }

    /// `XREAD [COUNT n] [BLOCK ms] STREAMS key... id...` (no group): entries after each id, per stream; empty
    /// when BLOCK timed out. The socket waits `block` plus `commandTimeout` for the answer.
    public func xread(
        count: Int? = nil, block: Duration? = nil, streams: [(key: String, id: String)], commandTimeout: Duration = .seconds(5)
    ) throws(RedisError) -> [(stream: String, entries: [StreamEntry])] {
        var args: [RedisArgument] = ["XREAD"]
        if let count { args += ["COUNT", .int(count)] }
        if let block { args += ["BLOCK", .int(max(1, block.milliseconds))] }
        args.append("STREAMS")
        args += streams.map { .string($0.key) }
        args += streams.map { .string($0.id) }
        let reply = try send(args, timeout: block.map { $0 + commandTimeout })
        if reply.isNull { return [] }
        guard let items = reply.array else { throw RedisError(.protocolViolation, "XREAD returned \(reply)") }
        var result: [(stream: String, entries: [StreamEntry])] = []
        for item in items {
            guard let pair = item.array, pair.count == 2, let name = pair[0].string else {
                throw RedisError(.protocolViolation, "XREAD stream item \(item)")
            }
            result.append((name, try RedisConnection.entries(pair[1])))
        }
        return result
    }
}
