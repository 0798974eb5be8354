/// One entry of a stream: its id and its field-value pairs, in order.
public struct StreamEntry: Sendable, Hashable {
    public var id: String
    public var fields: [StreamField]

    public init(id: String, fields: [StreamField]) {
        self.id = id
        self.fields = fields
    }

    /// The first value of a field, if present.
    public subscript(_ name: String) -> [UInt8]? {
        fields.first(where: { $0.name == name })?.value
    }

    public func string(_ name: String) -> String? {
        self[name].map { String(decoding: $0, as: UTF8.self) }
    }
}

public struct StreamField: Sendable, Hashable {
    public var name: String
    public var value: [UInt8]

    public init(_ name: String, _ value: [UInt8]) {
        self.name = name
        self.value = value
    }

    public init(_ name: String, _ value: String) {
        self.init(name, Array(value.utf8))
    }
}

/// `XPENDING key group` without a range.
public struct PendingSummary: Sendable, Hashable {
    public var count: Int
    public var smallestId: String?
    public var largestId: String?
    public var consumers: [String: Int]
}

/// One row of `XPENDING key group [IDLE ms] start end count [consumer]`.
public struct PendingEntry: Sendable, Hashable {
    public var id: String
    public var consumer: String
    public var idle: Duration
    public var deliveries: Int
}

/// One row of `XINFO GROUPS key`.
public struct GroupInfo: Sendable, Hashable {
    public var name: String
    public var consumers: Int
    public var pending: Int
    public var lastDeliveredId: String
    /// Entries not yet delivered to the group (Redis 7+); nil when the server cannot tell.
    public var lag: Int?
}

public struct AutoClaimResult: Sendable, Hashable {
    /// Where the next XAUTOCLAIM scan starts; "0-0" when the scan is complete.
    public var nextStart: String
    public var entries: [StreamEntry]
    /// Ids that were pending but no longer exist in the stream (Redis 7+); they are removed from the PEL.
    public var deletedIds: [String]
}

extension RedisConnection {
    // MARK: Stream commands, named after the Redis command.

    /// `XADD key * field value ...`; returns the new entry's id.
    @discardableResult
    public func xadd(_ key: String, id: String = "*", fields: [StreamField]) throws(RedisError) -> String {
        let reply = try send(Self.xaddArguments(key, id: id, fields: fields))
        guard let newId = reply.string else { throw RedisError(.protocolViolation, "XADD returned \(reply)") }
        return newId
    }

    /// The arguments of `XADD key [MAXLEN ~ n] id field value ...`. With `approximateMaxLength` the stream keeps
    /// about that many newest entries (for streams nobody acknowledges, such as `doc.reports`).
    public static func xaddArguments(_ key: String, id: String = "*", fields: [StreamField], approximateMaxLength: Int? = nil) -> [RedisArgument] {
        var args: [RedisArgument] = ["XADD", .string(key)]
        if let approximateMaxLength { args += ["MAXLEN", "~", .int(approximateMaxLength)] }
        args.append(.string(id))
        args.reserveCapacity(args.count + fields.count * 2)
        for field in fields {
            args.append(.string(field.name))
            args.append(.bytes(field.value))
        }
        return args
    }

    /// `XREADGROUP GROUP g c [COUNT n] [BLOCK ms] STREAMS key... id...`. Use id `>` for new entries and
    /// `0` for this consumer's own pending ones. Returns entries per stream, in the order asked; an empty
    /// array when BLOCK timed out.
    public func xreadGroup(
        group: String, consumer: String, count: Int? = nil, block: Duration? = nil, streams: [(key: String, id: String)]
    ) throws(RedisError) -> [(stream: String, entries: [StreamEntry])] {
        var args: [RedisArgument] = ["XREADGROUP", "GROUP", .string(group), .string(consumer)]
        if let count { args += ["COUNT", .int(count)] }
        if let block { args += ["BLOCK", .int(block.milliseconds)] }
        args.append("STREAMS")
        args += streams.map { .string($0.key) }
        args += streams.map { .string($0.id) }
        let timeout = block.map { $0 + configuration.timeouts.command }
        let reply = try send(args, timeout: timeout)
        if reply.isNull { return [] }
        guard let streamsReply = reply.array else { throw RedisError(.protocolViolation, "XREADGROUP returned \(reply)") }
        var result: [(stream: String, entries: [StreamEntry])] = []
        for item in streamsReply {
            guard let pair = item.array, pair.count == 2, let name = pair[0].string else {
                throw RedisError(.protocolViolation, "XREADGROUP stream item \(item)")
            }
            result.append((name, try Self.entries(pair[1])))
        }
        return result
    }

    /// `XACK key group id...`; returns how many were acknowledged (0 for ids no longer pending).
    @discardableResult
    public func xack(_ key: String, group: String, ids: [String]) throws(RedisError) -> Int {
        guard !ids.isEmpty else { return 0 }
        let reply = try send(["XACK", .string(key), .string(group)] + ids.map { .string($0) })
        return reply.int ?? 0
    }

    /// `XGROUP CREATE key group id MKSTREAM`. Returns false when the group already exists (not an error).
    @discardableResult
    public func xgroupCreate(_ key: String, group: String, id: String = "0", mkstream: Bool = true) throws(RedisError) -> Bool {
        var args: [RedisArgument] = ["XGROUP", "CREATE", .string(key), .string(group), .string(id)]
        if mkstream { args.append("MKSTREAM") }
        do {
            try send(args)
            return true
        } catch where error.code == .busyGroup {
            return false
        }
    }

    /// `XAUTOCLAIM key group consumer min-idle start [COUNT n]`: takes over entries idle longer than
    /// `minIdle` from any consumer of the group (each claim counts as a delivery).
    public func xautoclaim(
        _ key: String, group: String, consumer: String, minIdle: Duration, start: String = "0-0", count: Int = 100
    ) throws(RedisError) -> AutoClaimResult {
        let reply = try send(
            "XAUTOCLAIM", .string(key), .string(group), .string(consumer), .int(minIdle.milliseconds), .string(start),
            "COUNT", .int(count)
        )
        guard let parts = reply.array, parts.count >= 2, let next = parts[0].string else {
            throw RedisError(.protocolViolation, "XAUTOCLAIM returned \(reply)")
        }
        let deleted = parts.count > 2 ? (parts[2].array ?? []).compactMap(\.string) : []
        // A claimed id whose entry was deleted comes back as nil in Redis 6.2; skip those.
        var entries: [StreamEntry] = []
        for item in parts[1].array ?? [] where !item.isNull { entries.append(try Self.entry(item)) }
        return AutoClaimResult(nextStart: next, entries: entries, deletedIds: deleted)
    }

    /// `XPENDING key group`: the summary form.
    public func xpending(_ key: String, group: String) throws(RedisError) -> PendingSummary {
        let reply = try send("XPENDING", .string(key), .string(group))
        guard let parts = reply.array, parts.count == 4, let count = parts[0].int else {
            throw RedisError(.protocolViolation, "XPENDING returned \(reply)")
        }
        var consumers: [String: Int] = [:]
        for item in parts[3].array ?? [] {
            if let pair = item.array, pair.count == 2, let name = pair[0].string, let n = pair[1].int {
                consumers[name] = n
            }
        }
        return PendingSummary(count: count, smallestId: parts[1].string, largestId: parts[2].string, consumers: consumers)
    }

    /// `XPENDING key group [IDLE ms] start end count [consumer]`: the extended form.
    public func xpending(
        _ key: String, group: String, idle: Duration? = nil, start: String = "-", end: String = "+", count: Int,
        consumer: String? = nil
    ) throws(RedisError) -> [PendingEntry] {
        var args: [RedisArgument] = ["XPENDING", .string(key), .string(group)]
        if let idle { args += ["IDLE", .int(idle.milliseconds)] }
        args += [.string(start), .string(end), .int(count)]
        if let consumer { args.append(.string(consumer)) }
        let reply = try send(args)
        var rows: [PendingEntry] = []
        for item in reply.array ?? [] {
            guard let row = item.array, row.count == 4, let id = row[0].string, let name = row[1].string,
                let idle = row[2].int, let deliveries = row[3].int
            else { throw RedisError(.protocolViolation, "XPENDING row \(item)") }
            rows.append(PendingEntry(id: id, consumer: name, idle: .milliseconds(idle), deliveries: deliveries))
        }
        return rows
    }

    /// `XLEN key`.
    public func xlen(_ key: String) throws(RedisError) -> Int {
        try send("XLEN", .string(key)).int ?? 0
    }

    /// `XINFO GROUPS key`.
    public func xinfoGroups(_ key: String) throws(RedisError) -> [GroupInfo] {
        let reply = try send("XINFO", "GROUPS", .string(key))
        return (reply.array ?? []).map { item in
            let map = Self.pairs(item)
            return GroupInfo(
                name: map["name"]?.string ?? "",
                consumers: map["consumers"]?.int ?? 0,
                pending: map["pending"]?.int ?? 0,
                lastDeliveredId: map["last-delivered-id"]?.string ?? "0-0",
                lag: map["lag"]?.int
            )
        }
    }

    /// `XTRIM key MINID threshold`: removes entries with an id below `minId`. Returns how many went.
    @discardableResult
    public func xtrim(_ key: String, minId: String) throws(RedisError) -> Int {
        try send("XTRIM", .string(key), "MINID", .string(minId)).int ?? 0
    }

    /// Removes only entries that every group of the stream has both received and acknowledged. Work
    /// streams are never trimmed by MAXLEN: that would drop entries not yet processed.
    @discardableResult
    public func trimAcknowledged(_ key: String) throws(RedisError) -> Int {
        let groups = try xinfoGroups(key)
        guard !groups.isEmpty else { return 0 }
        var floor: StreamID?
        for group in groups {
            // Everything below the oldest pending entry, and at or below the last delivered one, is done.
            var groupFloor = StreamID(group.lastDeliveredId)?.next
            if group.pending > 0, let oldest = try xpending(key, group: group.name).smallestId.flatMap(StreamID.init) {
                groupFloor = min(groupFloor ?? oldest, oldest)
            }
            guard let groupFloor else { return 0 }
            floor = min(floor ?? groupFloor, groupFloor)
        }
        guard let floor else { return 0 }
        return try xtrim(key, minId: floor.description)
    }

    // MARK: Reply parsing

    static func entries(_ value: RedisValue) throws(RedisError) -> [StreamEntry] {
        guard let items = value.array else {
            if value.isNull { return [] }
            throw RedisError(.protocolViolation, "expected stream entries, got \(value)")
        }
        var result: [StreamEntry] = []
        result.reserveCapacity(items.count)
        for item in items { result.append(try entry(item)) }
        return result
    }

    /// One entry of an XRANGE or XREADGROUP reply: `[id, [field, value, ...]]`.
    public static func entry(_ value: RedisValue) throws(RedisError) -> StreamEntry {
        guard let pair = value.array, pair.count == 2, let id = pair[0].string else {
            throw RedisError(.protocolViolation, "expected a stream entry, got \(value)")
        }
        let flat = pair[1].array ?? []
        var fields: [StreamField] = []
        fields.reserveCapacity(flat.count / 2)
        var i = 0
        while i + 1 < flat.count {
            fields.append(StreamField(flat[i].string ?? "", flat[i + 1].bytes ?? []))
            i += 2
        }
        return StreamEntry(id: id, fields: fields)
    }

    /// A flat reply of alternating names and values (XINFO, HGETALL) as a dictionary.
    public static func pairs(_ value: RedisValue) -> [String: RedisValue] {
        var map: [String: RedisValue] = [:]
        let flat = value.array ?? []
        var i = 0
        while i + 1 < flat.count {
            if let key = flat[i].string { map[key] = flat[i + 1] }
            i += 2
        }
        return map
    }
}

/// A stream entry id, `milliseconds-sequence`, ordered as Redis orders them.
public struct StreamID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var milliseconds: UInt64
    public var sequence: UInt64

    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let ms = UInt64(parts[0]), let seq = UInt64(parts[1]) else { return nil }
        milliseconds = ms
        sequence = seq
    }

    public init(milliseconds: UInt64, sequence: UInt64) {
        self.milliseconds = milliseconds
        self.sequence = sequence
    }

    /// The smallest id greater than this one.
    public var next: StreamID {
        sequence == .max ? StreamID(milliseconds: milliseconds + 1, sequence: 0) : StreamID(milliseconds: milliseconds, sequence: sequence + 1)
    }

    public var description: String { "\(milliseconds)-\(sequence)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.milliseconds, lhs.sequence) < (rhs.milliseconds, rhs.sequence) }
}
