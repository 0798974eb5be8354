/// Why a message could not be read. The text of each case is what goes into a dead letter's `reason`.
public enum ProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingField(String)
    case invalidField(String, String)
    case unsupportedVersion(String)
    case unknownKind(String)
    case unknownEncoding(String)
    case corruptPayload(String)
    case payloadTooLarge(limit: Int)
    case malformedBody(String)

    public var description: String {
        switch self {
        case .missingField(let name): "missing field '\(name)'"
        case .invalidField(let name, let why): "invalid field '\(name)': \(why)"
        case .unsupportedVersion(let v):
            "unsupported protocol version '\(v)' (this reader speaks \(ProtocolVersion.readableMajors.map { "\($0).x" }.joined(separator: ", ")))"
        case .unknownKind(let kind): "unknown message kind '\(kind)'"
        case .unknownEncoding(let enc): "unknown body encoding '\(enc)'"
        case .corruptPayload(let why): "corrupt compressed payload: \(why)"
        case .payloadTooLarge(let limit): "payload inflates past the limit of \(limit) bytes"
        case .malformedBody(let why): "malformed body: \(why)"
        }
    }
}
