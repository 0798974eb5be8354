import Foundation
import MeshAgents
import MeshDocument
import MeshProtocol
import MeshText

// mesh-agents: the specialists without Redis.
//   mesh-agents rules [--dev-set FILE]                 print RULES.md (RuleCatalog, precision on the dev sample)
//   mesh-agents --type all --jsonl [--config FILE]     JSONL batch mode: {"id","text"} in, results out
//   mesh-agents bench [--type T] FILE...               throughput of the specialists on files (one core)
//   mesh-agents bench --warm --together FILE...        one untimed pass, then the four together only (profiling)
//   mesh-agents [--type T] [--config FILE] FILE...     review Markdown or plain-text files, one finding per line
// Every mode takes --max-chunk-chars N (default 65536) and --time-budget SECONDS (default 5; 0 for none): a chunk
// over either limit is not reviewed, and says so (`FILE:LINE:COL: unreviewed SPECIALIST: why`, or "unreviewed" in JSONL).
// `bench` has no limits unless given, so that it measures every chunk.

let usage = """
usage: mesh-agents rules [--dev-set Eval/devset.jsonl]
       mesh-agents [--type all|grammar,clarity,...] [--config .mesh.yaml] --jsonl
       mesh-agents bench [--type all|grammar,...] [--repeat N] [--warm] [--together] FILE...
       mesh-agents [--type ...] [--config .mesh.yaml] FILE...
       (all modes) [--max-chunk-chars N] [--time-budget SECONDS, 0 for none]
"""

func fail(_ message: String) -> Never {
    FileHandle.standardError.write((message + "\n").data(using: .utf8)!)
    exit(2)
}

var args = Array(CommandLine.arguments.dropFirst())
var types = SpecialistType.allCases
var configPath: String?
var jsonl = false
var command = "review"
var repeatCount = 1
var warm = false
var together = false
var files: [String] = []
var limits = ReviewLimits.default
var limitsGiven = false
var devSetPath: String?

if args.first == "rules" { command = "rules"; args.removeFirst() }
else if args.first == "bench" { command = "bench"; args.removeFirst() }
var i = 0
while i < args.count {
    let a = args[i]
    switch a {
    case "--type", "-t":
        i += 1
        guard i < args.count else { fail(usage) }
        if args[i] == "all" { types = SpecialistType.allCases } else {
            do { types = try SpecialistType.parseList(args[i]) } catch { fail("\(error)") }
        }
    case "--config", "-c":
        i += 1
        guard i < args.count else { fail(usage) }
        configPath = args[i]
    case "--max-chunk-chars":
        i += 1
        guard i < args.count, let n = Int(args[i]), n > 0 else { fail(usage) }
        limits.maxChunkCharacters = n
        limitsGiven = true
    case "--time-budget":
        i += 1
        guard i < args.count, let s = Double(args[i]), s >= 0, s <= 1e9 else { fail(usage) }
        limits.timeBudget = s == 0 ? nil : .nanoseconds(Int64(s * 1e9))
        limitsGiven = true
    case "--dev-set":
        i += 1
        guard i < args.count else { fail(usage) }
        devSetPath = args[i]
    case "--jsonl": jsonl = true
    case "--warm": warm = true
    case "--together": together = true
    case "--repeat":
        i += 1
        guard i < args.count, let n = Int(args[i]), n > 0 else { fail(usage) }
        repeatCount = n
    case "-h", "--help": print(usage); exit(0)
    default:
        if a.hasPrefix("-") { fail("unknown option \(a)\n" + usage) }
        files.append(a)
    }
    i += 1
}

@MainActor func loadConfig() -> MeshConfig {
    do {
        if let configPath {
            guard let data = FileManager.default.contents(atPath: configPath), let text = String(data: data, encoding: .utf8) else {
                fail("cannot read \(configPath)")
            }
            return try MeshConfig.parse(yaml: text, path: configPath)
        }
        if let found = try MeshConfig.discover(startingAt: FileManager.default.currentDirectoryPath) { return found.config }
    } catch {
        fail("\(error)")
    }
    return .default
}

/// A file's chunks through the MeshDocument chunker, with the outline's term uses filled in.
func documentChunks(_ path: String) -> (chunks: [Chunk], bytes: Int) {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    do {
        let (chunks, evidence) = try DocumentChunker().chunksAndEvidence(docId: path, source: path, bytes: Array(data), format: .detect(path: path))
        return (DocumentReview.withTerms(chunks, evidence: evidence), data.count)
    } catch {
        fail("\(path): \(error)")
    }
}

switch command {
case "rules":
    var precision: [String: RulePrecision] = [:]
    if let devSetPath {
        let items: [DevSetItem]
        do { items = try DevSet.load(devSetPath) } catch { fail("\(devSetPath): \(error)") }
        let engine = ReviewEngine()
        precision = DevSet.precision(items) { item in
            let (chunks, evidence) = (try? DocumentChunker().chunksAndEvidence(docId: "dev", source: item.markdown ? "dev.md" : "dev.txt",
                                                                               bytes: Array(item.text.utf8), format: item.markdown ? .markdown : .text))
                ?? ([], DocumentEvidence())
            var out: [(rule: String, severity: Severity)] = []
            for c in DocumentReview.withTerms(chunks, evidence: evidence) {
                for t in DevSet.types { out += engine.review(c, as: t).suggestions.map { ($0.rule, $0.severity) } }
            }
            return out
        }
    }
    print(RuleCatalog.markdown(precision: precision), terminator: "")
case "bench":
    // Throughput on files: MB/s and sentences/s per specialist and all together, one thread.
    var docs: [(String, [Chunk], Int)] = []
    for f in files {
        let (chunks, size) = documentChunks(f)
        docs.append((f, chunks, size))
    }
    let bytes = docs.reduce(0) { $0 + $1.2 } * repeatCount
    var sentences = 0
    for d in docs { for c in d.1 { sentences += Readability.counts(of: c.text).sentences } }
    sentences *= repeatCount
    let engine = ReviewEngine(config: loadConfig(), limits: limitsGiven ? limits : .unlimited)
    let chunks = docs.flatMap(\.1)
    // Untimed: fills the speller's caches, as a long-running specialist has them.
    if warm { _ = chunks.reduce(0) { $0 + engine.analyze($1, as: types).count } }
    var results: [String] = []
    let groups: [(String, [SpecialistType])] = together ? [("all", types)]
        : types.map { ($0.rawValue, [$0]) } + (types.count > 1 ? [("all", types)] : [])
    for (name, group) in groups {
        let start = Date()
        var found = 0
        for _ in 0..<repeatCount { found += timedPass(engine, chunks, group) }
        let secs = Date().timeIntervalSince(start)
        let mbs = Double(bytes) / 1_000_000 / secs
        results.append("{\"specialist\":\"\(name)\",\"seconds\":\(secs),\"mb_per_s\":\(mbs),\"sentences_per_s\":\(Double(sentences) / secs),\"findings\":\(found)}")
    }
    print("{\"bytes\":\(bytes),\"sentences\":\(sentences),\"results\":[\(results.joined(separator: ","))]}")
case _ where jsonl:
    let config = loadConfig()
    do {
        try JSONLBatch.run(types: types, config: config, limits: limits, readLine: { Swift.readLine(strippingNewline: true) }, write: { print($0) })
    } catch {
        fail("\(error)")
    }
default:
    guard !files.isEmpty else { fail(usage) }
    let engine = ReviewEngine(config: loadConfig(), limits: limits)
    // As `mesh review --local` does: the grammar check of this much input asks for enough suggestions to pay for
    // the speller's filter at once.
    let inputBytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
    if types.contains(.grammar), DocumentReview.Reviewer.here(inputBytes: inputBytes).buildsSuggestionFilterFirst { Speller.shared.prepareSuggestions() }
    var total = 0
    for f in files {
        let chunks = documentChunks(f).chunks
        var all: [Suggestion] = []
        for c in chunks {
            for t in types {
                let review = engine.review(c, as: t)
                all += review.suggestions
                if let reason = review.unreviewed {
                    let p = review.range?.start ?? SourcePosition(offset: 0, line: 1, column: 1)
                    print("\(f):\(p.line):\(p.column): unreviewed \(t.rawValue): \(reason)")
                    total += 1
                }
            }
        }
        all.sort { ($0.range.start.offset, $0.specialist, $0.rule) < ($1.range.start.offset, $1.specialist, $1.rule) }
        do {
            do {
                for s in all {
                    total += 1
                    print("\(f):\(s.range.start.line):\(s.range.start.column): \(s.severity.rawValue) \(s.rule): \(s.message)"
                          + (s.replacements.isEmpty ? "" : " [\(s.replacements.joined(separator: " | "))]"))
                }
            }
        }
    }
    exit(total > 0 ? 1 : 0)
}

/// One pass of `types` over `chunks`, the number of findings: a function of its own so that a profiler can count
/// only this (`valgrind --tool=callgrind --toggle-collect='*timedPass*'`).
@inline(never) func timedPass(_ engine: ReviewEngine, _ chunks: [Chunk], _ types: [SpecialistType]) -> Int {
    var found = 0
    for c in chunks { for a in engine.analyze(c, as: types) { found += a.findings.count } }
    return found
}
