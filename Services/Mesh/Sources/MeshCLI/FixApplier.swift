import MeshProtocol

/// Applies replacements to a document's bytes: each edit only where the source still holds exactly the flagged
/// text, overlapping edits after the first dropped, so that nothing the review did not see is changed.
public enum FixApplier {
    public struct Edit: Sendable, Hashable {
        /// UTF-8 byte offsets into the source.
        public var start: Int
        public var end: Int
        public var expected: String
        public var replacement: String
        public var rule: String

        public init(start: Int, end: Int, expected: String, replacement: String, rule: String) {
            self.start = start
            self.end = end
            self.expected = expected
            self.replacement = replacement
            self.rule = rule
        }
    }

    /// The fixed bytes and the edits that were made, in source order. Of overlapping edits the widest wins: it
    /// saw more of the text ("a a" is a repeated word, not "a" before a vowel); the others are dropped.
    public static func apply(_ edits: [Edit], to source: [UInt8]) -> (bytes: [UInt8], applied: [Edit]) {
        var accepted: [Edit] = []
        let widestFirst = edits.sorted { ($1.end - $1.start, $0.start, $0.rule) < ($0.end - $0.start, $1.start, $1.rule) }
        for edit in widestFirst {
            guard edit.start >= 0, edit.start <= edit.end, edit.end <= source.count else { continue }
            guard Array(source[edit.start..<edit.end]) == Array(edit.expected.utf8) else { continue }
            guard edit.replacement != edit.expected else { continue }
            // Half-open ranges; an insertion (empty range) conflicts with an edit around or at its place.
            let overlaps = accepted.contains { other in
                edit.start < max(other.end, other.start + 1) && other.start < max(edit.end, edit.start + 1)
            }
            if !overlaps { accepted.append(edit) }
        }
        accepted.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        var out = source
        for edit in accepted.reversed() {
            out.replaceSubrange(edit.start..<edit.end, with: Array(edit.replacement.utf8))
        }
        return (out, accepted)
    }

    /// A unified diff of `old` and `new` (one file), with three lines of context, as `diff -u` prints it.
    public static func unifiedDiff(old: String, new: String, path: String) -> String {
        let a = lines(old), b = lines(new)
        guard a != b else { return "" }
        // Edits never add or remove lines here often; a plain LCS over lines is enough for documents.
        let ops = lineOps(a, b)
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        let changed = ops.indices.filter { ops[$0].kind != .same }
        // Changes fewer than seven unchanged lines apart share a hunk; each hunk has three lines of context.
        var groups: [ClosedRange<Int>] = []
        for index in changed {
            if let last = groups.last, index - last.upperBound <= 7 {
                groups[groups.count - 1] = last.lowerBound...index
            } else {
                groups.append(index...index)
            }
        }
        for group in groups {
            let hunk = ops[max(0, group.lowerBound - 3)..<min(ops.count, group.upperBound + 4)]
            let oldCount = hunk.filter { $0.kind != .added }.count
            let newCount = hunk.filter { $0.kind != .removed }.count
            let oldStart = (hunk.first?.oldLine ?? 0) + (oldCount == 0 ? 0 : 1)
            let newStart = (hunk.first?.newLine ?? 0) + (newCount == 0 ? 0 : 1)
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for op in hunk {
                switch op.kind {
                case .same: out += " " + a[op.oldLine] + "\n"
                case .removed: out += "-" + a[op.oldLine] + "\n"
                case .added: out += "+" + b[op.newLine] + "\n"
                }
            }
        }
        return out
    }

    /// The lines of a text, without the empty one after a final line feed.
    static func lines(_ text: String) -> [String] {
        var out = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if out.last == "" { out.removeLast() }
        return out
    }

    struct Op {
        enum Kind { case same, removed, added }
        var kind: Kind
        var oldLine: Int
        var newLine: Int
    }

    /// Line operations from the longest common subsequence, after trimming the common head and tail (fixes
    /// change a few lines of long documents, so the table stays small).
    static func lineOps(_ a: [String], _ b: [String]) -> [Op] {
        var head = 0
        while head < a.count && head < b.count && a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head && tail < b.count - head && a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let x = Array(a[head..<(a.count - tail)]), y = Array(b[head..<(b.count - tail)])
        var ops: [Op] = (0..<head).map { Op(kind: .same, oldLine: $0, newLine: $0) }
        if x.count * y.count <= 4_000_000 {
            var table = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                for j in stride(from: y.count - 1, through: 0, by: -1) {
                    table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < x.count || j < y.count {
                if i < x.count && j < y.count && x[i] == y[j] {
                    ops.append(Op(kind: .same, oldLine: head + i, newLine: head + j))
                    i += 1
                    j += 1
                } else if i < x.count && (j == y.count || table[i + 1][j] >= table[i][j + 1]) {
                    // Removals before additions, as diff prints them.
                    ops.append(Op(kind: .removed, oldLine: head + i, newLine: head + j))
                    i += 1
                } else {
                    ops.append(Op(kind: .added, oldLine: head + i, newLine: head + j))
                    j += 1
                }
            }
        } else {
            // Too large a middle for the table: every old line removed, every new one added.
            ops += x.indices.map { Op(kind: .removed, oldLine: head + $0, newLine: head) }
            ops += y.indices.map { Op(kind: .added, oldLine: head + x.count, newLine: head + $0) }
        }
        ops += (0..<tail).map { Op(kind: .same, oldLine: a.count - tail + $0, newLine: b.count - tail + $0) }
        return ops
    }
}
