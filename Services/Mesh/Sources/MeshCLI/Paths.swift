import Foundation

/// Paths as reports show them: relative to a root (the working directory or `--root`), so that code scanning
/// and annotations find the repository's files.
public enum Paths {
    /// `path` made absolute against `base` and normalised (`.` and `..` resolved textually, no symlinks followed).
    public static func absolute(_ path: String, base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` relative to `root` when it lies under it (`/repo/docs/a.md` under `/repo` → `docs/a.md`); a path
    /// outside the root stays absolute, since `../` would not name a file of the repository.
    public static func relative(_ path: String, to root: String, base: String) -> String {
        let file = absolute(path, base: base)
        let top = absolute(root, base: base)
        if file == top { return "" }
        if top == "/" { return String(file.dropFirst()) }
        guard file.hasPrefix(top + "/") else { return file }
        return String(file.dropFirst(top.count + 1))
    }
}
