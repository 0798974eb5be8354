/// The stream, group and key names of the mesh. They are a public contract: operators type them into
/// `redis-cli XLEN` / `XPENDING`, and dashboards and autoscalers name them. PROTOCOL.md lists them too.
public enum Streams {
    /// Producer → coordinator: one entry per chunk.
    public static let chunks = "doc.chunks"
    /// Coordinator → specialists of one type.
    public static func review(_ type: SpecialistType) -> String { "doc.review.\(type.rawValue)" }
    /// Specialists of one type → aggregator.
    public static func suggestions(_ type: SpecialistType) -> String { "doc.suggestions.\(type.rawValue)" }
    /// Aggregator → anyone waiting: one entry per completed document.
    public static let reports = "doc.reports"
    /// Any service → operators: messages that could not be handled, with the reason.
    public static let deadLetter = "doc.deadletter"
}

public enum Groups {
    public static let coordinator = "coordinator-group"
    public static func specialist(_ type: SpecialistType) -> String { "\(type.rawValue)-group" }
    public static let aggregator = "aggregator-group"
}

public enum Keys {
    /// The finished report of a document, as JSON (string key).
    public static func report(_ docId: String) -> String { "doc:report:\(docId)" }
    /// Aggregator state: one hash field per (specialist, chunk) result received.
    public static func results(_ docId: String) -> String { "doc:results:\(docId)" }
    /// Set once, when a document's completion has been published.
    public static func completed(_ docId: String) -> String { "doc:completed:\(docId)" }
}
