import Foundation
import MeshAgents
import Testing

/// Issue 15: the grammar specialist is split into rule families, each the only file of `Grammar/` that emits its
/// rule ids. A rule id's emitting literal (`ctx.add("grammar.x", …)`, `Finding("grammar.x", …)`, a phrase-table
/// entry) in a second file would let a family's findings grow in two places again. Reading a rule's switch
/// (`isEnabled("grammar.x")`) or comparing a finding's rule (`rule == "grammar.x"`) is no emission.
@Suite("Grammar rule ownership")
struct GrammarRuleOwnershipTests {
    static let grammarFolder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/MeshAgents/Grammar")

    /// Rule id → the files of `Grammar/` whose source emits it.
    static func emitters() throws -> [String: Set<String>] {
        let files = try FileManager.default.contentsOfDirectory(atPath: grammarFolder.path).filter { $0.hasSuffix(".swift") }
        var out: [String: Set<String>] = [:]
        for file in files {
            let source = try String(contentsOf: grammarFolder.appendingPathComponent(file), encoding: .utf8)
            for id in emittedIds(in: source) { out[id, default: []].insert(file) }
        }
        return out
    }

    /// The `"grammar.x"` literals of a source, less those that only read a rule's switch or compare a rule.
    static func emittedIds(in source: String) -> [String] {
        let scalars = Array(source.unicodeScalars)
        let opening = Array("\"grammar.".unicodeScalars)
        var ids: [String] = []
        var k = 0
        while k + opening.count < scalars.count {
            guard Array(scalars[k..<(k + opening.count)]) == opening else { k += 1; continue }
            var end = k + opening.count
            while end < scalars.count, scalars[end] == "-" || ("a"..."z").contains(scalars[end]) { end += 1 }
            defer { k = end }
            guard end < scalars.count, scalars[end] == "\"" else { continue }
            let before = String(String.UnicodeScalarView(scalars[max(0, k - 12)..<k]))
            if before.hasSuffix("isEnabled(") || before.hasSuffix("rule == ") || before.hasSuffix("rule != ") { continue }
            ids.append(String(String.UnicodeScalarView(scalars[(k + 1)..<end])))
        }
        return ids
    }

    @Test func literalsAreReadAsEmissionsOrNot() {
        let source = #"ctx.add("grammar.a-an", "x"); if cfg.isEnabled("grammar.spelling") {}; $0.rule == "grammar.date""#
        #expect(Self.emittedIds(in: source) == ["grammar.a-an"])
    }

    @Test func eachGrammarRuleIsEmittedFromOneFile() throws {
        let emitters = try Self.emitters()
        #expect(emitters.count >= 20, "found \(emitters.keys.sorted())")
        for (id, files) in emitters.sorted(by: { $0.key < $1.key }) {
            #expect(files.count == 1, "\(id) is emitted from \(files.sorted()); move it to its family's file")
        }
    }

    @Test func everyCatalogueGrammarRuleHasAnOwner() throws {
        let emitters = try Self.emitters()
        let catalogue = RuleCatalog.all.map(\.id).filter { $0.hasPrefix("grammar.") }
        #expect(!catalogue.isEmpty)
        for id in catalogue {
            #expect(emitters[id] != nil, "\(id) is in the catalogue but no file of Grammar/ emits it")
        }
        #expect(Set(emitters.keys).isSubset(of: Set(catalogue)), "emitted but not catalogued: \(Set(emitters.keys).subtracting(catalogue).sorted())")
    }

    /// The dispatch file emits nothing itself.
    @Test func grammarSpecialistSwiftOnlyDispatches() throws {
        let emitters = try Self.emitters()
        let fromDispatch = emitters.filter { $0.value.contains("GrammarSpecialist.swift") }.keys.sorted()
        #expect(fromDispatch.isEmpty, "GrammarSpecialist.swift emits \(fromDispatch)")
    }
}
