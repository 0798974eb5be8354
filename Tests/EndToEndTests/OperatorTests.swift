import Foundation
import MeshProtocol
import MeshRedis
import MeshRedisTesting
import Testing

/// `mesh status` and `mesh deadletters` against a real mesh.
extension PipelineTests {
    func mesh(_ arguments: [String], _ mesh: Mesh) throws -> (code: Int32, out: String, err: String) {
        let out = mesh.directory.appendingPathComponent("mesh-\(UUID().uuidString).out").path
        let err = mesh.directory.appendingPathComponent("mesh-\(UUID().uuidString).err").path
        let process = try ChildProcess(executable: try Mesh.binary("mesh"), arguments: arguments, environment: mesh.environment,
                                       stdoutPath: out, stderrPath: err)
        let code = process.wait()
        return (code, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "", (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    @Test func meshStatusNamesAConsumerKilledWithEntriesPending() throws {
        let mesh = try Mesh()
        try mesh.start("coordinator", "mesh-coordinator")
        // Big paragraphs, so the grammar specialist is still on its first batch when it is killed.
        let paragraph = String(repeating: "The build runs every step of the pipeline again and writes its logs. ", count: 800)
        let path = try mesh.write("slow.md", (0..<40).map { "\($0) " + paragraph }.joined(separator: "\n\n") + "\n")
        #expect(try self.mesh(["status"], mesh).out.contains("doc.chunks"))
        #expect(try mesh.produce(["--doc_id", "slow", path]).code == 0)
        let connection = try mesh.redis.connect()
        let stream = Streams.review(.grammar)
        #expect(waitUntil(timeout: 60) { ((try? connection.xlen(stream)) ?? 0) >= 40 })
        let grammar = try mesh.start("grammar-1", "mesh-specialist", ["--type", "grammar"])
        #expect(waitUntil(timeout: 60) { ((try? connection.xpending(stream, group: Groups.specialist(.grammar)).consumers["grammar-1"]) ?? 0) > 0 })
        grammar.signal(SIGKILL)
        grammar.wait()
        Thread.sleep(forTimeInterval: 1.5)
        let status = try self.mesh(["status", "--visibility-timeout", "1"], mesh)
        #expect(status.code == 1, "something looks stuck: \(status.out)")
        #expect(status.out.contains("! stuck: consumer grammar-1 of grammar-group on doc.review.grammar holds"), "\(status.out)")
        #expect(status.out.contains("unread: ") || status.out.contains("lag"))
        let json = try self.mesh(["status", "--json", "--visibility-timeout", "1"], mesh)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let streams = try #require(object["streams"] as? [[String: Any]])
        let review = try #require(streams.first { $0["name"] as? String == stream })
        let group = try #require((review["groups"] as? [[String: Any]])?.first)
        #expect((group["pending"] as? Int ?? 0) > 0)
        #expect(((group["consumers"] as? [[String: Any]])?.first?["name"] as? String) == "grammar-1")
    }

    @Test func deadLettersAreListedShownAndReplayedOnce() throws {
        let mesh = try Mesh()
        let connection = try mesh.redis.connect()
        try connection.xadd(Streams.deadLetter, fields: [
            StreamField("reason", "invalid field 'count': 9 is outside 1...8"), StreamField("origin-stream", Streams.chunks),
            StreamField("orig.v", "1.2"), StreamField("orig.kind", "chunk"), StreamField("orig.doc", "d1"),
            StreamField("orig.enc", "json"), StreamField("orig.body", "{\"docId\":\"d1\"}"),
        ])
        let id = try #require(try connection.xrange(Streams.deadLetter).first?.id)
        let list = try self.mesh(["deadletters", "list"], mesh)
        #expect(list.out == "\(id)  doc.chunks  d1  invalid field 'count': 9 is outside 1...8\n")
        let show = try self.mesh(["deadletters", "show", id], mesh)
        #expect(show.out.contains("origin-stream: doc.chunks\n"))
        #expect(show.out.contains("\"docId\" : \"d1\""))
        let replay = try self.mesh(["deadletters", "replay", id], mesh)
        #expect(replay.code == 0)
        #expect(replay.out.hasPrefix("replayed \(id) onto doc.chunks as "))
        let again = try self.mesh(["deadletters", "replay", id], mesh)
        #expect(again.code == 1)
        #expect(again.err.contains("no dead letter \(id)"))
        let replayed = try #require(try connection.xrange(Streams.chunks).first)
        #expect(replayed.string("v") == "1.2")
        #expect(replayed.string("body") == "{\"docId\":\"d1\"}")
        #expect(try connection.xlen(Streams.deadLetter) == 0)
        #expect(try connection.xlen(Streams.chunks) == 1)
        #expect(try self.mesh(["deadletters", "purge"], mesh).code == 64)
    }
}

/// The backlog gauges every service exports on `/metrics`, read from Redis at scrape time.
extension PipelineTests {
    @Test func servicesExportStreamLengthPendingAndLagOnMetrics() throws {
        let mesh = try Mesh()
        try mesh.start("grammar-1", "mesh-specialist", ["--type", "grammar"])
        let connection = try mesh.redis.connect()
        let stream = Streams.review(.grammar)
        #expect(waitUntil(timeout: 60) { ((try? connection.xinfoGroups(stream)) ?? []).contains { $0.name == Groups.specialist(.grammar) } })
        let port = try #require(mesh.httpPort("grammar-1"))
        let labels = "group=\"grammar-group\",service=\"grammar-agent\",stream=\"doc.review.grammar\""
        let first = try #require(httpGet(port: port, path: "/metrics")).body
        #expect(first.contains("# TYPE mesh_consumer_group_pending gauge\n"))
        #expect(first.contains("mesh_consumer_group_pending{\(labels)} 0\n"), "\(first)")
        #expect(first.contains("mesh_consumer_group_lag{\(labels)} 0\n"))
        #expect(first.contains("mesh_consumer_group_oldest_pending_seconds{\(labels)} 0\n"))
        #expect(first.contains("mesh_consumer_group_consumers{\(labels)} 1\n"))
        #expect(first.contains("mesh_stream_length{service=\"grammar-agent\",stream=\"doc.deadletter\"} 0\n"))
        // An entry that is no chunk is dead-lettered at once: the dead-letter stream's length says so.
        try connection.xadd(stream, fields: [StreamField("v", "1"), StreamField("kind", "chunk"), StreamField("body", "not json")])
        #expect(waitUntil(timeout: 30) {
            httpGet(port: port, path: "/metrics")?.body.contains("mesh_stream_length{service=\"grammar-agent\",stream=\"doc.deadletter\"} 1\n") == true
        })
        let after = try #require(httpGet(port: port, path: "/metrics")).body
        #expect(after.contains("mesh_stream_length{service=\"grammar-agent\",stream=\"doc.review.grammar\"} 1\n"))
        #expect(after.contains("mesh_consumer_group_pending{\(labels)} 0\n"))
    }
}
