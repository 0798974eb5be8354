import MeshProtocol

/// Which rules' replacements `mesh fix` may apply without a person reading them. Conservative on purpose: only
/// replacements that are almost never wrong, and for a rule whose findings vary, only the kind that is.
public enum FixSafety: String, Sendable, Hashable {
    /// Never applied: the replacement needs a reader's judgement.
    case never
    /// Applied whenever the finding has a replacement.
    case always
    /// Applied only when the flagged text is blanks and the replacement one space (doubled spaces, not
    /// punctuation that may be a file name or a version).
    case whitespaceOnly = "whitespace-only"
}

extension RuleCatalog {
    /// The rules `mesh fix` applies; every other rule is `.never`.
    public static let fixSafety: [String: FixSafety] = [
        "grammar.repeated-word": .always,
        "grammar.a-an": .always,
        "grammar.spacing": .whitespaceOnly,
    ]

    /// Whether `mesh fix` may replace `text` flagged by `rule` with `replacement`.
    public static func isSafeFix(rule: String, text: String, replacement: String) -> Bool {
        switch fixSafety[rule] ?? .never {
        case .never: false
        case .always: !text.isEmpty
        case .whitespaceOnly: !text.isEmpty && text.allSatisfy { $0 == " " } && replacement == " "
        }
    }
}

extension RuleInfo {
    /// How far `mesh fix` trusts this rule's replacements.
    public var fixSafety: FixSafety { RuleCatalog.fixSafety[id] ?? .never }
}
