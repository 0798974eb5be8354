import Synchronization
import FoundationEssentials
import MeshText
import MeshProtocol
import MeshRedis
import MeshReports
import MeshService
import MeshWorker

/// Stores reviews; when a document is complete, publishes its report exactly once.
///
/// The results hash `doc:results:<doc>` has one field per entry received, `<specialist>:<first chunk index>`, holding
/// the entry's body as it came (a `ReviewBatch`, or one `ChunkReview` from a 1.x writer; JSON, or the zlib stream of
/// a deflated entry), written with HSETNX so a redelivered entry adds nothing, and counters `#` (reviews stored)
/// and `#<specialist>`, raised only when the field was new.
public struct Collect: StreamHandler {
    public let reportTTL: Int
    public let cache: ReviewCache
    public let codec = WireCodec()

    public init(reportTTL: Int, cache: ReviewCache) {
        self.reportTTL = reportTTL
        self.cache = cache
    }
    /// `doc.reports` has no consumer group to acknowledge it: it keeps about this many newest announcements.
    /// A waiting producer also reads `doc:report:<doc>` itself, so nothing it waits for is lost to trimming.
    public static let reportsKept = 10_000
    /// Unless the document is already complete (then -1): HSETNX the entry's field, raise the counters when it
    /// was new, EXPIRE the hash; returns {reviews stored so far, 1 if the field was new else 0}.
    public static let record = RedisScript("""
        if redis.call('EXISTS', KEYS[2]) == 1 then return {-1, 0} end
        local total
        local new = redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
        if new == 1 then
          redis.call('HINCRBY', KEYS[1], '#' .. ARGV[5], ARGV[4])
          total = redis.call('HINCRBY', KEYS[1], '#', ARGV[4])
        else
          total = tonumber(redis.call('HGET', KEYS[1], '#') or '0')
        end
        redis.call('EXPIRE', KEYS[1], ARGV[3])
        return {total, new}
        """)

    public func handle(_ delivery: Delivery, redis: any RedisCommands) throws -> HandlerOutcome {
        try handle(batch: [delivery], redis: redis)[0].get()
    }

    /// Records every entry of the batch in one pipeline (one script call each), then builds the report of each
    /// document that became complete.
    public func handle(batch: [Delivery], redis: any RedisCommands) -> [Result<HandlerOutcome, any Error>] {
        // Decoded in full, so a malformed review is dead-lettered now rather than stalling its document; stored
        // as the body it came as, with no second encoding. Counts, indexes and the specialist lists were checked
        // when decoding (WireLimits), so the products below cannot overflow: at most 100,000 chunks times four.
        var results = [Result<HandlerOutcome, any Error>](repeating: .success(.acknowledge), count: batch.count)
        var recorded: [(index: Int, reviews: [ChunkReview], field: String)] = []
        var calls: [(keys: [String], arguments: [RedisArgument])] = []
        for (index, delivery) in batch.enumerated() {
            do {
                let fields = delivery.entry.wireFields
                let kind = delivery.entry.string(WireField.kind)
                let json = kind == ReviewBatch.kind
                    ? try codec.body(of: ReviewBatch.self, from: fields) : try codec.body(of: ChunkReview.self, from: fields)
                let reviews = kind == ReviewBatch.kind
                    ? try codec.decode(ReviewBatch.self, json: json).reviews : [try codec.decode(ChunkReview.self, json: json)]
                // A deflated body is stored deflated: Redis's Lua hashes every byte of a script's arguments, and the
                // results hash takes a fifth of the memory.
                let stored = delivery.entry.string(WireField.encoding) == BodyEncoding.jsonDeflate.rawValue
                    ? fields.first { $0.0 == WireField.body }?.1 ?? json : json
                let first = reviews[0]
                let field = "\(first.specialist.rawValue):\(first.chunkIndex)"
                recorded.append((index, reviews, field))
                // A review redelivered after its document completed (this worker was killed before its XACK while
                // another finished the document) is only acknowledged: recording it would bring back the results
                // hash, which completion deleted. Checked in the same script as the HSETNX.
                calls.append((
                    [Keys.results(first.docId), Keys.completed(first.docId)],
                    [.string(field), .bytes(stored), .int(reportTTL), .int(reviews.count), .string(first.specialist.rawValue)]
                ))
            } catch {
                results[index] = .failure(error)
            }
        }
        let replies: [RedisValue]
        do {
            replies = try redis.evalsha(Self.record, calls: calls)
        } catch {
            for item in recorded { results[item.index] = .failure(error) }
            return results
        }
        for (item, reply) in zip(recorded, replies) {
            do {
                let answer = try reply.throwingServerError().array ?? []
                guard answer.count == 2, let stored = answer[0].int, stored >= 0 else { continue }
                let first = item.reviews[0]
                // Only a new field: a redelivered entry's reviews are those stored (and cached) the first time.
                if answer[1].int == 1 { cache.set(first.docId, field: item.field, reviews: item.reviews) }
                guard stored >= first.chunkCount * first.specialists.count else { continue }
                results[item.index] = .success(try publish(first.docId, redis: redis))
            } catch {
                results[item.index] = .failure(error)
            }
        }
        return results
    }

    private func publish(_ docId: String, redis: any RedisCommands) throws -> HandlerOutcome {
        let report = try assemble(docId, redis: redis)
        let ready = ReportReady(docId: docId, key: Keys.report(docId), total: report.summary.total)
        return .commitGuarded(
            guard: ["SET", .string(Keys.completed(docId)), "1", "NX", "EX", .int(reportTTL)],
            then: [
                ["SET", .string(Keys.report(docId)), .bytes(WireCodec.json(report)), "EX", .int(reportTTL)],
                RedisConnection.xaddArguments(Streams.reports, fields: codec.streamFields(ready), approximateMaxLength: Self.reportsKept),
                ["DEL", .string(Keys.results(docId))],
            ]
        )
    }

    /// Every review of the document: from the cache where this process decoded them already, else (another
    /// replica's, or before a restart) decoded from the results hash.
    private func assemble(_ docId: String, redis: any RedisCommands) throws -> Report {
        let key = Keys.results(docId)
        let cached = cache.take(docId)
        let names = (try redis.send("HKEYS", .string(key)).array ?? []).compactMap(\.string).filter { !$0.hasPrefix("#") }
        var reviews: [ChunkReview] = []
        var missing: [String] = []
        for name in names {
            if let known = cached[name] { reviews += known } else { missing.append(name) }
        }
        if !missing.isEmpty {
            let values = try redis.send(["HMGET", .string(key)] + missing.map { .string($0) }, timeout: nil).array ?? []
            for value in values {
                guard let bytes = value.bytes else { continue }
                reviews += try StoredReviews(stored: bytes, inflateLimit: codec.inflateLimit).reviews
            }
        }
        return ReportAssembly.assemble(docId: docId, reviews: reviews, readability: Readability.scores)
    }
}

/// A stored entry: a 2.0 `ReviewBatch` (it has `reviews`) or a 1.x `ChunkReview`.
public struct StoredReviews {
    public var reviews: [ChunkReview]

    /// A results field's value: JSON (it starts with `{`), or the zlib stream of a deflated entry, inflated first.
    public init(stored: [UInt8], inflateLimit: Int) throws(ProtocolError) {
        try self.init(json: stored.first == UInt8(ascii: "{") ? stored : try Compression.inflate(stored, limit: inflateLimit))
    }

    public init(json: [UInt8]) throws(ProtocolError) {
        do {
            reviews = try WireCodec.read(ReviewBatch.self, json: json).reviews
        } catch {
            // A 1.x entry is one review; if it is not that either, the batch's reason is the one to give.
            guard let review = try? WireCodec.read(ChunkReview.self, json: json) else { throw error }
            reviews = [review]
        }
    }
}

/// The reviews this process decoded, by document and results field, so assembling a report does not parse
/// them again. Bounded at `limit` reviews. When full it keeps what it holds and takes no more (those reviews are
/// read from the hash at assembly, as another replica's would be): in a burst the documents cached first are the
/// first to complete, so emptying the cache instead threw away the reviews about to be used (`make bench-mesh`:
/// 113 of 114 reports read their reviews back from Redis). A document cached longer than `staleAfter` ago
/// (its report assembled by another replica, or never) is dropped when room is needed.
public final class ReviewCache: @unchecked Sendable {
    private struct Document {
        var fields: [String: [Cached]] = [:]
        var since: ContinuousClock.Instant
        /// What every review of a document repeats, kept once (from its first review).
        var source: String?
        var specialists: [SpecialistType] = []
    }

    /// A cached review. Most say only which chunk and specialist they are, and a tone (tone's): those are kept in
    /// 32 bytes (fields in this order), the document's id, source and specialists being the document's. Any other
    /// (suggestions, counts, a gap, another source) is kept whole, boxed. A `ChunkReview` is over 200 bytes inline.
    private struct Cached {
        var whole: Whole?
        var tone: Double?
        var chunkIndex: Int32
        var chunkCount: Int32
        var specialist: SpecialistType
    }

    private final class Whole {
        let review: ChunkReview
        init(_ review: ChunkReview) { self.review = review }
    }

    private let lock = Mutex(())
    private var documents: [String: Document] = [:]
    private var count = 0
    public let limit: Int
    public let staleAfter: Duration

    /// `make bench-mesh`'s burst of 114 documents has some 26,000 reviews in flight. Kept whole they cost about
    /// 220 bytes each (29 MB RSS with 20,000, 25 MB with 2,000); kept as `Cached`, most take 32, so 12,000 fit
    /// in what 6,000 slimmed whole reviews took (an 18–20 MB peak, against a budget of 20).
    public init(limit: Int = 12_000, staleAfter: Duration = .seconds(120)) {
        self.limit = limit
        self.staleAfter = staleAfter
    }

    /// Replaces what the field held (a document id submitted again starts a new results hash). Returns false
    /// when there was no room: the reviews are not kept.
    @discardableResult
    public func set(_ docId: String, field: String, reviews: [ChunkReview], now: ContinuousClock.Instant = .now) -> Bool {
        lock.withLock { _ in
            count -= documents[docId]?.fields.removeValue(forKey: field)?.count ?? 0
            if count + reviews.count > limit { dropStale(now: now) }
            guard count + reviews.count <= limit else { return false }
            var document = documents.removeValue(forKey: docId) ?? Document(since: now)
            if document.source == nil, let first = reviews.first {
                document.source = first.source
                document.specialists = first.specialists
            }
            document.fields[field] = reviews.map { review in
                let plain = review.suggestions.isEmpty && review.counts == nil && review.unreviewed == nil && review.range == nil
                    && review.docId == docId && review.source == document.source && review.specialists == document.specialists
                guard plain, let index = Int32(exactly: review.chunkIndex), let chunks = Int32(exactly: review.chunkCount) else {
                    return Cached(whole: Whole(review), tone: nil, chunkIndex: 0, chunkCount: 0, specialist: review.specialist)
                }
                return Cached(whole: nil, tone: review.tone, chunkIndex: index, chunkCount: chunks, specialist: review.specialist)
            }
            documents[docId] = document
            count += reviews.count
            return true
        }
    }

    public func take(_ docId: String) -> [String: [ChunkReview]] {
        lock.withLock { _ in
            guard let document = documents.removeValue(forKey: docId) else { return [:] }
            count -= document.fields.values.reduce(0) { $0 + $1.count }
            return document.fields.mapValues { cached in
                cached.map { review in
                    review.whole?.review
                        ?? ChunkReview(
                            docId: docId, chunkIndex: Int(review.chunkIndex), chunkCount: Int(review.chunkCount), specialist: review.specialist,
                            specialists: document.specialists, source: document.source ?? "", suggestions: [], tone: review.tone)
                }
            }
        }
    }

    /// How many reviews it holds.
    public var reviewCount: Int { lock.withLock { _ in count } }

    private func dropStale(now: ContinuousClock.Instant) {
        for (docId, document) in documents where now - document.since > staleAfter {
            documents[docId] = nil
            count -= document.fields.values.reduce(0) { $0 + $1.count }
        }
    }
}
