import ArgumentParser
import FoundationEssentials
import MeshProtocol

/// The specialists a coordinator fans out to or an aggregator waits for: `--specialists`, else the
/// `SPECIALISTS` environment variable, else all four. An unknown name is an error that lists the valid ones.
public func enabledSpecialists(
    flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment
) throws -> [SpecialistType] {
    let list = flag ?? environment["SPECIALISTS"] ?? ""
    do {
        let types = list.isEmpty ? SpecialistType.allCases : try SpecialistType.parseList(list)
        guard !types.isEmpty else { throw ValidationError("no specialists enabled") }
        return types
    } catch let error as ProtocolError {
        throw ValidationError(error.description)
    }
}
