import ArgumentParser
import Foundation
import MeshAgents
import MeshCLI
import MeshProtocol
import MeshSubmission

/// `mesh fix`: applies the replacements the rule catalogue calls safe.
struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply the replacements of the rules marked safe (mesh rules shows which); --dry-run prints a unified diff.",
        discussion: """
            Only findings of safe rules with a replacement are applied (repeated words, a/an, doubled spaces), and \
            only where the file still holds exactly the flagged text. Code, front matter and HTML are never reviewed, \
            and findings a mesh-disable comment covers are never made, so none of them changes. A second run changes \
            nothing. Standard input cannot be fixed in place: use --dry-run with '-'.

            Exit status: 0 done (or, with --dry-run, nothing to change); 1 --dry-run found changes to make; 2 a \
            report is incomplete; 3 bad input; 4 Redis could not be reached; 5 timed out; 64 bad flags.
            """
    )

    @OptionGroup var documents: DocumentOptions

    @Flag(name: .customLong("dry-run"), help: "Print the changes as a unified diff; change no file.")
    var dryRun = false

    func validate() throws {
        if !dryRun && documents.paths.contains("-") { throw ValidationError("standard input can only be fixed with --dry-run") }
    }

    func run() throws {
        try runReporting {
            let prepared = try documents.prepare()
            let reports = try documents.review(prepared, progress: isatty(STDERR_FILENO) == 1 ? ProgressLine() : nil)
            var changedFiles = 0
            var total = 0
            for (document, report) in zip(prepared, reports) {
                let edits = Self.safeEdits(report.suggestions)
                let (fixed, applied) = FixApplier.apply(edits, to: document.bytes)
                guard !applied.isEmpty else { continue }
                changedFiles += 1
                total += applied.count
                if dryRun {
                    let old = String(decoding: document.bytes, as: UTF8.self), new = String(decoding: fixed, as: UTF8.self)
                    print(FixApplier.unifiedDiff(old: old, new: new, path: document.document.source), terminator: "")
                    continue
                }
                do {
                    try Data(fixed).write(to: URL(fileURLWithPath: document.path), options: .atomic)
                } catch {
                    throw Failure(.input, "cannot write \(document.document.source): \(error.localizedDescription)")
                }
                let rules = Dictionary(grouping: applied, by: \.rule).map { "\($0.key) ×\($0.value.count)" }.sorted()
                FileHandle.standardError.write(Data("fixed \(document.document.source): \(rules.joined(separator: ", "))\n".utf8))
            }
            if !dryRun || total == 0 {
                FileHandle.standardError.write(Data("\(total) fix\(total == 1 ? "" : "es") in \(changedFiles) file\(changedFiles == 1 ? "" : "s")\(dryRun ? " to make" : "")\n".utf8))
            }
            if reports.contains(where: { !($0.incomplete ?? []).isEmpty }) { throw ExitCode(ExitStatus.incomplete.rawValue) }
            if dryRun && total > 0 { throw ExitCode(1) }
        }
    }

    /// The first replacement of every suggestion whose rule the catalogue trusts with it.
    static func safeEdits(_ suggestions: [Suggestion]) -> [FixApplier.Edit] {
        suggestions.compactMap { s in
            guard let replacement = s.replacements.first,
                RuleCatalog.isSafeFix(rule: s.rule, text: s.text, replacement: replacement)
            else { return nil }
            return FixApplier.Edit(
                start: s.range.start.offset, end: s.range.end.offset, expected: s.text, replacement: replacement, rule: s.rule)
        }
    }
}
