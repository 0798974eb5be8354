import Foundation

/// Finds the documents to review from the paths given on the command line: a file is taken as it is; a folder
/// is walked recursively for `.md`, `.markdown` and `.txt` files (or those matching `--glob`), skipping hidden
/// entries, what `.gitignore` files ignore (from the root down) and what the `.mesh.yaml` `ignore` list names.
public struct DocumentFinder: Sendable {
    public struct TooMany: Error, CustomStringConvertible {
        public let limit: Int
        public var description: String { "more than \(limit) documents: name fewer folders or narrow them with --glob" }
    }

    /// Absolute path that reports are relative to.
    public var root: String
    public var extensions: Set<String> = ["md", "markdown", "txt"]
    /// When set, a walked file is taken when one of these (`.gitignore` syntax, root-relative) matches instead.
    public var globs: IgnoreRules?
    /// The `.mesh.yaml` `ignore` list, its base the config's folder relative to the root.
    public var configIgnore: IgnoreRules?
    public var honourGitignore = true
    public var limit = 100_000

    public init(root: String) {
        self.root = root
    }

    /// Absolute paths, sorted within each folder, in the order the arguments came; `-` stays `-`.
    public func find(_ arguments: [String], base: String) throws -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for argument in arguments {
            if argument == "-" {
                out.append("-")
                continue
            }
            let path = Paths.absolute(argument, base: base)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                // A file named on the command line is reviewed whatever its name; a missing one fails when read.
                if seen.insert(path).inserted { out.append(path) }
                continue
            }
            for file in try walk(path) where seen.insert(file).inserted {
                out.append(file)
                if out.count > limit { throw TooMany(limit: limit) }
            }
        }
        return out
    }

    /// The path matchers see: relative to the root, or to `top` when the folder lies outside the root.
    private func key(_ path: String, top: String) -> String {
        let relative = Paths.relative(path, to: root, base: "/")
        return relative.hasPrefix("/") ? Paths.relative(path, to: top, base: "/") : relative
    }

    private func walk(_ top: String) throws -> [String] {
        // The .gitignore files of the folders from the root down to `top` apply to it too.
        var layers: [IgnoreRules] = []
        if honourGitignore {
            var chain: [String] = []
            var folder = top
            let inside = folder == root || folder.hasPrefix(root + "/")
            while inside {
                chain.append(folder)
                if folder == root || folder == "/" { break }
                folder = (folder as NSString).deletingLastPathComponent
            }
            if !inside { chain = [top] }
            for folder in chain.reversed() { if let rules = gitignore(in: folder, top: top) { layers.append(rules) } }
        }
        var out: [String] = []
        try walk(top, top: top, layers: layers, into: &out)
        return out
    }

    private func gitignore(in folder: String, top: String) -> IgnoreRules? {
        guard honourGitignore, let data = FileManager.default.contents(atPath: folder + "/.gitignore") else { return nil }
        return IgnoreRules(gitignore: String(decoding: data, as: UTF8.self), base: key(folder, top: top))
    }

    private func walk(_ folder: String, top: String, layers: [IgnoreRules], into out: inout [String]) throws {
        var layers = layers
        if folder != top, let rules = gitignore(in: folder, top: top) { layers.append(rules) }
        let stack = IgnoreStack(layers + (configIgnore.map { [$0] } ?? []))
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        for name in names where !name.hasPrefix(".") {
            let path = folder + "/" + name
            let k = key(path, top: top)
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let type = attributes?[.type] as? FileAttributeType
            if type == .typeDirectory {
                // Symbolic links to folders are not followed: no loops, no files outside the tree.
                if stack.isIgnored(k, isFolder: true) { continue }
                try walk(path, top: top, layers: layers, into: &out)
                if out.count > limit { throw TooMany(limit: limit) }
            } else if type == .typeRegular || type == .typeSymbolicLink {
                if type == .typeSymbolicLink {
                    var isFolder: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
                }
                if let globs {
                    guard globs.verdict(k, isFolder: false) == true else { continue }
                } else {
                    guard extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
                }
                if stack.isIgnored(k, isFolder: false) { continue }
                out.append(path)
            }
        }
    }
}
