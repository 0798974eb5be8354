import Foundation
import MeshProtocol
import MeshText
import Synchronization
import Yams

/// The target tone of a project: decides which tone rules speak up.
public enum TargetTone: String, Sendable, Hashable, CaseIterable {
    case formal, neutral, friendly
}

/// A rule written in the config, of the Vale kinds that need no code.
public struct CustomRule: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case existence, substitution }
    public var id: String
    public var kind: Kind
    public var specialist: SpecialistType
    public var severity: Severity
    /// `%s` is replaced by the matched text (existence) or by the matched text and replacement (substitution).
    public var message: String
    /// Existence: words or regular expressions to flag.
    public var tokens: [String]
    /// Substitution: pattern → replacement.
    public var swap: [(String, String)]
    public var ignoreCase: Bool
    /// Tokens/patterns are regular expressions rather than literal words.
    public var regex: Bool

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.id == rhs.id && lhs.kind == rhs.kind && lhs.specialist == rhs.specialist && lhs.severity == rhs.severity
            && lhs.message == rhs.message && lhs.tokens == rhs.tokens && lhs.ignoreCase == rhs.ignoreCase
            && lhs.regex == rhs.regex && lhs.swap.map(\.0) == rhs.swap.map(\.0) && lhs.swap.map(\.1) == rhs.swap.map(\.1)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(tokens)
        hasher.combine(swap.map(\.0))
    }
}

/// A malformed `.mesh.yaml`: where and why.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}

/// Project configuration, from `.mesh.yaml`.
///
/// ```yaml
/// specialists: [grammar, clarity, tone, structure]
/// min-alert-level: suggestion        # error | warning | suggestion
/// disable: [clarity.passive-voice, tone]
/// enable: [grammar.oxford-comma]     # rules that are off by default
/// severity: { clarity.long-sentence: warning }
/// tone: { target: formal }           # formal | neutral | friendly
/// vocabulary: { accept: [Kubernetes, hiredis], reject: [utilize] }
/// vocabulary: { accept-file: styles/Docs/accept.txt, reject-file: styles/Docs/reject.txt }   # Vale's files
/// limits: { sentence-words: 35, paragraph-words: 150, section-words: 1500 }
/// ignore: [CHANGELOG.md, drafts/]    # paths `mesh review` skips in folders (.gitignore patterns)
/// rules:
///   - { id: custom.no-todo, kind: existence, message: "Resolve '%s'", tokens: [TODO, FIXME] }
///   - { id: custom.terms, kind: substitution, message: "Use '%s' instead of '%s'", swap: { e-mail: email } }
/// ```
public struct MeshConfig: Sendable, Hashable {
    public var specialists: Set<SpecialistType> = Set(SpecialistType.allCases)
    public var disabled: Set<String> = []
    public var enabled: Set<String> = []
    public var severities: [String: Severity] = [:]
    public var minAlertLevel: Severity = .suggestion
    public var targetTone: TargetTone = .neutral
    /// Lowercased accepted words: never spelling mistakes, never flagged by word lists.
    public var accept: Set<String> = []
    /// Words to flag wherever they appear (lowercased).
    public var reject: Set<String> = []
    /// Vale-style vocabulary entries (`accept.txt`): regular expressions that a whole word matches, case-sensitive
    /// unless they start with `(?i)`. Plain words from those files go into `accept` instead.
    public var acceptPatterns: [String] = []
    /// Vale-style rejected entries (`reject.txt`) that are regular expressions; plain words go into `reject`.
    public var rejectPatterns: [String] = []
    /// Words this document uses as terms (lowercased), found over the whole document by `DocumentReview.withTerms`
    /// and carried in the chunk's config: never spelling mistakes.
    public var documentTerms: Set<String> = []
    public var customRules: [CustomRule] = []
    public var sentenceWords = 35
    public var paragraphWords = 150
    public var sectionWords = 1500
    public var headingWords = 12
    /// Paths `mesh review` and `mesh fix` skip when walking folders, as `.gitignore` patterns (`drafts/`,
    /// `CHANGELOG.md`, `docs/**/generated/*.md`), relative to the folder of the `.mesh.yaml`.
    public var ignore: [String] = []

    public static let `default` = MeshConfig()

    public init() {}

    /// Whether a rule is on (specialist enabled, rule not disabled, default-off rules only when enabled).
    /// `SpecialistType.allCases.count`, kept once: `allCases` builds its array on every call, and `isEnabled` runs
    /// hundreds of thousands of times a document.
    private static let specialistTypeCount = SpecialistType.allCases.count

    public func isEnabled(_ rule: String) -> Bool {
        // Fast path (called per token by the rules): nothing disabled and every specialist on.
        if disabled.isEmpty && specialists.count == Self.specialistTypeCount {
            // Most ids cannot be a default-off rule by their length alone: no hashing for them.
            if RuleCatalog.mayBeOffByDefault(rule), let info = RuleCatalog.info(rule), !info.enabledByDefault { return enabled.contains(rule) }
            return true
        }
        if disabled.contains(rule) { return false }
        let parts = rule.split(separator: ".", maxSplits: 1)
        if let first = parts.first {
            if disabled.contains(String(first)) && !enabled.contains(rule) { return false }
            if let type = SpecialistType(rawValue: String(first)), !specialists.contains(type) { return false }
        }
        if let info = RuleCatalog.info(rule), !info.enabledByDefault { return enabled.contains(rule) }
        return true
    }

    public func isEnabled(_ type: SpecialistType) -> Bool {
        specialists.contains(type) && !disabled.contains(type.rawValue)
    }

    public func severity(for rule: String, default value: Severity) -> Severity {
        if severities.isEmpty { return value }
        if let s = severities[rule] { return s }
        if let first = rule.split(separator: ".").first, let s = severities[String(first)] { return s }
        return value
    }

    /// Walks up from `directory` to `/` looking for `.mesh.yaml`; the first one found wins.
    public static func discover(startingAt directory: String) throws -> (config: MeshConfig, path: String)? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(".mesh.yaml").path
            if FileManager.default.fileExists(atPath: candidate) {
                guard let data = FileManager.default.contents(atPath: candidate),
                      let text = String(data: data, encoding: .utf8) else {
                    throw ConfigError(file: candidate, line: 1, reason: "cannot read the file as UTF-8")
                }
                return (try parse(yaml: text, path: candidate), candidate)
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path || url.path == "/" { return nil }
            url = parent
        }
    }

    /// Parses `.mesh.yaml` text. Unknown keys, wrong types and bad values are errors with file and line.
    public static func parse(yaml: String, path: String) throws -> MeshConfig {
        var config = MeshConfig()
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ConfigError(file: path, line: editorLine(Self.line(of: error), in: yaml), reason: Self.reason(of: error))
        }
        guard let root else { return config }
        guard let mapping = root.mapping else {
            throw ConfigError(
                file: path, line: editorLine(root.mark?.line ?? 1, in: yaml), reason: "the top level must be a mapping of settings")
        }
        func fail(_ node: Node, _ reason: String) -> ConfigError {
            ConfigError(file: path, line: editorLine(node.mark?.line ?? 1, in: yaml), reason: reason)
        }
        func strings(_ node: Node, _ key: String) throws -> [String] {
            if let s = node.scalar?.string, node.scalar != nil { return s.isEmpty ? [] : [s] }
            guard let seq = node.sequence else { throw fail(node, "'\(key)' must be a list of strings") }
            return try seq.map { item in
                guard let s = item.scalar?.string else { throw fail(item, "'\(key)' must be a list of strings") }
                return s
            }
        }
        func severity(_ node: Node, _ key: String) throws -> Severity {
            guard let s = node.scalar?.string, let sev = Severity(rawValue: s.lowercased()) else {
                throw fail(node, "'\(key)' must be one of error, warning, suggestion")
            }
            return sev
        }
        func positiveInt(_ node: Node, _ key: String) throws -> Int {
            guard let s = node.scalar?.string, let v = Int(s), v > 0 else {
                throw fail(node, "'\(key)' must be a positive whole number")
            }
            return v
        }
        func checkRule(_ id: String, _ node: Node, custom: Bool = false) throws {
            let known = RuleCatalog.info(id) != nil || SpecialistType(rawValue: id) != nil
                || config.customRules.contains { $0.id == id } || custom
            if !known { throw fail(node, "unknown rule or specialist '\(id)'") }
        }
        // Custom rules first so `disable`/`severity` may name them.
        if let rulesNode = mapping["rules"] {
            guard let seq = rulesNode.sequence else { throw fail(rulesNode, "'rules' must be a list of rule mappings") }
            for item in seq {
                config.customRules.append(try parseCustomRule(item, fail: fail, strings: strings, severity: severity))
            }
        }
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else { throw fail(keyNode, "setting names must be strings") }
            switch key {
            case "rules":
                continue
            case "specialists":
                var set = Set<SpecialistType>()
                for name in try strings(value, key) {
                    guard let t = SpecialistType(rawValue: name) else {
                        throw fail(value, "unknown specialist '\(name)'; valid: \(SpecialistType.validNames)")
                    }
                    set.insert(t)
                }
                config.specialists = set
            case "disable":
                for id in try strings(value, key) {
                    try checkRule(id, value)
                    config.disabled.insert(id)
                }
            case "enable":
                for id in try strings(value, key) {
                    try checkRule(id, value)
                    config.enabled.insert(id)
                    config.disabled.remove(id)
                }
            case "severity":
                guard let m = value.mapping else { throw fail(value, "'severity' must map rule ids to severities") }
                for (k, v) in m {
                    guard let id = k.scalar?.string else { throw fail(k, "rule ids must be strings") }
                    try checkRule(id, k)
                    config.severities[id] = try severity(v, id)
                }
            case "min-alert-level", "min_alert_level", "minAlertLevel":
                config.minAlertLevel = try severity(value, key)
            case "tone":
                guard let m = value.mapping else { throw fail(value, "'tone' must be a mapping, e.g. { target: formal }") }
                for (k, v) in m {
                    guard k.scalar?.string == "target" else { throw fail(k, "unknown tone setting '\(k.scalar?.string ?? "?")'; valid: target") }
                    guard let s = v.scalar?.string, let t = TargetTone(rawValue: s.lowercased()) else {
                        throw fail(v, "'tone.target' must be one of formal, neutral, friendly")
                    }
                    config.targetTone = t
                }
            case "vocabulary":
                guard let m = value.mapping else { throw fail(value, "'vocabulary' must be a mapping with accept and reject lists") }
                // Files named here were inlined by the producer (`inliningVocabularyFiles`) when the text says so.
                let inlined = mapping[VocabularyFiles.inlinedKey] != nil
                for (k, v) in m {
                    switch k.scalar?.string {
                    case "accept": config.accept.formUnion(try strings(v, "vocabulary.accept").map { $0.lowercased() })
                    case "reject": config.reject.formUnion(try strings(v, "vocabulary.reject").map { $0.lowercased() })
                    case let key? where key == "accept-file" || key == "reject-file":
                        guard !inlined else { continue }
                        for file in try strings(v, "vocabulary.\(key)") {
                            let lines: [String]
                            do { lines = try VocabularyFiles.read(file, relativeTo: path) } catch {
                                throw fail(v, "cannot read vocabulary file '\(file)'")
                            }
                            try config.addVocabulary(lines, accept: key == "accept-file") { fail(v, $0) }
                        }
                    default: throw fail(k, "unknown vocabulary setting '\(k.scalar?.string ?? "?")'; valid: accept, reject, accept-file, reject-file")
                    }
                }
            case VocabularyFiles.inlinedKey:
                guard let m = value.mapping else { throw fail(value, "'\(key)' must be a mapping with accept and reject lists") }
                for (k, v) in m {
                    let accept = k.scalar?.string == "accept"
                    guard accept || k.scalar?.string == "reject" else { throw fail(k, "'\(key)' has accept and reject lists only") }
                    try config.addVocabulary(try strings(v, key), accept: accept) { fail(v, $0) }
                }
            case "ignore":
                config.ignore = try strings(value, key)
            case DocumentTerms.key:
                config.documentTerms.formUnion(try strings(value, key).map { $0.lowercased() })
            case "limits":
                guard let m = value.mapping else { throw fail(value, "'limits' must be a mapping") }
                for (k, v) in m {
                    switch k.scalar?.string {
                    case "sentence-words": config.sentenceWords = try positiveInt(v, "limits.sentence-words")
                    case "paragraph-words": config.paragraphWords = try positiveInt(v, "limits.paragraph-words")
                    case "section-words": config.sectionWords = try positiveInt(v, "limits.section-words")
                    case "heading-words": config.headingWords = try positiveInt(v, "limits.heading-words")
                    default:
                        throw fail(k, "unknown limit '\(k.scalar?.string ?? "?")'; valid: sentence-words, paragraph-words, section-words, heading-words")
                    }
                }
            default:
                throw fail(keyNode, "unknown setting '\(key)'; valid: specialists, disable, enable, severity, min-alert-level, tone, vocabulary, limits, rules, ignore")
            }
        }
        return config
    }

    /// Adds the entries of a Vale vocabulary file: a plain word (letters, digits, `'`, `-`, `.`) to `accept` or
    /// `reject`, anything else as a regular expression (checked here) that must match a whole word.
    mutating func addVocabulary(_ entries: [String], accept isAccept: Bool, fail: (String) -> ConfigError) throws {
        for raw in entries {
            let entry = raw.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            if entry.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "'’-.".unicodeScalars.contains($0) }) {
                if isAccept { accept.insert(entry.lowercased()) } else { reject.insert(entry.lowercased()) }
                continue
            }
            guard VocabularyFiles.regex(entry) != nil else { throw fail("invalid regular expression '\(entry)' in a vocabulary file") }
            if isAccept { acceptPatterns.append(entry) } else { rejectPatterns.append(entry) }
        }
    }

    /// Whether `word` matches an accepted vocabulary pattern (the whole word).
    func acceptsByPattern(_ word: String) -> Bool {
        acceptPatterns.contains { VocabularyFiles.regex($0)?.wholeMatch(word) == true }
    }

    /// `.mesh.yaml` text with the vocabulary files it names read and written into it (`accept-file`, `reject-file`),
    /// for a producer that ships the config inside each chunk: the specialists cannot read the project's files.
    /// The text comes back unchanged when it names no files. Throws what `parse` throws.
    public static func inliningVocabularyFiles(yaml: String, path: String) throws -> String {
        _ = try parse(yaml: yaml, path: path)
        guard let root = try? Yams.compose(yaml: yaml), let vocab = root.mapping?["vocabulary"]?.mapping else {
            return yaml
        }
        var accept: [String] = [], reject: [String] = []
        for (k, v) in vocab {
            guard let key = k.scalar?.string, key == "accept-file" || key == "reject-file" else { continue }
            var files: [String] = []
            if let one = v.scalar?.string { files = [one] } else if let seq = v.sequence { files = seq.compactMap { $0.scalar?.string } }
            for file in files {
                let lines: [String] = (try? VocabularyFiles.read(file, relativeTo: path)) ?? []
                for line in lines {
                    let entry = line.trimmingCharacters(in: CharacterSet.whitespaces)
                    if entry.isEmpty || entry.hasPrefix("#") { continue }
                    if key == "accept-file" { accept.append(entry) } else { reject.append(entry) }
                }
            }
        }
        if accept.isEmpty && reject.isEmpty { return yaml }
        func list(_ xs: [String]) -> String { "[" + xs.map(VocabularyFiles.quoted).joined(separator: ", ") + "]" }
        return yaml + (yaml.hasSuffix("\n") || yaml.isEmpty ? "" : "\n")
            + "# mesh: the vocabulary files above, inlined\n\(VocabularyFiles.inlinedKey): { accept: \(list(accept)), reject: \(list(reject)) }\n"
    }

    private static func parseCustomRule(
        _ item: Node, fail: (Node, String) -> ConfigError, strings: (Node, String) throws -> [String],
        severity: (Node, String) throws -> Severity
    ) throws -> CustomRule {
        guard let m = item.mapping else { throw fail(item, "each custom rule must be a mapping") }
        var id: String?
        var kind: CustomRule.Kind?
        var sev = Severity.warning
        var message: String?
        var tokens: [String] = []
        var swap: [(String, String)] = []
        var ignoreCase = true
        var regex = false
        var specialist: SpecialistType?
        for (k, v) in m {
            guard let key = k.scalar?.string else { throw fail(k, "rule settings must be named by strings") }
            switch key {
            case "id": id = v.scalar?.string
            case "kind", "extends":
                guard let s = v.scalar?.string, let kd = CustomRule.Kind(rawValue: s) else {
                    throw fail(v, "custom rule kind must be existence or substitution")
                }
                kind = kd
            case "severity", "level": sev = try severity(v, key)
            case "message": message = v.scalar?.string
            case "tokens": tokens = try strings(v, "tokens")
            case "swap":
                guard let sm = v.mapping else { throw fail(v, "'swap' must map a word or pattern to its replacement") }
                for (a, b) in sm {
                    guard let x = a.scalar?.string, let y = b.scalar?.string else { throw fail(a, "'swap' entries must be strings") }
                    swap.append((x, y))
                }
            case "ignorecase", "ignore-case":
                guard let b = v.scalar.flatMap({ Bool.construct(from: $0) }) else { throw fail(v, "'\(key)' must be true or false") }
                ignoreCase = b
            case "regex":
                guard let b = v.scalar.flatMap({ Bool.construct(from: $0) }) else { throw fail(v, "'regex' must be true or false") }
                regex = b
            case "specialist":
                guard let s = v.scalar?.string, let t = SpecialistType(rawValue: s) else {
                    throw fail(v, "unknown specialist; valid: \(SpecialistType.validNames)")
                }
                specialist = t
            default:
                throw fail(k, "unknown custom rule setting '\(key)'; valid: id, kind, severity, message, tokens, swap, ignorecase, regex, specialist")
            }
        }
        guard let id, !id.isEmpty else { throw fail(item, "a custom rule needs an 'id'") }
        guard id.contains(".") else { throw fail(item, "custom rule id '\(id)' must look like 'custom.name'") }
        guard let kind else { throw fail(item, "custom rule '\(id)' needs 'kind: existence' or 'kind: substitution'") }
        if kind == .existence && tokens.isEmpty { throw fail(item, "existence rule '\(id)' needs a non-empty 'tokens' list") }
        if kind == .substitution && swap.isEmpty { throw fail(item, "substitution rule '\(id)' needs a non-empty 'swap' mapping") }
        if regex {
            for p in tokens + swap.map(\.0) {
                do { _ = try NSRegularExpression(pattern: p) } catch {
                    throw fail(item, "custom rule '\(id)': invalid regular expression '\(p)'")
                }
            }
        }
        let defaultMessage = kind == .existence ? "Avoid '%s'." : "Use '%s' instead of '%s'."
        let owner = specialist ?? SpecialistType(rawValue: String(id.split(separator: ".").first!)) ?? .clarity
        return CustomRule(
            id: id, kind: kind, specialist: owner, severity: sev, message: message ?? defaultMessage, tokens: tokens,
            swap: swap, ignoreCase: ignoreCase, regex: regex
        )
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): return mark.line
        default: return 1
        }
    }

    private static func reason(of error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            if let context { return "\(problem) \(context.text)".trimmingCharacters(in: .whitespaces) }
            return problem
        default: return "\(error)"
        }
    }
}

/// The line an editor shows for a line the YAML parser counted. YAML 1.1 also ends a line at NEL, LINE SEPARATOR
/// and PARAGRAPH SEPARATOR, which editors, `grep -n` and `sed -n` do not; an error must name a line the user can
/// find, so the parser's line is mapped back to one counted at \n, \r\n and a lone \r.
func editorLine(_ yamlLine: Int, in text: String) -> Int {
    guard yamlLine > 1 else { return 1 }
    var yamlBreaks = 0
    var editorBreaks = 0
    var afterCR = false
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\n" where afterCR: afterCR = false; continue
        case "\n", "\r": editorBreaks += 1; yamlBreaks += 1
        case "\u{85}", "\u{2028}", "\u{2029}": yamlBreaks += 1
        default: afterCR = false; continue
        }
        afterCR = scalar == "\r"
        if yamlBreaks == yamlLine - 1 { return editorBreaks + 1 }
    }
    return editorBreaks + 1
}

/// Vale-style vocabulary files (`accept.txt`, `reject.txt`): one word or regular expression a line.
enum VocabularyFiles {
    /// The key under which a producer inlines the files' entries (`MeshConfig.inliningVocabularyFiles`).
    static let inlinedKey = "vocabulary-inlined"

    /// The file's lines; a relative path is taken from the directory of the config file.
    static func read(_ file: String, relativeTo configPath: String) throws -> [String] {
        let base = URL(fileURLWithPath: configPath).deletingLastPathComponent()
        let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : base.appendingPathComponent(file)
        let data = try Data(contentsOf: url)
        guard data.count <= 4_000_000, let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: url.path, line: 1, reason: "not a UTF-8 text file of at most 4 MB")
        }
        return text.split(whereSeparator: \.isNewline).map(String.init)
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case _ where c.value < 0x20: continue
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    private static let cache = Mutex<[String: CompiledPattern]>([:])

    /// The compiled pattern (cached; nil when it is not a valid regular expression). Vale's entries are
    /// case-sensitive; `(?i)` makes one insensitive.
    static func regex(_ pattern: String) -> CompiledPattern? {
        if let hit = cache.withLock({ $0[pattern] }) { return hit.valid ? hit : nil }
        let compiled = CompiledPattern(pattern)
        cache.withLock { c in
            if c.count > 10_000 { c.removeAll() }
            c[pattern] = compiled
        }
        return compiled.valid ? compiled : nil
    }
}

/// A vocabulary regular expression, matched against a whole word.
struct CompiledPattern: @unchecked Sendable {
    // NSRegularExpression is immutable and thread-safe once built.
    private let re: NSRegularExpression?
    var valid: Bool { re != nil }

    init(_ pattern: String) {
        var p = pattern, options: NSRegularExpression.Options = []
        if p.hasPrefix("(?i)") { p.removeFirst(4); options.insert(.caseInsensitive) }
        re = try? NSRegularExpression(pattern: "^(?:\(p))$", options: options)
    }

    func wholeMatch(_ word: String) -> Bool {
        guard let re else { return false }
        return re.firstMatch(in: word, range: NSRange(word.startIndex..., in: word)) != nil
    }
}

/// The document's own terms, carried in a chunk's config text after a marker line (the producer has no other
/// field for them): `DocumentReview.withTerms` writes them, `ReviewEngine` reads them back.
public enum DocumentTerms {
    static let key = "document-terms"
    static let marker = "# mesh: terms this document uses (generated)"

    /// `config` with the terms appended (or `config` unchanged when there are none).
    public static func appending(_ terms: [String], to config: String?) -> String? {
        guard !terms.isEmpty else { return config }
        let base = config.map { $0.isEmpty || $0.hasSuffix("\n") ? $0 : $0 + "\n" } ?? ""
        return base + marker + "\n" + key + ": [" + terms.joined(separator: ", ") + "]\n"
    }

    /// The project's own config text (before the marker; nil when there is none) and the terms after it.
    /// Every chunk carries its own terms, so a specialist splits a config per chunk: this reads the UTF-8 bytes
    /// in place (Foundation's `range(of:)` and `trimmingCharacters` were 3 % of a specialist's CPU).
    public static func split(_ config: String) -> (own: String?, terms: Set<String>) {
        var config = config
        return config.withUTF8 { bytes -> (own: String?, terms: Set<String>) in
            guard let at = find(Array(marker.utf8), in: bytes) else {
                return (String(decoding: bytes, as: UTF8.self), [])
            }
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
            let ownBytes = UnsafeBufferPointer(rebasing: bytes[..<at])
            let own = ownBytes.allSatisfy(isSpace) ? nil : String(decoding: ownBytes, as: UTF8.self)
            var terms = Set<String>()
            let prefix = Array((key + ":").utf8)
            var line = at + marker.utf8.count
            while line < bytes.count {
                var end = line
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                if end - line >= prefix.count, prefix.indices.allSatisfy({ bytes[line + $0] == prefix[$0] }) {
                    // "document-terms: [a, b, c]": words between the brackets, separated by commas.
                    var i = line + prefix.count
                    while i < end {
                        while i < end, isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "[") || bytes[i] == UInt8(ascii: ",") { i += 1 }
                        var j = i
                        while j < end, bytes[j] != UInt8(ascii: ","), bytes[j] != UInt8(ascii: "]") { j += 1 }
                        var k = j
                        while k > i, isSpace(bytes[k - 1]) { k -= 1 }
                        if k > i {
                            let word = UnsafeBufferPointer(rebasing: bytes[i..<k])
                            let text = String(decoding: word, as: UTF8.self)
                            terms.insert(word.contains(where: { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 }) ? text.lowercased() : text)
                        }
                        i = j
                        if i < end, bytes[i] == UInt8(ascii: "]") { break }
                    }
                }
                line = end + 1
            }
            return (own, terms)
        }
    }

    /// The offset of the first occurrence of `needle` in `bytes`.
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var i = 0
        while i <= bytes.count - needle.count {
            if bytes[i] == first, needle.indices.allSatisfy({ bytes[i + $0] == needle[$0] }) { return i }
            i += 1
        }
        return nil
    }
}
