import Foundation
import MeshProtocol
import MeshRedisTesting
import Testing

/// A folder of documents for `mesh review` and `mesh fix`, in a temporary directory: nested files, one a
/// .gitignore ignores, one the .mesh.yaml `ignore` list names, a hidden one, one of another extension.
struct ReviewFolder {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mesh-review-\(UUID().uuidString)")
        try write("docs/guide.md", "# Guide\n\nThis installs the the mesh on a laptop.\n")
        try write("docs/nested/deep/notes.markdown", "# Notes\n\nAn user can read these notes.\n")
        try write("docs/plain.txt", "Plain text with a a mistake.\n")
        try write("docs/drafts/draft.md", "# Draft\n\nIgnored by git, the the draft.\n")
        try write("docs/CHANGELOG.md", "# Changelog\n\nIgnored by the the config.\n")
        try write("docs/.hidden/secret.md", "# Hidden\n\nNot walked, the the secret.\n")
        try write("docs/other.rst", "Not a default extension, the the end.\n")
        try write(".gitignore", "drafts/\n")
        try write(".mesh.yaml", "ignore: [CHANGELOG.md]\n")
    }

    func write(_ name: String, _ text: String) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ name: String) throws -> String { try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8) }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Runs `mesh` in the folder. Without `redis` the environment has no REDIS_HOST: the in-process path.
    func mesh(_ arguments: [String], redis: [String: String]? = nil, stdin: String? = nil) throws -> (code: Int32, out: String, err: String) {
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("REDIS_") { env[key] = nil }
        env.merge(redis ?? [:]) { $1 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Mesh.binary("mesh"))
        process.arguments = arguments
        process.environment = env
        process.currentDirectoryURL = root
        let out = root.appendingPathComponent(".out-\(UUID().uuidString)"), err = root.appendingPathComponent(".err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        if let stdin {
            let input = root.appendingPathComponent(".in-\(UUID().uuidString)")
            try Data(stdin.utf8).write(to: input)
            process.standardInput = try FileHandle(forReadingFrom: input)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }

    func git(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path, "-c", "user.name=Mesh Test", "-c", "user.email=test@mesh.invalid",
                             "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw TestError("git \(arguments) failed") }
    }
}

/// The `sources` of a JSON output of several reports.
func reportSources(_ json: String) throws -> [String] {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    // One document prints its report alone; several print {"reports": [...]}.
    let reports = object["reports"] as? [[String: Any]] ?? [object]
    return reports.compactMap { $0["source"] as? String }
}

/// `mesh review`, `mesh fix`, `mesh rules` and `mesh explain` as writers and CI run them: the in-process path
/// without Redis, and the same command against a real mesh.
extension PipelineTests {
    static let sarifValidator = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Packages/MeshProtocol/Tests/MeshReportsTests/validate_sarif.py").path

    @Test func meshReviewWalksAFolderWithoutRedisSkippingIgnoredFiles() throws {
        let folder = try ReviewFolder()
        defer { folder.remove() }
        let run = try folder.mesh(["review", "--output-format", "json", "docs"])
        #expect(run.code == 1, "errors fail the run by default: \(run.err)")
        #expect(try reportSources(run.out) == ["docs/guide.md", "docs/nested/deep/notes.markdown", "docs/plain.txt"])
        let text = try folder.mesh(["review", "docs"])
        #expect(text.out.contains("docs/guide.md:3:15: error: [grammar.repeated-word]"), "\(text.out)")
        #expect(text.out.contains("docs/nested/deep/notes.markdown:3:1: error: [grammar.a-an]"), "\(text.out)")
        #expect(!text.out.contains("draft") && !text.out.contains("CHANGELOG") && !text.out.contains("secret") && !text.out.contains("other.rst"))
        // --glob chooses other files; a file named on the command line is reviewed whatever its name.
        let glob = try folder.mesh(["review", "--output-format", "json", "--glob", "*.rst", "docs"])
        #expect(try reportSources(glob.out) == ["docs/other.rst"])
        let named = try folder.mesh(["review", "--fail-on", "none", "docs/CHANGELOG.md"])
        #expect(named.code == 0)
        #expect(named.out.hasPrefix("docs/CHANGELOG.md:3:12: error: [grammar.repeated-word]"), "\(named.out)")
        // --root: paths relative to another folder.
        let rooted = try folder.mesh(["review", "--root", "docs", "--output-format", "json", "docs/nested"])
        #expect(try reportSources(rooted.out) == ["nested/deep/notes.markdown"])
        // Standard input, named by --stdin-name.
        let stdin = try folder.mesh(["review", "-", "--stdin-name", "piped.md"], stdin: "Piped the the text.\n")
        #expect(stdin.code == 1)
        #expect(stdin.out.hasPrefix("piped.md:1:7: error: [grammar.repeated-word]"), "\(stdin.out)")
        #expect(try folder.mesh(["review"]).code == 64)
        #expect(try folder.mesh(["review", "missing.md"]).code == 3)
    }

    @Test func meshReviewOnAMeshGivesTheSameOutputAsInProcessAndValidRelativeSARIF() throws {
        let folder = try ReviewFolder()
        defer { folder.remove() }
        let mesh = try Mesh()
        try mesh.startAll()
        let local = try folder.mesh(["review", "--output-format", "sarif", "docs"])
        let remote = try folder.mesh(["review", "--output-format", "sarif", "--timeout", "120", "docs"], redis: mesh.redis.environment)
        #expect(remote.code == 1, "\(remote.err)")
        #expect(remote.out == local.out, "the mesh and the in-process review give the same SARIF")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(remote.out.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let bases = try #require(run["originalUriBaseIds"] as? [String: [String: String]])
        #expect(bases["SRCROOT"]?["uri"] == "file://" + folder.root.standardizedFileURL.path + "/")
        let results = try #require(run["results"] as? [[String: Any]])
        let locations = results.compactMap { (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: String] }
        #expect(Set(locations.map { $0["uri"] ?? "" }) == ["docs/guide.md", "docs/nested/deep/notes.markdown", "docs/plain.txt"])
        #expect(locations.allSatisfy { $0["uriBaseId"] == "SRCROOT" })
        // The OASIS 2.1.0 schema, with the validator the report tests use.
        let input = folder.root.appendingPathComponent("review.sarif")
        try Data(remote.out.utf8).write(to: input)
        let validation = Process()
        validation.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validation.arguments = ["python3", Self.sarifValidator, input.path]
        try validation.run()
        validation.waitUntilExit()
        #expect(validation.terminationStatus == 0, "the SARIF validates against the 2.1.0 schema")
        // Text and GitHub annotations: relative paths too, and the same text either way.
        let text = try folder.mesh(["review", "--fail-on", "none", "docs/guide.md"], redis: mesh.redis.environment)
        #expect(text.code == 0)
        #expect(text.out == (try folder.mesh(["review", "--fail-on", "none", "docs/guide.md"]).out))
        let github = try folder.mesh(["review", "--output-format", "github", "docs/guide.md"], redis: mesh.redis.environment)
        #expect(github.out.hasPrefix("::error file=docs/guide.md,line=3,col=15"), "\(github.out)")
        // --local keeps the review in process even with REDIS_HOST set.
        let forced = try folder.mesh(["review", "--local", "--fail-on", "none", "docs/guide.md"], redis: ["REDIS_HOST": "127.0.0.1", "REDIS_PORT": "1"])
        #expect(forced.code == 0)
        #expect(forced.out == text.out)
        // A mesh that cannot be reached: the producer's exit status 4.
        #expect(try folder.mesh(["review", "docs/guide.md"], redis: ["REDIS_HOST": "127.0.0.1", "REDIS_PORT": "1"]).code == 4)
    }

    @Test func meshReviewDiffReportsOnlyLinesChangedSinceARef() throws {
        let folder = try ReviewFolder()
        defer { folder.remove() }
        try folder.write("docs/guide.md", "# Guide\n\nThis installs the the mesh.\n\nIt runs well.\n")
        try folder.git(["init", "-q"])
        try folder.git(["add", "-A"])
        try folder.git(["commit", "-q", "-m", "first"])
        try folder.write("docs/guide.md", "# Guide\n\nThis installs the the mesh.\n\nIt runs runs well.\n")
        try folder.write("docs/new.md", "# New\n\nA new new file.\n")
        let all = try folder.mesh(["review", "--output-format", "json", "docs/guide.md"])
        #expect(all.out.contains("\"line\" : 3") && all.out.contains("\"line\" : 5"))
        let run = try folder.mesh(["review", "--diff", "HEAD", "docs/guide.md", "docs/new.md"])
        #expect(run.code == 1)
        let lines = run.out.split(separator: "\n").filter { $0.contains(": error:") }
        #expect(lines.map { String($0.prefix { $0 != " " }) } == ["docs/guide.md:5:4:", "docs/new.md:3:3:"], "\(run.out)")
        #expect(try folder.mesh(["review", "--changed", "--output-format", "json", "docs/guide.md"]).out.contains("\"total\" : 1"))
        try folder.git(["add", "-A"])
        try folder.git(["commit", "-q", "-m", "second"])
        let clean = try folder.mesh(["review", "--diff", "HEAD", "docs"])
        #expect(clean.code == 0, "nothing changed since HEAD: \(clean.out)")
        #expect(try folder.mesh(["review", "--diff", "no-such-ref", "docs"]).code == 3)
    }

    @Test func meshFixAppliesSafeReplacementsOnceAndNeverInCodeFrontMatterOrDisabledPassages() throws {
        let folder = try ReviewFolder()
        defer { folder.remove() }
        let original = """
            ---
            title: the the title
            ---
            # Guide

            This installs the the mesh.  It uses a apple and an user.

            ```
            the the code
            ```

            <!-- mesh-disable grammar.repeated-word -->
            Keep the the words here.
            <!-- mesh-enable grammar.repeated-word -->

            Their going home.

            """
        try folder.write("docs/guide.md", original)
        let dry = try folder.mesh(["fix", "--dry-run", "docs/guide.md"])
        #expect(dry.code == 1, "a dry run with changes to make exits 1")
        #expect(dry.out == """
            --- a/docs/guide.md
            +++ b/docs/guide.md
            @@ -3,7 +3,7 @@
             ---
             # Guide
             
            -This installs the the mesh.  It uses a apple and an user.
            +This installs the mesh. It uses an apple and a user.
             
             ```
             the the code

            """, "\(dry.out)")
        #expect(try folder.read("docs/guide.md") == original, "a dry run changes nothing")
        let fix = try folder.mesh(["fix", "docs"])
        #expect(fix.code == 0, "\(fix.err)")
        let fixed = original.replacing("This installs the the mesh.  It uses a apple and an user.", with: "This installs the mesh. It uses an apple and a user.")
        #expect(try folder.read("docs/guide.md") == fixed)
        #expect(try folder.read("docs/plain.txt") == "Plain text with a mistake.\n")
        #expect(try folder.read("docs/drafts/draft.md").contains("the the draft"), "ignored files are not fixed")
        // "Their going" has no safe fix: it is still there.
        #expect(try folder.read("docs/guide.md").contains("Their going home."))
        let again = try folder.mesh(["fix", "docs"])
        #expect(again.code == 0)
        #expect(again.err == "0 fixes in 0 files\n")
        #expect(try folder.read("docs/guide.md") == fixed, "a second run changes nothing")
    }

    @Test func meshFixOnAMeshChangesWhatTheInProcessFixChanges() throws {
        let folder = try ReviewFolder()
        defer { folder.remove() }
        let mesh = try Mesh()
        try mesh.startAll()
        let fix = try folder.mesh(["fix", "--timeout", "120", "docs"], redis: mesh.redis.environment)
        #expect(fix.code == 0, "\(fix.err)")
        #expect(try folder.read("docs/guide.md") == "# Guide\n\nThis installs the mesh on a laptop.\n")
        #expect(try folder.read("docs/nested/deep/notes.markdown") == "# Notes\n\nA user can read these notes.\n")
        #expect(try folder.mesh(["fix", "--timeout", "120", "docs"], redis: mesh.redis.environment).err == "0 fixes in 0 files\n")
    }

    @Test func meshRulesAndExplainComeFromTheCatalogue() throws {
        let folder = try ReviewFolder()
        defer { folder.remove() }
        let json = try folder.mesh(["rules", "--json"])
        #expect(json.code == 0)
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        let repeated = try #require(rules.first { $0["id"] as? String == "grammar.repeated-word" })
        #expect(repeated["fix"] as? String == "always")
        #expect(repeated["severity"] as? String == "error")
        #expect(rules.first { $0["id"] as? String == "clarity.passive-voice" }?["fix"] as? String == "never")
        #expect(rules.first { $0["id"] as? String == "clarity.e-prime" }?["enabledByDefault"] as? Bool == false)
        let table = try folder.mesh(["rules", "tone"])
        #expect(table.out.hasPrefix("RULE"))
        #expect(table.out.contains("tone.hedging") && !table.out.contains("grammar.spelling"))
        let explain = try folder.mesh(["explain", "grammar.repeated-word"])
        #expect(explain.code == 0)
        #expect(explain.out.hasPrefix("grammar.repeated-word\n  specialist grammar, error, on by default, mesh fix: yes\n"))
        #expect(explain.out.contains("\"the the\""))
        #expect(explain.out.contains("disable: [grammar.repeated-word]"))
        #expect(explain.out.contains("<!-- mesh-disable-next-line grammar.repeated-word -->"))
        #expect(try folder.mesh(["explain", "clarity.e-prime"]).out.contains("enable: [clarity.e-prime]"))
        let unknown = try folder.mesh(["explain", "grammar.nope"])
        #expect(unknown.code == 1)
        #expect(unknown.err.contains("no rule 'grammar.nope'"))
    }
}
