import MeshProtocol
import MeshRedis

/// This library's version; `VERSION` beside Package.swift is the source of truth and a test keeps them equal.
public enum MeshServiceLibrary {
    public static let version = "0.1.0"
}

/// The `--version` text of a service: its own version and the libraries it was built with.
public func versionText(service: String, version: String, libraries: [(String, String)]) -> String {
    ([("\(service)", version)] + libraries).map { "\($0.0) \($0.1)" }.joined(separator: "\n")
}

/// The `--version` text of a mesh executable: its own line, then MeshProtocol, MeshRedis, `linking` (the
/// libraries only some executables link, such as MeshAgents, which this package cannot see) and MeshService.
public func meshVersionText(_ executable: String, _ version: String, linking: [(String, String)] = []) -> String {
    versionText(
        service: executable, version: version,
        libraries: [("MeshProtocol", MeshProtocolLibrary.version), ("MeshRedis", MeshRedisLibrary.version)] + linking
            + [("MeshService", MeshServiceLibrary.version)])
}
