import Foundation

extension MeshConfig {
    /// The `.mesh.yaml` a process uses, read once: the producer sends its text with every chunk, the specialist
    /// parses it. One place decides which file that is, so the two cannot drift apart.
    public struct File: Sendable, Equatable {
        public let path: String
        public let text: String

        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }

        /// `explicit` (a `--config` flag or `MESH_CONFIG`) when given, else the nearest `.mesh.yaml` from
        /// `directory` up (which must parse); nil when there is none.
        public static func find(explicit: String?, searchingFrom directory: String) throws -> File? {
            guard let path = try explicit ?? MeshConfig.discover(startingAt: directory)?.path else { return nil }
            guard let data = FileManager.default.contents(atPath: path) else { throw Unreadable(path: path) }
            return File(path: path, text: String(decoding: data, as: UTF8.self))
        }

        /// The file at `path` could not be read.
        public struct Unreadable: Error, CustomStringConvertible {
            public let path: String
            public init(path: String) { self.path = path }
            public var description: String { "cannot read config \(path)" }
        }
    }
}
