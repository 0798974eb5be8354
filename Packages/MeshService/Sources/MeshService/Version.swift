/// This library's version; `VERSION` beside Package.swift is the source of truth and a test keeps them equal.
public enum MeshServiceLibrary {
    public static let version = "0.1.0"
}

/// The `--version` text of a service: its own version and the libraries it was built with.
public func versionText(service: String, version: String, libraries: [(String, String)]) -> String {
    ([("\(service)", version)] + libraries).map { "\($0.0) \($0.1)" }.joined(separator: "\n")
}
