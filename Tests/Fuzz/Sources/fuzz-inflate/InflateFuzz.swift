import FuzzSupport
import MeshProtocol

/// zlib inflate of arbitrary bytes with a small limit, and a deflate/inflate round trip of the same bytes.
///
/// - Inflating arbitrary bytes throws `corruptPayload` or `payloadTooLarge`, or returns at most `limit`
///   bytes that deflate and inflate back to themselves.
/// - Deflating the data and inflating it with a limit of exactly its size gives it back; a limit one byte
///   smaller throws `payloadTooLarge`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInflate(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    var input = FuzzInput(data, count)
    let limits = [0, 1, 64, 1024, 4096, 65536, 65537, 200_000]
    let limit = limits[Int(input.byte()) % limits.count]
    let level = Int32(input.byte() % 10)
    let payload = input.rest()

    do {
        let out = try Compression.inflate(payload, limit: limit)
        check(out.count <= limit, "inflated \(out.count) bytes past the limit \(limit)")
        let again = try Compression.inflate(Compression.deflate(out), limit: limit)
        check(again == out, "inflated bytes do not survive a deflate/inflate round trip")
    } catch .payloadTooLarge(let reported) {
        check(reported == limit, "payloadTooLarge reports \(reported), the limit is \(limit)")
    } catch .corruptPayload {
    } catch {
        fail("inflate threw \(error)")
    }

    let packed = Compression.deflate(payload, level: level)
    do {
        let out = try Compression.inflate(packed, limit: payload.count)
        check(out == payload, "deflate/inflate (level \(level)) changed \(payload.count) bytes")
    } catch {
        fail("inflating our own deflate of \(payload.count) bytes (level \(level)) threw \(error)")
    }
    if !payload.isEmpty {
        do {
            _ = try Compression.inflate(packed, limit: payload.count - 1)
            fail("inflating \(payload.count) bytes with a limit of \(payload.count - 1) did not throw")
        } catch .payloadTooLarge {
        } catch {
            fail("a limit one byte short threw \(error), not payloadTooLarge")
        }
    }
    return 0
}
