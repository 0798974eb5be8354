import Synchronization
import FoundationEssentials
import MeshRedis

/// One entry handed to a handler.
public struct Delivery: Sendable {
    public var stream: String
    public var entry: StreamEntry
    /// 1 on first delivery; more after a crash, a failure or a reclaim.
    public var deliveries: Int

    public init(stream: String, entry: StreamEntry, deliveries: Int = 1) {
        self.stream = stream
        self.entry = entry
        self.deliveries = deliveries
    }
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

/// Handles entries. Throwing means "try again later": the entry stays pending and is redelivered after
/// the visibility timeout, until `maxDeliveries`; throwing a `PermanentFailure` dead-letters it at once. `redis`
/// is the worker's own connection (a stand-in in unit tests), for reads the handler needs; writes that must not
/// be duplicated belong in the outcome.
public protocol StreamHandler: SendableMetatype {
    func handle(_ delivery: Delivery, redis: any RedisCommands) throws -> HandlerOutcome

    /// Every new entry of one read at once, so a handler can share round trips between them (the aggregator
    /// records a whole batch of reviews in one pipeline). One result per delivery, in order; a failure counts
    /// for its own entry only. The default hands each entry to `handle(_:redis:)`.
    func handle(batch: [Delivery], redis: any RedisCommands) -> [Result<HandlerOutcome, any Error>]

    /// Commands committed with a dead letter, atomically, so whoever waits on the entry's result hears that it
    /// will not come (a specialist answers "not reviewed" for its chunk, so the document still completes).
    /// Called for every dead letter, including one the handler never saw; it must not throw.
    func deadLetterCommands(_ delivery: Delivery, reason: String) -> [[RedisArgument]]
}

extension StreamHandler {
    public func handle(batch: [Delivery], redis: any RedisCommands) -> [Result<HandlerOutcome, any Error>] {
        batch.map { delivery in Result { try handle(delivery, redis: redis) } }
    }

    public func deadLetterCommands(_ delivery: Delivery, reason: String) -> [[RedisArgument]] { [] }
}

/// Told what the worker does, for metrics and logs.
public protocol WorkerObserver: Sendable {
    func handled(_ delivery: Delivery, seconds: Double)
    func failed(_ delivery: Delivery, error: any Error)
    func deadLettered(_ delivery: Delivery, reason: String)
    func redelivered(_ delivery: Delivery)
    func connectionLost(_ error: RedisError)
    func droppedDuplicate(_ delivery: Delivery)
    /// Acknowledged entries were trimmed from the stream.
    func trimmed(_ count: Int)
}

extension WorkerObserver {
    public func handled(_ delivery: Delivery, seconds: Double) {}
    public func failed(_ delivery: Delivery, error: any Error) {}
    public func deadLettered(_ delivery: Delivery, reason: String) {}
    public func redelivered(_ delivery: Delivery) {}
    public func connectionLost(_ error: RedisError) {}
    public func droppedDuplicate(_ delivery: Delivery) {}
    public func trimmed(_ count: Int) {}
}

/// What a worker is doing now, read by another thread (the service's `/readyz`): the entry in hand and since
/// when, so a handler stuck on one entry shows as not ready instead of looking idle.
public final class WorkerHeartbeat: @unchecked Sendable {
    private let lock = Mutex(())
    private var current: (id: String, since: ContinuousClock.Instant)?

    public init() {}

    func begin(_ id: String) { lock.withLock { _ in current = (id, .now) } }
    func end() { lock.withLock { _ in current = nil } }

    /// The entry in hand and how long it has been handled, or nil when idle.
    public var busy: (id: String, for: Duration)? {
        lock.withLock { _ in current.map { ($0.id, ContinuousClock.now - $0.since) } }
    }
}

struct SilentObserver: WorkerObserver {}
