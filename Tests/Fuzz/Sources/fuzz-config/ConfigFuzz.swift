import FuzzSupport
import MeshAgents
import MeshDocument
import MeshProtocol

/// `MeshConfig.parse(yaml:path:)` on arbitrary text: it throws a `ConfigError` that names the file and a
/// line of it, or returns a config that the review engine can run with (custom rules included: their
/// patterns are compiled and matched) on a fixed paragraph, every finding in range.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let yaml = String(decoding: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self)
    let config: MeshConfig
    do {
        config = try MeshConfig.parse(yaml: yaml, path: "fuzz/.mesh.yaml")
    } catch let error as ConfigError {
        check(error.file == "fuzz/.mesh.yaml", "ConfigError names \(error.file)")
        // YAML ends a line at \n, \r\n or a lone \r.
        let lines = yaml.unicodeScalars.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" }.count
        check(error.line >= 1 && error.line <= max(lines, 1) + 1, "ConfigError at line \(error.line) of \(lines)")
        check(!error.reason.isEmpty, "ConfigError without a reason")
        return 0
    } catch {
        fail("parse threw \(type(of: error)): \(error), not a ConfigError")
    }
    check(config.customRules.allSatisfy { !$0.id.isEmpty }, "a custom rule without an id")
    let engine = ReviewEngine(config: config)
    for chunk in sampleChunks {
        let count = chunk.text.unicodeScalars.count
        for (type, analysis) in zip(SpecialistType.allCases, engine.analyze(chunk, as: SpecialistType.allCases)) {
            for finding in analysis.findings {
                checkSpan(finding.span, count: count, allowEmpty: true, "\(type) \(finding.rule)")
            }
        }
    }
    return 0
}

let sampleChunks: [Chunk] = {
    let text = """
        # Setup

        The configuration was written by the team in order to utilize e-mail, and it is very important that \
        TODO items are resolved. Their going to fix it alot; we should of checked. Colour and color differ.

        - first item
        - Second item is longer
        """
    return try! DocumentChunker().chunks(docId: "fuzz", source: "sample.md", bytes: Array(text.utf8), format: .markdown)
}()
