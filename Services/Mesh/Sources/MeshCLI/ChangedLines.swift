/// The lines a `git diff --unified=0` says were added or changed, per file (the new side), as reviewdog keeps
/// only the findings on them.
public struct ChangedLines: Sendable, Equatable {
    /// Root-relative path (as git prints it) → changed line numbers, as sorted closed ranges.
    public var files: [String: [ClosedRange<Int>]] = [:]

    public init(files: [String: [ClosedRange<Int>]] = [:]) {
        self.files = files
    }

    /// Reads `git diff --unified=0 --no-color --no-ext-diff --no-prefix`-style or `a/`/`b/`-prefixed output.
    public init(diff: String) {
        var current: String?
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("+++ ") {
                var name = String(line.dropFirst(4))
                if let tab = name.firstIndex(of: "\t") { name = String(name[..<tab]) }
                if name == "/dev/null" {
                    current = nil
                    continue
                }
                if name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2 { name = String(name.dropFirst().dropLast()) }
                if name.hasPrefix("b/") { name = String(name.dropFirst(2)) }
                current = name
                if files[name] == nil { files[name] = [] }
            } else if line.hasPrefix("@@ "), let current, let range = Self.newRange(line) {
                files[current, default: []].append(range)
            }
        }
    }

    /// `@@ -12,3 +14,2 @@` → 14...15; `+14` alone is one line; `+14,0` (a pure deletion) is none.
    static func newRange(_ header: some StringProtocol) -> ClosedRange<Int>? {
        guard let plus = header.split(separator: " ").first(where: { $0.hasPrefix("+") }) else { return nil }
        let parts = plus.dropFirst().split(separator: ",", maxSplits: 1)
        guard let start = parts.first.flatMap({ Int($0) }), start >= 0 else { return nil }
        let count = parts.count > 1 ? Int(parts[1]) ?? -1 : 1
        guard count > 0, start <= Int.max - count else { return nil }
        return max(start, 1)...(start + count - 1)
    }

    /// Whether any line from `first` to `last` of `path` changed.
    public func touches(_ path: String, first: Int, last: Int) -> Bool {
        guard let ranges = files[path] else { return false }
        return ranges.contains { $0.lowerBound <= max(first, last) && min(first, last) <= $0.upperBound }
    }

    /// Whether `path` is in the diff at all (a new or changed file).
    public func contains(_ path: String) -> Bool { files[path] != nil }
}
