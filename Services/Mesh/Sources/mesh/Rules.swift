import ArgumentParser
import Foundation
import MeshAgents
import MeshProtocol
import MeshReports

/// The rule catalogue as the commands show it: the same `RuleCatalog.all` that RULES.md is generated from.
enum Catalogue {
    static var descriptors: [RuleDescriptor] {
        RuleCatalog.all.map { RuleDescriptor(id: $0.id, specialist: $0.specialist, defaultSeverity: $0.severity, summary: $0.description) }
    }

    /// What a severity promises, as RULES.md says it.
    static func why(_ severity: Severity) -> String {
        switch severity {
        case .error:
            "It is an error: its findings are almost never wrong, on learner text and on edited technical documentation alike, so `--fail-on error` in CI can be trusted with it."
        case .warning:
            "It is a warning: usually right, but it reads context it cannot see whole; look before you change."
        case .suggestion:
            "It is a suggestion: style, or something that is probably a term; take it or leave it."
        }
    }

    /// The quoted phrases of a description ("the the", "an user"), its examples.
    static func examples(_ description: String) -> [String] {
        var out: [String] = []
        var current: String?
        for c in description {
            if c == "\"" {
                if let phrase = current {
                    // "a" or "an" alone names a word the rule is about, not an example of a finding.
                    if phrase.count > 2 && !out.contains(phrase) { out.append(phrase) }
                    current = nil
                } else {
                    current = ""
                }
            } else if current != nil {
                current!.append(c)
            }
        }
        return out
    }

    static func fixText(_ safety: FixSafety) -> String {
        switch safety {
        case .never: "no"
        case .always: "yes"
        case .whitespaceOnly: "doubled spaces only"
        }
    }
}

/// `mesh rules`: every rule, its specialist, severity, default and whether `mesh fix` applies it.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the rules: id, severity, on or off by default, whether mesh fix applies them, what they flag.")

    @Argument(help: "Only the rules of these specialists (grammar, clarity, tone, structure).")
    var specialists: [String] = []

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        for name in specialists where SpecialistType(rawValue: name) == nil {
            throw ValidationError("unknown specialist '\(name)'; valid: \(SpecialistType.validNames)")
        }
    }

    struct Entry: Encodable {
        var id: String
        var specialist: String
        var severity: String
        var enabledByDefault: Bool
        var fix: String
        var description: String
    }

    func run() throws {
        let wanted = Set(specialists.compactMap(SpecialistType.init(rawValue:)))
        let rules = RuleCatalog.all.filter { wanted.isEmpty || wanted.contains($0.specialist) }
        if json {
            print(jsonText(rules.map {
                Entry(id: $0.id, specialist: $0.specialist.rawValue, severity: $0.severity.rawValue, enabledByDefault: $0.enabledByDefault,
                      fix: $0.fixSafety.rawValue, description: $0.description)
            }), terminator: "")
            return
        }
        let width = rules.map(\.id.count).max() ?? 10
        print("RULE".padding(toLength: width + 2, withPad: " ", startingAt: 0) + "SEVERITY    DEFAULT  FIX  WHAT IT FLAGS")
        for rule in rules {
            var summary = rule.description
            if let stop = summary.range(of: ". ") { summary = String(summary[..<stop.lowerBound]) + "." }
            if summary.count > 90 { summary = String(summary.prefix(89)) + "…" }
            let fix = rule.fixSafety == .never ? "-" : "yes"
            print(rule.id.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                + rule.severity.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                + (rule.enabledByDefault ? "on" : "off").padding(toLength: 9, withPad: " ", startingAt: 0)
                + fix.padding(toLength: 5, withPad: " ", startingAt: 0) + summary)
        }
        print("\n\(rules.count) rules; `mesh explain RULE` tells more about one.")
    }
}

/// `mesh explain RULE`: what a rule checks, why, examples, and how to switch it off.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "What a rule checks, why, examples, and how to disable it.")

    @Argument(help: "A rule id, e.g. grammar.repeated-word.")
    var rule: String

    func run() throws {
        guard let info = RuleCatalog.info(rule) else {
            let near = RuleCatalog.all.map(\.id).filter { $0.contains(rule) || rule.contains($0.split(separator: ".").last.map(String.init) ?? "\u{0}") }
            throw failure("no rule '\(rule)'" + (near.isEmpty ? "; `mesh rules` lists them" : "; did you mean \(near.prefix(5).joined(separator: ", "))?"))
        }
        var out = "\(info.id)\n"
        out += "  specialist \(info.specialist.rawValue), \(info.severity.rawValue), \(info.enabledByDefault ? "on" : "off") by default, "
            + "mesh fix: \(Catalogue.fixText(info.fixSafety))\n\n"
        out += "What it checks\n  \(info.description)\n\n"
        out += "Why\n  \(Catalogue.why(info.severity))"
        if info.scope == .block { out += " It flags a whole sentence, paragraph or section, so it still applies where inline code appears." }
        out += "\n\n"
        let examples = Catalogue.examples(info.description)
        if !examples.isEmpty {
            out += "Examples\n" + examples.map { "  \"\($0)\"\n" }.joined() + "\n"
        }
        if info.enabledByDefault {
            out += "How to disable\n"
            out += "  everywhere (.mesh.yaml):  disable: [\(info.id)]\n"
            out += "  lower it (.mesh.yaml):    severity: { \(info.id): suggestion }\n"
        } else {
            out += "How to enable\n"
            out += "  (.mesh.yaml):             enable: [\(info.id)]\n\n"
            out += "How to disable where enabled\n"
        }
        out += "  for a passage:            <!-- mesh-disable \(info.id) --> … <!-- mesh-enable \(info.id) -->\n"
        out += "  for the next line:        <!-- mesh-disable-next-line \(info.id) -->\n"
        print(out, terminator: "")
    }
}
