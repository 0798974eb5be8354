import Synchronization
import FoundationEssentials
import MeshRedis
import MeshWorker

#if canImport(Glibc)
import Glibc
#endif

/// Runs a long-lived service: worker loops on their own threads (each with its own Redis connection), the
/// health and metrics endpoint, and a shutdown on SIGTERM or SIGINT that lets every worker finish the batch
/// in hand before the process exits. Workers stop first; the endpoint, which reports them, stops last.
public final class ServiceRuntime: @unchecked Sendable {
    public let name: String
    public let log: Log
    public let metrics: Metrics
    public let redis: RedisConfiguration
    public let options: RuntimeOptions.Resolved
    private var starters: [@Sendable () -> WorkerThread] = []
    private var consumed: [(stream: String, group: String)] = []
    private var heartbeats: [(stream: String, heartbeat: WorkerHeartbeat)] = []
    private var deadLetterStream = "doc.deadletter"

    public init(name: String, redis: RedisConfiguration, options: RuntimeOptions.Resolved) {
        self.name = name
        self.redis = redis
        self.options = options
        MallocArenas.limit(to: 1) // before any worker thread allocates
        log = Log(service: name, minimum: options.logLevel)
        metrics = Metrics(constantLabels: ["service": name])
        MetricsObserver.describe(metrics)
    }

    /// Worker options for one stream and group, with this process's consumer name and limits.
    public func workerOptions(stream: String, group: String, deadLetterStream: String) -> WorkerOptions {
        var worker = WorkerOptions(stream: stream, group: group, consumer: options.consumerName, deadLetterStream: deadLetterStream)
        worker.visibilityTimeout = options.visibilityTimeout
        worker.maxDeliveries = options.maxDeliveries
        worker.reclaimInterval = min(.seconds(5), options.visibilityTimeout)
        return worker
    }

    /// Adds a worker loop; `makeHandler` runs on the worker's thread, so a handler may hold non-Sendable state.
    public func addWorker<Handler: StreamHandler>(_ workerOptions: WorkerOptions, makeHandler: @escaping @Sendable () -> Handler) {
        consumed.append((workerOptions.stream, workerOptions.group))
        deadLetterStream = workerOptions.deadLetterStream
        let redis = redis
        let log = log
        let observer = MetricsObserver(metrics: metrics, log: log, stream: workerOptions.stream)
        observer.startAtZero()
        let heartbeat = WorkerHeartbeat()
        heartbeats.append((workerOptions.stream, heartbeat))
        starters.append {
            WorkerThread(name: workerOptions.stream) { stop in
                guard let connection = Self.connect(redis, log: log, stop: stop) else { return }
                let worker = StreamWorker(
                    connection: connection, options: workerOptions, handler: makeHandler(), observer: observer, heartbeat: heartbeat)
                log.info("consuming", ["stream": workerOptions.stream, "group": workerOptions.group, "consumer": workerOptions.consumer])
                worker.run(until: stop)
            }
        }
    }

    /// Runs until SIGTERM or SIGINT; returns the process exit code (0 after a clean shutdown).
    public func run() throws -> Int32 {
        // Block the signals before any thread starts, so every thread inherits the mask and only sigwait sees them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &signals, nil)

        let readiness = Readiness(redis: redis, consumed: consumed, heartbeats: heartbeats, stuckAfter: options.visibilityTimeout)
        let gauges = StreamGauges(redis: redis, consumed: consumed, deadLetterStream: deadLetterStream, metrics: metrics)
        let server = try HealthServer(
            port: options.httpPort,
            routes: [
                "/healthz": { .init(status: 200, body: "ok\n") },
                "/readyz": { readiness.check() },
                "/metrics": { [metrics] in
                    gauges.update()
                    return .init(status: 200, contentType: "text/plain; version=0.0.4", body: metrics.render())
                },
            ]
        )
        log.info("started", ["http_port": String(server.port), "consumer": options.consumerName, "redis": redis.endpoint])
        let workers = starters.map { $0() }

        var received: Int32 = 0
        sigwait(&signals, &received)
        log.info("shutting down", ["signal": received == SIGTERM ? "SIGTERM" : "SIGINT"])
        for worker in workers { worker.stop() }
        let deadline = ContinuousClock.now + options.shutdownTimeout
        var clean = true
        for worker in workers where !worker.join(timeout: max(.zero, deadline - .now)) { clean = false }
        server.stop()
        if clean {
            log.info("stopped")
            return 0
        }
        log.error("shutdown timed out with work in hand; it stays pending and will be redelivered")
        return 1
    }

    /// Connects, retrying every second until it works or the service is asked to stop.
    static func connect(_ redis: RedisConfiguration, log: Log, stop: StopSignal) -> RedisConnection? {
        var warned = false
        while !stop.isSet {
            do {
                return try RedisConnection(redis)
            } catch {
                if !warned { log.warning("waiting for Redis", ["error": error.description]) }
                warned = true
                sleep(1)
            }
        }
        return nil
    }
}

/// `/readyz`: no worker is stuck on one entry, Redis answers, and every consumer group this service reads exists.
final class Readiness: @unchecked Sendable {
    private let redis: RedisConfiguration
    private let consumed: [(stream: String, group: String)]
    private let heartbeats: [(stream: String, heartbeat: WorkerHeartbeat)]
    /// A worker handling one entry longer than this is stuck: by then another replica may take the entry over.
    private let stuckAfter: Duration
    private let lock = Mutex(())
    private var connection: RedisConnection?

    init(
        redis: RedisConfiguration, consumed: [(stream: String, group: String)],
        heartbeats: [(stream: String, heartbeat: WorkerHeartbeat)] = [], stuckAfter: Duration = .seconds(30)
    ) {
        self.heartbeats = heartbeats
        self.stuckAfter = stuckAfter
        var quick = redis
        quick.reconnect.maxAttempts = 1
        quick.timeouts = .init(connect: .seconds(1), command: .seconds(1))
        self.redis = quick
        self.consumed = consumed
    }

    func check() -> HealthServer.Response {
        for (stream, heartbeat) in heartbeats {
            if let busy = heartbeat.busy, busy.for > stuckAfter {
                return .init(status: 503, body: "worker on \(stream) stuck on entry \(busy.id) for \(Int(busy.for.components.seconds)) s\n")
            }
        }
        return lock.withLock { _ in
            do {
                if connection == nil { connection = try RedisConnection(redis) }
                try connection!.send("PING")
                for (stream, group) in consumed {
                    let groups = (try? connection!.xinfoGroups(stream)) ?? []  // "no such key" until the stream exists
                    guard groups.contains(where: { $0.name == group }) else {
                        return .init(status: 503, body: "group \(group) on \(stream) not created yet\n")
                    }
                }
                return .init(status: 200, body: "ready\n")
            } catch {
                connection = nil
                return .init(status: 503, body: "redis: \(error)\n")
            }
        }
    }
}

/// Worker events as Prometheus series and log lines.
struct MetricsObserver: WorkerObserver {
    let metrics: Metrics
    let log: Log
    let stream: String

    static func describe(_ metrics: Metrics) {
        metrics.describe("mesh_messages_handled_total", type: "counter", help: "Entries handled and acknowledged.")
        metrics.describe("mesh_message_failures_total", type: "counter", help: "Handler failures; the entry is retried after the visibility timeout.")
        metrics.describe("mesh_handling_seconds", type: "histogram", help: "Time to handle one entry and commit its outputs.")
        metrics.describe("mesh_redeliveries_total", type: "counter", help: "Entries delivered more than once (crash, failure or reclaim).")
        metrics.describe("mesh_dead_letters_total", type: "counter", help: "Entries moved to doc.deadletter.")
        metrics.describe("mesh_duplicates_dropped_total", type: "counter", help: "Outputs dropped because another replica had already committed the entry.")
        metrics.describe("mesh_redis_errors_total", type: "counter", help: "Connection errors and timeouts talking to Redis.")
        metrics.describe("mesh_trimmed_entries_total", type: "counter", help: "Acknowledged entries trimmed from the stream.")
    }

    /// Every series exists from the start, so dashboards and alerts see 0 rather than nothing.
    func startAtZero() {
        for name in [
            "mesh_messages_handled_total", "mesh_message_failures_total", "mesh_redeliveries_total", "mesh_dead_letters_total",
            "mesh_duplicates_dropped_total", "mesh_redis_errors_total", "mesh_trimmed_entries_total",
        ] {
            metrics.increment(name, by: 0, labels: ["stream": stream])
        }
    }

    func handled(_ delivery: Delivery, seconds: Double) {
        metrics.increment("mesh_messages_handled_total", labels: ["stream": stream])
        metrics.observe("mesh_handling_seconds", seconds, labels: ["stream": stream])
    }

    func failed(_ delivery: Delivery, error: any Error) {
        metrics.increment("mesh_message_failures_total", labels: ["stream": stream])
        log.warning("handler failed; will retry", ["stream": stream, "id": delivery.entry.id, "error": "\(error)"])
    }

    func deadLettered(_ delivery: Delivery, reason: String) {
        metrics.increment("mesh_dead_letters_total", labels: ["stream": stream])
        log.error("dead-lettered", ["stream": stream, "id": delivery.entry.id, "reason": reason])
    }

    func redelivered(_ delivery: Delivery) {
        metrics.increment("mesh_redeliveries_total", labels: ["stream": stream])
    }

    func connectionLost(_ error: RedisError) {
        metrics.increment("mesh_redis_errors_total", labels: ["stream": stream])
        log.warning("redis error; retrying", ["stream": stream, "error": error.description])
    }

    func droppedDuplicate(_ delivery: Delivery) {
        metrics.increment("mesh_duplicates_dropped_total", labels: ["stream": stream])
    }

    func trimmed(_ count: Int) {
        metrics.increment("mesh_trimmed_entries_total", by: Double(count), labels: ["stream": stream])
    }
}
