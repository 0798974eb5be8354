import Foundation

/// `.gitignore` patterns, as git reads them: `#` comments, `!` to re-include, a trailing `/` for folders only, a
/// pattern with a `/` (other than at its end) anchored to the folder of the file that lists it, `*` and `?` within
/// one path segment, `**` across segments, `[abc]` classes.
public struct IgnoreRules: Sendable {
    struct Rule: Sendable {
        var regex: String
        var negated: Bool
        var foldersOnly: Bool
    }

    /// The folder the patterns are relative to, as a root-relative path ("" for the root itself).
    public let base: String
    private var rules: [Rule] = []

    public init(patterns: [String], base: String) {
        self.base = base
        for raw in patterns {
            var pattern = raw
            while pattern.hasSuffix(" ") && !pattern.hasSuffix("\\ ") { pattern.removeLast() }
            if pattern.isEmpty || pattern.hasPrefix("#") { continue }
            var negated = false
            if pattern.hasPrefix("!") {
                negated = true
                pattern.removeFirst()
            } else if pattern.hasPrefix("\\!") || pattern.hasPrefix("\\#") {
                pattern.removeFirst()
            }
            var foldersOnly = false
            if pattern.hasSuffix("/") {
                foldersOnly = true
                while pattern.hasSuffix("/") { pattern.removeLast() }
            }
            guard !pattern.isEmpty else { continue }
            let anchored = pattern.contains("/")
            if pattern.hasPrefix("/") { pattern.removeFirst() }
            let body = Self.translate(pattern)
            rules.append(Rule(regex: "^" + (anchored ? "" : "(?:.*/)?") + body + "$", negated: negated, foldersOnly: foldersOnly))
        }
    }

    /// Parses the text of a `.gitignore`.
    public init(gitignore text: String, base: String) {
        self.init(patterns: text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init), base: base)
    }

    public var isEmpty: Bool { rules.isEmpty }

    /// nil when no pattern speaks about `path` (root-relative), else whether it is ignored (the last match wins).
    public func verdict(_ path: String, isFolder: Bool) -> Bool? {
        let local: String
        if base.isEmpty {
            local = path
        } else {
            guard path.hasPrefix(base + "/") else { return nil }
            local = String(path.dropFirst(base.count + 1))
        }
        var result: Bool?
        for rule in rules where !rule.foldersOnly || isFolder {
            if local.range(of: rule.regex, options: .regularExpression) != nil { result = !rule.negated }
        }
        return result
    }

    /// A glob as a regular expression body.
    static func translate(_ glob: String) -> String {
        var out = ""
        let chars = Array(glob)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "*" {
                if i + 1 < chars.count, chars[i + 1] == "*" {
                    let atStart = i == 0 || chars[i - 1] == "/"
                    let atEnd = i + 2 == chars.count
                    if atStart && i + 2 < chars.count && chars[i + 2] == "/" {
                        out += "(?:.*/)?"  // `**/`: any number of folders, none included
                        i += 3
                        continue
                    }
                    if atStart && atEnd {
                        out += ".*"
                        i += 2
                        continue
                    }
                    out += "[^/]*"
                    i += 2
                    continue
                }
                out += "[^/]*"
            } else if c == "?" {
                out += "[^/]"
            } else if c == "[", let close = chars[(i + 1)...].firstIndex(of: "]"), close > i + 1 {
                var set = String(chars[(i + 1)..<close])
                if set.hasPrefix("!") { set = "^" + set.dropFirst() }
                out += "[" + set.replacingOccurrences(of: "\\", with: "\\\\") + "]"
                i = close + 1
                continue
            } else if c == "\\", i + 1 < chars.count {
                out += NSRegularExpression.escapedPattern(for: String(chars[i + 1]))
                i += 2
                continue
            } else {
                out += NSRegularExpression.escapedPattern(for: String(c))
            }
            i += 1
        }
        return out
    }
}

/// Several ignore files, outermost first: the last one with a verdict decides, as in git.
public struct IgnoreStack: Sendable {
    public var layers: [IgnoreRules] = []

    public init(_ layers: [IgnoreRules] = []) { self.layers = layers }

    public func isIgnored(_ path: String, isFolder: Bool) -> Bool {
        for layer in layers.reversed() {
            if let verdict = layer.verdict(path, isFolder: isFolder) { return verdict }
        }
        return false
    }
}
