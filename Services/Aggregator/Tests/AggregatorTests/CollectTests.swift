import Foundation
import MeshProtocol
import MeshRedis
import MeshRedisTesting
import MeshWorker
import Testing

@testable import AggregatorHandler

/// The aggregator's decisions against a stand-in that keeps the results hash in memory and answers the record
/// script as the real one does (the script itself runs on a real server in the end-to-end tests).
@Suite("Collect")
struct CollectTests {
    static let codec = WireCodec()

    /// The results hashes and the completed guards, with the record script's semantics.
    final class Store {
        var hashes: [String: [String: [UInt8]]] = [:]
        var completed: Set<String> = []
        var evalshaPipelines = 0

        func answer(_ command: [RedisArgument]) throws(RedisError) -> RedisValue {
            let words = command.map(\.text)
            switch words[0] {
            case "SCRIPT": return .bulk(Array("sha-of-record".utf8))
            case "EVALSHA":
                // EVALSHA sha 2 results completed field json ttl n specialist
                let (key, guardKey, field, n, specialist) = (words[3], words[4], words[5], Int(words[8])!, words[9])
                if completed.contains(guardKey) { return .array([.integer(-1), .integer(0)]) }
                var hash = hashes[key, default: [:]]
                let new = hash[field] == nil
                if new {
                    guard case .bytes(let json) = command[6] else { throw RedisError(.server, "ERR json") }
                    hash[field] = json
                    for counter in ["#", "#" + specialist] {
                        hash[counter] = Array(String((Int(String(decoding: hash[counter] ?? Array("0".utf8), as: UTF8.self)) ?? 0) + n).utf8)
                    }
                }
                hashes[key] = hash
                return .array([.integer(Int64(String(decoding: hash["#"]!, as: UTF8.self))!), .integer(new ? 1 : 0)])
            case "HKEYS": return .array((hashes[words[1]] ?? [:]).keys.sorted().map { .bulk(Array($0.utf8)) })
            case "HMGET": return .array(words.dropFirst(2).map { hashes[words[1]]?[$0].map(RedisValue.bulk) ?? .null })
            default: throw RedisError(.server, "ERR unexpected \(words[0])")
            }
        }
    }

    static func review(_ index: Int, _ specialist: SpecialistType, count: Int = 2, suggestions: [Suggestion] = []) -> ChunkReview {
        ChunkReview(docId: "doc-1", chunkIndex: index, chunkCount: count, specialist: specialist, specialists: [.grammar, .tone],
                    source: "a.txt", suggestions: suggestions, tone: specialist == .tone ? 0.5 : nil)
    }

    static func delivery(_ reviews: [ChunkReview], id: String) -> Delivery {
        let fields = reviews.count == 1 ? codec.encode(reviews[0]) : codec.encode(ReviewBatch(docId: "doc-1", reviews: reviews))
        return Delivery(stream: Streams.suggestions(reviews[0].specialist), entry: StreamEntry(id: id, fields: fields.map { StreamField($0.0, $0.1) }))
    }

    /// The commands sent, SCRIPT LOAD left out (the script's sha is loaded once per process, by whichever test is first).
    static func sent(_ redis: StubRedis) -> [String] {
        redis.commands.map { $0[0].text }.filter { $0 != "SCRIPT" }
    }

    static let repeated = Suggestion(
        specialist: .grammar, rule: "grammar.repeated-word", severity: .error, message: "'the' is repeated.",
        range: SourceRange(start: SourcePosition(offset: 3, line: 1, column: 4), end: SourcePosition(offset: 7, line: 1, column: 8)),
        text: "the", replacements: ["the"])

    @Test func aBatchIsRecordedInOneRoundTripAndTheLastReviewPublishesTheReport() throws {
        let store = Store()
        let redis = StubRedis(answer: store.answer)
        let collect = Collect(reportTTL: 60, cache: ReviewCache())
        let batch = [
            Self.delivery([Self.review(0, .grammar, suggestions: [Self.repeated]), Self.review(1, .grammar)], id: "1-0"),
            Self.delivery([Self.review(0, .tone)], id: "2-0"),
            Self.delivery([Self.review(1, .tone)], id: "3-0"),
        ]
        let results = collect.handle(batch: batch, redis: redis)
        #expect(results.count == 3)
        // One pipeline of three EVALSHAs (after SCRIPT LOAD, the first time in this process); the last completes the
        // document: HKEYS only, since every review is in this process's cache.
        #expect(Self.sent(redis) == ["EVALSHA", "EVALSHA", "EVALSHA", "HKEYS"])
        #expect(redis.roundTrips - (redis.commands.first?[0].text == "SCRIPT" ? 1 : 0) == 2)
        #expect(store.hashes["doc:results:doc-1"]?["#"] == Array("4".utf8))
        #expect(store.hashes["doc:results:doc-1"]?["#grammar"] == Array("2".utf8))
        guard case .success(.commit(let first)) = results[0], first.isEmpty else { Issue.record("\(results[0])"); return }
        guard case .success(.commitGuarded(let guardCommand, let then)) = results[2] else { Issue.record("\(results[2])"); return }
        #expect(guardCommand.map(\.text) == ["SET", "doc:completed:doc-1", "1", "NX", "EX", "60"])
        #expect(then.map { $0[0].text } == ["SET", "XADD", "DEL"])
        let report = try JSONDecoder().decode(Report.self, from: Data(then[0][2].text.utf8))
        #expect(report.suggestions == [Self.repeated])
        #expect(report.summary.total == 1)
        #expect(report.figures.chunks == 2)
        #expect(report.incomplete == nil)
    }

    @Test func reviewsStoredByAnotherReplicaAreReadFromTheHash() throws {
        let store = Store()
        // Another aggregator process recorded grammar's reviews: they are in the hash, not in this cache.
        _ = Collect(reportTTL: 60, cache: ReviewCache()).handle(
            batch: [Self.delivery([Self.review(0, .grammar, suggestions: [Self.repeated]), Self.review(1, .grammar)], id: "1-0")],
            redis: StubRedis(answer: store.answer))
        let redis = StubRedis(answer: store.answer)
        let results = Collect(reportTTL: 60, cache: ReviewCache()).handle(
            batch: [Self.delivery([Self.review(0, .tone), Self.review(1, .tone)], id: "2-0")], redis: redis)
        #expect(Self.sent(redis) == ["EVALSHA", "HKEYS", "HMGET"])
        guard case .success(.commitGuarded(_, let then)) = results[0] else { Issue.record("\(results[0])"); return }
        let report = try JSONDecoder().decode(Report.self, from: Data(then[0][2].text.utf8))
        #expect(report.suggestions == [Self.repeated])
        #expect(report.figures.tone == 0.5)
    }

    /// A deflated entry (its JSON over the 4 KiB threshold) is stored as the zlib stream it came as, and another
    /// replica reads it back from the hash; a JSON value (a small entry) is stored as JSON.
    @Test func aDeflatedEntryIsStoredDeflatedAndReadBackByAnotherReplica() throws {
        let store = Store()
        // Protocol 3.0 writes the document's fields once a batch: 120 reviews, a third with a finding, pass 4 KiB.
        let many = (0..<120).map { Self.review($0, .grammar, count: 120, suggestions: $0 % 3 == 0 ? [Self.repeated] : []) }
        let big = Self.delivery(many, id: "1-0")
        #expect(big.entry.string(WireField.encoding) == "json+deflate")
        _ = Collect(reportTTL: 60, cache: ReviewCache()).handle(batch: [big], redis: StubRedis(answer: store.answer))
        let stored = try #require(store.hashes["doc:results:doc-1"]?["grammar:0"])
        #expect(stored == big.entry.fields.first { $0.name == WireField.body }?.value, "the entry's body, byte for byte")
        #expect(stored.first != UInt8(ascii: "{"))
        let tone = (0..<120).map { Self.review($0, .tone, count: 120) }
        let redis = StubRedis(answer: store.answer)
        let results = Collect(reportTTL: 60, cache: ReviewCache()).handle(batch: [Self.delivery(Array(tone[..<2]), id: "2-0")], redis: redis)
        #expect(store.hashes["doc:results:doc-1"]?["tone:0"]?.first == UInt8(ascii: "{"), "a small entry is stored as JSON")
        guard case .success(.commit) = results[0] else { Issue.record("\(results[0])"); return }
        let last = Collect(reportTTL: 60, cache: ReviewCache()).handle(batch: [Self.delivery(Array(tone[2...]), id: "3-0")], redis: redis)
        guard case .success(.commitGuarded(_, let then)) = last[0] else { Issue.record("\(last[0])"); return }
        let report = try JSONDecoder().decode(Report.self, from: Data(then[0][2].text.utf8))
        #expect(report.suggestions.count == 40)
        #expect(report.figures.chunks == 120)
        #expect(throws: ProtocolError.self) { try StoredReviews(stored: [0x78, 0x01, 0x02], inflateLimit: 1 << 20) }
    }

    @Test func aRedeliveredOrLateReviewIsOnlyAcknowledged() throws {
        let store = Store()
        let collect = Collect(reportTTL: 60, cache: ReviewCache())
        let once = Self.delivery([Self.review(0, .grammar)], id: "1-0")
        _ = collect.handle(batch: [once], redis: StubRedis(answer: store.answer))
        let again = collect.handle(batch: [once], redis: StubRedis(answer: store.answer))
        guard case .success(.commit(let commands)) = again[0], commands.isEmpty else { Issue.record("\(again[0])"); return }
        #expect(store.hashes["doc:results:doc-1"]?["#"] == Array("1".utf8))
        store.completed.insert("doc:completed:doc-1")
        let late = collect.handle(batch: [Self.delivery([Self.review(1, .tone)], id: "3-0")], redis: StubRedis(answer: store.answer))
        guard case .success(.commit(let none)) = late[0], none.isEmpty else { Issue.record("\(late[0])"); return }
        #expect(store.hashes["doc:results:doc-1"]?["tone:1"] == nil)
    }

    @Test func aMalformedEntryFailsAloneAndItsNeighboursAreRecorded() throws {
        let store = Store()
        let bad = Delivery(stream: Streams.suggestions(.grammar), entry: StreamEntry(id: "1-0", fields: [
            StreamField("v", "2.0"), StreamField("kind", "reviews"), StreamField("enc", "json"), StreamField("body", "{\"docId\":\"doc-1\",\"reviews\":[]}"),
        ]))
        let results = Collect(reportTTL: 60, cache: ReviewCache()).handle(
            batch: [bad, Self.delivery([Self.review(0, .grammar)], id: "2-0")], redis: StubRedis(answer: store.answer))
        guard case .failure(let error as ProtocolError) = results[0] else { Issue.record("\(results[0])"); return }
        #expect(error.description.hasPrefix("invalid field 'reviews'"))
        guard case .success = results[1] else { Issue.record("\(results[1])"); return }
        #expect(store.hashes["doc:results:doc-1"]?["grammar:0"] != nil)
    }

    @Test func aFullCacheKeepsWhatItHoldsAndDropsOnlyStaleDocuments() {
        let cache = ReviewCache(limit: 3, staleAfter: .seconds(60))
        let start = ContinuousClock.now
        #expect(cache.set("old", field: "tone:0", reviews: [Self.review(0, .tone), Self.review(1, .tone)], now: start))
        #expect(cache.set("new", field: "tone:0", reviews: [Self.review(0, .tone)], now: start + .seconds(30)))
        // Full: the next document is refused, and what is held (about to be assembled) stays.
        #expect(!cache.set("newer", field: "tone:0", reviews: [Self.review(0, .tone)], now: start + .seconds(40)))
        #expect(cache.reviewCount == 3)
        // Replacing a field frees its old reviews first.
        #expect(cache.set("new", field: "tone:0", reviews: [Self.review(1, .tone)], now: start + .seconds(45)))
        // 90 s on, "old" has waited past 60 s (its report went elsewhere, or never came): it makes room.
        #expect(cache.set("newer", field: "tone:0", reviews: [Self.review(0, .tone), Self.review(1, .tone)], now: start + .seconds(90)))
        #expect(cache.take("old").isEmpty)
        #expect(cache.take("new")["tone:0"]?.map(\.chunkIndex) == [1])
        #expect(cache.take("newer")["tone:0"]?.count == 2)
        #expect(cache.reviewCount == 0)
    }

    @Test func cachedReviewsComeBackWholeThoughKeptWithoutWhatTheyRepeat() {
        let cache = ReviewCache(limit: 10)
        let first = [Self.review(0, .tone, suggestions: [Self.repeated]), Self.review(1, .tone)]
        // A field unlike the first (another source, fewer specialists) is kept as it came.
        var odd = Self.review(0, .grammar)
        odd.source = "b.txt"
        odd.specialists = [.grammar]
        var counted = Self.review(0, .clarity)
        counted.counts = TextCounts(words: 12, sentences: 2, syllables: 17, letters: 60, complexWords: 1)
        let plain = [Self.review(1, .grammar, count: 70_000), Self.review(0, .structure)]
        #expect(cache.set("doc-1", field: "tone:0", reviews: first))
        #expect(cache.set("doc-1", field: "grammar:0", reviews: [odd]))
        #expect(cache.set("doc-1", field: "clarity:0", reviews: [counted]))
        #expect(cache.set("doc-1", field: "grammar:1", reviews: plain))
        #expect(cache.reviewCount == 6)
        let taken = cache.take("doc-1")
        #expect(taken["tone:0"] == first)
        #expect(taken["grammar:0"] == [odd])
        #expect(taken["clarity:0"] == [counted])
        #expect(taken["grammar:1"] == plain)
        #expect(cache.reviewCount == 0)
        #expect(cache.take("doc-1").isEmpty)
    }

    @Test func aDocumentPartlyCachedReadsTheRestFromTheHash() throws {
        let store = Store()
        // Room for one review: grammar's batch of two is not cached, tone's review is.
        let collect = Collect(reportTTL: 60, cache: ReviewCache(limit: 1))
        _ = collect.handle(
            batch: [Self.delivery([Self.review(0, .grammar, suggestions: [Self.repeated]), Self.review(1, .grammar)], id: "1-0")],
            redis: StubRedis(answer: store.answer))
        _ = collect.handle(batch: [Self.delivery([Self.review(0, .tone)], id: "2-0")], redis: StubRedis(answer: store.answer))
        let redis = StubRedis(answer: store.answer)
        // The cache is full, so tone's second review is not kept either; the report reads both uncached fields.
        let results = collect.handle(batch: [Self.delivery([Self.review(1, .tone)], id: "3-0")], redis: redis)
        #expect(Self.sent(redis) == ["EVALSHA", "HKEYS", "HMGET"])
        #expect(redis.commands.last?.count == 4, "HMGET key and the two uncached fields")
        guard case .success(.commitGuarded(_, let then)) = results[0] else { Issue.record("\(results[0])"); return }
        let report = try JSONDecoder().decode(Report.self, from: Data(then[0][2].text.utf8))
        #expect(report.suggestions == [Self.repeated])
        #expect(report.figures.chunks == 2)
    }
}
