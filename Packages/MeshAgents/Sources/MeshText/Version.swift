/// This library's version; `VERSION` beside Package.swift is the source of truth and a test keeps them equal.
public enum MeshAgentsLibrary {
    public static let version = "0.1.0"
}
