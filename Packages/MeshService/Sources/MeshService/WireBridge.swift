import MeshProtocol
import MeshRedis
import MeshWorker

// MeshProtocol knows messages as field lists; MeshRedis knows stream entries. This is the one place they meet.

extension StreamEntry {
    /// The entry's fields in the form `WireCodec.decode` reads.
    public var wireFields: [(String, [UInt8])] { fields.map { ($0.name, $0.value) } }
}

extension WireCodec {
    /// A message as stream fields, ready for XADD.
    public func streamFields<M: WireMessage>(_ message: M) -> [StreamField] {
        encode(message).map { StreamField($0.0, $0.1) }
    }

    /// The XADD that appends `message` to `stream`.
    public func xadd<M: WireMessage>(_ stream: String, _ message: M) -> [RedisArgument] {
        RedisConnection.xaddArguments(stream, fields: streamFields(message))
    }
}

/// A message that cannot be read will never be readable: dead-letter it at once rather than retry it.
extension ProtocolError: @retroactive PermanentFailure {}

extension WireCodec {
    /// Decodes a delivered entry; a `ProtocolError` thrown here dead-letters the entry with its reason.
    public func decode<M: WireMessage>(_ type: M.Type, from delivery: Delivery) throws(ProtocolError) -> M {
        try decode(type, from: delivery.entry.wireFields)
    }
}
