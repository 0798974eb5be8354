import FoundationEssentials
import Glibc
import MeshRedis

/// Runs a consumer-group worker: reads batches from one stream, hands each entry to a handler and commits
/// the outcome with the XACK atomically. On start it finishes its own pending entries first; it takes over
/// entries that another (dead) consumer left idle past the visibility timeout; after `maxDeliveries` it
/// moves an entry to the dead-letter stream with the reason and acknowledges it; it survives Redis going
/// away (the connection reconnects with backoff); it stops after the batch in hand when asked.
public final class StreamWorker<Handler: StreamHandler> {
    public let options: WorkerOptions
    private let connection: RedisConnection
    private let handler: Handler
    private let observer: any WorkerObserver
    private let heartbeat: WorkerHeartbeat?
    /// The last failure of an entry this process saw, for the dead letter's reason.
    private var lastErrors: [String: String] = [:]
    private var groupReady = false

    public init(
        connection: RedisConnection, options: WorkerOptions, handler: Handler, observer: (any WorkerObserver)? = nil,
        heartbeat: WorkerHeartbeat? = nil
    ) {
        self.connection = connection
        self.options = options
        self.handler = handler
        self.observer = observer ?? SilentObserver()
        self.heartbeat = heartbeat
    }

    /// Creates the group (and stream) if missing. Safe to call any number of times, from any replica.
    public func ensureGroup() throws(RedisError) {
        try connection.xgroupCreate(options.stream, group: options.group, id: options.groupStartId, mkstream: true)
        groupReady = true
    }

    /// Loops until `stop` is set. Connection trouble is reported to the observer and retried, never fatal.
    public func run(until stop: StopSignal) {
        var pendingDrained = false
        var lastReclaim = ContinuousClock.now - options.reclaimInterval
        var lastTrim = ContinuousClock.now
        while !stop.isSet {
            do {
                if !groupReady { try ensureGroup() }
                if !pendingDrained {
                    try drainOwnPending(stop: stop)
                    pendingDrained = true
                }
                if ContinuousClock.now - lastReclaim >= options.reclaimInterval {
                    lastReclaim = .now
                    try reclaimIdle(stop: stop)
                }
                if let interval = options.trimInterval, ContinuousClock.now - lastTrim >= interval {
                    lastTrim = .now
                    try trim()
                }
                try readNew(block: options.block)
            } catch {
                handle(error)
                // The batch in hand when the connection broke is still pending to this consumer: read it again
                // first, rather than leave it for a reclaim after the visibility timeout.
                pendingDrained = false
                if !stop.isSet { usleep(200_000) }
            }
        }
    }

    /// One pass, for tests and one-shot tools: own pending, reclaimed, then new entries (not blocking).
    /// Returns how many entries were handed to the handler or dead-lettered.
    @discardableResult
    public func runOnce() throws(RedisError) -> Int {
        if !groupReady { try ensureGroup() }
        let stop = StopSignal()
        var count = try drainOwnPending(stop: stop)
        count += try reclaimIdle(stop: stop)
        count += try readNew(block: nil)
        if options.trimInterval != nil { try trim() }
        return count
    }

    /// Removes the entries every group of the stream has acknowledged, so Redis does not grow with every
    /// document. Safe with any number of replicas doing the same: no group ever needs an entry below the floor.
    private func trim() throws(RedisError) {
        let removed = try connection.trimAcknowledged(options.stream)
        if removed > 0 { observer.trimmed(removed) }
    }

    // MARK: Reading

    /// Entries delivered to this consumer before a crash or restart, oldest first, one at a time: reading an
    /// entry again counts a delivery, so reading a whole batch would charge every entry of it for the one that
    /// crashed the process, and after `maxDeliveries` restarts dead-letter innocent entries with the poison one.
    @discardableResult
    private func drainOwnPending(stop: StopSignal) throws(RedisError) -> Int {
        var start = "0"
        var count = 0
        while !stop.isSet {
            let entries = try connection.xreadGroup(
                group: options.group, consumer: options.consumer, count: 1,
                streams: [(options.stream, start)]
            ).first?.entries ?? []
            guard let last = entries.last else { break }
            try process(entries, deliveries: try deliveryCounts(of: entries))
            count += entries.count
            start = last.id
        }
        return count
    }

    /// Takes over entries idle longer than the visibility timeout, from any consumer (this one included:
    /// that is how a failed entry is retried). One at a time, for the same reason as `drainOwnPending`: a claim
    /// counts a delivery, and the entry that killed the last consumer must not take its neighbours with it.
    @discardableResult
    private func reclaimIdle(stop: StopSignal) throws(RedisError) -> Int {
        var start = "0-0"
        var count = 0
        repeat {
            let claim = try connection.xautoclaim(
                options.stream, group: options.group, consumer: options.consumer,
                minIdle: options.visibilityTimeout, start: start, count: 1
            )
            if !claim.entries.isEmpty {
                try process(claim.entries, deliveries: try deliveryCounts(of: claim.entries))
                count += claim.entries.count
            }
            start = claim.nextStart
        } while start != "0-0" && !stop.isSet
        return count
    }

    @discardableResult
    private func readNew(block: Duration?) throws(RedisError) -> Int {
        let entries = try connection.xreadGroup(
            group: options.group, consumer: options.consumer, count: options.batchSize, block: block,
            streams: [(options.stream, ">")]
        ).first?.entries ?? []
        try process(entries, deliveries: [:])
        return entries.count
    }

    private func deliveryCounts(of entries: [StreamEntry]) throws(RedisError) -> [String: Int] {
        guard let first = entries.first, let last = entries.last else { return [:] }
        let rows = try connection.xpending(
            options.stream, group: options.group, start: first.id, end: last.id, count: entries.count + 64,
            consumer: options.consumer
        )
        return Dictionary(rows.map { ($0.id, $0.deliveries) }, uniquingKeysWith: max)
    }

    // MARK: Handling

    /// A handled entry waiting for its commit, which goes out with the rest of its batch.
    private struct PendingCommit {
        var delivery: Delivery
        var guardCommand: [RedisArgument]
        var commands: [[RedisArgument]]
        /// Set for a dead letter: the reason.
        var deadLetterReason: String?
        var handlingTime: Duration

        /// Handled with no outputs, no guard and no dead letter: an XACK is all its commit needs.
        var onlyAcknowledges: Bool { guardCommand.isEmpty && commands.isEmpty && deadLetterReason == nil }
    }

    /// Hands every entry of a batch to the handler, then commits them all: one commit script per entry (each
    /// atomic on its own), pipelined in one round trip, and one XACK for the entries with nothing to write. A
    /// crash before the commits leaves the whole batch pending, to be redelivered; nothing is acknowledged
    /// without its outputs.
    private func process(_ entries: [StreamEntry], deliveries: [String: Int]) throws(RedisError) {
        var batch: [PendingCommit] = []
        var handled: [Delivery] = []
        for entry in entries {
            let delivery = Delivery(stream: options.stream, entry: entry, deliveries: deliveries[entry.id] ?? 1)
            if delivery.deliveries > 1 { observer.redelivered(delivery) }
            if delivery.deliveries > options.maxDeliveries {
                let last = lastErrors[entry.id].map { "; last error: \($0)" } ?? ""
                batch.append(deadLetter(delivery, reason: "delivered \(delivery.deliveries) times without success\(last)"))
                continue
            }
            handled.append(delivery)
        }
        if let first = handled.first {
            let started = ContinuousClock.now
            heartbeat?.begin(first.entry.id)
            let results = handler.handle(batch: handled, redis: connection)
            heartbeat?.end()
            // The handling time of a batch is shared out evenly between its entries.
            let share = (ContinuousClock.now - started) / handled.count
            for (index, delivery) in handled.enumerated() {
                // A handler that answers too few results leaves the rest pending, to be retried.
                guard index < results.count else {
                    observer.failed(delivery, error: RedisError(.protocolViolation, "the handler returned no result for \(delivery.entry.id)"))
                    continue
                }
                switch results[index] {
                case .failure(let error as RedisError) where error.code == .connection || error.code == .timeout:
                    throw error
                case .failure(let error as any PermanentFailure):
                    batch.append(deadLetter(delivery, reason: "\(error)"))
                case .failure(let error):
                    lastErrors[delivery.entry.id] = "\(error)"
                    observer.failed(delivery, error: error)
                case .success(.commit(let commands)):
                    batch.append(PendingCommit(delivery: delivery, guardCommand: [], commands: commands, handlingTime: share))
                case .success(.commitGuarded(let guardCommand, let commands)):
                    batch.append(PendingCommit(delivery: delivery, guardCommand: guardCommand, commands: commands, handlingTime: share))
                case .success(.deadLetter(let reason)):
                    batch.append(deadLetter(delivery, reason: reason))
                }
            }
        }
        try commit(batch)
    }

    private func commit(_ all: [PendingCommit]) throws(RedisError) {
        guard !all.isEmpty else { return }
        let started = ContinuousClock.now
        // An entry handled with nothing to write needs only its XACK, which is atomic and idempotent on its own:
        // one XACK for all of them rather than a commit script each (the aggregator acknowledges most reviews so,
        // a quarter of Redis's scripts in a burst).
        let bare = all.filter(\.onlyAcknowledges)
        let batch = all.filter { !$0.onlyAcknowledges }
        if !bare.isEmpty {
            let acknowledged = try connection.send(
                ["XACK", .string(options.stream), .string(options.group)] + bare.map { .string($0.delivery.entry.id) }, timeout: nil
            ).int ?? 0
            let share = (ContinuousClock.now - started) / bare.count
            for (k, pending) in bare.enumerated() {
                lastErrors[pending.delivery.entry.id] = nil
                // XACK counts the entries still pending; those that were not, someone else committed.
                if k >= acknowledged { observer.droppedDuplicate(pending.delivery) }
                observer.handled(pending.delivery, seconds: (pending.handlingTime + share).seconds)
            }
        }
        guard !batch.isEmpty else { return }
        let replies = try connection.evalsha(
            CommitScript.script,
            calls: batch.map {
                ([options.stream], CommitScript.arguments(group: options.group, id: $0.delivery.entry.id, guard: $0.guardCommand, commands: $0.commands))
            }
        )
        let share = (ContinuousClock.now - started) / batch.count
        for (pending, reply) in zip(batch, replies) {
            let delivery = pending.delivery
            if case .error(let text) = reply {
                // The script failed part-way (e.g. an output on a key of the wrong type): the entry stays
                // pending and is retried, then dead-lettered like any failure.
                lastErrors[delivery.entry.id] = "commit failed: \(text)"
                observer.failed(delivery, error: RedisError.server(text))
                continue
            }
            lastErrors[delivery.entry.id] = nil
            if reply.int == 0 { observer.droppedDuplicate(delivery) }
            if let reason = pending.deadLetterReason {
                observer.deadLettered(delivery, reason: reason)
            } else {
                observer.handled(delivery, seconds: (pending.handlingTime + share).seconds)
            }
        }
    }

    /// The commit that moves an entry to the dead-letter stream, with the reason, its origin and all its
    /// fields, and acknowledges it, atomically.
    private func deadLetter(_ delivery: Delivery, reason: String) -> PendingCommit {
        var fields = [
            StreamField("reason", reason),
            StreamField("origin-stream", options.stream),
            StreamField("origin-id", delivery.entry.id),
            StreamField("origin-group", options.group),
            StreamField("consumer", options.consumer),
            StreamField("deliveries", String(delivery.deliveries)),
        ]
        fields += delivery.entry.fields.map { StreamField("orig." + $0.name, $0.value) }
        let letter = RedisConnection.xaddArguments(
            options.deadLetterStream, fields: fields, approximateMaxLength: options.deadLetterMaxLength)
        return PendingCommit(
            delivery: delivery, guardCommand: [],
            commands: [letter] + handler.deadLetterCommands(delivery, reason: reason),
            deadLetterReason: reason, handlingTime: .zero
        )
    }

    private func handle(_ error: any Error) {
        guard let redisError = error as? RedisError else { return }
        observer.connectionLost(redisError)
        // A restarted Redis without persistence has lost the group: create it again.
        if redisError.code == .noGroup || redisError.code == .connection { groupReady = false }
    }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
