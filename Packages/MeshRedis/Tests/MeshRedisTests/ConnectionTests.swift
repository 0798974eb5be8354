import Foundation
import MeshRedis
import MeshRedisTesting
import Testing

@Suite("RedisConnection against a real redis-server")
struct ConnectionTests {
    @Test func pingAndReplyTypes() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        #expect(try redis.send("PING") == .status("PONG"))
        #expect(try redis.send("SET", "k", "v") == .status("OK"))
        #expect(try redis.send("GET", "k") == .bulk(Array("v".utf8)))
        #expect(try redis.send("GET", "missing") == .null)
        #expect(try redis.send("INCRBY", "n", 41) == .integer(41))
        #expect(try redis.send("RPUSH", "l", "a", "b") == .integer(2))
        #expect(try redis.send("LRANGE", "l", 0, -1) == .array([.bulk(Array("a".utf8)), .bulk(Array("b".utf8))]))
    }

    @Test func serverErrorsAreTypedAndTheConnectionGoesOn() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        try redis.send("SET", "s", "text")
        let error = #expect(throws: RedisError.self) { try redis.send("LPUSH", "s", "x") }
        #expect(error?.code == .server)
        #expect(error?.message.hasPrefix("WRONGTYPE") == true)
        #expect(try redis.send("GET", "s").string == "text")
    }

    @Test func tenThousandPipelinedCommands() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        let commands: [[RedisArgument]] = (0..<10_000).map { ["SET", .string("key:\($0)"), .int($0)] }
        let replies = try redis.pipeline(commands)
        #expect(replies.count == 10_000)
        #expect(replies.allSatisfy { $0 == .status("OK") })
        let reads = try redis.pipeline((0..<10_000).map { ["GET", .string("key:\($0)")] })
        #expect(reads.map { $0.int } == (0..<10_000).map { Optional($0) })
        #expect(try redis.send("DBSIZE").int == 10_000)
    }

    @Test func pipelineKeepsErrorRepliesInPlace() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        let replies = try redis.pipeline([["SET", "a", "1"], ["INCR", "a", "extra"], ["GET", "a"]])
        #expect(replies[0] == .status("OK"))
        guard case .error(let text) = replies[1] else { Issue.record("expected an error reply"); return }
        #expect(text.contains("wrong number of arguments"))
        #expect(replies[2].string == "1")
    }

    @Test func everyByteValueRoundTrips() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        let all = (0...255).map { UInt8($0) }
        let binaryKey = [UInt8](repeating: 0, count: 3) + all
        try redis.send("SET", .bytes(binaryKey), .bytes(all + all))
        #expect(try redis.send("GET", .bytes(binaryKey)).bytes == all + all)
        let id = try redis.xadd("bin", fields: [StreamField("f\u{0}", all)])
        let read = try redis.send("XRANGE", "bin", .string(id), .string(id))
        let entry = read.array?.first?.array
        #expect(entry?[1].array?[1].bytes == all)
        #expect(entry?[1].array?[0].bytes == Array("f\u{0}".utf8))
    }

    @Test func multiExecRunsAllOrNothing() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        let results = try redis.transaction([["SET", "x", "1"], ["INCR", "x"], ["GET", "x"]])
        #expect(results == [.status("OK"), .integer(2), .bulk(Array("2".utf8))])
        // A command the server refuses to queue aborts the whole transaction.
        let error = #expect(throws: RedisError.self) {
            try redis.transaction([["SET", "y", "1"], ["NOSUCHCOMMAND"]])
        }
        #expect(error?.code == .server)
        #expect(error?.message.contains("unknown command") == true)
        #expect(try redis.send("EXISTS", "y").int == 0)
    }

    @Test func authenticationWithPasswordAndACLUser() throws {
        let server = try RedisTestServer(password: "s3cret")
        let redis = try server.connect()
        #expect(try redis.send("PING") == .status("PONG"))
        try redis.send("ACL", "SETUSER", "grammar", "on", ">pw", "~doc.*", "+@all")
        var aclConfig = server.configuration
        aclConfig.authentication = .init(username: "grammar", password: "pw")
        #expect(try RedisConnection(aclConfig).send("SET", "doc.x", "1") == .status("OK"))

        var wrong = server.configuration
        wrong.authentication = .init(password: "nope")
        let error = #expect(throws: RedisError.self) { try RedisConnection(wrong) }
        #expect(error?.code == .authentication)
        #expect(error?.message.contains("WRONGPASS") == true || error?.message.contains("invalid") == true)

        var none = server.configuration
        none.authentication = nil
        let unauthenticated = try RedisConnection(none)
        let noauth = #expect(throws: RedisError.self) { try unauthenticated.send("GET", "x") }
        #expect(noauth?.code == .authentication)
    }

    @Test func selectsTheConfiguredDatabase() throws {
        let server = try RedisTestServer()
        var config = server.configuration
        config.database = 3
        try RedisConnection(config).send("SET", "only-in-3", "1")
        #expect(try server.connect().send("EXISTS", "only-in-3").int == 0)
        #expect(try RedisConnection(config).send("EXISTS", "only-in-3").int == 1)
    }

    @Test func connectionRefusedIsAConnectionError() throws {
        var config = RedisConfiguration(host: "127.0.0.1", port: try RedisTestServer.freePort())
        config.reconnect.maxAttempts = 1
        let error = #expect(throws: RedisError.self) { try RedisConnection(config) }
        #expect(error?.code == .connection)
        #expect(error?.message.contains("Connection refused") == true)
    }

    @Test func commandTimeoutIsATimeoutError() throws {
        let server = try RedisTestServer()
        var config = server.configuration
        config.timeouts.command = .milliseconds(200)
        let redis = try RedisConnection(config)
        // BLPOP blocks on the server for 2 s, longer than the client waits.
        let error = #expect(throws: RedisError.self) { try redis.send("BLPOP", "nothing", 2) }
        #expect(error?.code == .timeout)
        #expect(try redis.send("PING") == .status("PONG"))  // reconnected
    }

    @Test func reconnectsAfterTheServerRestarts() throws {
        let server = try RedisTestServer()
        let redis = try server.connect()
        try redis.send("SET", "before", "1")
        server.kill()
        // The command in flight when the server dies fails: it may or may not have run.
        #expect(throws: RedisError.self) { try redis.send("PING") }
        let restarted = try RedisTestServer(port: server.port)
        #expect(try redis.send("PING") == .status("PONG"))
        #expect(try redis.send("EXISTS", "before").int == 0)  // a new, empty server
        restarted.stop()
    }

    @Test func connectsThroughAUnixSocket() throws {
        let server = try RedisTestServer(socket: true)
        defer { server.stop() }
        let path = try #require(server.socketPath)
        // Nothing listens on the TCP port this configuration names: only the socket can answer.
        var config = RedisConfiguration(host: "127.0.0.1", port: try RedisTestServer.freePort(), socketPath: path)
        config.reconnect.maxAttempts = 1
        let redis = try RedisConnection(config)
        try redis.send("SET", "through", "the socket")
        #expect(try server.connect().send("GET", "through").string == "the socket")
        #expect(config.endpoint == path)
        // The same errors as over TCP, naming the socket.
        server.kill()
        let lost = #expect(throws: RedisError.self) { try redis.send("PING") }
        #expect(lost?.code == .connection)
        let refused = #expect(throws: RedisError.self) { try RedisConnection(config) }
        #expect(refused?.code == .connection)
        #expect(refused?.message.contains(path) == true)
    }

    @Test func configurationFromEnvironment() throws {
        let config = try RedisConfiguration.fromEnvironment([
            "REDIS_HOST": "redis.mesh", "REDIS_PORT": "6380", "REDIS_DB": "2", "REDIS_USERNAME": "aggregator",
            "REDIS_PASSWORD": "pw",
        ])
        #expect(config.host == "redis.mesh")
        #expect(config.port == 6380)
        #expect(config.database == 2)
        #expect(config.authentication == .init(username: "aggregator", password: "pw"))
        #expect(try RedisConfiguration.fromEnvironment([:]) == RedisConfiguration())
        #expect(throws: RedisError.self) { try RedisConfiguration.fromEnvironment(["REDIS_PORT": "http"]) }
        #expect(throws: RedisError.self) { try RedisConfiguration.fromEnvironment(["REDIS_DB": "-1"]) }
        let local = try RedisConfiguration.fromEnvironment(["REDIS_HOST": "redis.mesh", "REDIS_SOCKET": "/run/redis/redis.sock"])
        #expect(local.socketPath == "/run/redis/redis.sock")
        #expect(local.endpoint == "/run/redis/redis.sock")
        #expect(try RedisConfiguration.fromEnvironment(["REDIS_SOCKET": ""]).socketPath == nil)
        // A path longer than a socket address holds would be cut short by the kernel: refused, saying why.
        let long = "/" + String(repeating: "d", count: RedisConfiguration.maxSocketPath)
        let error = #expect(throws: RedisError.self) { try RedisConfiguration.fromEnvironment(["REDIS_SOCKET": long]) }
        #expect(error?.message.contains("at most 107 bytes") == true)
    }
}
