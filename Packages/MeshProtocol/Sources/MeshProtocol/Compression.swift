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
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        var status: Int32 = Z_OK
        // Deflated straight into the result's uninitialized capacity: deflateBound guarantees room for a single
        // Z_FINISH call.
        let output = [UInt8](unsafeUninitializedCapacity: bound) { outBuf, count in
            input.withUnsafeBufferPointer { inBuf in
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                status = CZlib.deflate(&stream, Z_FINISH)
            }
            count = Int(stream.total_out)
        }
        precondition(status == Z_STREAM_END, "deflate did not finish: \(status)")
        return output
    }

    /// Inflates `input`, refusing to produce more than `limit` bytes (a small payload can expand enormously).
    ///
    /// The bytes go straight into the result, whose capacity starts at eight times the input (level 1 deflates a
    /// chunk batch to about a quarter, a review batch to a tenth or less) and doubles, never past one byte over
    /// `limit`, while that is not enough. A zeroed 64 KiB window copied out after each step cost a sixth of the
    /// instructions of inflating.
    public static func inflate(_ input: [UInt8], limit: Int) throws(ProtocolError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corruptPayload("inflateInit failed")
        }
        defer { inflateEnd(&stream) }
        // One byte over the limit is room enough to tell a body at the limit from one past it (a negative limit
        // refuses every body, as before).
        let ceiling = max(0, min(limit, Int.max - 1)) + 1
        var capacity = input.count < ceiling / 8 ? max(input.count * 8, min(ceiling, 1024)) : ceiling
        var output: [UInt8] = []
        var status: Int32 = Z_OK
        try input.withUnsafeBufferPointer { (inBuf) throws(ProtocolError) in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = uInt(inBuf.count)
            while true {
                let previous = output
                output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                    previous.withUnsafeBufferPointer { kept in
                        if let from = kept.baseAddress { buffer.baseAddress!.initialize(from: from, count: kept.count) }
                    }
                    count = previous.count
                    repeat {
                        let room = min(capacity - count, Int(UInt32.max))
                        stream.next_out = buffer.baseAddress! + count
                        stream.avail_out = uInt(room)
                        status = CZlib.inflate(&stream, Z_NO_FLUSH)
                        count += room - Int(stream.avail_out)
                    } while status == Z_OK && count < capacity
                }
                if output.count > limit { throw .payloadTooLarge(limit: limit) }
                switch status {
                case Z_STREAM_END: return
                case Z_OK: capacity = capacity < ceiling / 2 ? capacity * 2 : ceiling  // full: grow
                case Z_BUF_ERROR: throw .corruptPayload("truncated stream")  // no progress with room left: input ran out
                case Z_DATA_ERROR: throw .corruptPayload(stream.msg.map { String(cString: $0) } ?? "data error")
                case Z_MEM_ERROR: throw .corruptPayload("out of memory")
                default: throw .corruptPayload("zlib status \(status)")
                }
            }
        }
        if stream.avail_in != 0 { throw .corruptPayload("trailing bytes after the compressed stream") }
        return output
    }
}
