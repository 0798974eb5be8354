import Foundation

/// Runs a blocking worker loop on a thread of its own. The loop builds its connection and worker inside
/// `body`, so no connection is ever shared between threads; `stop()` asks it to finish the batch in hand.
public final class WorkerThread: Sendable {
    public let stopSignal = StopSignal()
    private let finished = DispatchSemaphore(value: 0)

    public init(name: String, body: @escaping @Sendable (StopSignal) -> Void) {
        let thread = Thread { [stopSignal, finished] in
            body(stopSignal)
            finished.signal()
        }
        thread.name = name
        thread.start()
    }

    public func stop() { stopSignal.set() }

    /// Waits for the loop to return; false if it did not within `timeout`.
    @discardableResult
    public func join(timeout: Duration = .seconds(3600)) -> Bool {
        let (seconds, attoseconds) = timeout.components
        return finished.wait(timeout: .now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))) == .success
    }
}
