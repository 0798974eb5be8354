import Foundation
import MeshProtocol
import MeshReports
import Testing

/// With `sourceRoot`, SARIF locations are relative with `uriBaseId`, and `originalUriBaseIds` says where the
/// base is: what GitHub code scanning needs to place results on the repository's files.
struct SARIFRootTests {
    func rendered(root: String?, source: String = "docs/guide.md") throws -> [String: Any] {
        var renderer = Fixtures.renderer
        renderer.sourceRoot = root
        var report = Fixtures.guide
        report.source = source
        let sarif = renderer.render(report, as: .sarif)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        return try #require((log["runs"] as? [[String: Any]])?.first)
    }

    func locations(_ run: [String: Any]) -> [[String: String]] {
        ((run["results"] as? [[String: Any]]) ?? []).compactMap {
            (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: String]
        }
    }

    @Test func relativeLocationsNameTheirBase() throws {
        let run = try rendered(root: "/home/me/my repo")
        #expect((run["originalUriBaseIds"] as? [String: [String: String]]) == ["SRCROOT": ["uri": "file:///home/me/my%20repo/"]])
        let found = locations(run)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0 == ["uri": "docs/guide.md", "uriBaseId": "SRCROOT"] })
    }

    @Test func withoutARootNothingChanges() throws {
        let run = try rendered(root: nil)
        #expect(run["originalUriBaseIds"] == nil)
        #expect(locations(run).allSatisfy { $0 == ["uri": "docs/guide.md"] })
    }

    @Test func anAbsolutePathOutsideTheRootHasNoBase() throws {
        let run = try rendered(root: "/repo", source: "/elsewhere/a.md")
        #expect(locations(run).allSatisfy { $0 == ["uri": "/elsewhere/a.md"] })
    }

    @Test(.enabled(if: SARIFValidator.validatorAvailable, "needs python3 with jsonschema"))
    func validAgainstTheSchema() throws {
        var renderer = Fixtures.renderer
        renderer.sourceRoot = "/repo"
        let (status, errors) = try SARIFValidator.run([SARIFValidator.script.path, "-"], input: renderer.render([Fixtures.guide, Fixtures.clean], as: .sarif))
        #expect(status == 0, "\(errors)")
    }
}
