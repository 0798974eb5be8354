import ArgumentParser
import Foundation
import MeshAgents
import MeshDocument
import MeshProtocol
import MeshRedis
import MeshReports
import MeshService
import MeshSubmission
import MeshText

let serviceVersion = "0.1.0"

@main
struct Producer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mesh-producer",
        abstract: "Splits documents into chunks and submits them to the mesh; optionally waits for the reports.",
        discussion: """
            Markdown (.md, .markdown, .mdx) is parsed with cmark-gfm; anything else is plain text split on blank \
            lines. Code, front matter, HTML and URLs are not reviewed. Every input is read and checked before \
            anything is sent: a file that is not UTF-8, a folder, or a document over --max-document-bytes is \
            refused and nothing reaches Redis. Without --wait it prints the document ids and exits; with --wait it \
            prints the reports, shows progress on standard error when that is a terminal (or with --progress), \
            and on a timeout says which stream and consumers hold the work.

            Exit status: 0 reviewed, nothing at --fail-on; 1 a finding at --fail-on; 2 a report is incomplete \
            (some chunk was not reviewed: it says which and why); 3 bad input (unreadable, a folder, not UTF-8, \
            too large, a malformed .mesh.yaml); 4 Redis could not be reached or refused a command; 5 timed out \
            waiting for a report; 64 bad flags.
            """,
        version: meshVersionText("mesh-producer", serviceVersion, linking: [("MeshAgents", MeshAgentsLibrary.version)])
    )

    @Option(name: [.customLong("doc_id"), .customLong("doc-id")], help: "Document id (several files get -1, -2, ...). Default: derived from the file name.")
    var docId: String?

    @Option(name: .customLong("file"), help: "A document to review; repeatable. '-' reads standard input.")
    var fileOptions: [String] = []

    @Argument(help: "More documents to review.")
    var files: [String] = []

    @Option(help: "Generate N paragraphs of sample prose (with real mistakes) instead of reading files.")
    var paragraphs: Int?

    @Option(help: "Seed of the sample prose.")
    var seed: UInt64 = 1

    @Option(help: "markdown, text, or auto (by file extension).")
    var format: String = "auto"

    @Option(help: "A .mesh.yaml sent with the documents. Default: the nearest .mesh.yaml from each file's folder up.")
    var config: String?

    @Flag(help: "Wait for the reports and print them.")
    var wait = false

    @Option(help: "Seconds to wait for the reports with --wait.")
    var timeout: Double = 600

    @Option(name: .customLong("output-format"), help: "Report format: text, json, sarif or github.")
    var outputFormat: String = "text"

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a report has a suggestion this severe: error, warning, suggestion or none.")
    var failOn: String = "error"

    @Option(name: .customLong("output"), help: "Write the reports to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("max-document-bytes"), help: "Refuse a document larger than this. Env: MAX_DOCUMENT_BYTES (default 16777216, 16 MiB).")
    var maxDocumentBytes: Int?

    @Option(name: .customLong("batch-bytes"), help: "Send consecutive chunks together, up to this many bytes of text per stream entry (a larger chunk goes alone). Env: CHUNK_BATCH_BYTES (default 16384).")
    var batchBytes: Int?

    @Flag(name: .customLong("closed-loop"), help: "With --wait: submit the documents one at a time, each when the previous report is in, and print the submit-to-report times (p50, p99) on standard error. For benchmarks.")
    var closedLoop = false

    @Flag(help: "Show progress on standard error while waiting, even when it is not a terminal.")
    var progress = false

    @OptionGroup var redis: RedisOptions

    func validate() throws {
        if paragraphs == nil && fileOptions.isEmpty && files.isEmpty {
            throw ValidationError("nothing to review: give --file FILE (or '-' for stdin), files, or --paragraphs N")
        }
        if let paragraphs, !(1...100_000).contains(paragraphs) { throw ValidationError("--paragraphs must be from 1 to 100000") }
        guard ["auto", "markdown", "text"].contains(format) else { throw ValidationError("--format must be auto, markdown or text") }
        guard ReportFormat(rawValue: outputFormat) != nil else {
            throw ValidationError("--output-format must be one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard FailOn(rawValue: failOn) != nil else { throw ValidationError("--fail-on must be error, warning, suggestion or none") }
        guard timeout.isFinite, timeout > 0, timeout <= 1e7 else { throw ValidationError("--timeout must be a number of seconds from 0 to 10000000") }
        if let maxDocumentBytes, maxDocumentBytes < 1 { throw ValidationError("--max-document-bytes must be at least 1") }
        if let batchBytes, !(1...(16 << 20)).contains(batchBytes) { throw ValidationError("--batch-bytes must be from 1 to 16777216") }
    }

    func run() throws {
        // As PID 1 in a container no signal has a default action: without handlers SIGTERM would be ignored and
        // the Job's pod killed after its grace period. Nothing is half-sent that matters: a document's chunks are
        // on the stream or not, and a resubmission replaces them.
        signal(SIGTERM) { _ in _exit(128 + SIGTERM) }
        signal(SIGINT) { _ in _exit(128 + SIGINT) }
        do {
            try review()
        } catch let failure as Failure {
            FileHandle.standardError.write(Data("mesh-producer: \(failure.message)\n".utf8))
            throw ExitCode(failure.status.rawValue)
        } catch let error as RedisError {
            FileHandle.standardError.write(Data("mesh-producer: redis: \(error)\n".utf8))
            throw ExitCode(ExitStatus.redis.rawValue)
        }
    }

    private func review() throws {
        let documents = try prepare()
        let connection = try RedisConnection(try redis.configuration())
        var submission = try Submission(connection: connection)
        submission.batchBytes = try batchBudget()
        let showProgress = progress || isatty(STDERR_FILENO) == 1
        let limit = Duration.milliseconds(Int(timeout * 1000))
        let renderer = ReportRenderer(
            rules: RuleCatalog.all.map { RuleDescriptor(id: $0.id, specialist: $0.specialist, defaultSeverity: $0.severity, summary: $0.description) },
            toolVersion: serviceVersion
        )
        let format = ReportFormat(rawValue: outputFormat)!
        // With several documents each report is rendered as it comes in, while the rest are still being reviewed,
        // so that the output is ready soon after the last one.
        var parts: [String: ReportPart] = [:]
        func received(_ report: Report) {
            if documents.count > 1 { parts[report.docId] = renderer.part(report, as: format) }
        }
        let reports: [Report]
        if closedLoop && wait {
            // Not rendered on arrival here: the submit-to-report times measured would include it.
            reports = try submitOneAtATime(documents, submission: &submission, timeout: limit)
        } else {
            try submission.send(documents)
            guard wait else {
                for document in documents { print(document.docId) }
                return
            }
            reports = try submission.waitForReports(documents, timeout: limit, progress: showProgress ? ProgressLine() : nil, received: received)
        }
        let bytes = renderer.output(reports, as: format, parts: reports.map { parts[$0.docId] })
        if let output {
            try Data(bytes).write(to: URL(fileURLWithPath: output))
        } else {
            // Written from the array itself: `Data(bytes)` copied a burst's megabytes first.
            try StandardOutput.write(bytes)
        }
        if reports.contains(where: { !($0.incomplete ?? []).isEmpty }) { throw ExitCode(ExitStatus.incomplete.rawValue) }
        if FailOn(rawValue: failOn)!.shouldFail(reports) { throw ExitCode(ExitStatus.findings.rawValue) }
    }

    /// Closed loop: each document is sent when the previous one's report is in; prints the submit-to-report times.
    private func submitOneAtATime(_ documents: [Document], submission: inout Submission, timeout: Duration) throws -> [Report] {
        var reports: [Report] = []
        var milliseconds: [Double] = []
        for document in documents {
            let started = ContinuousClock.now
            try submission.send([document])
            reports += try submission.waitForReports([document], timeout: timeout, progress: nil)
            let (seconds, attoseconds) = (ContinuousClock.now - started).components
            milliseconds.append(Double(seconds) * 1000 + Double(attoseconds) / 1e15)
        }
        let sorted = milliseconds.sorted()
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)] }
        let line = String(format: "closed-loop: %d documents, submit to report p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                          sorted.count, percentile(0.5), percentile(0.99), sorted.last ?? 0)
        FileHandle.standardError.write(Data(line.utf8))
        return reports
    }

    /// Reads, checks and chunks every input before anything is sent.
    private func prepare() throws -> [Document] {
        var inputs: [(source: String, bytes: [UInt8])] = []
        if let paragraphs {
            inputs.append(("sample.md", Array(SampleProse.paragraphs(paragraphs, seed: seed).utf8)))
        }
        let limit = try documentLimit()
        for path in fileOptions + files {
            inputs.append((path, try InputFile.read(path, limit: limit)))
        }
        // Preparing is most of a large submission's CPU, and nothing is sent until every input has passed, so the
        // documents are prepared on every core at once (the speller loading meanwhile). The first bad input in
        // command-line order is the one reported.
        let all = inputs
        let prepared = DocumentReview.prepareOnEveryCore(count: all.count, reviewer: .mesh) { index in
            try analyseDocument(all[index], number: index + 1, of: all.count)
        }
        return try prepared.map { result in
            let (chunks, (docId, source)) = try result.get()
            return Document(docId: docId, source: source, chunks: chunks)
        }
    }

    /// A document chunked and analysed, with its config text, id and source; its terms not found yet.
    private func analyseDocument(_ input: (source: String, bytes: [UInt8]), number: Int, of count: Int) throws
        -> (document: DocumentReview.Analysed, config: String?, extra: (docId: String, source: String)) {
        let id = documentId(for: input.source, number: number, of: count)
        let kind: DocumentFormat =
            switch format {
            case "markdown": .markdown
            case "text": .text
            default: input.source == "sample.md" && paragraphs != nil ? .markdown : DocumentFormat.detect(path: input.source)
            }
        let chunks: [Chunk]
        let evidence: DocumentEvidence
        do {
            (chunks, evidence) = try DocumentChunker().chunksAndEvidence(docId: id, source: input.source, bytes: input.bytes, format: kind)
        } catch {
            throw Failure(.input, "\(input.source): \(error); nothing was sent")
        }
        let maxChunks = WireLimits.default.maxChunks
        guard chunks.count <= maxChunks else {
            throw Failure(.input, "\(input.source): \(chunks.count) chunks, more than the mesh takes (\(maxChunks)); nothing was sent")
        }
        // The document's terms (words it shows to be vocabulary) travel in each chunk's config text, after the
        // project's .mesh.yaml with its vocabulary files inlined, since specialists cannot read the producer's files.
        return (DocumentReview.Analysed(chunks, evidence: evidence), try configText(near: input.source), (id, input.source))
    }

    private func documentId(for source: String, number: Int, of count: Int) -> String {
        if let docId { return count == 1 ? docId : "\(docId)-\(number)" }
        let base = source == "-" ? "stdin" : URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        let safe = String(base.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }.prefix(40))
        return "\(safe)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// The `.mesh.yaml` that applies to `source`, checked here so a malformed one fails before sending.
    private func configText(near source: String) throws -> String? {
        let directory = source == "-" || source == "sample.md" && paragraphs != nil
            ? FileManager.default.currentDirectoryPath
            : URL(fileURLWithPath: source).deletingLastPathComponent().path
        do {
            guard let file = try MeshConfig.File.find(explicit: config, searchingFrom: directory) else { return nil }
            return try MeshConfig.inliningVocabularyFiles(yaml: file.text, path: file.path)
        } catch let error as MeshConfig.File.Unreadable {
            throw Failure(.input, "\(error)")
        } catch {
            throw Failure(.input, "\(error); nothing was sent")
        }
    }

    private func batchBudget() throws -> Int {
        if let batchBytes { return batchBytes }
        guard let text = ProcessInfo.processInfo.environment["CHUNK_BATCH_BYTES"], !text.isEmpty else { return Submission.defaultBatchBytes }
        guard let value = Int(text), (1...(16 << 20)).contains(value) else {
            throw ValidationError("CHUNK_BATCH_BYTES '\(text)' is not a number from 1 to 16777216")
        }
        return value
    }

    private func documentLimit() throws -> Int {
        if let maxDocumentBytes { return maxDocumentBytes }
        guard let text = ProcessInfo.processInfo.environment["MAX_DOCUMENT_BYTES"], !text.isEmpty else { return 16 * 1024 * 1024 }
        guard let value = Int(text), value >= 1 else { throw ValidationError("MAX_DOCUMENT_BYTES '\(text)' is not a positive number") }
        return value
    }
}
