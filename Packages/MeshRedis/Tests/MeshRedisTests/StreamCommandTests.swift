import Foundation
import MeshRedis
import MeshRedisTesting
import Testing

@Suite("Stream commands")
struct StreamCommandTests {
    @Test func groupCreationIsIdempotent() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        #expect(try redis.xgroupCreate("s", group: "g") == true)
        #expect(try redis.xgroupCreate("s", group: "g") == false)
        #expect(try redis.xlen("s") == 0)
        let error = #expect(throws: RedisError.self) {
            try redis.xreadGroup(group: "nope", consumer: "c", streams: [("s", ">")])
        }
        #expect(error?.code == .noGroup)
    }

    @Test func readAckPendingAndClaim() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        try redis.xgroupCreate("s", group: "g")
        let ids = try (0..<5).map { i throws(RedisError) in try redis.xadd("s", fields: [StreamField("n", String(i))]) }
        #expect(try redis.xlen("s") == 5)

        let read = try redis.xreadGroup(group: "g", consumer: "a", count: 3, streams: [("s", ">")])
        #expect(read.count == 1)
        #expect(read[0].stream == "s")
        #expect(read[0].entries.map(\.id) == Array(ids[0..<3]))
        #expect(read[0].entries[1].string("n") == "1")

        var summary = try redis.xpending("s", group: "g")
        #expect(summary.count == 3)
        #expect(summary.smallestId == ids[0])
        #expect(summary.consumers == ["a": 3])

        #expect(try redis.xack("s", group: "g", ids: [ids[0]]) == 1)
        #expect(try redis.xack("s", group: "g", ids: [ids[0]]) == 0)

        // Own pending history with id 0.
        let own = try redis.xreadGroup(group: "g", consumer: "a", streams: [("s", "0")])
        #expect(own[0].entries.map(\.id) == [ids[1], ids[2]])

        let rows = try redis.xpending("s", group: "g", count: 10)
        #expect(rows.map(\.id) == [ids[1], ids[2]])
        #expect(rows.allSatisfy { $0.consumer == "a" && $0.deliveries == 2 })

        Thread.sleep(forTimeInterval: 0.05)
        let claim = try redis.xautoclaim("s", group: "g", consumer: "b", minIdle: .milliseconds(10))
        #expect(claim.entries.map(\.id) == [ids[1], ids[2]])
        #expect(claim.nextStart == "0-0")
        summary = try redis.xpending("s", group: "g")
        #expect(summary.consumers == ["b": 2])
        #expect(try redis.xpending("s", group: "g", count: 10, consumer: "b").map(\.deliveries) == [3, 3])

        let groups = try redis.xinfoGroups("s")
        #expect(groups.count == 1)
        #expect(groups[0].name == "g")
        #expect(groups[0].pending == 2)
        #expect(groups[0].lastDeliveredId == ids[2])
        #expect(groups[0].lag == 2)
    }

    @Test func blockingReadTimesOutEmpty() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        try redis.xgroupCreate("s", group: "g")
        let read = try redis.xreadGroup(group: "g", consumer: "a", block: .milliseconds(50), streams: [("s", ">")])
        #expect(read.isEmpty)
    }

    @Test func trimRemovesOnlyWhatEveryGroupAcknowledged() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        try redis.xgroupCreate("s", group: "fast")
        try redis.xgroupCreate("s", group: "slow")
        let ids = try (0..<10).map { i throws(RedisError) in try redis.xadd("s", fields: [StreamField("n", String(i))]) }
        // fast reads and acks all; slow reads 6 and acks only the first 4.
        let fast = try redis.xreadGroup(group: "fast", consumer: "f", streams: [("s", ">")])[0].entries
        try redis.xack("s", group: "fast", ids: fast.map(\.id))
        let slow = try redis.xreadGroup(group: "slow", consumer: "s", count: 6, streams: [("s", ">")])[0].entries
        try redis.xack("s", group: "slow", ids: slow.prefix(4).map(\.id))

        #expect(try redis.trimAcknowledged("s") == 4)
        let left = try redis.send("XRANGE", "s", "-", "+").array?.compactMap { $0.array?[0].string }
        #expect(left == Array(ids[4...]))
        // Nothing more goes until slow acknowledges.
        #expect(try redis.trimAcknowledged("s") == 0)
        try redis.xack("s", group: "slow", ids: slow.suffix(2).map(\.id))
        #expect(try redis.trimAcknowledged("s") == 2)  // entries 6..9 were never delivered to slow
        #expect(try redis.xlen("s") == 4)
    }
}
