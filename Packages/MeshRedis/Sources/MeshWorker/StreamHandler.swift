import MeshRedis

/// One entry handed to a handler.
public struct Delivery: Sendable {
    public var stream: String
    public var entry: StreamEntry
    /// 1 on first delivery; more after a crash, a failure or a reclaim.
    public var deliveries: Int
}

/// What to do with an entry once handled. Every outcome is committed atomically together with the XACK.
public enum HandlerOutcome: Sendable {
    /// Run these commands (typically XADDs of the results) and acknowledge the entry.
    case commit([[RedisArgument]])
    /// Run `guard` (e.g. `SET key 1 NX`); only if it succeeds run `then`; acknowledge either way.
    /// This is how "exactly once" decisions are made, such as publishing a completed report.
    case commitGuarded(guard: [RedisArgument], then: [[RedisArgument]])
    /// The entry can never be handled (malformed, unknown version): dead-letter it with this reason.
    case deadLetter(reason: String)

    public static let acknowledge = HandlerOutcome.commit([])
}

/// An error that retrying cannot fix (a malformed message, an unknown protocol version): a handler that
/// throws one has its entry dead-lettered at once, with the error's description as the reason.
public protocol PermanentFailure: Error {}

/// Handles one entry. Throwing means "try again later": the entry stays pending and is redelivered after
/// the visibility timeout, until `maxDeliveries`; throwing a `PermanentFailure` dead-letters it at once. The connection is the worker's own, for reads the
/// handler needs; writes that must not be duplicated belong in the outcome.
public protocol StreamHandler: SendableMetatype {
    func handle(_ delivery: Delivery, connection: RedisConnection) throws -> HandlerOutcome
}

/// Told what the worker does, for metrics and logs.
public protocol WorkerObserver: Sendable {
    func handled(_ delivery: Delivery, seconds: Double)
    func failed(_ delivery: Delivery, error: any Error)
    func deadLettered(_ delivery: Delivery, reason: String)
    func redelivered(_ delivery: Delivery)
    func connectionLost(_ error: RedisError)
    func droppedDuplicate(_ delivery: Delivery)
}

extension WorkerObserver {
    public func handled(_ delivery: Delivery, seconds: Double) {}
    public func failed(_ delivery: Delivery, error: any Error) {}
    public func deadLettered(_ delivery: Delivery, reason: String) {}
    public func redelivered(_ delivery: Delivery) {}
    public func connectionLost(_ error: RedisError) {}
    public func droppedDuplicate(_ delivery: Delivery) {}
}

struct SilentObserver: WorkerObserver {}
