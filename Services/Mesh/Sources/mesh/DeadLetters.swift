import ArgumentParser
import Foundation
import MeshProtocol
import MeshRedis
import MeshService

/// `mesh deadletters list|show|replay|purge`: what could not be handled, and putting it back after a fix.
struct DeadLetters: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadletters",
        abstract: "Look at, replay or purge the entries in doc.deadletter.",
        subcommands: [List.self, Show.self, Replay.self, Purge.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The newest dead letters: id, origin stream, document, reason.")

        @Option(help: "How many, newest first (1 to 10000).")
        var count: Int = 20

        @Flag(help: "Print JSON.")
        var json = false

        @OptionGroup var redis: RedisOptions

        func validate() throws {
            guard (1...10_000).contains(count) else { throw ValidationError("--count takes 1 to 10000") }
        }

        func run() throws {
            let letters = try DeadLetter.newest(try connect(redis), count: count)
            if json {
                print(jsonText(letters.map { ["id": $0.id, "origin": $0.origin, "doc": $0.doc, "reason": $0.reason] }), terminator: "")
                return
            }
            if letters.isEmpty { print("no dead letters") }
            for letter in letters {
                print("\(letter.id)  \(letter.origin)  \(letter.doc.isEmpty ? "-" : letter.doc)  \(letter.reason)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One dead letter: every field, the body decoded (inflated when deflated).")

        @Argument(help: "The dead letter's id in doc.deadletter.")
        var id: String

        @OptionGroup var redis: RedisOptions

        func run() throws {
            guard let letter = try DeadLetter.read(try connect(redis), id: id) else {
                throw failure("no dead letter \(id) in \(Streams.deadLetter)")
            }
            for field in letter.fields where field.name != "orig.body" {
                print("\(field.name): \(String(decoding: field.value, as: UTF8.self))")
            }
            print("orig.body:")
            print(letter.readableBody)
        }
    }

    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a dead letter back on its origin stream, with its original fields, and remove it: once.",
            discussion: "The XADD and the XDEL run in one script, so a letter is replayed at most once, even by two operators at the same time."
        )

        @Argument(help: "The dead letter's id in doc.deadletter.")
        var id: String

        @OptionGroup var redis: RedisOptions

        func run() throws {
            let connection = try connect(redis)
            let reply = try connection.send("EVAL", .string(DeadLetter.replayScript), 1, .string(Streams.deadLetter), .string(id))
            if case .error(let text) = reply { throw failure("\(text)") }
            guard let pair = reply.array, pair.count == 2, let origin = pair[0].string, let newId = pair[1].string else {
                throw failure("no dead letter \(id) in \(Streams.deadLetter) (already replayed or purged?)")
            }
            print("replayed \(id) onto \(origin) as \(newId)")
        }
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete dead letters: the ones named, or all of them with --all.")

        @Argument(help: "Dead letter ids to delete.")
        var ids: [String] = []

        @Flag(help: "Delete every dead letter.")
        var all = false

        @OptionGroup var redis: RedisOptions

        func validate() throws {
            if all == !ids.isEmpty { throw ValidationError("name the dead letters to delete, or give --all") }
        }

        func run() throws {
            let connection = try connect(redis)
            let deleted: Int
            if all {
                deleted = try connection.send("XTRIM", .string(Streams.deadLetter), "MAXLEN", 0).int ?? 0
            } else {
                deleted = try connection.send(["XDEL", .string(Streams.deadLetter)] + ids.map { .string($0) }).int ?? 0
            }
            print("deleted \(deleted) dead letter\(deleted == 1 ? "" : "s")")
        }
    }
}

/// One entry of `doc.deadletter`, as `StreamWorker` writes it.
struct DeadLetter {
    var id: String
    var fields: [StreamField]

    func field(_ name: String) -> String { fields.first { $0.name == name }.map { String(decoding: $0.value, as: UTF8.self) } ?? "" }
    var origin: String { field("origin-stream") }
    var reason: String { field("reason") }
    var doc: String { field("orig.doc") }

    /// The original body as text: JSON pretty-printed when it parses, inflated first when `enc` says deflate.
    var readableBody: String {
        guard var body = fields.first(where: { $0.name == "orig.body" })?.value else { return "(none)" }
        if field("orig.enc") == BodyEncoding.jsonDeflate.rawValue {
            do {
                body = try Compression.inflate(body, limit: WireLimits.default.maxBodyBytes)
            } catch {
                return "(\(body.count) bytes that do not inflate: \(error))"
            }
        }
        if let object = try? JSONSerialization.jsonObject(with: Data(body)),
            let pretty = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) {
            return String(decoding: pretty, as: UTF8.self)
        }
        guard String(validating: body, as: UTF8.self) != nil else { return "(\(body.count) bytes, not UTF-8)" }
        return String(decoding: body, as: UTF8.self)
    }

    static func entry(_ item: RedisValue) throws -> DeadLetter {
        let entry = try RedisConnection.entry(item)
        return DeadLetter(id: entry.id, fields: entry.fields)
    }

    static func newest(_ connection: RedisConnection, count: Int) throws -> [DeadLetter] {
        try connection.xrevrange(Streams.deadLetter, count: count).map { DeadLetter(id: $0.id, fields: $0.fields) }
    }

    static func read(_ connection: RedisConnection, id: String) throws -> DeadLetter? {
        let reply = try connection.send("XRANGE", .string(Streams.deadLetter), .string(id), .string(id))
        if case .error(let text) = reply { throw failure("\(text)") }
        return try (reply.array ?? []).first.map { try entry($0) }
    }

    /// Replays one dead letter atomically: its `orig.*` fields, prefix removed, XADDed to its `origin-stream`,
    /// and the letter XDELed. Returns {origin, new id}, or nil when there is no such letter.
    static let replayScript = """
        local found = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
        if #found == 0 then return nil end
        local fields = found[1][2]
        local origin = nil
        local args = {}
        for i = 1, #fields, 2 do
          local name = fields[i]
          if name == 'origin-stream' then origin = fields[i + 1] end
          if string.sub(name, 1, 5) == 'orig.' then
            args[#args + 1] = string.sub(name, 6)
            args[#args + 1] = fields[i + 1]
          end
        end
        if origin == nil or #args == 0 then return redis.error_reply('dead letter ' .. ARGV[1] .. ' has no origin-stream or no orig.* fields') end
        local id = redis.call('XADD', origin, '*', unpack(args))
        redis.call('XDEL', KEYS[1], ARGV[1])
        return {origin, id}
        """
}

func connect(_ options: RedisOptions) throws -> RedisConnection {
    do {
        return try RedisConnection(try options.configuration())
    } catch let error as RedisError {
        throw failure("redis: \(error)")
    }
}

func jsonText(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(value)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
}

/// Says what went wrong on standard error; the command exits 1.
func failure(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("mesh: \(message)\n".utf8))
    return ExitCode(1)
}
