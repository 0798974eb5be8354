import FoundationEssentials

/// How a consumer-group worker reads, retries and gives up.
public struct WorkerOptions: Sendable {
    public var stream: String
    public var group: String
    /// Unique per process: the pod name in Kubernetes.
    public var consumer: String
    /// Entries read per XREADGROUP.
    public var batchSize: Int = 16
    /// How long one XREADGROUP waits for new entries; also how quickly a stop is noticed when idle.
    public var block: Duration = .seconds(1)
    /// An entry pending longer than this (its consumer died or is stuck) is taken over by another.
    public var visibilityTimeout: Duration = .seconds(30)
    /// How often to look for such entries.
    public var reclaimInterval: Duration = .seconds(5)
    /// After this many deliveries an entry goes to the dead-letter stream instead of the handler.
    public var maxDeliveries: Int = 5
    public var deadLetterStream: String
    /// Where the group starts when this worker creates it: "0" reads the stream's history too.
    public var groupStartId: String = "0"
    /// How often to trim the stream of entries every group has acknowledged (`trimAcknowledged`); nil never.
    public var trimInterval: Duration? = .seconds(5)
    /// The dead-letter stream keeps about this many newest entries.
    public var deadLetterMaxLength: Int = 10_000

    public init(stream: String, group: String, consumer: String, deadLetterStream: String) {
        self.stream = stream
        self.group = group
        self.consumer = consumer
        self.deadLetterStream = deadLetterStream
    }

    /// `CONSUMER_NAME`, else `HOSTNAME` (the pod name), else host name and process id.
    public static func consumerName(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let name = environment["CONSUMER_NAME"], !name.isEmpty { return name }
        if let name = environment["HOSTNAME"], !name.isEmpty { return name }
        return "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
    }
}
