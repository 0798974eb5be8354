import Foundation
import MeshProtocol
import MeshRedis
import MeshService

/// Puts documents on doc.chunks and, if asked, waits for their reports on doc.reports.
public struct Submission {
    public let connection: RedisConnection
    let codec = WireCodec()
    /// The last entry of doc.reports before submitting, so no report announced after it can be missed.
    private let reportsCursor: String

    public init(connection: RedisConnection) throws {
        self.connection = connection
        let last = try connection.send("XREVRANGE", .string(Streams.reports), "+", "-", "COUNT", 1).array?.first
        reportsCursor = last?.array?.first?.string ?? "0-0"
    }

    public func send(_ documents: [Document]) throws {
        for document in documents {
            // A document id names one review: submitting it again replaces the earlier report.
            try connection.send(
                "DEL", .string(Keys.report(document.docId)), .string(Keys.completed(document.docId)),
                .string(Keys.results(document.docId)))
            for batch in stride(from: 0, to: document.chunks.count, by: 256) {
                let commands = document.chunks[batch..<min(batch + 256, document.chunks.count)].map { codec.xadd(Streams.chunks, $0) }
                for reply in try connection.pipeline(commands) { _ = try reply.throwingServerError() }
            }
        }
    }

    /// Waits for every document's report. A lost connection (Redis restarting) is retried until the deadline;
    /// on timeout the error names what holds the work. `progress` gets a line a second.
    public func waitForReports(_ documents: [Document], timeout: Duration, progress: ProgressLine?) throws -> [Report] {
        let deadline = ContinuousClock.now + timeout
        var cursor = reportsCursor
        var reports: [String: Report] = [:]
        var lastProgress = ContinuousClock.now - .seconds(1)
        defer { progress?.finish() }
        while true {
            do {
                for document in documents where reports[document.docId] == nil {
                    if let bytes = try connection.send("GET", .string(Keys.report(document.docId))).bytes {
                        do {
                            reports[document.docId] = try JSONDecoder().decode(Report.self, from: Data(bytes))
                        } catch {
                            throw Failure(.redis, "the report of \(document.docId) in \(Keys.report(document.docId)) is not a report: \(error)")
                        }
                    }
                }
                if reports.count == documents.count { return documents.compactMap { reports[$0.docId] } }
                if let progress, ContinuousClock.now - lastProgress >= .seconds(1) {
                    lastProgress = .now
                    progress.show(try progressText(documents.filter { reports[$0.docId] == nil }, done: reports.count, of: documents.count))
                }
                let left = deadline - .now
                guard left > .zero else {
                    let missing = documents.filter { reports[$0.docId] == nil }
                    throw Failure(.timeout, "timed out waiting for the report of \(missing.map(\.docId).joined(separator: ", "))\n" + diagnosis(missing))
                }
                let block = min(left, .seconds(1))
                let reply = try connection.send(
                    ["XREAD", "COUNT", 100, "BLOCK", .int(max(1, Int(block.components.seconds * 1000 + block.components.attoseconds / 1_000_000_000_000_000))),
                     "STREAMS", .string(Streams.reports), .string(cursor)],
                    timeout: block + .seconds(5))
                if let entries = reply.array?.first?.array?.last?.array, let last = entries.last?.array?.first?.string {
                    cursor = last
                }
            } catch let error as RedisError where error.code == .connection || error.code == .timeout {
                // Redis restarting: its AOF keeps what was in flight, and the services reconnect; so do we.
                guard ContinuousClock.now < deadline else {
                    throw Failure(.redis, "lost Redis and it did not come back before the timeout: \(error)")
                }
                progress?.show("lost Redis (\(error)); reconnecting")
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
            for key in try connection.send("HKEYS", .string(Keys.results(document.docId))).array ?? [] {
                guard let name = key.string?.split(separator: ":").first else { continue }
                bySpecialist[String(name), default: 0] += 1
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
        let letters = (try? connection.send("XREVRANGE", .string(Streams.deadLetter), "+", "-", "COUNT", 1000).array) ?? []
        for item in letters {
            let pair = item.array ?? []
            guard pair.count == 2 else { continue }
            let fields = RedisConnection.pairs(pair[1])
            guard let doc = fields["orig.doc"]?.string, ids.contains(doc) else { continue }
            lines.append("  dead letter for \(doc) from \(fields["origin-stream"]?.string ?? "?"): \(fields["reason"]?.string ?? "?")")
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
