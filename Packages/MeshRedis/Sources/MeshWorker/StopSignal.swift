import Synchronization

/// Set once to ask a worker loop to finish the batch in hand and return. Safe to set from any thread.
public final class StopSignal: Sendable {
    private let stopped = Mutex(false)

    public init() {}

    public var isSet: Bool { stopped.withLock { $0 } }

    public func set() { stopped.withLock { $0 = true } }
}
