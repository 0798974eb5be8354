import Synchronization
import FoundationEssentials
import MeshRedis

/// The backlog of the streams a service consumes, read from Redis when `/metrics` is scraped, as gauges:
/// what `mesh status` shows, for Prometheus alerts and dashboards. Per (stream, group) this service reads:
/// `mesh_consumer_group_pending` (delivered, not yet acknowledged), `mesh_consumer_group_lag` (not yet
/// delivered), `mesh_consumer_group_oldest_pending_seconds` (idle time of the oldest pending entry), and
/// `mesh_consumer_group_consumers`; per stream, `mesh_stream_length` (including doc.deadletter's).
final class StreamGauges: @unchecked Sendable {
    private let redis: RedisConfiguration
    private let consumed: [(stream: String, group: String)]
    private let deadLetterStream: String
    private let metrics: Metrics
    private let lock = Mutex(())
    private var connection: RedisConnection?

    init(redis: RedisConfiguration, consumed: [(stream: String, group: String)], deadLetterStream: String, metrics: Metrics) {
        var quick = redis
        quick.reconnect.maxAttempts = 1
        quick.timeouts = .init(connect: .seconds(1), command: .seconds(1))
        self.redis = quick
        self.consumed = consumed
        self.deadLetterStream = deadLetterStream
        self.metrics = metrics
        Self.describe(metrics)
    }

    static func describe(_ metrics: Metrics) {
        metrics.describe("mesh_stream_length", type: "gauge", help: "Entries in the stream (XLEN).")
        metrics.describe("mesh_consumer_group_pending", type: "gauge", help: "Entries delivered to the group and not yet acknowledged (XPENDING).")
        metrics.describe("mesh_consumer_group_lag", type: "gauge", help: "Entries of the stream not yet delivered to the group (XINFO GROUPS lag).")
        metrics.describe("mesh_consumer_group_oldest_pending_seconds", type: "gauge", help: "Idle time of the group's oldest pending entry; 0 when none is pending.")
        metrics.describe("mesh_consumer_group_consumers", type: "gauge", help: "Consumers registered in the group.")
        metrics.describe("mesh_stream_scrape_errors_total", type: "counter", help: "Scrapes whose stream gauges could not be read from Redis.")
    }

    /// Reads the gauges; on a Redis error the previous values stay and the error is counted.
    func update() {
        lock.withLock { _ in
            do {
                if connection == nil { connection = try RedisConnection(redis) }
                let connection = connection!
                var streams = Set(consumed.map(\.stream))
                streams.insert(deadLetterStream)
                for stream in streams.sorted() {
                    metrics.set("mesh_stream_length", to: Double(try connection.xlen(stream)), labels: ["stream": stream])
                }
                for (stream, group) in consumed {
                    let labels = ["stream": stream, "group": group]
                    // "no such key" until the stream exists: nothing waits then.
                    let info = ((try? connection.xinfoGroups(stream)) ?? []).first { $0.name == group }
                    metrics.set("mesh_consumer_group_pending", to: Double(info?.pending ?? 0), labels: labels)
                    metrics.set("mesh_consumer_group_consumers", to: Double(info?.consumers ?? 0), labels: labels)
                    if let lag = info?.lag { metrics.set("mesh_consumer_group_lag", to: Double(lag), labels: labels) }
                    var oldest = 0.0
                    if let info, info.pending > 0, let first = try connection.xpending(stream, group: group, count: 1).first {
                        let (seconds, attoseconds) = first.idle.components
                        oldest = Double(seconds) + Double(attoseconds) / 1e18
                    }
                    metrics.set("mesh_consumer_group_oldest_pending_seconds", to: oldest, labels: labels)
                }
            } catch {
                connection = nil
                metrics.increment("mesh_stream_scrape_errors_total")
            }
        }
    }
}
