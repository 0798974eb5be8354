import MeshCLI
import MeshProtocol
import Testing

/// The pure parts of `mesh review` and `mesh fix`: paths, ignore rules, changed lines, fix application.
@Suite struct ReviewCLILogicTests {
    @Test(arguments: [
        ("docs/a.md", "/repo", "/repo", "docs/a.md"),
        ("/repo/docs/a.md", "/repo", "/elsewhere", "docs/a.md"),
        ("./docs/../docs/a.md", ".", "/repo", "docs/a.md"),
        ("docs/a.md", "docs", "/repo", "a.md"),
        ("/other/a.md", "/repo", "/repo", "/other/a.md"),
        ("/repo", "/repo", "/", ""),
        ("../sibling/a.md", "/repo", "/repo", "/sibling/a.md"),
    ])
    func pathsAreRelativeToTheRoot(path: String, root: String, base: String, expected: String) {
        #expect(Paths.relative(path, to: root, base: base) == expected)
    }

    @Test(arguments: [
        ("drafts/", "docs/drafts", true, true),
        ("drafts/", "docs/drafts", false, false),
        ("*.log", "a/b/c.log", false, true),
        ("/top.md", "top.md", false, true),
        ("/top.md", "sub/top.md", false, false),
        ("docs/**/gen/*.md", "docs/a/b/gen/x.md", false, true),
        ("docs/**/gen/*.md", "docs/gen/x.md", false, true),
        ("docs/*.md", "docs/a/x.md", false, false),
        ("CHANGELOG.md", "docs/CHANGELOG.md", false, true),
        ("file?.md", "file1.md", false, true),
        ("file[0-9].md", "filex.md", false, false),
    ])
    func gitignorePatternsMatchAsGitDoes(pattern: String, path: String, isFolder: Bool, ignored: Bool) {
        #expect(IgnoreStack([IgnoreRules(patterns: [pattern], base: "")]).isIgnored(path, isFolder: isFolder) == ignored)
    }

    @Test func theLastMatchingPatternWinsAndNestedFilesSpeakForTheirFolder() {
        let rules = IgnoreRules(gitignore: "# comment\n*.md\n!keep.md\n", base: "docs")
        #expect(rules.verdict("docs/a.md", isFolder: false) == true)
        #expect(rules.verdict("docs/keep.md", isFolder: false) == false)
        #expect(rules.verdict("other/a.md", isFolder: false) == nil, "a .gitignore speaks only for its own folder")
        let stack = IgnoreStack([IgnoreRules(patterns: ["keep.md"], base: ""), rules])
        #expect(!stack.isIgnored("docs/keep.md", isFolder: false), "the deeper file decides")
    }

    @Test func changedLinesComeFromTheNewSideOfTheHunks() {
        let diff = """
            diff --git a/docs/a.md b/docs/a.md
            index 1..2 100644
            --- a/docs/a.md
            +++ b/docs/a.md
            @@ -3 +3 @@ old
            -x
            +y
            @@ -10,0 +11,2 @@
            +new
            +new
            @@ -20,3 +21,0 @@
            diff --git a/gone.md b/gone.md
            --- a/gone.md
            +++ /dev/null
            @@ -1,2 +0,0 @@
            """
        let changes = ChangedLines(diff: diff)
        #expect(changes.files == ["docs/a.md": [3...3, 11...12]])
        #expect(changes.touches("docs/a.md", first: 12, last: 14))
        #expect(!changes.touches("docs/a.md", first: 4, last: 10))
        #expect(!changes.touches("gone.md", first: 1, last: 1))
        #expect(ChangedLines(diff: "+++ b/x.md\n@@ -1 +99999999999999999999 @@\n").files == ["x.md": []], "a number too large is no range")
    }

    @Test func fixesApplyOnlyWhereTheTextStillMatchesAndNeverOverlap() {
        let source = Array("the the cat  sat on a apple".utf8)
        let edits = [
            FixApplier.Edit(start: 0, end: 7, expected: "the the", replacement: "the", rule: "grammar.repeated-word"),
            FixApplier.Edit(start: 4, end: 7, expected: "the", replacement: "THE", rule: "overlapping, narrower"),
            FixApplier.Edit(start: 11, end: 13, expected: "  ", replacement: " ", rule: "grammar.spacing"),
            FixApplier.Edit(start: 20, end: 21, expected: "a", replacement: "an", rule: "grammar.a-an"),
            FixApplier.Edit(start: 14, end: 17, expected: "mat", replacement: "rug", rule: "stale"),
            FixApplier.Edit(start: 30, end: 40, expected: "x", replacement: "y", rule: "out of range"),
        ]
        let (fixed, applied) = FixApplier.apply(edits, to: source)
        #expect(String(decoding: fixed, as: UTF8.self) == "the cat sat on an apple")
        #expect(applied.map(\.rule) == ["grammar.repeated-word", "grammar.spacing", "grammar.a-an"])
        #expect(FixApplier.apply([], to: fixed).applied.isEmpty)
        // "a a": the repeated word (wider) wins over a/an on its first word.
        let doubled = Array("with a a mistake".utf8)
        let (once, _) = FixApplier.apply([
            FixApplier.Edit(start: 5, end: 6, expected: "a", replacement: "an", rule: "grammar.a-an"),
            FixApplier.Edit(start: 5, end: 8, expected: "a a", replacement: "a", rule: "grammar.repeated-word"),
        ], to: doubled)
        #expect(String(decoding: once, as: UTF8.self) == "with a mistake")
    }

    @Test func theUnifiedDiffHasContextAndLineNumbers() {
        let old = (1...12).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacing("line 6\n", with: "line six\n")
        #expect(FixApplier.unifiedDiff(old: old, new: new, path: "a.md") == """
            --- a/a.md
            +++ b/a.md
            @@ -3,7 +3,7 @@
             line 3
             line 4
             line 5
            -line 6
            +line six
             line 7
             line 8
             line 9

            """)
        #expect(FixApplier.unifiedDiff(old: old, new: old, path: "a.md") == "")
    }
}
