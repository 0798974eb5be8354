import ArgumentParser
import Foundation
import MeshAgents
import MeshCLI
import MeshDocument
import MeshProtocol
import MeshRedis
import MeshReports
import MeshService
import MeshSubmission
import MeshText

/// What `mesh review` and `mesh fix` share: which documents, where reports are relative to, and where the
/// review runs (in this process, or on a mesh in Redis).
struct DocumentOptions: ParsableArguments {
    @Argument(help: "Files and folders to review; '-' reads standard input. Folders are walked for .md, .markdown and .txt files.")
    var paths: [String] = []

    @Option(name: .customLong("glob"), help: "Take the files of walked folders that match this pattern (.gitignore syntax, e.g. '*.rst' or 'docs/**/*.md') instead of the default extensions; repeatable.")
    var globs: [String] = []

    @Option(help: "The folder paths in reports are relative to (default: the working directory).")
    var root: String?

    @Option(help: "A .mesh.yaml for every document. Default: the nearest .mesh.yaml from each file's folder up.")
    var config: String?

    @Flag(name: .customLong("no-gitignore"), help: "Walk folders without reading .gitignore files.")
    var noGitignore = false

    @Option(name: .customLong("stdin-name"), help: "The name a document read from '-' has in reports; its extension picks the format.")
    var stdinName = "stdin.md"

    @Option(help: "markdown, text, or auto (by file extension).")
    var format = "auto"

    @Option(name: .customLong("max-document-bytes"), help: "Refuse a document larger than this many bytes (16 MiB by default).")
    var maxDocumentBytes = 16 * 1024 * 1024

    @Flag(name: .customLong("redis"), help: "Review on the mesh in Redis (REDIS_HOST, --redis-host …); the default whenever REDIS_HOST or REDIS_SOCKET is set.")
    var useRedis = false

    @Flag(name: .customLong("local"), help: "Review in this process, even when REDIS_HOST or REDIS_SOCKET is set.")
    var local = false

    @Option(help: "Seconds to wait for the mesh's reports.")
    var timeout: Double = 600

    @OptionGroup var redis: RedisOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("nothing to review: give files, folders, or '-' for standard input") }
        guard ["auto", "markdown", "text"].contains(format) else { throw ValidationError("--format must be auto, markdown or text") }
        guard (1...(1 << 30)).contains(maxDocumentBytes) else { throw ValidationError("--max-document-bytes takes 1 to 1073741824") }
        guard timeout.isFinite, timeout > 0, timeout <= 1e7 else { throw ValidationError("--timeout takes 0 to 10000000 seconds") }
        if useRedis && local { throw ValidationError("--redis and --local exclude each other") }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("'-' (standard input) can be given once") }
    }

    /// On the mesh when asked, or when Redis is configured and --local is not given.
    var onMesh: Bool {
        if local { return false }
        if useRedis || redis.host != nil || redis.socket != nil { return true }
        let environment = ProcessInfo.processInfo.environment
        return !(environment["REDIS_HOST"] ?? "").isEmpty || !(environment["REDIS_SOCKET"] ?? "").isEmpty
    }

    var workingDirectory: String { FileManager.default.currentDirectoryPath }
    var rootPath: String { Paths.absolute(root ?? ".", base: workingDirectory) }
}

/// A document read and chunked, with its name in reports and its bytes (for `mesh fix`).
struct PreparedDocument {
    var document: Document
    /// Absolute path, or "-" for standard input.
    var path: String
    var bytes: [UInt8]
}

extension DocumentOptions {
    /// Finds, reads, checks and chunks every document before anything is reviewed or sent.
    func prepare() throws -> [PreparedDocument] {
        let base = workingDirectory
        let top = rootPath
        var finder = DocumentFinder(root: top)
        finder.honourGitignore = !noGitignore
        if !globs.isEmpty { finder.globs = IgnoreRules(patterns: globs, base: "") }
        if let (patterns, folder) = try ignoreList(), !patterns.isEmpty {
            let relative = Paths.relative(folder, to: top, base: base)
            finder.configIgnore = IgnoreRules(patterns: patterns, base: relative.hasPrefix("/") ? "" : relative)
        }
        let files: [String]
        do {
            files = try finder.find(paths, base: base)
        } catch {
            throw Failure(.input, "\(error)")
        }
        // Every file is read and its folder's config found first, in order, so the first bad input is the one
        // reported; then the documents are chunked and their terms found on every core.
        var inputs: [(path: String, name: String, bytes: [UInt8], config: String?)] = []
        var configs: [String: String?] = [:]
        for path in files {
            let bytes = try InputFile.read(path, limit: maxDocumentBytes)
            let name = path == "-" ? stdinName : Paths.relative(path, to: top, base: base)
            let folder = path == "-" ? base : (path as NSString).deletingLastPathComponent
            if configs[folder] == nil { configs[folder] = try configText(near: folder) }
            inputs.append((path, name, bytes, configs[folder] ?? nil))
        }
        let all = inputs
        let format = format
        let prepared = DocumentReview.prepareOnEveryCore(
            count: all.count, reviewer: onMesh ? .mesh : .here(inputBytes: all.reduce(0) { $0 + $1.bytes.count })
        ) { number in
            let input = all[number]
            let kind: DocumentFormat =
                switch format {
                case "markdown": .markdown
                case "text": .text
                default: DocumentFormat.detect(path: input.name)
                }
            let docId = Self.documentId(input.name, number: number)
            let chunks: [Chunk]
            let evidence: DocumentEvidence
            do {
                (chunks, evidence) = try DocumentChunker().chunksAndEvidence(docId: docId, source: input.name, bytes: input.bytes, format: kind)
            } catch {
                throw Failure(.input, "\(input.name): \(error)")
            }
            guard chunks.count <= WireLimits.default.maxChunks else {
                throw Failure(.input, "\(input.name): \(chunks.count) chunks, more than the mesh takes (\(WireLimits.default.maxChunks))")
            }
            return (DocumentReview.Analysed(chunks, evidence: evidence), input.config, docId)
        }
        return try zip(all, prepared).map { input, result in
            let (chunks, docId) = try result.get()
            return PreparedDocument(document: Document(docId: docId, source: input.name, chunks: chunks), path: input.path, bytes: input.bytes)
        }
    }

    /// A document id that names the file and is unique to this run.
    static func documentId(_ name: String, number: Int) -> String {
        let base = (name as NSString).lastPathComponent
        let safe = String(base.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }.prefix(40))
        return "\(safe)-\(number + 1)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// The `ignore` list of the `.mesh.yaml` that applies to the root (or --config), and that file's folder.
    func ignoreList() throws -> ([String], String)? {
        guard let file = try configFile(searchingFrom: rootPath) else { return nil }
        do {
            return (try MeshConfig.parse(yaml: file.text, path: file.path).ignore, (file.path as NSString).deletingLastPathComponent)
        } catch {
            throw Failure(.input, "\(error)")
        }
    }

    /// The `.mesh.yaml` text for documents in `folder`, vocabulary files inlined, as the producer sends it.
    func configText(near folder: String) throws -> String? {
        guard let file = try configFile(searchingFrom: folder) else { return nil }
        do {
            return try MeshConfig.inliningVocabularyFiles(yaml: file.text, path: file.path)
        } catch {
            throw Failure(.input, "\(error)")
        }
    }

    /// --config, else the nearest `.mesh.yaml` from `folder` up: the file the producer would use.
    func configFile(searchingFrom folder: String) throws -> MeshConfig.File? {
        do {
            return try MeshConfig.File.find(explicit: config.map { Paths.absolute($0, base: workingDirectory) }, searchingFrom: folder)
        } catch {
            throw Failure(.input, "\(error)")
        }
    }

    /// Every document's report: reviewed here by the four specialists, or by the mesh in Redis. `received` is
    /// called with each report as it is done (here, on the thread that reviewed it).
    func review(_ documents: [PreparedDocument], progress: ProgressLine?, received: @escaping @Sendable (Report) -> Void = { _ in }) throws -> [Report] {
        if onMesh {
            let connection = try RedisConnection(try redis.configuration())
            var submission = try Submission(connection: connection)
            let batch = documents.map(\.document)
            try submission.send(batch)
            return try submission.waitForReports(batch, timeout: .milliseconds(Int(timeout * 1000)), progress: progress, received: received)
        }
        return InProcessReview().reports(documents.map(\.document), progress: progress, received: received)
    }
}

/// The mesh in one process: the coordinator's fan-out to every specialist, each specialist's review of each
/// chunk, the aggregator's assembly. The same engine and the same assembly, so the same report.
struct InProcessReview {
    let engine = ReviewEngine()
    let specialists = SpecialistType.allCases

    func reports(_ documents: [Document], progress: ProgressLine?, received: @Sendable (Report) -> Void = { _ in }) -> [Report] {
        let results = Locked([Report?](repeating: nil, count: documents.count))
        // The progress line is only used under this lock.
        let done = Locked((count: 0, line: progress))
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            let document = documents[index]
            var reviews: [ChunkReview] = []
            for var chunk in document.chunks {
                chunk.specialists = specialists
                for type in specialists { reviews.append(engine.review(chunk, as: type)) }
            }
            let report = ReportAssembly.assemble(docId: document.docId, reviews: reviews, readability: { Readability.scores($0) })
            received(report)
            results.withLock { $0[index] = report }
            done.withLock { state in
                state.count += 1
                if documents.count > 1 { state.line?.show("reviewed \(state.count)/\(documents.count) documents") }
            }
        }
        progress?.finish()
        return results.withLock { $0.compactMap { $0 } }
    }
}

/// `mesh review`: the everyday command.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Review documents: files, folders, or standard input; in this process, or on a running mesh.",
        discussion: """
            Folders are walked recursively for .md, .markdown and .txt files (--glob to choose others), skipping hidden \
            entries, what .gitignore files ignore and what the `ignore` list of .mesh.yaml names. Without REDIS_HOST \
            (or --redis) the four specialists run in this process; with it the documents go to that mesh and the \
            command waits for the reports. Either way the findings and the output are the same. Paths in every \
            output format are relative to the working directory (or --root), so SARIF uploads and GitHub \
            annotations land on the repository's files. Progress goes to standard error when it is a terminal.

            Exit status: 0 reviewed, nothing at --fail-on; 1 a finding at --fail-on (default error); 2 a report is \
            incomplete (some chunk was not reviewed); 3 bad input (unreadable, not UTF-8, too large, a malformed \
            .mesh.yaml, a failed git diff); 4 Redis could not be reached; 5 timed out waiting for the mesh; 64 bad flags.
            """
    )

    @OptionGroup var documents: DocumentOptions

    @Option(name: .customLong("output-format"), help: "text, json, sarif or github.")
    var outputFormat = "text"

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is this severe: error, warning, suggestion or none.")
    var failOn = "error"

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Report only findings on lines changed since this git ref (a new, untracked file counts as changed).")
    var diff: String?

    @Flag(help: "Report only findings on lines changed since HEAD: what is not committed yet (= --diff HEAD).")
    var changed = false

    @Flag(help: "Show progress on standard error even when it is not a terminal.")
    var progress = false

    func validate() throws {
        guard ReportFormat(rawValue: outputFormat) != nil else {
            throw ValidationError("--output-format must be one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard FailOn(rawValue: failOn) != nil else { throw ValidationError("--fail-on must be error, warning, suggestion or none") }
        if diff != nil && changed { throw ValidationError("--diff and --changed exclude each other") }
        if let diff, diff.isEmpty || diff.hasPrefix("-") { throw ValidationError("--diff takes a git ref, e.g. origin/main") }
    }

    func run() throws {
        try runReporting {
            let prepared = try documents.prepare()
            let changes = try (diff ?? (changed ? "HEAD" : nil)).map { try GitChanges.lines(since: $0, root: documents.rootPath) }
            let show = progress || isatty(STDERR_FILENO) == 1
            var renderer = ReportRenderer(rules: Catalogue.descriptors, toolVersion: toolVersion)
            renderer.sourceRoot = documents.rootPath
            let format = ReportFormat(rawValue: outputFormat)!
            let kept: @Sendable (Report) -> Report = { report in changes.map { Self.keepChanged(report, $0) } ?? report }
            // With several documents each report is rendered as it is done: on a mesh while the rest are reviewed,
            // here on the core that reviewed it. The output is ready soon after the last report.
            let parts = Locked([String: ReportPart]())
            let several = prepared.count > 1, ahead = renderer
            let reports = try documents.review(prepared, progress: show ? ProgressLine() : nil) { report in
                guard several else { return }
                let part = ahead.part(kept(report), as: format)
                parts.withLock { $0[report.docId] = part }
            }.map(kept)
            let rendered = parts.withLock { $0 }
            let bytes = renderer.output(reports, as: format, parts: reports.map { rendered[$0.docId] })
            if let output {
                do {
                    try Data(bytes).write(to: URL(fileURLWithPath: output))
                } catch {
                    throw Failure(.input, "cannot write \(output): \(error.localizedDescription)")
                }
            } else {
                // Written from the array itself: `Data(bytes)` copied a burst's megabytes first.
                try StandardOutput.write(bytes)
            }
            if reports.contains(where: { !($0.incomplete ?? []).isEmpty }) { throw ExitCode(ExitStatus.incomplete.rawValue) }
            if FailOn(rawValue: failOn)!.shouldFail(reports) { throw ExitCode(ExitStatus.findings.rawValue) }
        }
    }

    /// The report with only the suggestions on changed lines, its summary counted again.
    static func keepChanged(_ report: Report, _ changes: ChangedLines) -> Report {
        var report = report
        report.suggestions = report.suggestions.filter { s in
            // A range that ends at the start of a line ends on the line before.
            let last = s.range.end.line > s.range.start.line && s.range.end.column == 1 ? s.range.end.line - 1 : s.range.end.line
            return changes.touches(report.source, first: s.range.start.line, last: last)
        }
        var bySpecialist = report.summary.bySpecialist.mapValues { _ in 0 }
        var bySeverity = report.summary.bySeverity.mapValues { _ in 0 }
        for s in report.suggestions {
            bySpecialist[s.specialist.rawValue, default: 0] += 1
            bySeverity[s.severity.rawValue, default: 0] += 1
        }
        report.summary = .init(total: report.suggestions.count, bySpecialist: bySpecialist, bySeverity: bySeverity)
        return report
    }
}

/// Runs a command body, turning its failures into the producer's exit statuses and a line on standard error.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as Failure {
        FileHandle.standardError.write(Data("mesh: \(failure.message)\n".utf8))
        throw ExitCode(failure.status.rawValue)
    } catch let error as RedisError {
        FileHandle.standardError.write(Data("mesh: redis: \(error)\n".utf8))
        throw ExitCode(ExitStatus.redis.rawValue)
    }
}

/// The lines changed since a git ref, from `git diff`, plus the untracked files whole.
enum GitChanges {
    static func lines(since ref: String, root: String) throws -> ChangedLines {
        let diff = try git(["diff", "--relative", "--unified=0", "--no-color", "--no-ext-diff", "--src-prefix=a/", "--dst-prefix=b/", ref, "--"], in: root)
        var changes = ChangedLines(diff: diff)
        let untracked = try git(["ls-files", "--others", "--exclude-standard"], in: root)
        for path in untracked.split(separator: "\n") where !path.isEmpty {
            changes.files[String(path)] = [1...Int.max]
        }
        return changes
    }

    static func git(_ arguments: [String], in folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw Failure(.input, "cannot run git: \(error.localizedDescription)")
        }
        // Read before waiting, so a large diff cannot fill the pipe and stall git.
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(.input, "git \(arguments.prefix(1).joined()) failed: \(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A value behind a lock, for the documents reviewed side by side.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
