import Dispatch
import Glibc

/// Runs a blocking worker loop on a thread of its own. The loop builds its connection and worker inside
/// `body`, so no connection is ever shared between threads; `stop()` asks it to finish the batch in hand.
public final class WorkerThread: Sendable {
    public let stopSignal = StopSignal()
    private let finished = DispatchSemaphore(value: 0)

    public init(name: String, body: @escaping @Sendable (StopSignal) -> Void) {
        let start = ThreadStart(name: name) { [stopSignal, finished] in
            body(stopSignal)
            finished.signal()
        }
        var thread = pthread_t()
        let context = Unmanaged.passRetained(start).toOpaque()
        let created = pthread_create(&thread, nil, { context in
            let start = Unmanaged<ThreadStart>.fromOpaque(context!).takeRetainedValue()
            start.nameThisThread()
            start.body()
            return nil
        }, context)
        // Without a thread the service cannot work at all; there is nothing to fall back to.
        precondition(created == 0, "pthread_create failed: \(created)")
        pthread_detach(thread)
    }

    public func stop() { stopSignal.set() }

    /// What the new thread runs, handed to it through pthread_create's one pointer.
    private final class ThreadStart: Sendable {
        let name: String
        let body: @Sendable () -> Void

        init(name: String, body: @escaping @Sendable () -> Void) {
            self.name = name
            self.body = body
        }

        /// Names the calling thread for top, perf and gdb (Linux keeps 15 bytes). Through /proc because Swift's
        /// Glibc module does not export the GNU pthread_setname_np; a failure only leaves the default name.
        func nameThisThread() {
            let fd = open("/proc/thread-self/comm", O_WRONLY)
            guard fd >= 0 else { return }
            let bytes = Array(name.utf8.prefix(15))
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
    }

    /// Waits for the loop to return; false if it did not within `timeout`.
    @discardableResult
    public func join(timeout: Duration = .seconds(3600)) -> Bool {
        let (seconds, attoseconds) = timeout.components
        return finished.wait(timeout: .now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))) == .success
    }
}
