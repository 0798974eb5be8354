import Synchronization
import FoundationEssentials

/// A small Prometheus registry: counters and histograms with labels, rendered in the text exposition format.
public final class Metrics: @unchecked Sendable {
    private struct Key: Hashable, Comparable {
        var name: String
        var labels: [String]  // "k=\"v\"" pairs, sorted

        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.name, lhs.labels.joined()) < (rhs.name, rhs.labels.joined()) }
        var rendered: String { labels.isEmpty ? name : "\(name){\(labels.joined(separator: ","))}" }
    }

    private struct Histogram {
        var buckets: [Double: Int] = [:]
        var sum = 0.0
        var count = 0
    }

    /// Handling-time buckets in seconds.
    public static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private let lock = Mutex(())
    private var help: [String: (type: String, text: String)] = [:]
    private var counters: [Key: Double] = [:]
    private var histograms: [Key: Histogram] = [:]
    private var gauges: [Key: Double] = [:]
    /// Labels added to every series (service name).
    private let constantLabels: [String: String]

    public init(constantLabels: [String: String] = [:]) {
        self.constantLabels = constantLabels
    }

    public func describe(_ name: String, type: String, help text: String) {
        lock.withLock { _ in help[name] = (type, text) }
    }

    public func increment(_ name: String, by value: Double = 1, labels: [String: String] = [:]) {
        let key = key(name, labels)
        lock.withLock { _ in counters[key, default: 0] += value }
    }

    public func set(_ name: String, to value: Double, labels: [String: String] = [:]) {
        let key = key(name, labels)
        lock.withLock { _ in gauges[key] = value }
    }

    public func observe(_ name: String, _ value: Double, labels: [String: String] = [:]) {
        let key = key(name, labels)
        lock.withLock { _ in
            var histogram = histograms[key] ?? Histogram()
            for bound in Self.buckets where value <= bound { histogram.buckets[bound, default: 0] += 1 }
            histogram.sum += value
            histogram.count += 1
            histograms[key] = histogram
        }
    }

    public func counter(_ name: String, labels: [String: String] = [:]) -> Double {
        let key = key(name, labels)
        return lock.withLock { _ in counters[key] ?? 0 }
    }

    /// The text exposition format, series sorted so the output is stable.
    public func render() -> String {
        lock.withLock { _ in
            var out = ""
            var described = Set<String>()
            func header(_ name: String, _ fallback: String) {
                guard described.insert(name).inserted else { return }
                let entry = help[name] ?? (fallback, name)
                out += "# HELP \(name) \(entry.text)\n# TYPE \(name) \(entry.type)\n"
            }
            for (key, value) in counters.sorted(by: { $0.key < $1.key }) {
                header(key.name, "counter")
                out += "\(key.rendered) \(Self.format(value))\n"
            }
            for (key, value) in gauges.sorted(by: { $0.key < $1.key }) {
                header(key.name, "gauge")
                out += "\(key.rendered) \(Self.format(value))\n"
            }
            for (key, histogram) in histograms.sorted(by: { $0.key < $1.key }) {
                header(key.name, "histogram")
                for bound in Self.buckets {
                    let labels = (key.labels + ["le=\"\(Self.format(bound))\""]).joined(separator: ",")
                    out += "\(key.name)_bucket{\(labels)} \(histogram.buckets[bound] ?? 0)\n"
                }
                let inf = (key.labels + ["le=\"+Inf\""]).joined(separator: ",")
                out += "\(key.name)_bucket{\(inf)} \(histogram.count)\n"
                let plain = key.labels.isEmpty ? "" : "{\(key.labels.joined(separator: ","))}"
                out += "\(key.name)_sum\(plain) \(Self.format(histogram.sum))\n"
                out += "\(key.name)_count\(plain) \(histogram.count)\n"
            }
            return out
        }
    }

    private func key(_ name: String, _ labels: [String: String]) -> Key {
        let all = constantLabels.merging(labels) { $1 }
        return Key(name: name, labels: all.sorted { $0.key < $1.key }.map { "\($0.key)=\"\(Self.escape($0.value))\"" })
    }

    /// A Prometheus label value escapes exactly `\`, `"` and newline (the text exposition format), not
    /// JSON's set, so this format keeps its own function.
    private static func escape(_ value: String) -> String {
        escapingBackslashQuoteNewline(value)
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
