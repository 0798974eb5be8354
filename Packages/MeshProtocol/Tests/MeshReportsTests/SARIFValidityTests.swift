import Foundation
import MeshProtocol
import MeshReports
import Testing

/// Validates our SARIF against the vendored OASIS SARIF 2.1.0 schema with `validate_sarif.py` (Python's
/// `jsonschema`). Skipped, not passed, when python3 or jsonschema is missing; `make test` should make sure
/// they are there (`pip install jsonschema`).
enum SARIFValidator {
    static let script = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("validate_sarif.py")

    static let validatorAvailable: Bool = (try? run(["-c", "import jsonschema"], input: "").status) == 0

    static func run(_ arguments: [String], input: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errors, as: UTF8.self))
    }
}

@Suite(.enabled(if: SARIFValidator.validatorAvailable, "needs python3 with jsonschema"))
struct SARIFValidityTests {

    @Test(arguments: [
        ("one report", [Fixtures.guide]), ("two reports", [Fixtures.guide, Fixtures.clean]), ("no suggestions", [Fixtures.clean]),
        ("no reports", []),
    ])
    func validAgainstTheSchema(name: String, reports: [Report]) throws {
        let sarif = Fixtures.renderer.render(reports, as: .sarif)
        let (status, errors) = try SARIFValidator.run([SARIFValidator.script.path, "-"], input: sarif)
        #expect(status == 0, "\(name): \(errors)")
    }

    @Test func theValidatorRejectsBrokenSARIF() throws {
        let broken = Fixtures.renderer.render(Fixtures.guide, as: .sarif).replacing("\"level\" : \"note\"", with: "\"level\" : \"suggestion\"")
        let (status, errors) = try SARIFValidator.run([SARIFValidator.script.path, "-"], input: broken)
        #expect(status == 1)
        #expect(errors.contains("suggestion"))
    }
}

/// The JSON golden files, and fresh output, against `report.schema.json` (the published schema of the
/// `json` format).
@Suite(.enabled(if: SARIFValidator.validatorAvailable, "needs python3 with jsonschema"))
struct JSONSchemaTests {
    static let schema = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("report.schema.json")

    static let check = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(sys.stdin)))
        for e in errors: print("/".join(map(str, e.absolute_path)), e.message, file=sys.stderr)
        sys.exit(1 if errors else 0)
        """

    @Test(arguments: [[Fixtures.guide], [Fixtures.guide, Fixtures.clean], []])
    func validAgainstTheReportSchema(reports: [Report]) throws {
        let json = reports.count == 1
            ? Fixtures.renderer.render(reports[0], as: .json) : Fixtures.renderer.render(reports, as: .json)
        let (status, errors) = try SARIFValidator.run(["-c", Self.check, Self.schema.path], input: json)
        #expect(status == 0, "\(errors)")
    }

    @Test func theSchemaRejectsAnUnknownSeverity() throws {
        let json = Fixtures.renderer.render(Fixtures.guide, as: .json).replacing("\"severity\" : \"error\"", with: "\"severity\" : \"fatal\"")
        let (status, _) = try SARIFValidator.run(["-c", Self.check, Self.schema.path], input: json)
        #expect(status == 1)
    }
}
