/// SplitMix64 (Steele, Lea, Flood 2014): a seeded generator, tiny, fast and the same on every platform, so
/// generated sample prose and test payloads are the same on every run.
///
/// It lives here, in the package every other one links, so the producer's sample prose (MeshDocument) and
/// the tests of every package share one copy. It does no I/O and is not for anything secret.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (bound > 0); the modulo bias is irrelevant for sample data.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// One of `items` (not empty).
    public mutating func pick(_ items: [String]) -> String { items[below(items.count)] }
}
