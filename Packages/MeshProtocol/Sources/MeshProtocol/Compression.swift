import CZlib

/// zlib (RFC 1950) compression of message bodies.
///
/// zlib's stream framing (a two-byte header, the deflate data, the adler32 of the data) is written and read here
/// around raw deflate, so that the checksum is `mesh_adler32` (sixteen bytes a step) rather than zlib's byte at a
/// time, a quarter of the instructions of inflating a chunk batch. The bytes are those zlib writes, and every
/// check zlib makes is made.
public enum Compression {
    /// Level 1 by default: on the mesh's JSON it deflates twice as fast as level 6 for bodies about 12 % larger
    /// (0.26 of the JSON against 0.23), and deflating at level 6 was a tenth of a specialist's instructions
    /// (callgrind). Inflating costs the same at every level, and readers never see the level.
    public static func deflate(_ input: [UInt8], level: Int32 = 1) -> [UInt8] {
        var stream = z_stream()
        // Raw deflate (negative window bits) with zlib's defaults otherwise: a 32 KiB window, memory level 8.
        precondition(deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 6
        var status: Int32 = Z_OK
        // Deflated straight into the result's uninitialized capacity, after the header: deflateBound guarantees room
        // for a single Z_FINISH call.
        let output = [UInt8](unsafeUninitializedCapacity: bound) { outBuf, count in
            let header = zlibHeader(level: level)
            outBuf[0] = UInt8(header >> 8)
            outBuf[1] = UInt8(header & 0xFF)
            input.withUnsafeBufferPointer { inBuf in
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress! + 2
                stream.avail_out = uInt(outBuf.count - 6)
                status = CZlib.deflate(&stream, Z_FINISH)
            }
            count = 2 + Int(stream.total_out)
            let check = input.withUnsafeBufferPointer { mesh_adler32(1, $0.baseAddress, $0.count) }
            for shift in [24, 16, 8, 0] as [UInt32] {
                outBuf[count] = UInt8(truncatingIfNeeded: check >> shift)
                count += 1
            }
        }
        precondition(status == Z_STREAM_END, "deflate did not finish: \(status)")
        return output
    }

    /// The header zlib writes: deflate with a 32 KiB window (CMF 0x78), the level's class in FLEVEL, and the check
    /// bits that make the pair a multiple of 31.
    private static func zlibHeader(level: Int32) -> UInt16 {
        let levelClass: UInt16 = level == Z_DEFAULT_COMPRESSION ? 2 : level < 2 ? 0 : level < 6 ? 1 : level == 6 ? 2 : 3
        let header: UInt16 = 0x7800 | levelClass << 6
        return header + (31 - header % 31)
    }

    /// Inflates `input`, refusing to produce more than `limit` bytes (a small payload can expand enormously).
    ///
    /// The bytes go straight into the result, whose capacity starts at eight times the input (level 1 deflates a
    /// chunk batch to about a quarter, a review batch to a tenth or less) and doubles, never past one byte over
    /// `limit`, while that is not enough. A zeroed 64 KiB window copied out after each step cost a sixth of the
    /// instructions of inflating.
    public static func inflate(_ input: [UInt8], limit: Int) throws(ProtocolError) -> [UInt8] {
        // The zlib header, checked as zlib checks it.
        guard input.count >= 2 else { throw .corruptPayload("truncated stream") }
        guard (Int(input[0]) << 8 | Int(input[1])) % 31 == 0 else { throw .corruptPayload("incorrect header check") }
        guard input[0] & 0x0F == 8 else { throw .corruptPayload("unknown compression method") }
        guard input[0] >> 4 <= 7 else { throw .corruptPayload("invalid window size") }
        guard input[1] & 0x20 == 0 else { throw .corruptPayload("a preset dictionary is needed") }
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
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
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress! + 2)
            stream.avail_in = uInt(inBuf.count - 2)
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
        // The adler32 of the data, big-endian, then nothing.
        let trailer = input.count - Int(stream.avail_in)
        guard stream.avail_in >= 4 else { throw .corruptPayload("truncated stream") }
        let expected = input[trailer..<trailer + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let check = output.withUnsafeBufferPointer { mesh_adler32(1, $0.baseAddress, $0.count) }
        guard check == expected else { throw .corruptPayload("incorrect data check") }
        if stream.avail_in != 4 { throw .corruptPayload("trailing bytes after the compressed stream") }
        return output
    }
}
