import MeshRedis

/// A stand-in for Redis in a handler's unit test: it records every command, and answers each from `answer`
/// (an unknown command should throw). Only for handlers' decisions; anything about Redis itself is tested
/// against a real `RedisTestServer`, and the services end to end against real processes.
public final class StubRedis: RedisCommands {
    /// Every command sent, in order; a pipeline's commands one after another.
    public private(set) var commands: [[RedisArgument]] = []
    /// How many round trips: one per `send`, one per `pipeline`.
    public private(set) var roundTrips = 0
    private let answer: ([RedisArgument]) throws(RedisError) -> RedisValue

    public init(answer: @escaping ([RedisArgument]) throws(RedisError) -> RedisValue = { command throws(RedisError) in
        throw RedisError(.server, "ERR StubRedis has no answer for \(command.first.map { "\($0)" } ?? "")")
    }) {
        self.answer = answer
    }

    @discardableResult
    public func send(_ arguments: [RedisArgument], timeout: Duration?) throws(RedisError) -> RedisValue {
        roundTrips += 1
        commands.append(arguments)
        return try answer(arguments).throwingServerError()
    }

    public func pipeline(_ commands: [[RedisArgument]], timeout: Duration?) throws(RedisError) -> [RedisValue] {
        roundTrips += 1
        var replies: [RedisValue] = []
        for command in commands {
            self.commands.append(command)
            do { replies.append(try answer(command)) } catch { replies.append(.error(error.message)) }
        }
        return replies
    }
}

extension RedisArgument {
    /// The argument as text (an int as its decimal digits), for a stub's answers and a test's expectations.
    public var text: String {
        switch self {
        case .string(let s): s
        case .int(let i): String(i)
        case .bytes(let b): String(decoding: b, as: UTF8.self)
        }
    }
}
