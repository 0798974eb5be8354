import FoundationEssentials
import MeshProtocol

/// The `json` format: the `Report` as its Codable form with `schemaVersion` added, keys sorted, pretty
/// printed, slashes not escaped. REPORT.md documents it; report.schema.json is its JSON Schema.
enum JSONReport {
    static func single(_ report: Report) -> String {
        var writer = JSONWriter(pretty: true, capacity: 4096)
        ordered(report).writeJSON(to: &writer, schemaVersion: ReportRenderer.jsonSchemaVersion)
        return String(decoding: writer.bytes, as: UTF8.self) + "\n"
    }

    static func many(_ reports: [Report]) -> String {
        many(parts: reports.map(part))
    }

    /// One report as an element of `many`'s `reports` array.
    static func part(_ report: Report) -> [UInt8] {
        var writer = JSONWriter(pretty: true, capacity: 4096, depth: 2)
        ordered(report).writeJSON(to: &writer, schemaVersion: nil)
        return writer.bytes
    }

    static func many(parts: [[UInt8]]) -> String {
        String(decoding: manyBytes(parts: parts), as: UTF8.self)
    }

    /// `many(parts:)` as the bytes it is made of, for a caller that writes them out: a burst's output is megabytes,
    /// and making it a `String` checks every byte's UTF-8 again.
    static func manyBytes(parts: [[UInt8]]) -> [UInt8] {
        var writer = JSONWriter(pretty: true, capacity: 64 + parts.reduce(0) { $0 + $1.count })
        writer.object { writer in
            writer.key("reports")
            writer.array(parts: parts)
            writer.key("schemaVersion")
            writer.string(ReportRenderer.jsonSchemaVersion)
        }
        return writer.bytes(then: UInt8(ascii: "\n"))
    }

    /// What `single` and `many` wrote before they had their own writer, and must still equal (a test compares).
    static func foundationSingle(_ report: Report) -> String {
        encode(Versioned(report: ordered(report)))
    }

    static func foundationMany(_ reports: [Report]) -> String {
        encode(Many(reports: reports.map(ordered), schemaVersion: ReportRenderer.jsonSchemaVersion))
    }

    private static func ordered(_ report: Report) -> Report {
        var copy = report
        copy.suggestions = ReportRenderer.ordered(report.suggestions)
        return copy
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        // Encoding these value types cannot fail (no throwing encoders, non-finite numbers handled above).
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Versioned: Encodable {
        let report: Report

        private enum Keys: String, CodingKey { case schemaVersion }

        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(ReportRenderer.jsonSchemaVersion, forKey: .schemaVersion)
        }
    }

    private struct Many: Encodable {
        let reports: [Report]
        let schemaVersion: String
    }
}
