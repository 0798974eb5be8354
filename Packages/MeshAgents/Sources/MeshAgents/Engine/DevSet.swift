import Foundation
import MeshProtocol
import MeshText

/// The labelled dev sample (`Eval/devset.jsonl`): sentences written for the classes of findings that matter on
/// technical documentation, each with the rules that should fire on it at warning or error. It is a regression
/// test (`DevSetTests`) and the source of the precision column of RULES.md (`mesh-agents rules --dev-set FILE`).
public struct DevSetItem: Codable, Sendable, Hashable {
    /// What the item stands for ("a/an initialism", "term in a code span").
    public var `class`: String
    public var markdown: Bool
    public var text: String
    /// Rules that must fire at warning or error; every other rule must stay below warning.
    public var fires: [String]
}

/// A rule's findings at warning or error on the dev sample: right where the item lists the rule, wrong elsewhere.
public struct RulePrecision: Sendable, Hashable {
    public var right = 0
    public var wrong = 0
    public var precision: Double? { right + wrong == 0 ? nil : Double(right) / Double(right + wrong) }
}

public enum DevSet {
    /// The items of a JSONL file (blank lines skipped).
    public static func load(_ path: String) throws -> [DevSetItem] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map {
            try JSONDecoder().decode(DevSetItem.self, from: Data($0.utf8))
        }
    }

    /// The specialists the dev sample is about: grammar, clarity and tone (structure needs whole documents).
    public static let types: [SpecialistType] = [.grammar, .clarity, .tone]

    /// Per rule, how many of its warning-or-error findings were right; `review` gives an item's findings.
    public static func precision(_ items: [DevSetItem], review: (DevSetItem) -> [(rule: String, severity: Severity)]) -> [String: RulePrecision] {
        var out: [String: RulePrecision] = [:]
        for item in items {
            let fired = Set(review(item).filter { $0.severity <= .warning }.map(\.rule))
            for rule in fired {
                if item.fires.contains(rule) { out[rule, default: RulePrecision()].right += 1 } else { out[rule, default: RulePrecision()].wrong += 1 }
            }
        }
        return out
    }
}
