import ArgumentParser
import Foundation
import MeshProtocol
import MeshRedis
import MeshService

/// `mesh status`: every stream of the public contract with its groups, pending entries, lag and consumers,
/// the dead letters by reason, and what looks stuck.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "One view of every stream: length, per group pending / lag / consumers, dead letters by reason, and what looks stuck.",
        discussion: """
            A consumer is called stuck when it holds pending entries and has been idle longer than the visibility \
            timeout (by then another replica may take its entries over: it is dead or hung). A group whose lag grows \
            between two --watch samples, or that has entries waiting and no consumer, is called out too. \
            Exit status: 0, or 1 when something looks stuck (for scripts and probes).
            """
    )

    @Flag(help: "Print JSON instead of tables.")
    var json = false

    @Option(help: "Repeat every N seconds until interrupted.")
    var watch: Double?

    @Option(name: .customLong("visibility-timeout"), help: "Seconds of idleness with pending entries after which a consumer is called stuck. Env: VISIBILITY_TIMEOUT_SECONDS (default 30).")
    var visibilityTimeout: Double?

    @OptionGroup var redis: RedisOptions

    func validate() throws {
        if let watch, !(watch >= 0.1 && watch <= 86_400) { throw ValidationError("--watch takes 0.1 to 86400 seconds") }
        if let visibilityTimeout, !(visibilityTimeout >= 0 && visibilityTimeout <= 86_400) {
            throw ValidationError("--visibility-timeout takes 0 to 86400 seconds")
        }
    }

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let timeout = visibilityTimeout ?? Double(env["VISIBILITY_TIMEOUT_SECONDS"] ?? "").flatMap { $0 >= 0 && $0 <= 86_400 ? $0 : nil } ?? 30
        let connection: RedisConnection
        do {
            connection = try RedisConnection(try redis.configuration())
        } catch let error as RedisError {
            throw failure("redis: \(error)")
        }
        var previous: MeshStatus?
        while true {
            let status = try MeshStatus.read(connection, visibilityTimeout: timeout, previous: previous)
            if let watch, isatty(STDOUT_FILENO) == 1 { print("\u{1B}[H\u{1B}[2J", terminator: "") }
            print(json ? status.json : status.table, terminator: "")
            guard let watch else {
                if !status.problems.isEmpty { throw ExitCode(1) }
                return
            }
            previous = status
            Thread.sleep(forTimeInterval: watch)
        }
    }
}

struct MeshStatus: Codable {
    struct Consumer: Codable {
        var name: String
        var pending: Int
        var idleSeconds: Double
    }

    struct Group: Codable {
        var name: String
        var pending: Int
        /// Entries not yet delivered to the group; nil when Redis cannot tell (after trims of unread entries).
        var lag: Int?
        var oldestPendingIdleSeconds: Double?
        var consumers: [Consumer]
    }

    struct Stream: Codable {
        var name: String
        /// nil when the stream does not exist yet.
        var length: Int?
        var groups: [Group]
    }

    struct ReasonCount: Codable {
        var reason: String
        var count: Int
    }

    var streams: [Stream]
    var deadLetters: Int
    var deadLettersByReason: [ReasonCount]
    var problems: [String]

    /// The streams of the public contract, in pipeline order.
    static let contract: [String] = [Streams.chunks]
        + SpecialistType.allCases.map(Streams.review) + SpecialistType.allCases.map(Streams.suggestions)
        + [Streams.reports, Streams.deadLetter]

    static func read(_ connection: RedisConnection, visibilityTimeout: Double, previous: MeshStatus?) throws -> MeshStatus {
        var streams: [Stream] = []
        var problems: [String] = []
        for name in contract {
            guard try connection.send("EXISTS", .string(name)).int == 1 else {
                streams.append(Stream(name: name, length: nil, groups: []))
                continue
            }
            var stream = Stream(name: name, length: try connection.xlen(name), groups: [])
            for info in try connection.xinfoGroups(name) {
                var group = Group(name: info.name, pending: info.pending, lag: info.lag, oldestPendingIdleSeconds: nil, consumers: [])
                if info.pending > 0, let oldest = try connection.xpending(name, group: info.name, start: "-", end: "+", count: 1).first {
                    group.oldestPendingIdleSeconds = oldest.idle.secondsValue
                }
                for item in try connection.send("XINFO", "CONSUMERS", .string(name), .string(info.name)).array ?? [] {
                    let fields = RedisConnection.pairs(item)
                    group.consumers.append(Consumer(
                        name: fields["name"]?.string ?? "?", pending: fields["pending"]?.int ?? 0,
                        idleSeconds: Double(fields["idle"]?.int ?? 0) / 1000))
                }
                problems += Self.problems(stream: name, group: group, visibilityTimeout: visibilityTimeout,
                                          before: previous?.streams.first { $0.name == name }?.groups.first { $0.name == group.name })
                stream.groups.append(group)
            }
            streams.append(stream)
        }
        let (total, byReason) = try deadLetterReasons(connection)
        return MeshStatus(streams: streams, deadLetters: total, deadLettersByReason: byReason, problems: problems)
    }

    static func problems(stream: String, group: Group, visibilityTimeout: Double, before: Group?) -> [String] {
        var out: [String] = []
        for consumer in group.consumers where consumer.pending > 0 && consumer.idleSeconds > visibilityTimeout {
            out.append("stuck: consumer \(consumer.name) of \(group.name) on \(stream) holds \(consumer.pending) pending, "
                + "idle \(Self.seconds(consumer.idleSeconds)) (past the \(Self.seconds(visibilityTimeout)) visibility timeout): dead or hung")
        }
        if let lag = group.lag, lag > 0, group.consumers.isEmpty {
            out.append("unread: \(lag) entries wait on \(stream) for \(group.name), which has no consumer: is the service running?")
        }
        if let lag = group.lag, let earlier = before?.lag, lag > earlier, lag > 0 {
            out.append("growing: the lag of \(group.name) on \(stream) grew from \(earlier) to \(lag): add replicas or look at the consumers")
        }
        return out
    }

    /// How many dead letters, and how many per reason with numbers and quoted values folded, most first.
    static func deadLetterReasons(_ connection: RedisConnection) throws -> (Int, [ReasonCount]) {
        guard try connection.send("EXISTS", .string(Streams.deadLetter)).int == 1 else { return (0, []) }
        let total = try connection.xlen(Streams.deadLetter)
        var counts: [String: Int] = [:]
        for letter in try connection.xrevrange(Streams.deadLetter, count: 10_000) {
            counts[reasonClass(letter.string("reason") ?? "(no reason)"), default: 0] += 1
        }
        let sorted = counts.map { ReasonCount(reason: $0.key, count: $0.value) }.sorted { ($0.count, $1.reason) > ($1.count, $0.reason) }
        return (total, sorted)
    }

    /// `invalid field 'count': 4611686018427387904 is outside 1...100000 chunks` → `invalid field 'count'`;
    /// `delivered 7 times without success; last error: …` → `delivered N times without success`.
    static func reasonClass(_ reason: String) -> String {
        var head = reason
        if let cut = head.firstIndex(where: { $0 == ":" || $0 == ";" }) { head = String(head[..<cut]) }
        var out = ""
        var inNumber = false
        for c in head {
            if c.isNumber {
                if !inNumber { out.append("N") }
                inNumber = true
            } else {
                out.append(c)
                inNumber = false
            }
        }
        return out
    }

    static func seconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.1f s", value) : "\(Int(value)) s"
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }

    var table: String {
        var out = ""
        for stream in streams {
            let length = stream.length.map { "length \($0)" } ?? "not created yet"
            out += stream.name.padding(toLength: 26, withPad: " ", startingAt: 0) + length + "\n"
            for group in stream.groups {
                var line = "  " + group.name.padding(toLength: 22, withPad: " ", startingAt: 0)
                line += "pending \(group.pending)  lag \(group.lag.map(String.init) ?? "?")"
                if let idle = group.oldestPendingIdleSeconds { line += "  oldest pending idle \(Self.seconds(idle))" }
                let consumers = group.consumers.map { "\($0.name) (\($0.pending) pending, idle \(Self.seconds($0.idleSeconds)))" }
                line += "  consumers \(group.consumers.count)" + (consumers.isEmpty ? "" : ": " + consumers.joined(separator: ", "))
                out += line + "\n"
            }
        }
        out += "dead letters: \(deadLetters)"
        if !deadLettersByReason.isEmpty {
            out += " (" + deadLettersByReason.map { "\($0.reason) ×\($0.count)" }.joined(separator: ", ") + ")"
        }
        out += "\n"
        out += problems.isEmpty ? "nothing looks stuck\n" : problems.map { "! " + $0 + "\n" }.joined()
        return out
    }
}

extension Duration {
    var secondsValue: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
