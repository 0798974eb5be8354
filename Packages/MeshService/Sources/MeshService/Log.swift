import FoundationEssentials
import Glibc

/// Structured log lines (logfmt) on standard error: `level=info service=aggregator msg="..." key=value`.
/// One line per event, written whole, so lines of several threads never interleave.
public struct Log: Sendable {
    public enum Level: Int, Sendable, Comparable, CaseIterable {
        case debug, info, warning, error

        public init?(name: String) {
            switch name.lowercased() {
            case "debug", "trace": self = .debug
            case "info", "notice": self = .info
            case "warning", "warn": self = .warning
            case "error", "critical": self = .error
            default: return nil
            }
        }

        var name: String { ["debug", "info", "warning", "error"][rawValue] }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var service: String
    public var minimum: Level

    public init(service: String, minimum: Level = .info) {
        self.service = service
        self.minimum = minimum
    }

    public func debug(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { write(.debug, message, fields) }
    public func info(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { write(.info, message, fields) }
    public func warning(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { write(.warning, message, fields) }
    public func error(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { write(.error, message, fields) }

    private func write(_ level: Level, _ message: String, _ fields: KeyValuePairs<String, String>) {
        guard level >= minimum else { return }
        var line = "ts=\(Self.timestamp()) level=\(level.name) service=\(service) msg=\(Self.quote(message))"
        for (key, value) in fields { line += " \(key)=\(Self.quote(value))" }
        // One write(2) per line: lines from several threads do not interleave (up to PIPE_BUF on a pipe).
        var bytes = line + "\n"
        bytes.withUTF8 { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }

    /// A logfmt value: bare when it is one plain word, else quoted with `\`, `"` and newline escaped. logfmt
    /// is not JSON (a bare value has no quotes), so it keeps its own function.
    static func quote(_ value: String) -> String {
        let plain = !value.isEmpty && value.allSatisfy { $0.isLetter || $0.isNumber || "-_./:@".contains($0) }
        if plain { return value }
        let escaped = escapingBackslashQuoteNewline(value)
        return "\"\(escaped)\""
    }

    private static func timestamp() -> String {
        Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}

/// `\`, `"` and a line feed escaped with a backslash: what logfmt values and Prometheus label values both need,
/// scalar by scalar (a CR LF pair keeps its CR).
func escapingBackslashQuoteNewline(_ value: String) -> String {
    var escaped = ""
    escaped.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
    for scalar in value.unicodeScalars {
        switch scalar {
        case "\\": escaped += "\\\\"
        case "\"": escaped += "\\\""
        case "\n": escaped += "\\n"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return escaped
}
