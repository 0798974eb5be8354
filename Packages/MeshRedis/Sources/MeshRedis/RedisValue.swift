/// A Redis reply as an owned Swift value; no `redisReply*` outlives the call that read it.
public enum RedisValue: Sendable, Hashable {
    case status(String)
    case error(String)
    case integer(Int64)
    case bulk([UInt8])
    case null
    case array([RedisValue])

    public var string: String? {
        switch self {
        case .status(let s): s
        case .bulk(let b): String(decoding: b, as: UTF8.self)
        case .integer(let i): String(i)
        default: nil
        }
    }

    public var bytes: [UInt8]? {
        switch self {
        case .bulk(let b): b
        case .status(let s): Array(s.utf8)
        default: nil
        }
    }

    public var int: Int? {
        switch self {
        case .integer(let i): Int(i)
        case .bulk, .status: string.flatMap { Int($0) }
        default: nil
        }
    }

    public var array: [RedisValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var isNull: Bool { self == .null }

    /// Throws the server's error reply as a `RedisError`; returns any other value as is.
    public func throwingServerError() throws(RedisError) -> RedisValue {
        if case .error(let text) = self { throw RedisError.server(text) }
        return self
    }
}
