import CZlib

/// zlib (RFC 1950) compression of message bodies.
public enum Compression {
    /// Level 1 by default: on the mesh's JSON it deflates twice as fast as level 6 for bodies about 12 % larger
    /// (0.26 of the JSON against 0.23), and deflating at level 6 was a tenth of a specialist's instructions
    /// (callgrind). Inflating costs the same at every level, and readers never see the level.
    public static func deflate(_ input: [UInt8], level: Int32 = 1) -> [UInt8] {
        var stream = z_stream()
        precondition(deflateInit_(&stream, level, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))))
        let status = input.withUnsafeBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        // deflateBound guarantees room for a single Z_FINISH call.
        precondition(status == Z_STREAM_END, "deflate did not finish: \(status)")
        output.removeLast(output.count - Int(stream.total_out))
        return output
    }

    /// Inflates `input`, refusing to produce more than `limit` bytes (a small payload can expand enormously).
    public static func inflate(_ input: [UInt8], limit: Int) throws(ProtocolError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corruptPayload("inflateInit failed")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, max(input.count * 4, 1024)))
        var window = [UInt8](repeating: 0, count: 64 * 1024)
        var status: Int32 = Z_OK
        try input.withUnsafeBufferPointer { (inBuf) throws(ProtocolError) in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = uInt(inBuf.count)
            repeat {
                let produced = window.withUnsafeMutableBufferPointer { outBuf -> Int in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return outBuf.count - Int(stream.avail_out)
                }
                switch status {
                case Z_OK, Z_STREAM_END: break
                case Z_BUF_ERROR where produced == 0 && stream.avail_in == 0:
                    throw .corruptPayload("truncated stream")
                case Z_BUF_ERROR: break
                case Z_DATA_ERROR: throw .corruptPayload(stream.msg.map { String(cString: $0) } ?? "data error")
                case Z_MEM_ERROR: throw .corruptPayload("out of memory")
                default: throw .corruptPayload("zlib status \(status)")
                }
                if output.count + produced > limit { throw .payloadTooLarge(limit: limit) }
                output.append(contentsOf: window[0..<produced])
            } while status != Z_STREAM_END
        }
        if stream.avail_in != 0 { throw .corruptPayload("trailing bytes after the compressed stream") }
        return output
    }
}
