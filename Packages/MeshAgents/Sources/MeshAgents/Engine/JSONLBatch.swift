import Foundation
import MeshProtocol
import MeshText

/// Batch mode without Redis: one `{"id","text"}` JSON object per line in, one result per line out.
///
/// Out: `{"id":…,"suggestions":[{"start","end","rule","severity","message","replacements"}],"tone":…,
/// "politeness":…,"readability":{…}}` with `start`/`end` in Unicode code points of `text`. Each text is one
/// plain-text paragraph chunk with identity segments. A text a specialist did not review (too long, or over its
/// time budget: `limits`) adds `"unreviewed":{"grammar":"why",…}`.
public enum JSONLBatch {
    public struct InputError: Error, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public static func chunk(id: String, text: String) -> Chunk {
        Chunk(docId: id, index: 0, count: 1, source: id, format: .text, kind: .paragraph, text: text,
              segments: [TextSegment(textOffset: 0, position: SourcePosition(offset: 0, line: 1, column: 1))])
    }

    public static func run(types: [SpecialistType], config: MeshConfig, limits: ReviewLimits = .default, readLine: () -> String?,
                           write: (String) -> Void) throws {
        let engine = ReviewEngine(config: config, limits: limits)
        var lineNo = 0
        while let line = readLine() {
            lineNo += 1
            if line.trimmed.isEmpty { continue }
            guard let data = line.data(using: .utf8),
                  let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw InputError(line: lineNo, reason: "not a JSON object")
            }
            guard let text = obj["text"] as? String else { throw InputError(line: lineNo, reason: "missing string field 'text'") }
            let idJSON: String
            switch obj["id"] {
            case let s as String: idJSON = quote(s)
            case let n as NSNumber: idJSON = n.stringValue
            case nil: idJSON = "null"
            default: throw InputError(line: lineNo, reason: "'id' must be a string or a number")
            }
            write(process(idJSON: idJSON, text: text, types: types, engine: engine))
        }
    }

    static func process(idJSON: String, text: String, types: [SpecialistType], engine: ReviewEngine) -> String {
        let c = chunk(id: idJSON, text: text)
        var findings: [Finding] = []
        var tone: Double?
        var politeness: Double?
        var counts: TextCounts?
        var unreviewed: [(SpecialistType, String)] = []
        for (t, a) in zip(types, engine.analyze(c, as: types)) {
            findings += a.findings
            if t == .tone { tone = a.tone; politeness = a.politeness }
            if t == .clarity { counts = a.counts }
            if let reason = a.unreviewed { unreviewed.append((t, reason)) }
        }
        // A text too large to review gets no scores either: they take a pass over all of it.
        let tooLarge = engine.sizeReason(c) != nil
        if tooLarge { counts = TextCounts() }
        if tone == nil, !tooLarge {
            let analysis = TextAnalysis(text: text)
            tone = (ToneScorer.score(analysis).compound * 1000).rounded() / 1000
            politeness = (ToneScorer.politeness(analysis) * 1000).rounded() / 1000
        }
        let readability = Readability.scores(counts ?? Readability.counts(of: text))
        findings.sort { ($0.span.start, $0.span.end, $0.rule, $0.message) < ($1.span.start, $1.span.end, $1.rule, $1.message) }
        var out = "{\"id\":\(idJSON),\"suggestions\":["
        for (i, f) in findings.enumerated() {
            if i > 0 { out += "," }
            out += "{\"start\":\(f.span.start),\"end\":\(f.span.end),\"rule\":\(quote(f.rule)),\"severity\":\(quote(f.severity.rawValue)),"
            out += "\"message\":\(quote(f.message)),\"replacements\":[\(f.replacements.map(quote).joined(separator: ","))]}"
        }
        out += "],\"tone\":\(number(tone ?? 0)),\"politeness\":\(number(politeness ?? 0)),\"readability\":{"
        out += Readability.formulas.compactMap { k in readability[k].map { "\(quote(k)):\(number($0))" } }.joined(separator: ",")
        out += "}"
        if !unreviewed.isEmpty {
            out += ",\"unreviewed\":{" + unreviewed.map { "\(quote($0.0.rawValue)):\(quote($0.1))" }.joined(separator: ",") + "}"
        }
        out += "}"
        return out
    }

    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    /// MeshProtocol's JSON string quoter, under the short name this file's output code uses.
    static func quote(_ s: String) -> String { JSONString.quoted(s) }
}
