import Foundation
import MeshRedis
import MeshRedisTesting
import Testing

/// The typed helpers of `RedisCommands`: what the producer, the aggregator and the tests used to dig out of raw
/// replies (`reply.array?.first?.array?.last?.array`).
@Suite("Typed helpers")
struct TypedHelperTests {
    @Test func xrangeAndXrevrangeReturnEntries() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        let ids = try (0..<4).map { i throws(RedisError) in try redis.xadd("s", fields: [StreamField("n", String(i)), StreamField("b", [0, 255])]) }
        let all = try redis.xrange("s")
        #expect(all.map(\.id) == ids)
        #expect(all.map { $0.string("n") } == ["0", "1", "2", "3"])
        #expect(all[0]["b"] == [0, 255])
        #expect(try redis.xrange("s", start: ids[1], end: ids[2]).map(\.id) == [ids[1], ids[2]])
        #expect(try redis.xrange("s", count: 1).map(\.id) == [ids[0]])
        #expect(try redis.xrevrange("s", count: 2).map(\.id) == [ids[3], ids[2]])
        #expect(try redis.xrange("missing").isEmpty)
    }

    @Test func xreadReadsAfterTheCursorAndTimesOutEmpty() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        let first = try redis.xadd("s", fields: [StreamField("n", "1")])
        let second = try redis.xadd("s", fields: [StreamField("n", "2")])
        let read = try redis.xread(count: 10, streams: [("s", first)])
        #expect(read.count == 1)
        #expect(read[0].stream == "s")
        #expect(read[0].entries.map(\.id) == [second])
        // Nothing after the last entry: BLOCK times out and the answer is empty, not an error.
        #expect(try redis.xread(block: .milliseconds(10), streams: [("s", second)]).isEmpty)
    }

    @Test func getAndHgetall() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        #expect(try redis.get("k") == nil)
        try redis.send("SET", "k", .bytes([1, 2, 3]))
        #expect(try redis.get("k") == [1, 2, 3])
        try redis.send("HSET", "h", "a", "1", "b", "two")
        let pairs = try redis.hgetall("h")
        #expect(Dictionary(uniqueKeysWithValues: pairs.map { ($0.field, String(decoding: $0.value, as: UTF8.self)) }) == ["a": "1", "b": "two"])
        #expect(try redis.hgetall("missing").isEmpty)
    }

    /// EVALSHA sends the script's text once; after the server forgets it (a restart, SCRIPT FLUSH) NOSCRIPT makes
    /// the helper load it again and send the batch again, so every call runs exactly once.
    @Test func evalshaLoadsOnceAndAgainAfterNoscript() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        let script = RedisScript("return redis.call('INCRBY', KEYS[1], ARGV[1])")
        let calls: [(keys: [String], arguments: [RedisArgument])] = [(["n"], [1]), (["n"], [2]), (["m"], [5])]
        #expect(try redis.evalsha(script, calls: calls).map(\.int) == [1, 3, 5])
        try redis.send("SCRIPT", "FLUSH")
        #expect(try redis.evalsha(script, calls: calls).map(\.int) == [4, 6, 10])
        #expect(try redis.evalsha(script, calls: []).isEmpty)
        // A script error comes back in place, the other calls still run.
        let failing = RedisScript("if ARGV[1] == 'x' then return redis.error_reply('ERR no x') end return 7")
        let replies = try redis.evalsha(failing, calls: [([], ["a"]), ([], ["x"]), ([], ["b"])])
        #expect(replies[0].int == 7)
        #expect(replies[1] == .error("ERR no x"))
        #expect(replies[2].int == 7)
    }
}
