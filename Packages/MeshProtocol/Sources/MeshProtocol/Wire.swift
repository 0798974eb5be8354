import FoundationEssentials

/// The protocol version every message carries in its `v` field, as "major.minor".
/// A reader rejects another major version and accepts any minor one, ignoring fields it does not know.
public struct ProtocolVersion: Sendable, Hashable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public static let current = ProtocolVersion(major: 3, minor: 0)
    /// The majors this reader decodes: 3.x; 2.x, whose batches 3.0 only shortened (a 2.x batch is read as a 3.0 batch
    /// that shares nothing); and 1.x, whose kinds (`chunk`, `review`, `report-ready`) 2.0 and 3.0 kept unchanged.
    /// So entries written before an upgrade are still read.
    public static let readableMajors = 1...3

    /// Parses `text` and refuses a major this reader does not speak.
    public static func readable(_ text: String) throws(ProtocolError) -> ProtocolVersion {
        let version = try ProtocolVersion(parsing: text)
        guard readableMajors.contains(version.major) else { throw .unsupportedVersion(text) }
        return version
    }

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    public init(parsing text: String) throws(ProtocolError) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]), major >= 0, minor >= 0 else {
            throw .invalidField(WireField.version, "'\(text)' is not major.minor")
        }
        self.init(major: major, minor: minor)
    }

    public var description: String { "\(major).\(minor)" }
}

/// Field names of a stream entry. Every message is an entry with these fields; the body is JSON.
public enum WireField {
    public static let version = "v"
    public static let kind = "kind"
    /// The document id, repeated outside the body so operators can read it with XRANGE.
    public static let docId = "doc"
    public static let encoding = "enc"
    public static let body = "body"
    /// Since 2.0, on `doc.review.<type>`: the specialists reviewing every chunk of the entry, comma-separated,
    /// set by the coordinator, which forwards the producer's body untouched instead of encoding it again.
    public static let specialists = "specialists"
}

public enum BodyEncoding: String, Sendable {
    case json
    /// zlib-deflated JSON.
    case jsonDeflate = "json+deflate"
}

/// A message type with a fixed `kind` on the wire.
public protocol WireMessage: Codable, Sendable {
    static var kind: String { get }
    var docId: String { get }
}

extension Chunk: WireMessage { public static let kind = "chunk" }
extension ChunkReview: WireMessage { public static let kind = "review" }
extension ReportReady: WireMessage { public static let kind = "report-ready" }

/// Encodes and decodes messages as stream-entry fields.
public struct WireCodec: Sendable {
    /// Bodies larger than this many bytes are deflated.
    public var compressionThreshold: Int
    /// What a decoded message may hold; `limits.maxBodyBytes` bounds a body as sent and as inflated.
    public var limits: WireLimits
    /// A body may inflate to at most this many bytes.
    public var inflateLimit: Int { limits.maxBodyBytes }
    /// Whether decoded chunks keep their outline. Only the structure specialist reads one; the others set this
    /// false, and a chunk's `outline` JSON (a block per paragraph of the document) is then skipped, its syntax
    /// still checked, and read as nil.
    public var readsOutlines = true

    public init(compressionThreshold: Int = 4096, limits: WireLimits = .default) {
        self.compressionThreshold = compressionThreshold
        self.limits = limits
    }

    public init(compressionThreshold: Int = 4096, inflateLimit: Int) {
        self.init(compressionThreshold: compressionThreshold, limits: WireLimits(maxBodyBytes: inflateLimit))
    }

    public func encode<M: WireMessage>(_ message: M) -> [(String, [UInt8])] {
        let json = Self.json(message)
        let compress = json.count > compressionThreshold
        let body = compress ? Compression.deflate(json) : json
        return [
            (WireField.version, Array(ProtocolVersion.current.description.utf8)),
            (WireField.kind, Array(M.kind.utf8)),
            (WireField.docId, Array(message.docId.utf8)),
            (WireField.encoding, Array((compress ? BodyEncoding.jsonDeflate : .json).rawValue.utf8)),
            (WireField.body, body),
        ]
    }

    public func decode<M: WireMessage>(_ type: M.Type, from fields: [(String, [UInt8])]) throws(ProtocolError) -> M {
        try decode(type, json: try body(of: type, from: fields))
    }

    /// Decodes a message's JSON body, as returned by `body(of:from:)`, and checks it against `limits`.
    public func decode<M: WireMessage>(_ type: M.Type, json: [UInt8]) throws(ProtocolError) -> M {
        let message = try Self.read(M.self, json: json, outlines: readsOutlines)
        if let checked = message as? any WireValidatable { try checked.validate(limits) }
        return message
    }

    /// The JSON body of a message of kind `M` (inflated when deflated), after the version and kind checks,
    /// for a reader that stores or forwards the JSON rather than decoding all of it.
    public func body<M: WireMessage>(of type: M.Type, from fields: [(String, [UInt8])]) throws(ProtocolError) -> [UInt8] {
        func field(_ name: String) throws(ProtocolError) -> [UInt8] {
            guard let value = fields.first(where: { $0.0 == name })?.1 else { throw .missingField(name) }
            return value
        }
        _ = try ProtocolVersion.readable(String(decoding: try field(WireField.version), as: UTF8.self))
        let kind = String(decoding: try field(WireField.kind), as: UTF8.self)
        guard kind == M.kind else { throw .unknownKind(kind) }
        let encodingText = String(decoding: try field(WireField.encoding), as: UTF8.self)
        guard let encoding = BodyEncoding(rawValue: encodingText) else { throw .unknownEncoding(encodingText) }
        let body = try field(WireField.body)
        guard body.count <= limits.maxBodyBytes else { throw .payloadTooLarge(limit: limits.maxBodyBytes) }
        return encoding == .jsonDeflate ? try Compression.inflate(body, limit: inflateLimit) : body
    }

    /// Decodes JSON as written by `json(_:)`: with the hand-written reader for the wire types (`JSONCodable`),
    /// with Foundation for any other type. Nothing here checks limits; `decode` does for wire messages.
    public static func read<T: Decodable>(_ type: T.Type, json: [UInt8], outlines: Bool = true) throws(ProtocolError) -> T {
        if let fast = T.self as? any JSONCodable.Type {
            let value: any JSONCodable
            do {
                value = try JSONReader.read(json, skippingOutlines: !outlines) { (reader: inout JSONReader) throws(JSONReadError) in
                    try fast.init(json: &reader)
                }
            } catch {
                throw .malformedBody(error.description)
            }
            // `fast` is `T`, so the cast holds; no trap either way.
            if let value = value as? T { return value }
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(json))
        } catch {
            throw .malformedBody(Self.describe(error))
        }
    }

    /// Canonical JSON: sorted keys, so equal messages encode to equal bytes (golden files, dedup). The wire
    /// types are written by their own writers (`JSONCodable`), the same bytes Foundation writes, only faster.
    public static func json<T: Encodable>(_ value: T) -> [UInt8] {
        if let fast = value as? any JSONCodable {
            var writer = JSONWriter()
            fast.writeJSON(to: &writer)
            return writer.bytes
        }
        return foundationJSON(value)
    }

    /// `json(_:)` by Foundation's encoder alone: what the hand-written writers must equal.
    public static func foundationJSON<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Readers refuse non-finite numbers, but a writer must not trap on one either: written as strings.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        // Our types hold only strings, numbers, arrays and dictionaries: encoding cannot fail.
        return Array(try! encoder.encode(value))
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "missing key '\(path(context.codingPath + [key]))'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "\(path(context.codingPath)): \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            "\(path(context.codingPath)): \(context.debugDescription)"
        default:
            "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
