import Foundation
import MeshProtocol
import MeshRedis
import MeshService

/// Puts documents on doc.chunks and, if asked, waits for their reports on doc.reports.
public struct Submission {
    public let connection: RedisConnection
    let codec = WireCodec()
    /// Consecutive chunks are sent together, up to this many bytes of text per entry (`--batch-bytes`).
    public var batchBytes = Submission.defaultBatchBytes
    public static let defaultBatchBytes = 16 * 1024
    /// The last entry of doc.reports read (before submitting: the stream's last), so no report announced after
    /// it can be missed.
    private var reportsCursor: String

    public init(connection: RedisConnection) throws {
        self.connection = connection
        reportsCursor = try connection.xrevrange(Streams.reports, count: 1).first?.id ?? "0-0"
    }

    public func send(_ documents: [Document]) throws {
        for document in documents {
            // A document id names one review: submitting it again replaces the earlier report.
            try connection.send(
                "DEL", .string(Keys.report(document.docId)), .string(Keys.completed(document.docId)),
                .string(Keys.results(document.docId)))
            // A few entries per document rather than one per paragraph: each is a whole number of chunks.
            let entries = WireCodec.batches(document.chunks, budget: batchBytes).map { chunks in
                chunks.count == 1
                    ? codec.xadd(Streams.chunks, chunks[0])
                    : codec.xadd(Streams.chunks, ChunkBatch(docId: document.docId, chunks: chunks))
            }
            for start in stride(from: 0, to: entries.count, by: 256) {
                for reply in try connection.pipeline(Array(entries[start..<min(start + 256, entries.count)])) { _ = try reply.throwingServerError() }
            }
        }
    }

    /// Waits for every document's report. A lost connection (Redis restarting) is retried until the deadline;
    /// on timeout the error names what holds the work. `progress` gets a line a second; `received` each report as
    /// it is read, once.
    public mutating func waitForReports(_ documents: [Document], timeout: Duration, progress: ProgressLine?,
                                        received: (Report) -> Void = { _ in }) throws -> [Report] {
        let deadline = ContinuousClock.now + timeout
        var cursor = reportsCursor
        var reports: [String: Report] = [:]
        // Documents whose report to GET: all of them at first (and after a reconnect), then only those
        // announced on doc.reports, so each report is read once rather than polled.
        var toCheck = Set(documents.map(\.docId))
        let waitedFor = toCheck
        var lastProgress = ContinuousClock.now - .seconds(1)
        defer { progress?.finish() }
        while true {
            do {
                for document in documents where toCheck.contains(document.docId) && reports[document.docId] == nil {
                    if let bytes = try connection.get(Keys.report(document.docId)) {
                        let report: Report
                        do {
                            report = try WireCodec.read(Report.self, json: bytes)
                        } catch {
                            throw Failure(.redis, "the report of \(document.docId) in \(Keys.report(document.docId)) is not a report: \(error)")
                        }
                        reports[document.docId] = report
                        received(report)
                    }
                }
                toCheck = []
                if reports.count == documents.count {
                    reportsCursor = cursor
                    return documents.compactMap { reports[$0.docId] }
                }
                if let progress, ContinuousClock.now - lastProgress >= .seconds(1) {
                    lastProgress = .now
                    progress.show(try progressText(documents.filter { reports[$0.docId] == nil }, done: reports.count, of: documents.count))
                }
                let left = deadline - .now
                guard left > .zero else {
                    let missing = documents.filter { reports[$0.docId] == nil }
                    throw Failure(.timeout, "timed out waiting for the report of \(missing.map(\.docId).joined(separator: ", "))\n" + diagnosis(missing))
                }
                let entries = try connection.xread(count: 100, block: min(left, .seconds(1)), streams: [(Streams.reports, cursor)]).first?.entries ?? []
                for entry in entries {
                    cursor = entry.id
                    // An announcement that cannot be read still names its document in `doc`: check that one.
                    let docId = (try? codec.decode(ReportReady.self, from: entry.wireFields).docId) ?? entry.string(WireField.docId)
                    if let docId, waitedFor.contains(docId) { toCheck.insert(docId) }
                }
            } catch let error as RedisError where error.code == .connection || error.code == .timeout {
                // Redis restarting: its AOF keeps what was in flight, and the services reconnect; so do we.
                guard ContinuousClock.now < deadline else {
                    throw Failure(.redis, "lost Redis and it did not come back before the timeout: \(error)")
                }
                progress?.show("lost Redis (\(error)); reconnecting")
                toCheck = waitedFor
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
    }

    /// `reviewing 2 documents: 340/800 chunk reviews (grammar 90/200, clarity 100/200, …)`.
    private func progressText(_ waiting: [Document], done: Int, of total: Int) throws -> String {
        var bySpecialist: [String: Int] = [:]
        var chunks = 0
        for document in waiting {
            chunks += document.chunks.count
            // The aggregator counts each specialist's stored reviews in the field `#<specialist>`.
            let counters = SpecialistType.allCases.map { RedisArgument.string("#" + $0.rawValue) }
            let values = try connection.send(["HMGET", .string(Keys.results(document.docId))] + counters).array ?? []
            for (type, value) in zip(SpecialistType.allCases, values) {
                if let n = value.int { bySpecialist[type.rawValue, default: 0] += n }
            }
        }
        let names = SpecialistType.allCases.map(\.rawValue).filter { bySpecialist[$0] != nil }
        let reviewed = bySpecialist.values.reduce(0, +)
        let detail = names.map { "\($0) \(bySpecialist[$0]!)/\(chunks)" }.joined(separator: ", ")
        let reports = total > 1 ? "\(done)/\(total) reports; " : ""
        return "reviewing: \(reports)\(reviewed) chunk reviews in" + (detail.isEmpty ? " (none yet)" : " (\(detail))")
    }

    /// What holds the work: per stream of the pipeline, each group's pending entries, lag and consumers (with
    /// their idle time), and the dead letters of the documents waited for.
    public func diagnosis(_ missing: [Document]) -> String {
        var lines: [String] = []
        let streams = [Streams.chunks] + SpecialistType.allCases.flatMap { [Streams.review($0), Streams.suggestions($0)] }
        for stream in streams {
            guard let groups = try? connection.xinfoGroups(stream) else { continue }
            for group in groups where group.pending > 0 || (group.lag ?? 0) > 0 {
                var line = "  \(stream) \(group.name): \(group.pending) pending, \(group.lag.map(String.init) ?? "?") not yet read"
                let consumers = (try? connection.send("XINFO", "CONSUMERS", .string(stream), .string(group.name)).array) ?? []
                let described = consumers.compactMap { item -> String? in
                    let fields = RedisConnection.pairs(item)
                    guard let name = fields["name"]?.string else { return nil }
                    let pending = fields["pending"]?.int ?? 0
                    let idle = (fields["idle"]?.int ?? 0) / 1000
                    return "\(name) (\(pending) pending, idle \(idle) s)"
                }
                if !described.isEmpty { line += "; consumers: " + described.joined(separator: ", ") }
                if group.consumers == 0 { line += "; no consumer: is the service running?" }
                lines.append(line)
            }
        }
        let ids = Set(missing.map(\.docId))
        for letter in (try? connection.xrevrange(Streams.deadLetter, count: 1000)) ?? [] {
            guard let doc = letter.string("orig.doc"), ids.contains(doc) else { continue }
            lines.append("  dead letter for \(doc) from \(letter.string("origin-stream") ?? "?"): \(letter.string("reason") ?? "?")")
        }
        if lines.isEmpty { lines.append("  nothing is pending or dead-lettered: are the coordinator, the specialists and the aggregator running?") }
        return "what holds the work:\n" + lines.joined(separator: "\n")
    }
}


/// One document ready to submit: its id, where it came from and its chunks (config and terms filled in).
public struct Document: Sendable {
    public var docId: String
    public var source: String
    public var chunks: [Chunk]

    public init(docId: String, source: String, chunks: [Chunk]) {
        self.docId = docId
        self.source = source
        self.chunks = chunks
    }
}
