import CZlib
import Foundation
import MeshProtocol
import Testing

private func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var generator = SplitMix64(seed: seed)
    var bytes = [UInt8](repeating: 0, count: count)
    var i = 0
    while i < count {
        var word = generator.next()
        for _ in 0..<min(8, count - i) {
            bytes[i] = UInt8(truncatingIfNeeded: word)
            word >>= 8
            i += 1
        }
    }
    return bytes
}

private func prose(_ count: Int) -> [UInt8] {
    let sentence = Array("The aggregator waits until every specialist has answered every chunk. ".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(count + sentence.count)
    while out.count < count { out += sentence }
    return Array(out.prefix(count))
}

private func isCorrupt(_ error: any Error) -> Bool {
    if case ProtocolError.corruptPayload = error { return true }
    return false
}

@Suite("Compression")
struct CompressionTests {
    static let limit = 64 * 1024 * 1024

    @Test("round trip", arguments: [0, 1, 4095, 4096, 4097])
    func roundTripAtThresholdEdges(size: Int) throws {
        for input in [prose(size), randomBytes(size, seed: UInt64(size))] {
            let deflated = Compression.deflate(input)
            #expect(try Compression.inflate(deflated, limit: Self.limit) == input)
        }
    }

    @Test func oneMegabyteOfRandomBytes() throws {
        let input = randomBytes(1 << 20, seed: 42)
        let deflated = Compression.deflate(input)
        // Incompressible: zlib stores it, with a few bytes of framing per block.
        #expect(deflated.count > input.count && deflated.count < input.count + 1024)
        #expect(try Compression.inflate(deflated, limit: Self.limit) == input)
    }

    @Test func twentyMegabytesOfText() throws {
        let input = prose(20 * 1024 * 1024)
        let deflated = Compression.deflate(input)
        #expect(deflated.count < input.count / 100)
        #expect(try Compression.inflate(deflated, limit: Self.limit) == input)
    }

    @Test(arguments: [1, 9])
    func everyLevelInflates(level: Int32) throws {
        let input = prose(100_000)
        #expect(try Compression.inflate(Compression.deflate(input, level: level), limit: Self.limit) == input)
    }

    @Test func outputIsZlibFormat() {
        let deflated = Compression.deflate(Array("hello".utf8))
        // RFC 1950 header: CM = 8 (deflate), and the header checksum holds.
        #expect(deflated[0] & 0x0F == 8)
        #expect((Int(deflated[0]) << 8 | Int(deflated[1])) % 31 == 0)
    }

    // MARK: zlib's own bytes

    /// The stream framing is written here around raw deflate: the bytes must be zlib's, at every level.
    @Test("the same bytes as zlib's compress2", arguments: [0, 1, 5, 6, 9])
    func sameBytesAsZlib(level: Int32) {
        for input in [[], Array("a".utf8), prose(10_000), randomBytes(70_000, seed: 3), prose(300_000) + randomBytes(5_000, seed: 4)] {
            var size = compressBound(uLong(input.count))
            var expected = [UInt8](repeating: 0, count: Int(size))
            #expect(compress2(&expected, &size, input, uLong(input.count), level) == Z_OK)
            #expect(Compression.deflate(input, level: level) == Array(expected.prefix(Int(size))), "level \(level), \(input.count) bytes")
        }
    }

    /// `mesh_adler32` (sixteen bytes a step) against zlib's `adler32`: every length to past two of its blocks, from
    /// a running sum too, on bytes that push the sums to their largest.
    @Test func adler32AsZlibComputesIt() {
        let random = randomBytes(12_000, seed: 11)
        let high = [UInt8](repeating: 0xFF, count: 12_000)
        for bytes in [random, high] {
            bytes.withUnsafeBufferPointer { buffer in
                for length in Array(0...300) + [5551, 5552, 5553, 5567, 5568, 11_103, 11_104, 11_105, 12_000] {
                    for start: UInt32 in [1, 0xFFF0_FFF0, 0x1234_5678 % 65521] {
                        let zlib = UInt32(adler32(uLong(start), buffer.baseAddress, uInt(length)))
                        #expect(mesh_adler32(start, buffer.baseAddress, length) == zlib, "\(length) bytes from \(start)")
                    }
                }
            }
        }
    }

    @Test func aWrongChecksumIsRefused() {
        var damaged = Compression.deflate(prose(1_000))
        damaged[damaged.count - 1] ^= 0x01
        #expect(throws: ProtocolError.corruptPayload("incorrect data check")) { try Compression.inflate(damaged, limit: Self.limit) }
    }

    @Test("a header zlib refuses is refused", arguments: [
        ([0x78, 0x9D], "incorrect header check"), ([0x79, 0x18], "unknown compression method"),
        ([0x88, 0x98], "invalid window size"), ([0x78, 0xBB], "a preset dictionary is needed"),
    ])
    func badHeader(header: [UInt8], reason: String) {
        let body = Array(Compression.deflate(prose(1_000)).dropFirst(2))
        #expect(throws: ProtocolError.corruptPayload(reason)) { try Compression.inflate(header + body, limit: Self.limit) }
    }

    // MARK: Damage

    static let sample = Compression.deflate(prose(50_000) + randomBytes(2_000, seed: 7))

    @Test("a flipped byte is a corrupt payload", arguments: [0, 1, 2, 100, sample.count / 2, sample.count - 5, sample.count - 1])
    func flippedByte(at position: Int) {
        var damaged = Self.sample
        damaged[position] ^= 0xFF
        #expect(performing: { try Compression.inflate(damaged, limit: Self.limit) }, throws: isCorrupt)
    }

    @Test func flippedBytesEverywhereNeverCrash() {
        var generator = SplitMix64(seed: 99)
        for _ in 0..<300 {
            var damaged = Self.sample
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                damaged[Int.random(in: 0..<damaged.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
            }
            #expect(performing: { try Compression.inflate(damaged, limit: Self.limit) }, throws: isCorrupt)
        }
    }

    @Test("a truncated payload is a corrupt payload", arguments: [0, 1, 2, 10, sample.count / 2, sample.count - 4, sample.count - 1])
    func truncated(to length: Int) {
        let truncated = Array(Self.sample.prefix(length))
        #expect(performing: { try Compression.inflate(truncated, limit: Self.limit) }, throws: isCorrupt)
    }

    @Test func truncatedPayloadSaysSo() {
        let truncated = Array(Self.sample.prefix(Self.sample.count - 1))
        #expect(throws: ProtocolError.corruptPayload("truncated stream")) {
            try Compression.inflate(truncated, limit: Self.limit)
        }
    }

    @Test func notZlibAtAll() {
        let text = Array(#"{"docId":"d"}"#.utf8)
        #expect(performing: { try Compression.inflate(text, limit: Self.limit) }, throws: isCorrupt)
    }

    @Test("trailing bytes after the stream are refused", arguments: [[0x00], [0x78, 0x9C], Array("garbage".utf8)])
    func trailingGarbage(tail: [UInt8]) {
        let padded = Compression.deflate(prose(10_000)) + tail
        #expect(throws: ProtocolError.corruptPayload("trailing bytes after the compressed stream")) {
            try Compression.inflate(padded, limit: Self.limit)
        }
    }

    @Test func twoConcatenatedStreamsAreRefused() {
        let one = Compression.deflate(prose(1_000))
        #expect(throws: ProtocolError.corruptPayload("trailing bytes after the compressed stream")) {
            try Compression.inflate(one + one, limit: Self.limit)
        }
    }

    // MARK: The limit

    @Test func aSmallPayloadThatInflatesPastTheLimitIsRefused() {
        let bomb = Compression.deflate([UInt8](repeating: 0, count: 10 * 1024 * 1024), level: 9)
        #expect(bomb.count < 20 * 1024)
        #expect(throws: ProtocolError.payloadTooLarge(limit: 1024 * 1024)) {
            try Compression.inflate(bomb, limit: 1024 * 1024)
        }
    }

    @Test("the limit is inclusive", arguments: [(4096, true), (4095, false), (0, false)])
    func limitEdge(limit: Int, accepted: Bool) throws {
        let deflated = Compression.deflate(prose(4096))
        if accepted {
            #expect(try Compression.inflate(deflated, limit: limit).count == 4096)
        } else {
            #expect(throws: ProtocolError.payloadTooLarge(limit: limit)) { try Compression.inflate(deflated, limit: limit) }
        }
    }

    /// The output grows by doubling from eight times the input: a body far more compressible than that ends exactly
    /// at the limit after many doublings, and one byte less is refused.
    @Test func theLimitHoldsAfterTheOutputHasGrown() throws {
        let input = prose(1_000_003)
        let deflated = Compression.deflate(input)
        #expect(deflated.count * 64 < input.count)
        #expect(try Compression.inflate(deflated, limit: input.count) == input)
        #expect(throws: ProtocolError.payloadTooLarge(limit: input.count - 1)) {
            try Compression.inflate(deflated, limit: input.count - 1)
        }
    }

    /// Every size up to 3,000 bytes of text and of random bytes: the ends of the first capacity and of each
    /// doubling fall somewhere among them.
    @Test func everySmallSizeRoundTrips() throws {
        for size in 0...3_000 {
            for input in [prose(size), randomBytes(size, seed: UInt64(size))] {
                #expect(try Compression.inflate(Compression.deflate(input), limit: size) == input)
            }
        }
    }

    @Test func aNegativeLimitRefusesEveryBody() {
        for input in [[UInt8](), prose(100)] {
            #expect(throws: ProtocolError.payloadTooLarge(limit: -1)) { try Compression.inflate(Compression.deflate(input), limit: -1) }
        }
    }

    @Test func emptyInputInflatesWithinAZeroLimit() throws {
        #expect(try Compression.inflate(Compression.deflate([]), limit: 0) == [])
    }
}
