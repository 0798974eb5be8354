/// Every failure of the client, with a code to match on.
public struct RedisError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// Could not connect, or the connection broke.
        case connection
        /// No answer within the configured timeout.
        case timeout
        /// The server answered with an error reply (`ERR ...`, `WRONGTYPE ...`).
        case server
        /// AUTH was refused.
        case authentication
        /// `XGROUP CREATE` on a group that exists.
        case busyGroup
        /// A stream command named a group that does not exist.
        case noGroup
        /// The reply was not what the command promises.
        case protocolViolation
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Classifies a server error reply by its leading word.
    public static func server(_ text: String) -> RedisError {
        let word = text.prefix(while: { $0 != " " })
        switch word {
        case "BUSYGROUP": return RedisError(.busyGroup, text)
        case "NOGROUP": return RedisError(.noGroup, text)
        case "WRONGPASS", "NOAUTH", "NOPERM": return RedisError(.authentication, text)
        default:
            if text.hasPrefix("ERR invalid password") || text.hasPrefix("ERR AUTH") {
                return RedisError(.authentication, text)
            }
            return RedisError(.server, text)
        }
    }

    public var description: String {
        "redis \(code): \(message)"
    }
}
