import Foundation
import MeshProtocol
import MeshRedis
import MeshService

/// Puts documents on doc.chunks and, if asked, waits for their reports on doc.reports.
struct Submission {
    let connection: RedisConnection
    let codec = WireCodec()
    /// The last entry of doc.reports before submitting, so no report announced after it can be missed.
    private let reportsCursor: String

    init(connection: RedisConnection) throws {
        self.connection = connection
        let last = try connection.send("XREVRANGE", .string(Streams.reports), "+", "-", "COUNT", 1).array?.first
        reportsCursor = last?.array?.first?.string ?? "0-0"
    }

    func send(_ documents: [Document]) throws {
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

    func waitForReports(_ docIds: [String], timeout: Duration) throws -> [Report] {
        let deadline = ContinuousClock.now + timeout
        var cursor = reportsCursor
        var reports: [String: Report] = [:]
        while true {
            for id in docIds where reports[id] == nil {
                if let bytes = try connection.send("GET", .string(Keys.report(id))).bytes {
                    reports[id] = try JSONDecoder().decode(Report.self, from: Data(bytes))
                }
            }
            if reports.count == docIds.count { return docIds.compactMap { reports[$0] } }
            let left = deadline - .now
            guard left > .zero else {
                let missing = docIds.filter { reports[$0] == nil }
                throw TimeoutError(missing: missing)
            }
            let block = min(left, .seconds(1))
            let reply = try connection.send(
                ["XREAD", "COUNT", 100, "BLOCK", .int(max(1, Int(block.components.seconds * 1000 + block.components.attoseconds / 1_000_000_000_000_000))),
                 "STREAMS", .string(Streams.reports), .string(cursor)],
                timeout: block + .seconds(5))
            if let entries = reply.array?.first?.array?.last?.array, let last = entries.last?.array?.first?.string {
                cursor = last
            }
        }
    }
}

struct TimeoutError: Error, CustomStringConvertible {
    var missing: [String]
    var description: String {
        "timed out waiting for the report of \(missing.joined(separator: ", ")); check the services and `redis-cli XPENDING doc.review.grammar grammar-group`"
    }
}
