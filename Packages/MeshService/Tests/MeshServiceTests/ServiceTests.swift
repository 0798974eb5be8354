import ArgumentParser
import Foundation
import MeshProtocol
import MeshRedis
import MeshRedisTesting
import Testing

@testable import MeshService

@Suite("Service runtime pieces")
struct ServiceTests {
    @Test func metricsRenderThePrometheusTextFormat() {
        let metrics = Metrics(constantLabels: ["service": "coordinator"])
        metrics.describe("mesh_messages_handled_total", type: "counter", help: "Entries handled.")
        metrics.increment("mesh_messages_handled_total", labels: ["stream": "doc.chunks"])
        metrics.increment("mesh_messages_handled_total", by: 2, labels: ["stream": "doc.chunks"])
        metrics.observe("mesh_handling_seconds", 0.003, labels: ["stream": "doc.chunks"])
        let text = metrics.render()
        #expect(text.contains("# HELP mesh_messages_handled_total Entries handled.\n# TYPE mesh_messages_handled_total counter\n"))
        #expect(text.contains("mesh_messages_handled_total{service=\"coordinator\",stream=\"doc.chunks\"} 3\n"))
        #expect(text.contains("mesh_handling_seconds_bucket{service=\"coordinator\",stream=\"doc.chunks\",le=\"0.0025\"} 0\n"))
        #expect(text.contains("mesh_handling_seconds_bucket{service=\"coordinator\",stream=\"doc.chunks\",le=\"0.005\"} 1\n"))
        #expect(text.contains("mesh_handling_seconds_bucket{service=\"coordinator\",stream=\"doc.chunks\",le=\"+Inf\"} 1\n"))
        #expect(text.contains("mesh_handling_seconds_count{service=\"coordinator\",stream=\"doc.chunks\"} 1\n"))
        #expect(metrics.counter("mesh_messages_handled_total", labels: ["stream": "doc.chunks"]) == 3)
    }

    @Test func healthServerAnswersItsRoutesOverHTTP() throws {
        let server = try HealthServer(
            host: "127.0.0.1", port: 0,
            routes: ["/healthz": { .init(status: 200, body: "ok\n") }, "/readyz": { .init(status: 503, body: "not yet\n") }]
        )
        defer { server.stop() }
        #expect(server.port > 0)
        let health = try #require(httpGet(port: server.port, path: "/healthz"))
        #expect(health.status == 200)
        #expect(health.body == "ok\n")
        #expect(httpGet(port: server.port, path: "/readyz")?.status == 503)
        #expect(httpGet(port: server.port, path: "/readyz")?.body == "not yet\n")
        #expect(httpGet(port: server.port, path: "/nope")?.status == 404)
    }

    @Test func readinessNeedsRedisAndTheGroups() throws {
        let server = try RedisTestServer()
        let readiness = Readiness(redis: server.configuration, consumed: [("doc.chunks", "coordinator-group")])
        let before = readiness.check()
        #expect(before.status == 503)
        #expect(before.body.contains("coordinator-group"))
        try server.connect().xgroupCreate("doc.chunks", group: "coordinator-group")
        #expect(readiness.check().status == 200)
        server.kill()
        let down = readiness.check()
        #expect(down.status == 503)
        #expect(down.body.hasPrefix("redis:"))
    }

    @Test func runtimeOptionsComeFromFlagsThenEnvironment() throws {
        let fromEnv = try RuntimeOptions.parse([]).resolve(environment: [
            "HTTP_PORT": "9090", "HOSTNAME": "grammar-agent-7d9f", "SHUTDOWN_TIMEOUT_SECONDS": "5", "LOG_LEVEL": "debug",
        ])
        #expect(fromEnv.httpPort == 9090)
        #expect(fromEnv.consumerName == "grammar-agent-7d9f")
        #expect(fromEnv.shutdownTimeout == .seconds(5))
        #expect(fromEnv.visibilityTimeout == .seconds(30))
        #expect(fromEnv.maxDeliveries == 5)
        #expect(fromEnv.logLevel == .debug)
        let flags = try RuntimeOptions.parse(["--http-port", "0", "--consumer-name", "c1", "--max-deliveries", "2"])
            .resolve(environment: ["HTTP_PORT": "9090", "CONSUMER_NAME": "env-name"])
        #expect(flags.httpPort == 0)
        #expect(flags.consumerName == "c1")
        #expect(flags.maxDeliveries == 2)
        #expect(throws: (any Error).self) { try RuntimeOptions.parse([]).resolve(environment: ["LOG_LEVEL": "loud"]) }
        #expect(throws: (any Error).self) { try RuntimeOptions.parse([]).resolve(environment: ["HTTP_PORT": "x"]) }
    }

    @Test func redisOptionsOverrideTheEnvironment() throws {
        let config = try RedisOptions.parse(["--redis-port", "7000"]).configuration(environment: [
            "REDIS_HOST": "redis", "REDIS_PORT": "6379", "REDIS_DB": "1", "REDIS_PASSWORD": "pw",
        ])
        #expect(config.host == "redis")
        #expect(config.port == 7000)
        #expect(config.database == 1)
        #expect(config.authentication?.password == "pw")
    }

    @Test func aSocketInTheEnvironmentGivesWayToAHostOrPortFlag() throws {
        let environment = ["REDIS_HOST": "127.0.0.1", "REDIS_SOCKET": "/tmp/mesh/redis.sock"]
        #expect(try RedisOptions.parse([]).configuration(environment: environment).socketPath == "/tmp/mesh/redis.sock")
        let tcp = try RedisOptions.parse(["--redis-host", "redis"]).configuration(environment: environment)
        #expect(tcp.socketPath == nil)
        #expect(tcp.endpoint == "redis:6379")
        #expect(try RedisOptions.parse(["--redis-port", "7000"]).configuration(environment: environment).socketPath == nil)
        let flag = try RedisOptions.parse(["--redis-port", "7000", "--redis-socket", "/run/r.sock"]).configuration(environment: environment)
        #expect(flag.socketPath == "/run/r.sock")
    }

    @Test func versionTextNamesTheServiceAndItsLibraries() {
        #expect(meshVersionText("mesh-coordinator", "1.2.3").split(separator: "\n") == [
            "mesh-coordinator 1.2.3", "MeshProtocol \(MeshProtocolLibrary.version)", "MeshRedis \(MeshRedisLibrary.version)",
            "MeshService \(MeshServiceLibrary.version)",
        ])
        #expect(meshVersionText("mesh-producer", "0.1.0", linking: [("MeshAgents", "9.9.9")]).split(separator: "\n") == [
            "mesh-producer 0.1.0", "MeshProtocol \(MeshProtocolLibrary.version)", "MeshRedis \(MeshRedisLibrary.version)",
            "MeshAgents 9.9.9", "MeshService \(MeshServiceLibrary.version)",
        ])
    }

    @Test func logfmtQuotesOnlyWhatNeedsIt() {
        #expect(Log.quote("doc.chunks") == "doc.chunks")
        #expect(Log.quote("two words") == "\"two words\"")
        #expect(Log.quote("say \"hi\"\n") == "\"say \\\"hi\\\"\\n\"")
    }
}
